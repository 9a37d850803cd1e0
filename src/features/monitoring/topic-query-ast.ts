// Topic query (監測主題) data shapes, limits and error codes, shared by the parser, the matcher,
// the server and the web app's query editor. Plain JSON-friendly objects: no classes, no functions.

/** Longest accepted query source, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 2000;
/** Most terms and phrases one query may contain. */
export const MAX_TERMS = 200;
/** Deepest nesting of parentheses and NOTs. */
export const MAX_DEPTH = 20;
/** Largest NEAR/n distance (tokens between the two sides). */
export const MAX_NEAR = 100;

/** Stable error codes, so the web app can translate them (messages are English). */
export const TOPIC_QUERY_ERROR_CODES = [
  'EMPTY_QUERY',
  'QUERY_TOO_LONG',
  'TOO_MANY_TERMS',
  'TOO_DEEP',
  'UNBALANCED_OPEN',
  'UNBALANCED_CLOSE',
  'EMPTY_GROUP',
  'MISSING_OPERAND',
  'DANGLING_OPERATOR',
  'EMPTY_PHRASE',
  'UNTERMINATED_PHRASE',
  'UNEXPECTED_QUOTE',
  'NEAR_DISTANCE_MISSING',
  'NEAR_DISTANCE_RANGE',
  'NEAR_OPERAND',
  'WILDCARD_POSITION',
  'PREFIX_TOO_SHORT',
  'NO_SEARCHABLE_TEXT',
  'ONLY_NOT',
  'INTERNAL_ERROR',
] as const;

/** One of TOPIC_QUERY_ERROR_CODES. */
export type TopicQueryErrorCode = (typeof TOPIC_QUERY_ERROR_CODES)[number];

/** A syntax error pointing at [offset, offset + length) of the query source. */
export type TopicQueryError = { code: TopicQueryErrorCode; message: string; offset: number; length: number };

/** A word or "exact phrase"; `value` is normalised, `text` is the content as written. */
export type TopicTermNode = {
  type: 'term';
  value: string;
  text: string;
  phrase: boolean;
  prefix: boolean;
  offset: number;
  length: number;
};

/** A node of the parsed query: AND/OR are n-ary, NEAR/n is binary between terms, phrases or OR groups of them. */
export type TopicNode =
  | TopicTermNode
  | { type: 'and'; children: TopicNode[] }
  | { type: 'or'; children: TopicNode[] }
  | { type: 'not'; child: TopicNode }
  | { type: 'near'; distance: number; left: TopicNode; right: TopicNode };

/** A parsed topic query (plain data: can be stored or sent as JSON). */
export type TopicQuery = { source: string; root: TopicNode };

/** The result of parseTopicQuery. */
export type TopicQueryParse = { ok: true; query: TopicQuery } | { ok: false; errors: TopicQueryError[] };

/** Builds an error value. */
export function queryError(code: TopicQueryErrorCode, message: string, offset: number, length: number): TopicQueryError {
  return { code, message, offset, length: Math.max(0, length) };
}
