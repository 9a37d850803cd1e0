// Mention candidates of search everywhere: up to COUNT_CAP + 1 matches of `mentions.search` (the mention explorer's
// index and plan), newest first — exactly the rows of one plain `ORDER BY published_at DESC, id DESC LIMIT` query,
// read the cheaper of two ways, chosen from the column's statistics:
// - few matches: all of them, narrowly (row address, time, id) in one bitmap scan of the GIN index, then the text of
//   the newest COUNT_CAP + 1 only (fetched by row address);
// - many: in up to three time windows going back from the newest mention, each a GIN bitmap ANDed with the
//   (org_id, published_at) range, so only the matches inside the window are read from the table.
// Reading a match from the table costs about as much as thirty time-index entries in a window's bitmap (bench:
// search-everywhere: ~0.2 µs an entry; ~2 µs a match whose page is in shared buffers, ~15 µs when it must come from
// the OS cache — 1,000,000 mentions are 590 MB against 128 MB of buffers), so reading all T matches beats a window of
// the W rows that hold COUNT_CAP + 1 of them (W = 1.5 × cap × rows / T) while 30 T < W. The expected T comes from the
// column's statistics (most common lexemes). A wrong estimate costs time, never rows: the whole read stops at twice
// its limit and falls back to windows, and windows that come up short reach back to the oldest mention.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/http.ts';
import { termQuery } from '../../../platform/text/tokenise.ts';
import type { searchQuery } from '../contract.ts';
import type { DocumentDeps } from './deps.ts';
import { COUNT_CAP, type Row } from './search-candidates.ts';
import type { SearchTerms } from './search-query.ts';

type Query = import('zod').infer<typeof searchQuery>;

/** Rows of the organisation's mentions the first time window holds at least (at the organisation's average rate). */
const FIRST_WINDOW_ROWS = 25_000;
/** Reading one match from the table, in time-index entries of a window's bitmap. */
const HEAP_READ_COST = 30;
/** Words searched together occur together more often than independent words would (bench: 1.3–1.5×). */
const TOGETHER = 1.5;
/** Margin of a window's size over what the match rate says it needs. */
const WINDOW_MARGIN = 1.5;

/** The lexemes of each term (unquoted), as the plan asks for them; prefix lexemes (`x:*`) left out. */
export function termLexemes(terms: SearchTerms['terms']): string[][] {
  return terms.map((t) =>
    (termQuery(t.value) ?? '')
      .split(' & ')
      .filter((l) => l.startsWith("'") && l.endsWith("'"))
      .map((l) => l.slice(1, -1).replaceAll("''", "'").replaceAll('\\\\', '\\')),
  );
}

/**
 * Expected matches among `rows` rows, from the frequencies of the column's most common lexemes (`freq`; a lexeme
 * not among them is at most `minFreq`): the lexemes of one term overlap (鼎泰豐 = 鼎泰 & 泰丰), so its rarest one
 * bounds it; terms are taken as independent, times TOGETHER. A term with no exact lexeme counts as matching all.
 */
export function expectedMatches(lexemes: string[][], freq: Map<string, number>, minFreq: number, rows: number): number {
  let f = TOGETHER;
  for (const term of lexemes) f *= Math.min(1, ...term.map((l) => freq.get(l) ?? minFreq));
  return Math.min(rows, f * rows);
}

/** The most matches worth reading whole instead of in windows, for a table of `rows` rows (see the file's head). */
export function wholeReadLimit(rows: number): number {
  return Math.sqrt((WINDOW_MARGIN * (COUNT_CAP + 1) * rows) / HEAP_READ_COST);
}

type Span = {
  newest: string | null;
  oldest: string | null;
  n: number | null;
  min_freq: number | null;
  freqs: Array<[string, number]> | null;
};

/** The organisation's time span, the table's size and the statistics of the lexemes asked for. */
async function spanOf(tx: Executor, orgId: string, lexemes: string[]): Promise<Span | undefined> {
  const stats = sql`(SELECT s.most_common_elems, s.most_common_elem_freqs FROM pg_stats s
    WHERE (s.schemaname, s.tablename) = (SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = 'mentions'::regclass) AND s.attname = 'search') s`;
  const r = await tx.execute<Span>(sql`
    SELECT (SELECT max(published_at) FROM mentions WHERE org_id = ${orgId}) AS newest,
           (SELECT min(published_at) FROM mentions WHERE org_id = ${orgId}) AS oldest,
           (SELECT reltuples FROM pg_class WHERE oid = 'mentions'::regclass) AS n,
           (SELECT s.most_common_elem_freqs[array_length(s.most_common_elem_freqs, 1) - 2] FROM ${stats}) AS min_freq,
           (SELECT json_agg(json_build_array(x.elem, x.freq)) FROM ${stats}
              CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(elem, freq)
              WHERE x.elem = ANY(${sql.param(lexemes)}::text[])) AS freqs`);
  return r.rows[0];
}

