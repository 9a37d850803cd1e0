// Search everywhere (搜尋): one box over mentions, crises, tasks, timeline notes, statements, documents and
// attachments' text. Candidates come from the GIN indexes (the plan of search-query.ts as `$1::tsquery`), each
// candidate is rechecked on its normalised text, and ranked by relevance × recency across kinds.
//
// Permissions are part of every candidate query, never applied afterwards to a result list: mentions only with
// `mention.read`; crises, tasks, notes and statements by the crises feature's rights (admins and managers all,
// members the crises whose team they are on — `crisis_members`); documents and attachments joined LIVE to
// `documents` with `documentVisibleSql`, after `guestGate` for guests. Hits, totals and facets are all computed
// from those rows only, so nothing the reader may not open changes any number they see.
//
// Counting is bounded: at most COUNT_CAP + 1 candidates per kind are read (newest first); a kind with more is
// reported at the cap (the web app shows "1000+"), and ranking orders the candidates read.
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import { actorOf, type Principal } from '../../../platform/http.ts';
import { guestGate, isGuest } from '../../people/server/guest-gate.ts';
import { can } from '../../people/server/policies.ts';
import {
  type Classification,
  MAX_QUERY,
  type SearchHit,
  type SearchKind,
  type SearchResult,
  searchKinds,
  type searchQuery,
} from '../contract.ts';
import { documentVisibleSql } from './access.ts';
import type { DocumentDeps } from './deps.ts';
import { catchUpIndex } from './search-indexer.ts';
import { parseSearch, recheck, type SearchTerms, scoreOf, snippetOf } from './search-query.ts';

/** Counts stop here (reported as `countCap`). */
export const COUNT_CAP = 1000;
/** Batches of events the request's own catch-up may index before searching. */
const CATCH_UP_BATCHES = 4;

type Query = import('zod').infer<typeof searchQuery>;
type Row = {
  kind: SearchKind;
  id: string;
  title: string | null;
  body: string;
  at: string | Date;
  crisis_id: string | null;
  document_id: string | null;
  classification: Classification | null;
};

const CRISIS_KINDS = ['crisis', 'task', 'note', 'statement'] as const;
const DOC_KINDS = ['document', 'attachment'] as const;

/** The kinds this reader may search, narrowed by the request's filters. */
function kindsFor(p: Principal, q: Query): SearchKind[] {
  let asked: SearchKind[] = [...searchKinds];
  if (q.kinds) {
    const list = q.kinds
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    const bad = list.find((k) => !(searchKinds as readonly string[]).includes(k));
    if (bad)
      throw new AppError('validation_failed', `Unknown kind “${bad}”.`, {
        errors: [{ path: 'kinds', message: `Unknown kind “${bad}”.`, code: 'unknown_kind' }],
      });
    asked = list as SearchKind[];
  }
  return asked.filter((k) => {
    if (isGuest(p)) return k === 'document' || k === 'attachment';
    if (k === 'mention') return can(p, 'mention.read') && !q.classification && !q.crisisId;
    if ((CRISIS_KINDS as readonly string[]).includes(k)) return can(p, 'crisis.read') && !q.classification;
    return can(p, 'document.read');
  });
}

/** "May read the crisis `e.crisis_id`" for the crises feature's kinds (org already checked on the entry). */
function crisisVisibleSql(p: Principal): SQL {
  if (p.kind !== 'user') return sql`false`;
  if (p.role === 'admin' || p.role === 'manager') return sql`true`;
  if (p.role === 'member')
    // An uncorrelated IN: one hashed subplan per query, not a lookup per candidate row (see access.ts).
    return sql`e.crisis_id IN (SELECT cm.crisis_id FROM crisis_members cm WHERE cm.user_id = ${p.userId})`;
  return sql`false`;
}

