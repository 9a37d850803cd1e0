// Character classes of normalised text, kept identical to the search tokeniser (tokenise.ts): a
// CJK character is a token by itself; a word starts at a letter or digit and runs on through letters,
// digits and the joiners _ ' ’ -. Everything else separates words.
import { isCjkChar } from '../../platform/text/tokenise.ts';

/** Class: separator (space, punctuation, symbols, emoji). */
export const OTHER = 0;
/** Class: letter or digit of a space-separated script (a word character). */
export const WORD = 1;
/** Class: CJK character (Han, kana, hangul), one token each. */
export const CJK = 2;
/** Class: _ ' ’ - (continue a word that has started, never start one). */
export const JOINER = 3;

const LETTER = /^[\p{L}\p{N}]$/u;
let table: Uint8Array | undefined;

/** The class of every BMP code unit, built once on first use (~10 ms). */
function buildTable(): Uint8Array {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCharCode(c);
    if (isCjkChar(s)) t[c] = CJK;
    else if (LETTER.test(s)) t[c] = WORD;
    else if (c === 0x5f || c === 0x27 || c === 0x2019 || c === 0x2d) t[c] = JOINER;
  }
  return t;
}

/** The class of a code point. */
export function classOf(cp: number): number {
  table ??= buildTable();
  if (cp < 0x10000) return table[cp];
  return LETTER.test(String.fromCodePoint(cp)) ? WORD : OTHER;
}

/** The class of the character starting at code unit i (OTHER outside the text). */
export function classAt(text: string, i: number): number {
  if (i < 0 || i >= text.length) return OTHER;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    table ??= buildTable();
    return table[c];
  }
  return classOf(text.codePointAt(i) ?? c);
}

/** The class of the character that ends just before code unit i (OTHER at the start). */
export function classBefore(text: string, i: number): number {
  if (i <= 0) return OTHER;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return classOf(((hi - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return classAt(text, i - 1);
}

/** True if a word (index token) may start at i: the word before, if any, does not run on into i. */
export function wordMayStartAt(text: string, i: number): boolean {
  let j = i;
  while (classBefore(text, j) === JOINER) j--;
  return classBefore(text, j) !== WORD;
}

/** Whitespace of normalised text (including control characters and zero-width spaces). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return true;
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    (c >= 0x2028 && c <= 0x2029) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Token-start counts: out[i] = how many tokens (CJK characters, words) start at or before i. */
export function tokenStartCounts(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cls = classAt(text, i);
    if (cls === CJK) {
      count++;
      inWord = false;
    } else if (cls === WORD) {
      if (!inWord) count++;
      inWord = true;
    } else if (cls === OTHER) inWord = false;
    out[i] = count;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) out[++i] = count; // low half of a pair
  }
  return out;
}
