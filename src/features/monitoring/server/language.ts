// Language detection for mentions: Chinese (Traditional or Simplified script), English, Japanese, Korean.
// One pass over UTF-16 code units with a 64 K-entry class table (≫ 1 M chars/s). Traditional vs
// Simplified counts the characters OpenCC converts T→S (Traditional-only) against those it converts
// S→T (Simplified-only), minus characters that are ordinary in both scripts. The sets come from the
// character dictionaries of OpenCC's tw→cn and cn→tw chains (TWVariantsRev+TSCharacters,
// STCharacters+TWVariants), applied per character as the converters do: ~10 ms, where building
// the two full converters (with their phrase tables) costs ~800 ms at start-up.
import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariants from 'opencc-js/dict/TWVariants';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';

/** The languages the detector tells apart (BCP 47); 'und' when there is nothing to go on. */
export type Lang = 'zh-Hant' | 'zh-Hans' | 'en' | 'ja' | 'ko' | 'und';

/** Character counts behind a decision (also used to weigh the Chinese model against the English lexicon). */
export type ScriptCounts = { han: number; trad: number; simp: number; kana: number; hangul: number; latin: number; other: number };

const HAN = 1;
const HAN_T = 2;
const HAN_S = 3;
const LATIN = 4;
const KANA = 5;
const HANGUL = 6;
const OTHER = 7;
const HIGH_HAN = 8; // high surrogate of planes 2–3 (CJK extensions B–H)

// Changed by one conversion but ordinary in the other script's everyday writing (Taiwanese 台, 里, 游…; Simplified 著名, 乾隆).
const NOT_SIMPLIFIED_ONLY = '台里后干游划准凶占污采伙征丰凄棱羡咸斗洒云肮据痹雇霉岩郁几于淀荐只冲周布余松范朴制谷卜丑向';
const NOT_TRADITIONAL_ONLY = '著乾';

let table: Uint8Array | undefined;

function buildTable(): Uint8Array {
  const t = new Uint8Array(65536);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = LATIN;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = LATIN;
  for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) t[c] = LATIN;
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = LATIN; // full-width A–Z
  for (let c = 0xff41; c <= 0xff5a; c++) t[c] = LATIN;
  for (let c = 0x3041; c <= 0x30ff; c++) if (c !== 0x30fb && c !== 0x30fc) t[c] = KANA; // not ・ ー (used in Chinese too)
  for (let c = 0xff66; c <= 0xff9d; c++) t[c] = KANA;
  for (let c = 0xac00; c <= 0xd7af; c++) t[c] = HANGUL;
  for (let c = 0x1100; c <= 0x11ff; c++) t[c] = HANGUL;
  for (let c = 0x3130; c <= 0x318f; c++) t[c] = HANGUL;
  for (let c = 0xd840; c <= 0xd8bf; c++) t[c] = HIGH_HAN;
  const letter = /\p{L}/u;
  for (let c = 0x250; c < 0x3000; c++) if (t[c] === 0 && letter.test(String.fromCharCode(c))) t[c] = OTHER;
  for (const [from, to] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ]) {
    for (let c = from; c <= to; c++) t[c] = HAN;
  }
  // Dictionary entries are `source target…` separated by '|'; the converters use the first target.
  const map = (dict: string) => new Map(dict.split('|').map((e) => e.split(' ', 2) as [string, string]));
  const st = map(stCharacters);
  const ts = map(tsCharacters);
  const tw = map(twVariants);
  const twRev = map(twVariantsRev);
  const toSimp = (c: string) => {
    const v = twRev.get(c) ?? c;
    return ts.get(v) ?? v;
  };
  const toTrad = (c: string) => {
    const v = st.get(c) ?? c;
    return tw.get(v) ?? v;
  };
  for (const c of new Set([...ts.keys(), ...twRev.keys(), ...st.keys(), ...tw.keys()])) {
    const code = c.charCodeAt(0);
    if (c.length !== 1 || t[code] !== HAN) continue;
    const tradOnly = toSimp(c) !== c;
    const simpOnly = toTrad(c) !== c;
    if (tradOnly && !simpOnly && !NOT_TRADITIONAL_ONLY.includes(c)) t[code] = HAN_T;
    else if (simpOnly && !tradOnly && !NOT_SIMPLIFIED_ONLY.includes(c)) t[code] = HAN_S;
  }
  return t;
}

const LINKS_AND_TAGS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|[@#][\w.]+/gi;
const LINKS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|@[\w.]+/gi;

/** The text with URLs, e-mail addresses, @handles (and #tags unless `keepTags`) blanked out: they are not prose. */
export function withoutLinks(text: string, keepTags = false): string {
  if (!(text.includes('://') || text.includes('www.') || text.includes('@') || (!keepTags && text.includes('#')))) return text;
  return text.replace(keepTags ? LINKS : LINKS_AND_TAGS, ' ');
}

/** Counts letters by script, ignoring URLs, e-mail addresses, @handles and #tags. */
export function countScripts(text: string): ScriptCounts {
  table ??= buildTable();
  const t = table;
  const s = withoutLinks(text);
  let han = 0;
  let trad = 0;
  let simp = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    switch (t[s.charCodeAt(i)]) {
      case 0:
        break;
      case HAN:
        han++;
        break;
      case HAN_T:
        han++;
        trad++;
        break;
      case HAN_S:
        han++;
        simp++;
        break;
      case LATIN:
        latin++;
        break;
      case KANA:
        kana++;
        break;
      case HANGUL:
        hangul++;
        break;
      case OTHER:
        other++;
        break;
      case HIGH_HAN:
        han++;
        i++;
        break;
    }
  }
  return { han, trad, simp, kana, hangul, latin, other };
}

/** Decides a language from script counts (see detectLanguage). */
export function languageOf(c: ScriptCounts): Lang {
  const cjk = c.han + c.kana;
  // One Han character carries about as much as two Latin letters.
  const weights = [
    ['zh', c.han * 2 + c.kana * 2],
    ['ko', c.hangul * 2],
    ['en', c.latin],
    ['und', c.other],
  ] as const;
  let best: (typeof weights)[number] = weights[0];
  for (const w of weights) if (w[1] > best[1]) best = w;
  if (best[1] === 0) return 'und';
  if (best[0] !== 'zh') return best[0];
  if (c.kana >= 2 && c.kana * 4 >= cjk) return 'ja';
  return c.simp > c.trad ? 'zh-Hans' : 'zh-Hant';
}

/**
 * Detects the language of a text: 'zh-Hant' / 'zh-Hans' for Chinese by script, 'en' for Latin-script
 * text (other Latin-script languages are not told apart), 'ja' when kana (two or more) are at least a quarter of the
 * CJK characters, 'ko' for Hangul, 'und' for anything else or nothing. Chinese text with no character
 * that tells the scripts apart (e.g. 「好吃」) counts as 'zh-Hant', the product's home script.
 */
export function detectLanguage(text: string): Lang {
  return languageOf(countScripts(text));
}

/** Builds the character table now (server start-up) rather than on the first call. */
export function warmLanguageDetector(): void {
  table ??= buildTable();
}
