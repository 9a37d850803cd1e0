// Topic query lexer: splits the source into terms, phrases, operators and parentheses. It reads the
// normalised source (same length, so offsets still point into what the person typed): full-width
// brackets and letters, and upper/lower case, are already folded.
import { normalise } from '../../platform/text/normalise.ts';
import { MAX_NEAR, MAX_TERMS, queryError, type TopicQueryError, type TopicTermNode } from './topic-query-ast.ts';
import { classBefore, isSpaceCode, WORD } from './topic-query-chars.ts';

/** A lexical token; `term` is set for words and phrases, `distance` for NEAR/n. */
export type Token = {
  kind: 'term' | 'and' | 'or' | 'not' | 'near' | 'lparen' | 'rparen';
  offset: number;
  length: number;
  term?: TopicTermNode;
  distance?: number;
};

// Words that are operators when they stand alone (so 或許, 非常, android stay ordinary terms).
const OPERATORS: Record<string, Token['kind']> = {
  and: 'and',
  '&&': 'and',
  '&': 'and',
  且: 'and',
  or: 'or',
  '||': 'or',
  '|': 'or',
  或: 'or',
  not: 'not',
  非: 'not',
};
const CLOSING: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };
const STRAY_CLOSERS = '”」』';
const DELIMITERS = '()"“”「」『』';
const TRIM_START = /[\p{P}\p{Cf}+]/u;
const TRIM_END = /[\p{P}\p{Cf}]/u;
const HAS_TEXT = /[\p{L}\p{N}]/u;
const SPACES = /[\s\u0000-\u001f\u0085\u200b\ufeff]+/gu;

type State = { source: string; ns: string; tokens: Token[]; errors: TopicQueryError[]; terms: number };

/** Splits a query source into tokens, or reports every lexical error found. */
export function lex(source: string): { tokens: Token[]; errors: TopicQueryError[] } {
  const st: State = { source, ns: normalise(source), tokens: [], errors: [], terms: 0 };
  let i = 0;
  while (i < st.ns.length && st.errors.length < 20 && st.terms <= MAX_TERMS) i = lexAt(st, i);
  return { tokens: st.tokens, errors: st.errors };
}

/** Lexes whatever starts at i; returns where the next token may start. */
function lexAt(st: State, i: number): number {
  const { ns } = st;
  const ch = ns[i];
  if (isSpaceCode(ns.charCodeAt(i))) return i + 1;
  if (ch === '(' || ch === ')') {
    st.tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', offset: i, length: 1 });
    return i + 1;
  }
  if (CLOSING[ch]) return lexPhrase(st, i, CLOSING[ch]);
  if (STRAY_CLOSERS.includes(ch)) {
    st.errors.push(queryError('UNEXPECTED_QUOTE', 'This closing quote has no opening quote before it.', i, 1));
    return i + 1;
  }
  if (ch === '-' || ch === '+') {
    const next = ns.charCodeAt(i + 1);
    if (ch === '-' && (i + 1 >= ns.length || isSpaceCode(next) || ns[i + 1] === ')')) {
      const message = '"-" excludes the word right after it: write it without a space, like -word.';
      st.errors.push(queryError('MISSING_OPERAND', message, i, 1));
    } else if (ch === '-') st.tokens.push({ kind: 'not', offset: i, length: 1 });
    return i + 1;
  }
  let end = i;
  while (end < ns.length && !isSpaceCode(ns.charCodeAt(end)) && !DELIMITERS.includes(ns[end])) end++;
  lexWord(st, i, end);
  return end;
}

/** A quoted phrase: "…", “…”, 「…」 or 『…』; whitespace runs inside become one space. */
function lexPhrase(st: State, start: number, close: string): number {
  const end = st.ns.indexOf(close, start + 1);
  if (end < 0) {
    st.errors.push(queryError('UNTERMINATED_PHRASE', 'This quote is never closed.', start, st.ns.length - start));
    return st.ns.length;
  }
  const value = st.ns
    .slice(start + 1, end)
    .replace(SPACES, ' ')
    .trim();
  if (!value) {
    st.errors.push(queryError('EMPTY_PHRASE', 'Empty quotes: put words between them or remove them.', start, end + 1 - start));
    return end + 1;
  }
  const text = st.source
    .slice(start + 1, end)
    .replace(SPACES, ' ')
    .trim();
  addTerm(st, { type: 'term', value, text, phrase: true, prefix: false, offset: start, length: end + 1 - start });
  return end + 1;
}

