// Topic queries (監測主題): named boolean queries over normalised text, shared by the server (tagging
// mentions at ingest, re-applying to history) and the web app's query editor. Grammar and semantics:
//   terms        鼎泰豐  apple  iphone15  (a run of text between spaces; edge punctuation ignored)
//   prefix       appl*  (English words and numbers only, at least 2 characters before *)
//   phrases      "din tai fung"  「鼎泰豐」  “food poisoning”  『…』
//   operators    AND && & 且   OR || | 或   NOT -word 非   NEAR/n (1–100)   ( ) （ ）
//   adjacency    a b  = a AND b;  precedence NOT > NEAR > AND > OR
// 且/或/非 and and/or/not (any case) are operators only when they stand alone: 或許 and android are terms;
// quote them ("and") to search for them. Everything compares normalised text (Traditional = Simplified,
// full = half width, case-insensitive). CJK terms match anywhere, even inside longer words; Latin terms
// match whole words (apple ≠ pineapple, apple = Apple's, apple-pie; a word joined to the one before it
// by - ' _ is part of that word, so apple ≠ x-apple). In phrases, any whitespace run matches one
// space, and next to CJK characters the space is optional (「鼎泰 豐」 = 鼎泰豐); a term written with a
// CJK–Latin change (買iPhone) allows a space there too. NEAR/n: the two sides, in either order, have
// at most n tokens (one CJK character or one word) between them; each side is a term, a phrase or
// an OR group of them.
import { isCjkChar, termQuery } from '../../platform/text/tokenise.ts';
import { MAX_QUERY_LENGTH, queryError, type TopicNode, type TopicQuery, type TopicQueryParse } from './topic-query-ast.ts';
import { lex } from './topic-query-lexer.ts';
import { type Collect, compileCollect, compileTest, type Test } from './topic-query-match.ts';
import { parseTokens } from './topic-query-parser.ts';

export * from './topic-query-ast.ts';

type Compiled = { test: Test; collect?: Collect };
const compiled = new WeakMap<TopicQuery, Compiled>();

/** The compiled form of a query, built on first use. */
function compiledFor(query: TopicQuery): Compiled {
  let c = compiled.get(query);
  if (!c) {
    c = { test: compileTest(query.root) };
    compiled.set(query, c);
  }
  return c;
}

/** Parses a topic query; never throws: problems come back as errors pointing into the source. */
export function parseTopicQuery(source: string): TopicQueryParse {
  const src = typeof source === 'string' ? source : String(source ?? '');
  try {
    if (src.length > MAX_QUERY_LENGTH) {
      const message = `The query is longer than ${MAX_QUERY_LENGTH} characters.`;
      return { ok: false, errors: [queryError('QUERY_TOO_LONG', message, MAX_QUERY_LENGTH, src.length - MAX_QUERY_LENGTH)] };
    }
    const { tokens, errors } = lex(src);
    if (errors.length) return { ok: false, errors };
    const root = parseTokens(tokens, src);
    if ('code' in root) return { ok: false, errors: [root] };
    const query: TopicQuery = { source: src, root };
    if (compiledFor(query).test('')) {
      const not = tokens.find((t) => t.kind === 'not') ?? { offset: 0, length: src.length };
      const message =
        'Only excluded words (NOT, -word) decide this query, so it would match almost every mention: add a word that must appear.';
      return { ok: false, errors: [queryError('ONLY_NOT', message, not.offset, not.length)] };
    }
    return { ok: true, query };
  } catch {
    return { ok: false, errors: [queryError('INTERNAL_ERROR', 'The query could not be read.', 0, src.length)] };
  }
}

/** True if the normalised text matches the query (compiled once per query object, then cached). */
export function matchTopic(query: TopicQuery, normalisedText: string): boolean {
  return compiledFor(query).test(normalisedText);
}

/** A reusable test function for one query (for hot loops such as ingest). */
export function topicMatcher(query: TopicQuery): (normalisedText: string) => boolean {
  return compiledFor(query).test;
}