/** Every match (up to `bound`) read narrowly, then the newest COUNT_CAP + 1 with their text; null past `bound`. */
export async function wholeRead(tx: Executor, orgId: string, plan: string, when: SQL[], bound: number): Promise<Row[] | null> {
  const r = await tx.execute<Row & { matches: number }>(sql`
    WITH hit AS MATERIALIZED (
      SELECT m.ctid AS row_at, m.id, m.published_at FROM mentions m
      WHERE m.org_id = ${orgId} AND m.search @@ ${plan}::tsquery ${sql.join(when, sql` `)} LIMIT ${bound}
    ), picked AS MATERIALIZED (SELECT * FROM hit ORDER BY published_at DESC, id DESC LIMIT ${COUNT_CAP + 1})
    SELECT (SELECT count(*) FROM hit)::int AS matches, 'mention' AS kind, m.id::text AS id, m.title, m.text AS body,
      m.published_at AS at, NULL AS crisis_id, NULL AS document_id, NULL AS classification
    FROM picked c JOIN mentions m ON m.ctid = c.row_at ORDER BY c.published_at DESC, c.id DESC`);
  if (r.rows.length && r.rows[0].matches >= bound) return null;
  return r.rows.map(({ matches: _, ...row }) => row);
}

/**
 * The windows: the first sized to hold about `firstWindowRows` of the organisation's mentions, the second to what the
 * first one's match rate says is still missing (×1.5), then the rest. In one query with ORDER BY … LIMIT, two
 * frequent words (客服 態度: 18,000 matches in 1,000,000 mentions) made the planner walk the time index backwards and
 * read ~56,000 rows to find the newest 1,001 (300 ms), or bitmap-read all 18,000 matches with their text to sort them
 * (220 ms); windows read ~1,500.
 */
async function windows(
  tx: Executor,
  orgId: string,
  plan: string,
  when: SQL[],
  span: { newest: number; oldest: number; perMs: number },
  firstWindowRows: number,
) {
  const { newest, oldest, perMs } = span;
  const rows: Row[] = [];
  let hi: number | null = null;
  let lo: number | null = newest - firstWindowRows / perMs;
  for (let step = 0; ; step++) {
    if (lo !== null && lo <= oldest) lo = null;
    const r = await tx.execute<Row>(sql`
      SELECT 'mention' AS kind, m.id::text AS id, m.title, m.text AS body, m.published_at AS at,
        NULL AS crisis_id, NULL AS document_id, NULL AS classification
      FROM mentions m WHERE m.org_id = ${orgId} AND m.search @@ ${plan}::tsquery ${sql.join(when, sql` `)}
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
    lo = step >= 1 ? null : lo - (rows.length ? (missing / rows.length) * covered * WINDOW_MARGIN : covered * 15);
  }
}

/**
 * Up to COUNT_CAP + 1 mention candidates, newest first: the same rows however they are read. `firstWindowRows` forces
 * windows of that first size (tests); otherwise the statistics choose. Index scans are off in the transaction so that
 * no read walks the time index row by row.
 */
export async function mentionCandidates(
  deps: Pick<DocumentDeps, 'db'>,
  p: Pick<Principal, 'orgId'>,
  q: Pick<Query, 'from' | 'to'>,
  s: Pick<SearchTerms, 'plan' | 'terms'>,
  firstWindowRows?: number,
): Promise<Row[]> {
  const when: SQL[] = [];
  if (q.from) when.push(sql`AND m.published_at >= ${q.from}`);
  if (q.to) when.push(sql`AND m.published_at < ${q.to}`);
  const lexemes = termLexemes(s.terms);
  return deps.db.transaction(async (tx) => {
    const span = await spanOf(tx, p.orgId, lexemes.flat());
    if (!span?.newest || !span.oldest) return [];
    await tx.execute(sql`SET LOCAL enable_indexscan = off`);
    const newest = new Date(span.newest).getTime();
    const oldest = new Date(span.oldest).getTime();
    // The table's estimated row count: an overestimate of the organisation's when several share the table, which
    // only makes the first window narrower and the whole read's limit higher (it is bounded anyway).
    const n = Math.max(1, Number(span.n ?? 0));
    let first = firstWindowRows ?? FIRST_WINDOW_ROWS;
    if (firstWindowRows === undefined && span.min_freq !== null) {
      const expected = expectedMatches(lexemes, new Map(span.freqs ?? []), Number(span.min_freq), n);
      const limit = wholeReadLimit(n);
      if (expected <= limit) {
        const all = await wholeRead(tx, p.orgId, s.plan, when, Math.ceil(2 * limit));
        if (all) return all;
      }
      // Sized to hold the cap at the expected rate, so one window is usually enough.
      first = Math.max(FIRST_WINDOW_ROWS, (WINDOW_MARGIN * (COUNT_CAP + 1) * n) / Math.max(1, expected));
    }
    return windows(tx, p.orgId, s.plan, when, { newest, oldest, perMs: n / Math.max(1, newest - oldest) }, first);
  });
}
