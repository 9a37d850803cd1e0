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
// reported at the cap (the web app shows "1000+"), and ranking orders the candidates read. The candidates are read
// by search-candidates.ts (entries) and search-mentions.ts (mentions), each returning exactly the rows of one plain
// query per kind, only cheaper (their tests hold them to it).
import { AppError } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import { actorOf, type Principal } from '../../../platform/http.ts';
import { guestGate, isGuest } from '../../people/server/guest-gate.ts';
import { can } from '../../people/server/policies.ts';
import { MAX_QUERY, type SearchHit, type SearchKind, type SearchResult, searchKinds, type searchQuery } from '../contract.ts';
import type { DocumentDeps } from './deps.ts';
import { COUNT_CAP, CRISIS_KINDS, entryCandidates, type Row } from './search-candidates.ts';
import { catchUpIndex } from './search-indexer.ts';
import { mentionCandidates } from './search-mentions.ts';
import { parseSearch, recheck, type SearchTerms, scoreOf, snippetOf } from './search-query.ts';

export { COUNT_CAP, mentionCandidates };

/** Batches of events the request's own catch-up may index before searching. */
const CATCH_UP_BATCHES = 4;

type Query = import('zod').infer<typeof searchQuery>;

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
