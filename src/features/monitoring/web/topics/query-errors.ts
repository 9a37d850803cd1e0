// Topic query errors in the interface language, and where in the query they point (line and column).
import type { TFunction } from 'i18next';
import {
  MAX_DEPTH,
  MAX_NEAR,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  TOPIC_QUERY_ERROR_CODES,
  type TopicQueryErrorCode,
} from '../../topic-query-ast.ts';

const isCode = (code: string): code is TopicQueryErrorCode => (TOPIC_QUERY_ERROR_CODES as readonly string[]).includes(code);

const MAX: Partial<Record<TopicQueryErrorCode, number>> = {
  QUERY_TOO_LONG: MAX_QUERY_LENGTH,
  TOO_MANY_TERMS: MAX_TERMS,
  TOO_DEEP: MAX_DEPTH,
  NEAR_DISTANCE_RANGE: MAX_NEAR,
};

/**
 * How many characters an error at `offset` covers when only its start is known (the server's field
 * errors carry the offset alone): the word or bracket that starts there.
 */
export function errorLength(source: string, offset: number): number {
  const m = /^(?:[()（）]|[^\s()（）]+)/u.exec(source.slice(offset));
  return m ? m[0].length : 0;
}

/** The translated message of an error code (an unknown code falls back to the generic one); length -1 = unknown. */
export function queryErrorMessage(code: string, source: string, offset: number, length: number, t: TFunction): string {
  const c: TopicQueryErrorCode = isCode(code) ? code : 'INTERNAL_ERROR';
  const len = length < 0 ? errorLength(source, offset) : length;
  const op = source.slice(offset, offset + Math.max(len, 1)).trim() || source.slice(Math.max(0, offset - 8), offset).trim();
  return t(`monitoring.topics.errors.${c}`, { op, max: MAX[c] ?? 0 });
}

/** Line (1-based), column (1-based, in characters) and the line's text around an offset. */
export function positionOf(source: string, offset: number): { line: number; column: number; lineStart: number; lineEnd: number } {
  const at = Math.max(0, Math.min(offset, source.length));
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const nl = source.indexOf('\n', at);
  const lineEnd = nl < 0 ? source.length : nl;
  const line = source.slice(0, lineStart).split('\n').length;
  const column = [...source.slice(lineStart, at)].length + 1;
  return { line, column, lineStart, lineEnd };
}
