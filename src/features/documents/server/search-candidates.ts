// The candidates of search everywhere from `search_entries` (everything but mentions, which search-mentions.ts
// reads): at most COUNT_CAP + 1 of each kind, newest first, from the GIN index with the reader's rights inside the
// same statement (see search.ts), which picks the rows on narrow columns first and reads their text after.
import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../../platform/http.ts';
import type { Classification, SearchKind, searchQuery } from '../contract.ts';
import { documentVisibleSql } from './access.ts';
import type { DocumentDeps } from './deps.ts';
import type { SearchTerms } from './search-query.ts';

/** Counts stop here (reported as `countCap`). */
export const COUNT_CAP = 1000;

type Query = import('zod').infer<typeof searchQuery>;

/** One candidate as the ranking reads it. */
export type Row = {
  kind: SearchKind;
  id: string;
  title: string | null;
  body: string;
  at: string | Date;
  crisis_id: string | null;
  document_id: string | null;
  classification: Classification | null;
};

export const CRISIS_KINDS = ['crisis', 'task', 'note', 'statement'] as const;
export const DOC_KINDS = ['document', 'attachment'] as const;

/** "May read the crisis `e.crisis_id`" for the crises feature's kinds (org already checked on the entry). */
function crisisVisibleSql(p: Principal): SQL {
  if (p.kind !== 'user') return sql`false`;
  if (p.role === 'admin' || p.role === 'manager') return sql`true`;
  if (p.role === 'member')
    // An uncorrelated IN: one hashed subplan per query, not a lookup per candidate row (see access.ts).
    return sql`e.crisis_id IN (SELECT cm.crisis_id FROM crisis_members cm WHERE cm.user_id = ${p.userId})`;
  return sql`false`;
}

/** The narrow columns of every matching entry of `kinds` (no text): `m` of the statements below. */
function matchesSql(p: Principal, q: Pick<Query, 'from' | 'to'>, s: Pick<SearchTerms, 'plan'>, kinds: SearchKind[]): SQL {
  const when: SQL[] = [];
  if (q.from) when.push(sql`AND e.at >= ${q.from}`);
  if (q.to) when.push(sql`AND e.at < ${q.to}`);
  return sql`SELECT e.ctid AS row_at, e.kind, e.ref_id, e.at, e.crisis_id,
      CASE WHEN e.kind = 'document' THEN e.ref_id::uuid WHEN e.kind = 'attachment' THEN e.parent_id END AS doc_id
    FROM search_entries e
    WHERE e.org_id = ${p.orgId} AND e.search @@ ${s.plan}::tsquery AND e.kind = ANY(${sql.param(kinds)}::text[]) ${sql.join(when, sql` `)}`;
}

/** The chosen rows (`picked`) with their title and body, fetched by row address (ctid: stable within the statement). */
const withText = sql`SELECT c.kind, c.id, e.title, e.body, c.at, c.crisis_id, c.document_id, c.classification
  FROM picked c JOIN search_entries e ON e.ctid = c.row_at
  ORDER BY c.kind, c.at DESC, c.id DESC`;

/**
 * Staff: for each kind its matches newest first, joined to their documents' rights columns until COUNT_CAP + 1
 * visible ones are found (a nested loop under the LIMIT, so it stops there). A member sees a sixth of the bench's
 * documents, so this looks up ~6,000 documents for the cap instead of every match's (8,400–15,500).
 */
function staffSql(
  p: Principal,
  q: Pick<Query, 'crisisId' | 'classification'>,
  now: Date,
  crisisKinds: SearchKind[],
  docKinds: SearchKind[],
): SQL {
  const visible: SQL[] = [];
  if (crisisKinds.length) {
    const crisisFilter = q.crisisId ? sql`AND e.crisis_id = ${q.crisisId}` : sql``;
    visible.push(sql`(e.kind = ANY(${sql.param(crisisKinds)}::text[]) AND ${crisisVisibleSql(p)} ${crisisFilter})`);
  }
  if (docKinds.length)
    visible.push(
      sql`(e.kind = ANY(${sql.param(docKinds)}::text[]) AND d.id IS NOT NULL AND ${documentVisibleSql(p, now, 'd')} ${docFilters(q)})`,
    );
  return sql`SELECT x.* FROM unnest(${sql.param([...crisisKinds, ...docKinds])}::text[]) AS k(kind) CROSS JOIN LATERAL (
      SELECT e.row_at, e.kind, e.ref_id AS id, e.at,
        CASE WHEN e.kind IN ('document', 'attachment') THEN d.crisis_id ELSE e.crisis_id END AS crisis_id,
        d.id AS document_id, d.classification
      FROM (SELECT * FROM m WHERE m.kind = k.kind ORDER BY m.at DESC, m.ref_id DESC) e
      LEFT JOIN documents d ON d.id = e.doc_id
      WHERE ${sql.join(visible, sql` OR `)}
      ORDER BY e.at DESC, e.ref_id DESC
      LIMIT ${COUNT_CAP + 1}) x`;
}