/** Up to COUNT_CAP + 1 candidates of each entry kind, newest first, with the reader's rights applied. */
async function entryCandidates(deps: DocumentDeps, p: Principal, q: Query, s: SearchTerms, kinds: SearchKind[]): Promise<Row[]> {
  const crisisKinds = kinds.filter((k) => (CRISIS_KINDS as readonly string[]).includes(k));
  const docKinds = kinds.filter((k) => (DOC_KINDS as readonly string[]).includes(k));
  if (!crisisKinds.length && !docKinds.length) return [];
  const now = deps.clock.now();
  const visible: SQL[] = [];
  if (crisisKinds.length) {
    const crisisFilter = q.crisisId ? sql`AND e.crisis_id = ${q.crisisId}` : sql``;
    visible.push(sql`(e.kind = ANY(${sql.param(crisisKinds)}::text[]) AND ${crisisVisibleSql(p)} ${crisisFilter})`);
  }
  if (docKinds.length) {
    const f: SQL[] = [];
    if (q.crisisId) f.push(sql`AND d.crisis_id = ${q.crisisId}`);
    if (q.classification) f.push(sql`AND d.classification = ${q.classification}`);
    visible.push(
      sql`(e.kind = ANY(${sql.param(docKinds)}::text[]) AND d.id IS NOT NULL AND ${documentVisibleSql(p, now, 'd')} ${sql.join(f, sql` `)})`,
    );
  }
  const when: SQL[] = [];
  if (q.from) when.push(sql`AND e.at >= ${q.from}`);
  if (q.to) when.push(sql`AND e.at < ${q.to}`);
  // One GIN scan for every kind, then the newest COUNT_CAP + 1 of each. (A LATERAL subquery per kind, ordered by
  // (org_id, at) so it could stop early, measured 1.5–5× slower for a member in bench:search-everywhere: the
  // backward walk evaluates the visibility subplans on every row it passes.)
  const r = await deps.db.execute<Row>(sql`
    SELECT kind, id, title, body, at, crisis_id, document_id, classification FROM (
      SELECT e.kind, e.ref_id AS id, e.title, e.body, e.at,
        CASE WHEN e.kind IN ('document', 'attachment') THEN d.crisis_id ELSE e.crisis_id END AS crisis_id,
        d.id AS document_id, d.classification,
        row_number() OVER (PARTITION BY e.kind ORDER BY e.at DESC, e.ref_id DESC) AS rn
      FROM search_entries e
      LEFT JOIN documents d ON e.kind IN ('document', 'attachment')
        AND d.id = CASE WHEN e.kind = 'document' THEN e.ref_id::uuid ELSE e.parent_id END
      WHERE e.org_id = ${p.orgId} AND e.search @@ ${s.plan}::tsquery ${sql.join(when, sql` `)}
        AND (${sql.join(visible, sql` OR `)})
    ) x WHERE rn <= ${COUNT_CAP + 1}`);
  return r.rows;
}

/** Rows of the organisation's mentions the first time window is sized to hold (at the organisation's average rate). */
const FIRST_WINDOW_ROWS = 25_000;

/**
 * Up to COUNT_CAP + 1 mention candidates, newest first (the mention explorer's index and plan), read in at most three
 * time windows going back from the newest mention: the first sized to hold about FIRST_WINDOW_ROWS of the
 * organisation's mentions, the second to what the first one's match rate says is still missing (×1.5), then the rest.
 * Each window is a bitmap of the GIN index ANDed with the (org_id, published_at) range, so only the matches inside the
 * window are read from the table. In one query with ORDER BY … LIMIT, two frequent words (客服 態度: 18,000 matches in
 * 1,000,000 mentions) made the planner walk the time index backwards and read ~56,000 rows to find the newest 1,001
 * (300 ms), or bitmap-read all 18,000 matches to sort them (220 ms); windows read ~1,500 (50–60 ms). Index scans are
 * off in the windows' transaction so that a window is never walked row by row. The candidates are the same rows.
 */
export async function mentionCandidates(
  deps: Pick<DocumentDeps, 'db'>,
  p: Pick<Principal, 'orgId'>,
  q: Pick<Query, 'from' | 'to'>,
  s: Pick<SearchTerms, 'plan'>,
  firstWindowRows = FIRST_WINDOW_ROWS,
): Promise<Row[]> {
  const when: SQL[] = [];
  if (q.from) when.push(sql`AND m.published_at >= ${q.from}`);
  if (q.to) when.push(sql`AND m.published_at < ${q.to}`);
  return deps.db.transaction(async (tx) => {
    const span = (
      await tx.execute<{ newest: string | null; oldest: string | null; n: number | null }>(sql`
        SELECT (SELECT max(published_at) FROM mentions WHERE org_id = ${p.orgId}) AS newest,
               (SELECT min(published_at) FROM mentions WHERE org_id = ${p.orgId}) AS oldest,
               (SELECT reltuples FROM pg_class WHERE oid = 'mentions'::regclass) AS n`)
    ).rows[0];
    if (!span?.newest || !span.oldest) return [];
    await tx.execute(sql`SET LOCAL enable_indexscan = off`);
    const newest = new Date(span.newest).getTime();
    const oldest = new Date(span.oldest).getTime();
    // The organisation's average rate (the table's estimated row count over its time span: an overestimate when
    // several organisations share the table, which only makes the first window narrower).
    const perMs = Math.max(1, Number(span.n ?? 0)) / Math.max(1, newest - oldest);
    const rows: Row[] = [];
    let hi: number | null = null;
    let lo: number | null = newest - firstWindowRows / perMs;
    for (let step = 0; ; step++) {
      if (lo !== null && lo <= oldest) lo = null;
      const r = await tx.execute<Row>(sql`
        SELECT 'mention' AS kind, m.id::text AS id, m.title, m.text AS body, m.published_at AS at,
          NULL AS crisis_id, NULL AS document_id, NULL AS classification
        FROM mentions m WHERE m.org_id = ${p.orgId} AND m.search @@ ${s.plan}::tsquery ${sql.join(when, sql` `)}
          ${lo === null ? sql`` : sql`AND m.published_at >= ${new Date(lo).toISOString()}`}
          ${hi === null ? sql`` : sql`AND m.published_at < ${new Date(hi).toISOString()}`}
        ORDER BY m.published_at DESC, m.id DESC LIMIT ${COUNT_CAP + 1 - rows.length}`);
      rows.push(...r.rows);
      if (rows.length > COUNT_CAP || lo === null) return rows;
      const covered: number = newest - lo;
      const missing: number = COUNT_CAP + 1 - rows.length;
      hi = lo;
      // No match yet: look 15 times as far back; otherwise as far as the rate so far says, with a margin; the third
      // window is everything older.
      lo = step >= 1 ? null : lo - (rows.length ? (missing / rows.length) * covered * 1.5 : covered * 15);
    }
  });
}

