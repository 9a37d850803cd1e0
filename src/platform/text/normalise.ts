// Text normalisation for matching, search and models: full/half width (NFKC), lower case, and
// Traditional → Simplified Chinese, one UTF-16 code unit for one, so offsets in the normalised
// text point at the same characters in the original (for highlighting). People always see the original.
import { T2S_PAIRS_HEX } from './t2s-pairs.ts';

let table: Uint16Array | undefined;

/** The version of the table below; stored search vectors and text hashes record which one made them. */
export const NORMALISATION_VERSION = 2;

/**
 * The characters whose normalised form changed in each version: stored rows whose text holds one were derived
 * with the old form and are derived again (refreshTextIndexes). Version 2: the two-step OpenCC chains (麼 麽 → 幺,
 * as 么 already was; 薴 → 苎) and Kangxi radicals and enclosed ideographs whose NFKC form is Traditional.
 */
export const CHANGED_IN: Readonly<Record<number, string>> = {
  2: '⼾⾒⾙⾞⾧⾨⾱⾴⾵⾶⾺⾾⿂⿃⿄⿆⿈⿌⿑⿒⿓⿔㉄㉇㊖㊜㊝㊠㊬㊮㊯薴麼麽',
};

/** The CJK blocks whose characters are folded Traditional → Simplified. */
export const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** NFKC and lower case, one code unit for one (where either would change the length, the unit stays). */
export function baseTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    t[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates pass through untouched
    let s = String.fromCharCode(c);
    const nfkc = s.normalize('NFKC');
    if (nfkc.length === 1) s = nfkc;
    const lower = s.toLowerCase();
    if (lower.length === 1) s = lower;
    t[c] = s.charCodeAt(0);
  }
  return t;
}

/** Builds the code-unit table once: the base table, OpenCC's single-character Traditional → Simplified pairs, spaces. */
function buildTable(): Uint16Array {
  const t = baseTable();
  // Pairs precomputed from OpenCC by scripts/generate-t2s.ts (normalise.test.ts checks they are current).
  for (let i = 0; i + 8 <= T2S_PAIRS_HEX.length; i += 8) {
    t[Number.parseInt(T2S_PAIRS_HEX.slice(i, i + 4), 16)] = Number.parseInt(T2S_PAIRS_HEX.slice(i + 4, i + 8), 16);
  }
  // NFKC maps the ideographic space and full-width forms; also fold the remaining spaces.
  t[0x3000] = 0x20;
  t[0x00a0] = 0x20;
  // Idempotent: a unit whose image still changes (a Kangxi radical whose NFKC form is Traditional, 戶 → 户) goes
  // on to the end, so text normalised once and again — a stored form, a query — always meet.
  for (let c = 0; c < 65536; c++) {
    let v = t[c];
    for (let hops = 0; t[v] !== v && hops < 4; hops++) v = t[v];
    t[c] = v;
  }
  return t;
}

/** Normalises text for matching: same length as the input, position i ↔ position i. */
export function normalise(text: string): string {
  table ??= buildTable();
  const t = table;
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = t[text.charCodeAt(i)];
  return new TextDecoder('utf-16le').decode(out);
}

/** Builds the normalisation table now (server start-up), so the first request does not pay for it. */
export function warmNormaliser(): void {
  table ??= buildTable();
}
