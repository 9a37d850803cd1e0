// The detection tick: for every active topic, feed each newly completed bucket's signals to the topic's
// detectors (volume, negative volume, negative share, reach), and open or update the topic's alert when
// one fires. Buckets are by publication time, so mentions backfilled from the past land in buckets
// already judged and never fire a "spike" now; after downtime, buckets older than CATCH_UP_ALERT_MS
// are learned from but do not alert. A source whose clock runs ahead cannot publish in the future: a
// mention counts at the earlier of its publication and collection times. The bucket size is the
// organisation's setting (default 5 minutes); changing it makes every topic relearn from history. The
// daily and weekly rhythm follow the organisation's time zone.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { orgTimeZone } from '../../people/server/org.ts';
import type { SignalMove, SignalName } from '../contract.ts';
import { type Sensitivity, SeriesDetector, type Verdict } from '../detector.ts';
import { openOrUpdateAlert, settingsOf } from './alert-open.ts';
import { evaluateRules } from './rules.ts';

/** What the tick needs. */
export type WarningDeps = { db: Db; clock: Clock };

/** When a mention counts: its publication time, unless its source's clock put that after its collection. */
const AT = sql`least(m.published_at, m.collected_at)`;
/** A bucket is judged this long after it ends, so collection lag does not cut it short. */
const LAG_MS = 60_000;
/** A new topic learns from this much history first (cold start). */
const HISTORY_MS = 14 * 86_400_000;
/** Buckets ending longer ago than this (catching up after downtime) teach but do not alert. */
const CATCH_UP_ALERT_MS = 30 * 60_000;
/** Negative share is judged only on buckets with at least this many mentions. */
const MIN_SHARE_VOLUME = 5;
/** Reach (log(1 + reach)) is credited with at least this much noise: an alert takes several times the usual reach. */
const REACH_NOISE_FLOOR = 0.5;
const SIGNALS: SignalName[] = ['volume', 'negative', 'negative_share', 'reach'];
const LOCK = 715_010;

type Bucket = { volume: number; negative: number; reach: number };
type TopicRow = { id: string; org_id: string; name: string; sensitivity: Sensitivity };

function newDetector(signal: SignalName, sensitivity: Sensitivity, timeZone: string) {
  const kind = signal === 'volume' || signal === 'negative' ? 'count' : 'continuous';
  return new SeriesDetector({ kind, direction: 'up', sensitivity, timeZone });
}

/** The value a signal takes in a bucket, or null when the bucket says nothing about it. */
function signalValue(signal: SignalName, b: Bucket): number | null {
  if (signal === 'volume') return b.volume;
  if (signal === 'negative') return b.negative;
  // Reach says how far the mentions there are travel; a bucket without any says nothing about it. Counted as 0,
  // a quiet topic's empty buckets taught the reach model a zero level with zero noise, and then any post at all
  // was a deviation of millions (the demo's calm alerted on reach before its incident).
  if (signal === 'reach') return b.volume > 0 ? Math.log1p(b.reach) : null;
  return b.volume >= MIN_SHARE_VOLUME ? b.negative / b.volume : null;
}

/** Back from the detector's units to the signal's (reach is modelled as log(1 + reach)). */
function shown(signal: SignalName, x: number): number {
  return signal === 'reach' ? Math.expm1(x) : x;
}

/** What moved, in the signal's own units. */
function moveOf(signal: SignalName, v: number, verdict: Verdict): SignalMove {
  return {
    signal,
    observed: shown(signal, v),
    expected: shown(signal, verdict.expected),
    low: shown(signal, verdict.low),
    high: shown(signal, verdict.high),
    deviation: verdict.deviation,
  };
}