function pathOf(r: Row): string {
  switch (r.kind) {
    case 'mention':
      return `/monitoring/mentions/${r.id}`;
    case 'crisis':
      return `/crises/${r.id}`;
    case 'task':
    case 'note':
      return `/crises/${r.crisis_id}`;
    case 'statement':
      return `/statements/${r.id}`;
    default:
      return `/documents/${r.document_id}`;
  }
}

type Scored = { row: Row; score: number; at: Date; match: NonNullable<ReturnType<typeof recheck>> };

/** Rechecks candidates and counts what is left per kind and classification (capped). */
function rank(rows: Row[], s: SearchTerms, now: Date) {
  const kind: Record<string, number> = {};
  const classification: Record<string, number> = {};
  const read: Record<string, number> = {};
  const hits: Scored[] = [];
  for (const row of rows) {
    read[row.kind] = (read[row.kind] ?? 0) + 1;
    const match = recheck(s, row.title ?? '', row.body);
    if (!match) continue;
    const at = new Date(row.at);
    hits.push({ row, at, match, score: scoreOf(s.terms.length, match, at, now) });
    kind[row.kind] = (kind[row.kind] ?? 0) + 1;
    if (row.classification) classification[row.classification] = (classification[row.classification] ?? 0) + 1;
  }
  // A kind whose candidates were cut off has at least the cap (counting stopped there).
  for (const [k, n] of Object.entries(read)) if (n > COUNT_CAP) kind[k] = COUNT_CAP;
  for (const k of Object.keys(kind)) kind[k] = Math.min(kind[k], COUNT_CAP);
  for (const k of Object.keys(classification)) classification[k] = Math.min(classification[k], COUNT_CAP);
  hits.sort((a, b) => b.score - a.score || b.at.getTime() - a.at.getTime() || a.row.id.localeCompare(b.row.id));
  const total = Math.min(
    COUNT_CAP,
    Object.values(kind).reduce((x, y) => x + y, 0),
  );
  return { hits, facets: { kind, classification }, total };
}

function hitOf(h: Scored): SearchHit {
  const r = h.row;
  // A mention without a title shows the start of its text as its title.
  const hasTitle = Boolean(r.title);
  const title = hasTitle ? (r.title as string) : r.body.slice(0, 60);
  const { snippet, highlights } = snippetOf(r.body, h.match.body);
  return {
    kind: r.kind,
    id: r.id,
    title,
    titleHighlights: hasTitle ? h.match.title : [],
    snippet,
    highlights,
    crisisId: r.crisis_id,
    classification: r.classification,
    documentId: r.kind === 'document' || r.kind === 'attachment' ? r.document_id : null,
    at: h.at.toISOString(),
    path: pathOf(r),
  };
}

/** Searches everything the principal may open. Guests' searches are recorded (the access report lists them). */
export async function searchEverything(deps: DocumentDeps, p: Principal, q: Query, meta: { requestId?: string; ip?: string } = {}) {
  const started = performance.now();
  if (q.q.length > MAX_QUERY)
    throw new AppError('query_too_long', `The search is longer than ${MAX_QUERY} characters; shorten it.`, {
      errors: [{ path: 'q', message: `at most ${MAX_QUERY} characters`, code: 'too_long', limit: MAX_QUERY }],
    });
  await guestGate(deps.db, p);
  const terms = parseSearch(q.q);
  const kinds = kindsFor(p, q);
  let result: Omit<SearchResult, 'tookMs'> = { hits: [], facets: { kind: {}, classification: {} }, total: 0, countCap: COUNT_CAP };
  if (terms && kinds.length) {
    // A change made just before this search is found by it: index what the spine has since the last run
    // (skipped when another process is indexing; the minute job catches up then).
    if (kinds.some((k) => (CRISIS_KINDS as readonly string[]).includes(k))) await catchUpIndex(deps.db, deps.clock, CATCH_UP_BATCHES);
    const [entries, mentions] = await Promise.all([
      entryCandidates(deps, p, q, terms, kinds),
      kinds.includes('mention') ? mentionCandidates(deps, p, q, terms) : Promise.resolve([]),
    ]);
    const ranked = rank([...entries, ...mentions], terms, deps.clock.now());
    result = {
      hits: ranked.hits.slice(q.offset, q.offset + q.limit).map(hitOf),
      facets: ranked.facets,
      total: ranked.total,
      countCap: COUNT_CAP,
    };
  }
  if (isGuest(p) && p.kind === 'user') {
    await deps.db.transaction((tx) =>
      recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: 'search.performed',
        actor: actorOf(p),
        subjectType: 'search',
        data: { query: q.q, total: result.total },
        orgRoom: false,
        ...meta,
      }),
    );
  }
  return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
