// Monitoring dashboard latency over a large synthetic mentions table (default 1,000,000 rows over 60
// days): each view's end-to-end time (p50/max), and EXPLAIN ANALYZE of its heaviest queries. Prints JSON.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dashboardQuery } from '../src/features/monitoring/dashboard-contract.ts';
import { monitoringDashboard } from '../src/features/monitoring/server/dashboard.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createDb } from '../src/platform/db.ts';
import { startBenchDatabase } from './database.ts';
import { rng, syntheticMentions } from './synthetic.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } } });
const COUNT = Number(values.count);
const RUNS = Number(values.runs);
const DAYS = 60;
const log = (m: string) => process.stderr.write(`${m}\n`);
const esc = (s: string | null) =>
  s === null ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

const bench = await startBenchDatabase('dashboard');
try {
  const db = new pg.Client({ connectionString: bench.url });
  await db.connect();
  const orgId = (await db.query(`INSERT INTO organisations (name) VALUES ('Bench') RETURNING id`)).rows[0].id as string;
  const sourceIds: string[] = [];
  for (const s of ['ptt', 'dcard', 'threads', 'news', 'youtube'])
    sourceIds.push(
      (await db.query(`INSERT INTO sources (org_id, kind, name) VALUES ($1, 'push', $2) RETURNING id`, [orgId, s])).rows[0].id,
    );
  // A big topic (~30% of mentions), a middling one (~5%) and a small one (~0.5%).
  const topics: string[] = [];
  for (const name of ['big', 'middle', 'small'])
    topics.push((await db.query(`INSERT INTO topics (org_id, name, query) VALUES ($1, $2, 'x') RETURNING id`, [orgId, name])).rows[0].id);
  log(`loading ${COUNT} mentions over ${DAYS} days with COPY…`);
  const r = rng(7);
  const now = Date.now();
  const t0 = performance.now();
  const chunk = 50_000;
  for (let start = 0; start < COUNT; start += chunk) {
    const items = syntheticMentions(Math.min(chunk, COUNT - start), 5000 + start);
    const lines = items.map((m, i) => {
      const id = start + i + 1;
      const repost = id > 100 && r() < 0.1;
      const x = r();
      const sentiment = x < 0.4 ? -1 : x < 0.75 ? 0 : 1;
      const t = [r() < 0.3 ? topics[0] : null, r() < 0.05 ? topics[1] : null, r() < 0.005 ? topics[2] : null].filter(Boolean);
      const followers = m.authorFollowers as number;
      return [
        id,
        orgId,
        sourceIds[Math.floor(r() * sourceIds.length)],
        `b${id}`,
        esc(m.author as string),
        String(followers),
        esc(m.text as string),
        'zh-Hant',
        new Date(now - Math.floor(r() * DAYS * 86_400_000)).toISOString(),
        new Date(now).toISOString(),
        String(Math.round(followers * 0.1 + r() * 500)),
        'x',
        '0',
        repost ? String(id - 1 - Math.floor(r() * Math.min(id - 1, 2000))) : String(id),
        String(sentiment),
        '0',
        '0.5',
        `{${t.join(',')}}`,
        '',
      ].join('\t');
    });
    await new Promise<void>((resolve, reject) => {
      const s = db.query(
        copyFrom(`COPY mentions (id, org_id, source_id, external_key, author, author_followers, text, lang, published_at, collected_at,
          reach, text_hash, simhash, cluster_id, sentiment, sentiment_score, sentiment_confidence, topic_ids, search) FROM STDIN`),
      );
      s.on('finish', () => resolve());
      s.on('error', reject);
      s.end(`${lines.join('\n')}\n`);
    });
    if ((start / chunk) % 4 === 0) log(`  ${start + items.length}`);
  }
  const loadS = (performance.now() - t0) / 1000;
  await db.query('VACUUM ANALYZE mentions');

  const database = createDb(bench.url, { max: 10 });
  const deps = { db: database.db, clock: systemClock };
  const principal = { kind: 'system' as const, orgId, label: 'bench' };
  const views: Record<string, Record<string, string>> = {
    'all 24h hourly': { range: '24h' },
    'all 7d daily': { range: '7d' },
    'all 7d hourly': { range: '7d', bucket: 'hour' },
    'all 30d daily': { range: '30d' },
    'big topic 30d daily': { range: '30d', topicId: topics[0] },
    'middle topic 7d hourly': { range: '7d', bucket: 'hour', topicId: topics[1] },
    'small topic 30d daily': { range: '30d', topicId: topics[2] },
  };
  const timeViews = async (label: string) => {
    const out: Record<string, unknown> = {};
    for (const [name, q] of Object.entries(views)) {
      const query = dashboardQuery.parse({ tz: 'Asia/Taipei', ...q });
      const times: number[] = [];
      let mentions = 0;
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        const d = await monitoringDashboard(deps, principal, query);
        times.push(performance.now() - s);
        mentions = d.totals.mentions;
      }
      times.sort((a, b) => a - b);
      out[name] = { mentions, p50Ms: Math.round(times[Math.floor(times.length / 2)]), maxMs: Math.round(times[times.length - 1]) };
      log(`${label} ${name}: ${JSON.stringify(out[name])}`);
    }
    return out;
  };
  const timings = await timeViews('');

  // Each query of a view on its own (sequentially), and the plan of the slowest ones.
  const dialect = new PgDialect();
  const perQuery: Record<string, Array<{ query: string; ms: number }>> = {};
  const plans: Record<string, string[]> = {};
  for (const name of ['all 30d daily', 'big topic 30d daily', 'middle topic 7d hourly', 'small topic 30d daily']) {
    const recorded: Array<{ query: string; ms: number; sql: string; params: unknown[] }> = [];
    const wrap = (ex: { execute: (q: SQL) => Promise<unknown> }) => ({
      execute: async (q: SQL) => {
        const s = performance.now();
        const r = await ex.execute(q);
        const { sql: text, params } = dialect.sqlToQuery(q);
        if (!text.startsWith('SET ')) {
          recorded.push({ query: text.replace(/\s+/g, ' ').trim().slice(0, 70), ms: Math.round(performance.now() - s), sql: text, params });
        }
        return r;
      },
    });
    const traced = {
      ...wrap(database.db),
      transaction: <T>(fn: (tx: unknown) => Promise<T>) => database.db.transaction((tx) => fn(wrap(tx))),
    };
    const s = performance.now();
    await monitoringDashboard(
      { db: traced as unknown as typeof database.db, clock: systemClock },
      principal,
      dashboardQuery.parse({ tz: 'Asia/Taipei', ...views[name] }),
    );
    perQuery[name] = [
      ...recorded.map(({ query, ms }) => ({ query, ms })),
      { query: '(whole view, sequential)', ms: Math.round(performance.now() - s) },
    ];
    for (const slow of recorded.sort((a, b) => b.ms - a.ms).slice(0, 2)) {
      await db.query(`SET work_mem = '64MB'; SET enable_sort = off`); // as the service does for its aggregate
      const res = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${slow.sql}`, slow.params);
      await db.query('RESET work_mem; RESET enable_sort');
      plans[`${name}: ${slow.query}`] = res.rows.map((x) => x['QUERY PLAN'] as string);
    }
  }

  // What a covering index on the period scan would buy (not in the schema; measured here for the decision).
  await db.query('CREATE INDEX bench_cover ON mentions (org_id, published_at) INCLUDE (sentiment, reach, source_id, cluster_id, id)');
  await db.query('VACUUM ANALYZE mentions');
  const withCoveringIndex = await timeViews('covering index:');
  console.log(
    JSON.stringify(
      {
        machine: { cpus: os.cpus().length, node: process.versions.node, loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))) },
        rows: COUNT,
        days: DAYS,
        loadSeconds: Math.round(loadS),
        timings,
        perQuery,
        plans,
        withCoveringIndex,
      },
      null,
      2,
    ),
  );
  await database.close();
  await db.end();
} finally {
  await bench.stop();
}