/** Per-topic, per-bucket counts of an organisation's mentions published in [from, to). */
async function bucketCounts(db: Executor, orgId: string, from: Date, to: Date, bucketMs: number, topicId?: string) {
  const r = await db.execute<{ topic: string; b: string; volume: number; negative: number; reach: string }>(sql`
    SELECT t.topic, floor(extract(epoch FROM ${AT}) * 1000 / ${bucketMs})::bigint AS b,
      count(*)::int AS volume, count(*) FILTER (WHERE m.sentiment = -1)::int AS negative, coalesce(sum(m.reach), 0)::bigint AS reach
    FROM mentions m CROSS JOIN LATERAL unnest(m.topic_ids) AS t(topic)
    WHERE m.org_id = ${orgId} AND m.published_at >= ${from.toISOString()} AND ${AT} >= ${from.toISOString()} AND ${AT} < ${to.toISOString()}
      ${topicId ? sql`AND m.topic_ids @> ARRAY[${topicId}]::uuid[] AND t.topic = ${topicId}` : sql``}
    GROUP BY 1, 2`);
  const out = new Map<string, Map<number, Bucket>>();
  for (const row of r.rows) {
    if (!out.has(row.topic)) out.set(row.topic, new Map());
    out.get(row.topic)?.set(Number(row.b), { volume: row.volume, negative: row.negative, reach: Number(row.reach) });
  }
  return out;
}

/**
 * The bucket number where the organisation's mentions start within the window from `from` (by publication: the
 * mentions index answers at once), or null when it has none: how far back it has been listening.
 */
async function coverageStart(db: Executor, orgId: string, from: number, bucketMs: number): Promise<number | null> {
  const r = await db.execute<{ first: string | null }>(
    sql`SELECT min(published_at) AS first FROM mentions WHERE org_id = ${orgId} AND published_at >= ${new Date(from).toISOString()}`,
  );
  const first = r.rows[0]?.first;
  return first ? Math.floor(new Date(first).getTime() / bucketMs) : null;
}

/** Runs one detection tick over every organisation; returns what it did. */
export async function runDetection(deps: WarningDeps) {
  const now = deps.clock.now();
  const done = { topics: 0, buckets: 0, opened: 0, updated: 0, rulesFired: 0 };
  const orgs = await deps.db.execute<{ org_id: string }>(sql`SELECT DISTINCT org_id FROM topics WHERE NOT archived`);
  // One organisation's failure (say, a time zone the runtime no longer knows) does not stop the others;
  // it is reported after they have all run, so the job fails visibly and is retried.
  const failures: unknown[] = [];
  for (const { org_id } of orgs.rows) {
    let r: Awaited<ReturnType<typeof runForOrg>>;
    try {
      r = await runForOrg(deps, org_id, now);
    } catch (e) {
      failures.push(e);
      continue;
    }
    done.topics += r.topics;
    done.buckets += r.buckets;
    done.opened += r.opened;
    done.updated += r.updated;
    done.rulesFired += r.rulesFired;
  }
  if (failures.length) throw new AggregateError(failures, `detection failed for ${failures.length} organisation(s)`);
  return done;
}

