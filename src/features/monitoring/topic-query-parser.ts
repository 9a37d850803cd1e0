// Topic query parser: recursive descent over the lexer's tokens.
// Precedence, tightest first: NOT (and -word) > NEAR/n > AND (and implicit AND) > OR.
import { MAX_DEPTH, queryError, type TopicNode, type TopicQueryError } from './topic-query-ast.ts';
import type { Token } from './topic-query-lexer.ts';

type Parser = { tokens: Token[]; pos: number; source: string };
type Parsed = { node: TopicNode; from: number; to: number };

// Thrown inside the parser only; parseTokens turns it back into a returned error.
class ParseFailure extends Error {
  readonly error: TopicQueryError;
  constructor(error: TopicQueryError) {
    super(error.message);
    this.error = error;
  }
}

/** Parses tokens into a tree, or returns the first syntax error. */
export function parseTokens(tokens: Token[], source: string): TopicNode | TopicQueryError {
  if (!tokens.length) return queryError('EMPTY_QUERY', 'The query is empty: type at least one word or "phrase".', 0, source.length);
  const p: Parser = { tokens, pos: 0, source };
  try {
    const root = parseOr(p, 0);
    const extra = p.tokens[p.pos];
    if (extra) fail(p, extra.kind === 'rparen' ? 'UNBALANCED_CLOSE' : 'DANGLING_OPERATOR', extra);
    return root.node;
  } catch (e) {
    if (e instanceof ParseFailure) return e.error;
    throw e;
  }
}

const MESSAGES: Record<string, (op: string) => string> = {
  UNBALANCED_OPEN: () => 'This ( has no matching ).',
  UNBALANCED_CLOSE: () => 'This ) has no matching (.',
  MISSING_OPERAND: (op) => `"${op}" needs a word or "phrase" after it.`,
  DANGLING_OPERATOR: (op) => `"${op}" needs a word or "phrase" before it.`,
  TOO_DEEP: () => `Parentheses and NOTs are nested more than ${MAX_DEPTH} levels deep.`,
  NEAR_OPERAND: () =>
    'Each side of NEAR must be a word, a "phrase", or (words OR "phrases") in parentheses: AND, NOT and another NEAR cannot be inside it.',
};

/** Throws the error `code` pointing at a token (or an explicit range). */
function fail(p: Parser, code: TopicQueryError['code'], at: Token | { offset: number; length: number }): never {
  const op = p.source.slice(at.offset, at.offset + at.length);
  throw new ParseFailure(queryError(code, MESSAGES[code](op), at.offset, at.length));
}

const startsOperand = (t: Token | undefined) => t !== undefined && (t.kind === 'term' || t.kind === 'lparen' || t.kind === 'not');

/** Requires that the token after operator `op` can start an operand. */
function requireOperand(p: Parser, op: Token): void {
  if (!startsOperand(p.tokens[p.pos])) fail(p, 'MISSING_OPERAND', op);
}

/** Joins parts under an n-ary AND/OR, flattening nested nodes of the same kind. */
function combine(kind: 'and' | 'or', parts: Parsed[]): Parsed {
  if (parts.length === 1) return parts[0];
  const children = parts.flatMap((x) => (x.node.type === kind ? x.node.children : [x.node]));
  return { node: { type: kind, children }, from: parts[0].from, to: parts[parts.length - 1].to };
}

/** or := and (OR and)* */
function parseOr(p: Parser, depth: number): Parsed {
  const parts = [parseAnd(p, depth)];
  while (p.tokens[p.pos]?.kind === 'or') {
    const op = p.tokens[p.pos++];
    requireOperand(p, op);
    parts.push(parseAnd(p, depth));
  }
  return combine('or', parts);
}

/** and := near ([AND] near)* — adjacent operands are ANDed. */
function parseAnd(p: Parser, depth: number): Parsed {
  const parts = [parseNear(p, depth)];
  for (;;) {
    const t = p.tokens[p.pos];
    if (t?.kind === 'and') {
      p.pos++;
      requireOperand(p, t);
    } else if (!startsOperand(t)) break;
    parts.push(parseNear(p, depth));
  }
  return combine('and', parts);
}

/** near := unary (NEAR/n unary)* — each side a term, phrase or OR group of them. */
function parseNear(p: Parser, depth: number): Parsed {
  let left = parseUnary(p, depth);
  while (p.tokens[p.pos]?.kind === 'near') {
    const op = p.tokens[p.pos++];
    requireOperand(p, op);
    const right = parseUnary(p, depth);
    for (const side of [left, right]) checkNearOperand(p, side);
    left = { node: { type: 'near', distance: op.distance ?? 1, left: left.node, right: right.node }, from: left.from, to: right.to };
  }
  return left;
}

/** Fails unless the NEAR side is a term or an OR of terms. */
function checkNearOperand(p: Parser, side: Parsed): void {
  const n = side.node;
  if (n.type === 'term' || (n.type === 'or' && n.children.every((c) => c.type === 'term'))) return;
  fail(p, 'NEAR_OPERAND', { offset: side.from, length: side.to - side.from });
}

/** unary := NOT unary | primary */
function parseUnary(p: Parser, depth: number): Parsed {
  const t = p.tokens[p.pos];
  if (t?.kind !== 'not') return parsePrimary(p, depth);
  p.pos++;
  if (depth + 1 > MAX_DEPTH) fail(p, 'TOO_DEEP', t);
  requireOperand(p, t);
  const child = parseUnary(p, depth + 1);
  return { node: { type: 'not', child: child.node }, from: t.offset, to: child.to };
}

/** primary := term | phrase | ( or ) */
function parsePrimary(p: Parser, depth: number): Parsed {
  const t = p.tokens[p.pos];
  if (!t) fail(p, 'MISSING_OPERAND', p.tokens[p.pos - 1]);
  p.pos++;
  if (t.kind === 'term' && t.term) return { node: t.term, from: t.offset, to: t.offset + t.length };
  if (t.kind === 'rparen') fail(p, 'UNBALANCED_CLOSE', t);
  if (t.kind !== 'lparen') fail(p, 'DANGLING_OPERATOR', t);
  if (depth + 1 > MAX_DEPTH) fail(p, 'TOO_DEEP', t);
  const first = p.tokens[p.pos];
  if (first?.kind === 'rparen') {
    const message = 'Empty parentheses: put a word inside or remove them.';
    throw new ParseFailure(queryError('EMPTY_GROUP', message, t.offset, first.offset + 1 - t.offset));
  }
  if (!first) fail(p, 'UNBALANCED_OPEN', t);
  const inner = parseOr(p, depth + 1);
  const close = p.tokens[p.pos];
  if (close?.kind !== 'rparen') fail(p, 'UNBALANCED_OPEN', t);
  p.pos++;
  return { node: inner.node, from: t.offset, to: close.offset + 1 };
}
