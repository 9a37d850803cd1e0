// Search and matching tokens over normalised text: CJK character bigrams plus whole Latin/digit words.
// The same tokens serve the PostgreSQL index (tsvector, config `simple`) and topic pre-filtering.

// Han, kana, hangul: scripts written without spaces, indexed as overlapping character pairs.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;
// Letters and digits of space-separated scripts (after normalisation: lower case, half width).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}_'’-]*/gu;
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;

/** Longest token kept (longer words are cut: they are rare and bloat the index). */
export const MAX_WORD = 60;

/**
 * Index tokens of a normalised text, deduplicated: every CJK bigram, the last character of each
 * CJK run alone (so a one-character query can match as a prefix `X:*`), every Latin/digit word, and
 * each word's heads before a joiner (_ ' ’ -).
 */
export function indexTokens(normalised: string): string[] {
  const out = new Set<string>();
  for (const m of normalised.matchAll(CJK)) {
    const run = m[0];
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
    out.add(run[run.length - 1]);
  }
  const latin = normalised.replace(CJK, ' ');
  for (const m of latin.matchAll(WORD)) {
    const word = m[0].replace(/['’-]+$/, '').slice(0, MAX_WORD);
    out.add(word);
    // Heads before each joiner (apple's → apple; 7-11-eleven → 7, 7-11): a query word matches at the
    // start of a text word up to a joiner, so with heads indexed an exact lexeme finds every match.
    for (let i = 1; i < word.length; i++) if (JOINERS.has(word[i]) && !JOINERS.has(word[i - 1])) out.add(word.slice(0, i));
  }
  out.delete('');
  return [...out];
}

const JOINERS = new Set(['_', "'", '’', '-']);

/** Escapes a token as a tsquery/tsvector lexeme. */
export function lexeme(token: string): string {
  if (!token.includes("'") && !token.includes('\\')) return `'${token}'`;
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** The tsvector literal for a normalised text (positions omitted: phrases are rechecked on the text). */
export function tsvectorLiteral(normalised: string): string {
  return indexTokens(normalised).map(lexeme).join(' ');
}

/**
 * The tsquery that must hold for a normalised term to occur in a text: AND of its bigrams and words;
 * a single CJK character becomes a prefix match. A candidate filter only — confirm with the text itself.
 */
export function termQuery(normalisedTerm: string): string | null {
  const parts: string[] = [];
  for (const m of normalisedTerm.matchAll(CJK)) {
    const run = m[0];
    if (run.length === 1) parts.push(`${lexeme(run)}:*`);
    for (let i = 0; i + 1 < run.length; i++) parts.push(lexeme(run.slice(i, i + 2)));
  }
  const latin = normalisedTerm.replace(CJK, ' ');
  for (const m of latin.matchAll(WORD)) parts.push(lexeme(m[0].replace(/['’-]+$/, '').slice(0, MAX_WORD)));
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(' & ') : null;
}

/** True if the character is written without spaces (CJK). */
export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}