async function runForOrg(deps: WarningDeps, orgId: string, now: Date) {
  const done = { topics: 0, buckets: 0, opened: 0, updated: 0, rulesFired: 0 };
  await deps.db.transaction(async (tx) => {
    // One tick per organisation at a time, across processes.
    const got = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${LOCK}, hashtext(${orgId})) AS ok`);
    if (!got.rows[0].ok) return;
    const bucketMs = (await settingsOf(tx, orgId)).bucketMinutes * 60_000;
    const latestEnd = Math.floor((now.getTime() - LAG_MS) / bucketMs) * bucketMs;
    const timeZone = await orgTimeZone(tx, orgId);
    const kind = await tx.execute<{ kind: string }>(sql`SELECT kind FROM organisations WHERE id = ${orgId}`);
    const live = kind.rows[0]?.kind === 'live';
    const topics = await tx.execute<TopicRow>(
      sql`SELECT id, org_id, name, sensitivity FROM topics WHERE org_id = ${orgId} AND NOT archived ORDER BY created_at`,
    );
    // States learned with another bucket size or in another time zone (hours of the day would be read
    // shifted) are not carried over: those topics relearn from history, keeping their cool-down.
    const states = await tx.execute<{
      topic_id: string;
      signal: SignalName;
      last_bucket_end: Date;
      state: Record<string, unknown>;
      current: boolean;
    }>(sql`
      SELECT topic_id, signal, last_bucket_end, state,
        bucket_ms = ${bucketMs} AND state->>'timeZone' IS NOT DISTINCT FROM ${timeZone} AS current
      FROM detector_states WHERE org_id = ${orgId} FOR UPDATE`);
    const byTopic = new Map<string, Map<SignalName, { end: number; detector: SeriesDetector }>>();
    const relearning = new Map<string, Map<SignalName, number>>(); // topic → signal → last alert time
    for (const s of states.rows) {
      const detector = SeriesDetector.restore(s.state);
      if (!s.current) {
        if (!relearning.has(s.topic_id)) relearning.set(s.topic_id, new Map());
        relearning.get(s.topic_id)?.set(s.signal, detector.lastAlertAt());
        continue;
      }
      if (!byTopic.has(s.topic_id)) byTopic.set(s.topic_id, new Map());
      byTopic.get(s.topic_id)?.set(s.signal, { end: new Date(s.last_bucket_end).getTime(), detector });
    }
    // New buckets for the topics already running, in one pass over the organisation's recent mentions.
    const known = [...byTopic.values()].flatMap((m) => [...m.values()].map((x) => x.end));
    const from = known.length ? Math.max(Math.min(...known), latestEnd - HISTORY_MS) : latestEnd;
    const recent = from < latestEnd ? await bucketCounts(tx, orgId, new Date(from), new Date(latestEnd), bucketMs) : new Map();
    // The bucket still filling up, judged early (see below).
    const currentStart = Math.floor(now.getTime() / bucketMs) * bucketMs;
    const filling = await bucketCounts(tx, orgId, new Date(currentStart), now, bucketMs);
    // Where the organisation's mentions start in the window: read once, for however many topics start cold.
    let coverage: number | null | undefined;
    for (const topic of topics.rows) {
      let detectors = byTopic.get(topic.id);
      let counts = recent.get(topic.id) ?? new Map<number, Bucket>();
      let start: number;
      if (!detectors || detectors.size < SIGNALS.length) {
        // Cold start: learn from the topic's stored history, quietly, up to the latest complete bucket.
        detectors = new Map(
          SIGNALS.map((s) => [s, { end: latestEnd - HISTORY_MS, detector: newDetector(s, topic.sensitivity, timeZone) }]),
        );
        counts =
          (await bucketCounts(tx, orgId, new Date(latestEnd - HISTORY_MS), new Date(latestEnd), bucketMs, topic.id)).get(topic.id) ??
          new Map();
        // From the topic's first match or, earlier, from when the organisation's mentions start in the window: the
        // silence before a quiet topic's first post is what makes that post news (a topic made during a fire, or a
        // drill's incident topic, would otherwise learn the fire itself as its normal).
        if (coverage === undefined) coverage = await coverageStart(tx, orgId, latestEnd - HISTORY_MS, bucketMs);
        const first = Math.min(...counts.keys(), coverage ?? Infinity);
        start = Number.isFinite(first) ? Math.min(first * bucketMs, latestEnd) : latestEnd;
        for (const [signal, d] of detectors) {
          d.end = start;
          d.detector.holdFrom(relearning.get(topic.id)?.get(signal) ?? Number.NEGATIVE_INFINITY);
        }
      } else {
        start = Math.max(Math.min(...[...detectors.values()].map((d) => d.end)), latestEnd - HISTORY_MS);
      }
      for (const [signal, d] of detectors) {
        d.detector.setSensitivity(topic.sensitivity);
        d.detector.setTimeZone(timeZone);
        if (signal === 'reach') d.detector.setNoiseFloor(REACH_NOISE_FLOOR);
      }
      // Buckets where a detector fired (or, with an alert open, where signals are still above their band).
      const fired: Array<{ bucketEnd: number; moves: SignalMove[]; fresh: boolean }> = [];
      for (let end = start + bucketMs; end <= latestEnd; end += bucketMs) {
        const b = counts.get(end / bucketMs - 1) ?? { volume: 0, negative: 0, reach: 0 };
        // History teaches; only the last minutes are judged — for a new topic too (made during a fire, it says so at
        // once), except in a demo or drill, whose topics start with a scenario played faster than its history.
        const alerting = latestEnd - end < CATCH_UP_ALERT_MS && (live || byTopic.has(topic.id) || relearning.has(topic.id));
        const moves: SignalMove[] = [];
        let fresh = false;
        for (const signal of SIGNALS) {
          const d = detectors.get(signal);
          if (!d || end <= d.end) continue;
          d.end = end;
          const v = signalValue(signal, b);
          if (v === null) continue;
          if (!alerting) {
            d.detector.learn(end - bucketMs, v);
            continue;
          }
          const verdict: Verdict = d.detector.step(end - bucketMs, v);
          if (verdict.score < 0.5 || verdict.deviation <= 0) continue;
          fresh ||= verdict.alert;
          moves.push(moveOf(signal, v, verdict));
        }
        done.buckets++;
        if (moves.length) fired.push({ bucketEnd: end, moves, fresh });
      }
      // A bucket still filling up that already crosses the line alerts now, not at its end: its counts
      // can only grow, so judging them against a whole bucket's expectation is conservative. Nothing
      // is learned from it (peek); the whole bucket is judged when complete.
      const partial = filling.get(topic.id)?.get(currentStart / bucketMs);
      if (partial && (byTopic.has(topic.id) || relearning.has(topic.id)) && !fired.some((f) => f.fresh)) {
        const moves: SignalMove[] = [];
        for (const signal of ['volume', 'negative', 'reach'] as const) {
          const d = detectors.get(signal);
          const v = signalValue(signal, partial);
          if (!d || v === null) continue;
          const verdict = d.detector.peek(currentStart, v);
          if (verdict.alert && verdict.deviation > 0) moves.push(moveOf(signal, v, verdict));
        }
        if (moves.length) fired.push({ bucketEnd: now.getTime(), moves, fresh: true });
      }
      await saveStates(tx, orgId, topic.id, detectors, now, bucketMs);
      for (const f of fired) {
        const r = await openOrUpdateAlert(tx, deps.clock, orgId, topic, f.bucketEnd, bucketMs, f.moves, { openIfNone: f.fresh });
        if (r === 'opened') done.opened++;
        if (r === 'updated') done.updated++;
      }
      done.topics++;
    }
    done.rulesFired = await evaluateRules(tx, deps.clock, orgId, now, bucketMs);
  });
  return done;
}

async function saveStates(
  tx: Executor,
  orgId: string,
  topicId: string,
  detectors: Map<SignalName, { end: number; detector: SeriesDetector }>,
  now: Date,
  bucketMs: number,
) {
  for (const [signal, d] of detectors) {
    await tx.execute(sql`
      INSERT INTO detector_states (topic_id, signal, org_id, bucket_ms, last_bucket_end, state, updated_at)
      VALUES (${topicId}, ${signal}, ${orgId}, ${bucketMs}, ${new Date(d.end).toISOString()}, ${JSON.stringify(d.detector.snapshot())}::jsonb, ${now.toISOString()})
      ON CONFLICT (topic_id, signal) DO UPDATE SET bucket_ms = EXCLUDED.bucket_ms, last_bucket_end = EXCLUDED.last_bucket_end, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`);
  }
}