/**
 * Guests: their documents first — those of the crises they hold a live grant on (the crisis index finds them; this
 * only narrows, `documentVisibleSql` decides) — then the matches among them, by a hash. A guest sees ~1 % of the
 * bench's documents, so looking up each match's document (10,000 lookups for 100 visible) cost 60–150 ms where this
 * takes 20–50.
 */
function guestSql(p: Extract<Principal, { kind: 'user' }>, q: Pick<Query, 'crisisId' | 'classification'>, now: Date): SQL {
  return sql`SELECT * FROM (
      SELECT e.row_at, e.kind, e.ref_id AS id, e.at, d.crisis_id, d.id AS document_id, d.classification,
        row_number() OVER (PARTITION BY e.kind ORDER BY e.at DESC, e.ref_id DESC) AS rn
      FROM m e JOIN (
        SELECT d.id, d.crisis_id, d.classification FROM documents d
        WHERE d.crisis_id IN (SELECT gg.crisis_id FROM guest_grants gg WHERE gg.guest_id = ${p.userId} AND gg.org_id = ${p.orgId}
            AND gg.revoked_at IS NULL AND gg.expires_at > ${now.toISOString()})
          AND ${documentVisibleSql(p, now, 'd')} ${docFilters(q)}
        OFFSET 0) d ON d.id = e.doc_id
    ) x WHERE rn <= ${COUNT_CAP + 1}`;
}

/** The request's crisis and classification filters on a document `d`. */
function docFilters(q: Pick<Query, 'crisisId' | 'classification'>): SQL {
  const f: SQL[] = [];
  if (q.crisisId) f.push(sql`AND d.crisis_id = ${q.crisisId}`);
  if (q.classification) f.push(sql`AND d.classification = ${q.classification}`);
  return sql.join(f, sql` `);
}

/**
 * Up to COUNT_CAP + 1 candidates of each entry kind, newest first, with the reader's rights applied: the rows of the
 * plain query that joins every visible match to its document and numbers each kind newest first.
 *
 * One GIN scan for every kind, in one statement of three steps: the narrow columns of every match (`m`); the rows each
 * kind keeps, with the rights applied (staff and guests differently, above); the title and body of those rows only.
 * Measured (bench:search-everywhere, member on one crisis team, 客服 態度: 15,483 matching entries, 2,522 visible):
 * the plain query, carrying every match's text through the join and the sort, took 113 ms (the sort spilled to
 * disk); this takes 70. Parallel workers are off for it: the search runs this and the mention candidates side by side,
 * and three processes sharing one bitmap scan used 1.5–2× the CPU of one.
 */
export async function entryCandidates(
  deps: Pick<DocumentDeps, 'db' | 'clock'>,
  p: Principal,
  q: Pick<Query, 'from' | 'to' | 'crisisId' | 'classification'>,
  s: Pick<SearchTerms, 'plan'>,
  kinds: SearchKind[],
): Promise<Row[]> {
  const guest = p.kind === 'user' && p.role === 'guest';
  // Guests never see the crises feature's kinds (crisisVisibleSql is false for them).
  const crisisKinds = guest ? [] : kinds.filter((k) => (CRISIS_KINDS as readonly string[]).includes(k));
  const docKinds = kinds.filter((k) => (DOC_KINDS as readonly string[]).includes(k));
  if (!crisisKinds.length && !docKinds.length) return [];
  const now = deps.clock.now();
  const picked = guest && p.kind === 'user' ? guestSql(p, q, now) : staffSql(p, q, now, crisisKinds, docKinds);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    const r = await tx.execute<Row>(sql`
      WITH m AS MATERIALIZED (${matchesSql(p, q, s, [...crisisKinds, ...docKinds])}), picked AS MATERIALIZED (${picked})
      ${withText}`);
    return r.rows;
  });
}
