// The search box's query language, deliberately small: words and "quoted phrases" (also 「」 “” 『』), all of
// which must occur. Nothing else is syntax — AND/OR/NOT, - * : & | ! ( ) and backslashes are literal text, or
// ignored at a term's edges — so no input can reach PostgreSQL as tsquery syntax: the plan is built here from
// the shared tokenizer's lexemes (quoted by `lexeme`) and sent as a `$1::tsquery` parameter. Matching reuses
// the monitoring matcher (normalised text: Traditional = Simplified, case- and width-insensitive; Latin words
// match whole words), so the index narrows and the recheck decides, exactly like the mention explorer.
import { normalise } from '../../../platform/text/normalise.ts';
import { termQuery } from '../../../platform/text/tokenise.ts';
import { matchRanges, type TopicQuery, type TopicTermNode } from '../../monitoring/topic-query.ts';
import { CJK, classAt, JOINER, OTHER, WORD } from '../../monitoring/topic-query-chars.ts';

/** Most terms used from one query (the rest are ignored: they would only narrow further). */
export const MAX_TERMS = 12;
/** Characters of a snippet (UTF-16 code units, before the ellipses). */
export const SNIPPET_CHARS = 160;

/** A parsed search: its terms, the candidate tsquery, and one matcher per term plus one for all of them. */
export type SearchTerms = { terms: TopicTermNode[]; plan: string; all: TopicQuery; each: TopicQuery[] };

const QUOTES: Record<string, string> = { '"': '"', '「': '」', '“': '”', '『': '』' };

/** Trims characters that are neither letters, digits nor CJK (punctuation, operators) from both ends. */
function trimEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && classAt(s, a) !== WORD && classAt(s, a) !== CJK) a++;
  while (b > a && (classAt(s, b - 1) === OTHER || classAt(s, b - 1) === JOINER)) b--;
  return s.slice(a, b);
}

function term(raw: string, phrase: boolean): TopicTermNode | null {
  const n = normalise(raw);
  const value = phrase ? n.split(/\s+/u).map(trimEdges).filter(Boolean).join(' ') : trimEdges(n);
  if (!value || termQuery(value) === null) return null;
  return { type: 'term', value, text: raw, phrase, prefix: false, offset: 0, length: raw.length };
}

/** Splits the query into terms; null when nothing searchable is left (empty, or only punctuation). */
export function parseSearch(q: string): SearchTerms | null {
  const found: TopicTermNode[] = [];
  let rest = '';
  for (let i = 0; i < q.length; i++) {
    const close = QUOTES[q[i]];
    const end = close ? q.indexOf(close, i + 1) : -1;
    if (close && end > i) {
      const t = term(q.slice(i + 1, end), true);
      if (t) found.push(t);
      rest += ' ';
      i = end;
    } else rest += close ? ' ' : q[i];
  }
  for (const w of rest.split(/\s+/u)) {
    const t = w ? term(w, false) : null;
    if (t) found.push(t);
  }
  const seen = new Set<string>();
  const terms = found.filter((t) => !seen.has(t.value) && seen.add(t.value)).slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  const parts = terms.map((t) => termQuery(t.value) as string);
  const plan = [...new Set(parts.flatMap((p) => p.split(' & ')))].join(' & ');
  const each = terms.map((t) => ({ source: t.text, root: t }));
  const all: TopicQuery = { source: q, root: terms.length === 1 ? terms[0] : { type: 'and', children: terms } };
  return { terms, plan, all, each };
}

/** How a text (title and body) matched: highlight ranges in each, and how many terms matched in the title. */
export type TextMatch = { title: Array<[number, number]>; body: Array<[number, number]>; titleTerms: number };

/**
 * Rechecks one thing against every term, on the normalised title and body joined by a newline (what the
 * index holds); null when some term is missing. Ranges are in the original strings (normalising keeps offsets).
 */
export function recheck(s: SearchTerms, title: string, body: string): TextMatch | null {
  const joined = title ? `${title}\n${body}` : body;
  const norm = normalise(joined);
  const ranges = matchRanges(s.all, norm);
  if (ranges.length === 0) return null;
  const cut = title ? title.length + 1 : 0;
  const t: Array<[number, number]> = [];
  const b: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    if (from < title.length && title) t.push([from, Math.min(to, title.length)]);
    if (to > cut) b.push([Math.max(from, cut) - cut, to - cut]);
  }
  const normTitle = title ? norm.slice(0, title.length) : '';
  const titleTerms = normTitle ? s.each.filter((q) => matchRanges(q, normTitle).length > 0).length : 0;
  return { title: t, body: b, titleTerms };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** About SNIPPET_CHARS of the body around the first match, with the highlight ranges moved into it. Never HTML. */
export function snippetOf(body: string, ranges: Array<[number, number]>): { snippet: string; highlights: Array<[number, number]> } {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - 40);
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  start = Math.max(0, Math.min(start, end - SNIPPET_CHARS));
  // Never cut a surrogate pair in half.
  if (start > 0 && isLow(body.charCodeAt(start))) start--;
  if (end < body.length && isLow(body.charCodeAt(end))) end++;
  const lead = start > 0 ? '…' : '';
  const tail = end < body.length ? '…' : '';
  const snippet = lead + body.slice(start, end).replace(/[\r\n\t]/g, ' ') + tail;
  const highlights: Array<[number, number]> = [];
  for (const [a, b] of ranges) {
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s < e) highlights.push([s - start + lead.length, e - start + lead.length]);
  }
  return { snippet, highlights };
}

/** Half-life of the recency boost (days). */
const HALF_LIFE_DAYS = 30;

/**
 * Relevance × recency: each term counts 1, or 3 when it is in the title, plus a little for more matches;
 * recency multiplies by 1–2 (halving every 30 days), so a title match beats a fresher body match.
 */
export function scoreOf(terms: number, m: TextMatch, at: Date, now: Date): number {
  const relevance = terms + 2 * m.titleTerms + 0.1 * Math.min(10, m.title.length + m.body.length);
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / 86_400_000);
  return relevance * (1 + 0.5 ** (ageDays / HALF_LIFE_DAYS));
}