/** A bare word: an operator, NEAR/n, or a term (edge punctuation trimmed, a final * makes a prefix). */
function lexWord(st: State, start: number, end: number): void {
  const word = st.ns.slice(start, end);
  const op = Object.hasOwn(OPERATORS, word) ? OPERATORS[word] : undefined;
  if (op) st.tokens.push({ kind: op, offset: start, length: end - start });
  else if (/^near(\/|$)/.test(word)) lexNear(st, word, start);
  else lexTerm(st, start, end);
}

/** NEAR/n with n in 1..MAX_NEAR. */
function lexNear(st: State, word: string, start: number): void {
  const rest = word.slice(4);
  if (rest === '' || rest === '/') {
    const message = 'NEAR needs a distance attached to it, like NEAR/5 (1 to 100). To search for the word "near", put it in quotes.';
    st.errors.push(queryError('NEAR_DISTANCE_MISSING', message, start, word.length));
    return;
  }
  const m = /^\/(\d{1,6})$/.exec(rest);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!(n >= 1 && n <= MAX_NEAR)) {
    st.errors.push(
      queryError('NEAR_DISTANCE_RANGE', `The NEAR distance must be a whole number from 1 to ${MAX_NEAR}.`, start, word.length),
    );
    return;
  }
  st.tokens.push({ kind: 'near', offset: start, length: word.length, distance: n });
}

/** A bare term; reports misplaced *, too-short prefixes and words with nothing searchable. */
function lexTerm(st: State, start: number, end: number): void {
  const { ns } = st;
  let a = start;
  let b = end;
  while (b > a && ns[b - 1] !== '*' && ns[b - 1] !== '#' && TRIM_END.test(ns[b - 1])) b--;
  const prefix = b > a && ns[b - 1] === '*';
  if (prefix) b--;
  while (a < b && ns[a] !== '#' && ns[a] !== '@' && ns[a] !== '*' && TRIM_START.test(ns[a])) a++;
  const value = ns.slice(a, b);
  const error = termError(value, prefix);
  if (error) {
    st.errors.push(queryError(error[0], error[1], start, end - start));
    return;
  }
  const text = st.source.slice(a, b);
  addTerm(st, { type: 'term', value, text, phrase: false, prefix, offset: start, length: end - start });
}

/** What is wrong with a bare term, if anything. */
function termError(value: string, prefix: boolean): [TopicQueryError['code'], string] | null {
  const star = '* can only end an English word or number, like appl* (Chinese words already match inside longer text).';
  if (value.includes('*') || (prefix && !value)) return ['WILDCARD_POSITION', star];
  if (!HAS_TEXT.test(value)) {
    return ['NO_SEARCHABLE_TEXT', 'No letters, digits or Chinese characters here: put symbols or emoji in quotes to search for them.'];
  }
  if (!prefix) return null;
  let chars = 0; // word characters (code points) right before the *
  for (let i = value.length; i > 0 && classBefore(value, i) === WORD; i -= value.charCodeAt(i - 1) >= 0xdc00 && i > 1 ? 2 : 1) chars++;
  if (chars === 0) return ['WILDCARD_POSITION', star];
  if (chars < 2) return ['PREFIX_TOO_SHORT', 'Put at least 2 letters or digits before *.'];
  return null;
}

/** Records a term, enforcing MAX_TERMS. */
function addTerm(st: State, term: TopicTermNode): void {
  st.terms++;
  if (st.terms > MAX_TERMS) {
    st.errors.push(queryError('TOO_MANY_TERMS', `The query has more than ${MAX_TERMS} terms.`, term.offset, term.length));
    return;
  }
  st.tokens.push({ kind: 'term', offset: term.offset, length: term.length, term });
}