/** Sorted, merged [start, end) ranges of the positive terms that made the text match ([] if it does not). */
export function matchRanges(query: TopicQuery, normalisedText: string): Array<[number, number]> {
  const c = compiledFor(query);
  c.collect ??= compileCollect(query.root);
  const flat: number[] = [];
  if (!c.collect(normalisedText, flat)) return [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of pairs) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * A PostgreSQL tsquery (for `to_tsquery('simple', plan)` over indexTokens) that every matching text
 * satisfies: AND/OR kept, NOT dropped, NEAR as AND. A pre-filter only; null if nothing narrows it.
 */
export function searchPlan(query: TopicQuery): string | null {
  return planNode(query.root);
}

/**
 * The tsquery of one term: its bigrams and words as exact lexemes (the index holds every word's heads
 * before a joiner, so apple also finds apple's); the words of a prefix term (appl*) as prefixes.
 */
function termPlan(value: string, prefix: boolean): string | null {
  const q = termQuery(value);
  return q ? joinPlan(' & ', prefix ? q.split(' & ').map(prefixWord) : q.split(' & ')) : null;
}

/** A Latin lexeme as a prefix (CJK parts are already exact bigrams or single-character prefixes). */
function prefixWord(part: string): string {
  return part.endsWith(':*') || isCjkChar(part[1]) ? part : `${part}:*`;
}

/** Joins tsquery parts, parenthesising compound ones. */
function joinPlan(op: ' & ' | ' | ', parts: string[]): string | null {
  const unique = [...new Set(parts)];
  if (unique.length <= 1) return unique[0] ?? null;
  return unique.map((p) => (p.includes(' ') ? `(${p})` : p)).join(op);
}

/** The necessary condition of a node, or null when it does not narrow the search. */
function planNode(node: TopicNode): string | null {
  switch (node.type) {
    case 'term':
      return termPlan(node.value, node.prefix);
    case 'not':
      return null;
    case 'near':
      return joinPlan(
        ' & ',
        [planNode(node.left), planNode(node.right)].filter((p) => p !== null),
      );
    case 'and':
      return joinPlan(
        ' & ',
        node.children.map(planNode).filter((p) => p !== null),
      );
    case 'or': {
      const parts = node.children.map(planNode);
      return parts.every((p) => p !== null) ? joinPlan(' | ', parts as string[]) : null;
    }
  }
}

const PRECEDENCE: Record<TopicNode['type'], number> = { or: 1, and: 2, near: 3, not: 4, term: 5 };
const QUOTES: Array<[string, string]> = [
  ['"', '"'],
  ['「', '」'],
  ['“', '”'],
  ['『', '』'],
];

/** The canonical text of a query: normalised terms, upper-case operators, explicit AND, minimal parentheses. */
export function describeTopicQuery(query: TopicQuery): string {
  return show(query.root, 0);
}

/** A node in canonical form, parenthesised if it binds looser than `min`. */
function show(node: TopicNode, min: number): string {
  const s = showBare(node);
  return PRECEDENCE[node.type] < min ? `(${s})` : s;
}

/** A node in canonical form, without outer parentheses. */
function showBare(node: TopicNode): string {
  switch (node.type) {
    case 'term': {
      if (!node.phrase) return node.prefix ? `${node.value}*` : node.value;
      const [open, close] = QUOTES.find(([, c]) => !node.value.includes(c)) ?? QUOTES[0];
      return `${open}${node.value}${close}`;
    }
    case 'not':
      return `NOT ${show(node.child, PRECEDENCE.not)}`;
    case 'near':
      return `${show(node.left, PRECEDENCE.not)} NEAR/${node.distance} ${show(node.right, PRECEDENCE.not)}`;
    case 'and':
      return node.children.map((c) => show(c, PRECEDENCE.near)).join(' AND ');
    case 'or':
      return node.children.map((c) => show(c, PRECEDENCE.and)).join(' OR ');
  }
}

/** A positive term of a query, for the UI's chips. */
export type TopicTermInfo = { text: string; value: string; phrase: boolean; prefix: boolean };

/** The distinct terms and phrases that count towards a match (those under NOT left out), in source order. */
export function topicTerms(query: TopicQuery): TopicTermInfo[] {
  const seen = new Map<string, TopicTermInfo>();
  const walk = (node: TopicNode): void => {
    if (node.type === 'term') {
      const key = `${node.phrase}|${node.prefix}|${node.value}`;
      if (!seen.has(key)) seen.set(key, { text: node.text, value: node.value, phrase: node.phrase, prefix: node.prefix });
    } else if (node.type === 'near') [node.left, node.right].forEach(walk);
    else if (node.type !== 'not') node.children.forEach(walk);
  };
  walk(query.root);
  return [...seen.values()];
}
