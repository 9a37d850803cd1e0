// Text normalisation for matching, search and models: full/half width (NFKC), lower case, and
// Traditional → Simplified Chinese, one UTF-16 code unit for one, so offsets in the normalised
// text point at the same characters in the original (for highlighting). People always see the original.
import * as OpenCC from 'opencc-js';

let table: Uint16Array | undefined;

/** Builds the code-unit table once (≈ a few ms per thousand CJK characters; done lazily on first use). */
function buildTable(): Uint16Array {
  const t = new Uint16Array(65536);
  const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
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
  // Traditional → Simplified for the CJK blocks, character by character.
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [from, to] of ranges) {
    let chunk = '';
    for (let c = from; c <= to; c++) chunk += String.fromCharCode(t[c]);
    const converted = t2s(chunk);
    // Phrase rules can change lengths; fall back to single characters wherever the chunk did not map 1:1.
    if (converted.length === chunk.length) {
      for (let i = 0; i < chunk.length; i++) t[from + i] = converted.charCodeAt(i);
    } else {
      for (let c = from; c <= to; c++) {
        const one = t2s(String.fromCharCode(t[c]));
        if (one.length === 1) t[c] = one.charCodeAt(0);
      }
    }
  }
  // NFKC maps the ideographic space and full-width forms; also fold the remaining spaces.
  t[0x3000] = 0x20;
  t[0x00a0] = 0x20;
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
