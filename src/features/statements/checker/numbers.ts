// Numbers as statements write them: 1,000 / 1000 / 1.2萬 / 一千 / 兩百 / 三千五百 / 近千.

/** English number words from two to ninety, and dozens (the fact comparisons add their own one, a, half…). */
export const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  'a dozen': 12,
};

/** English floor ordinals (the ground floor is the first). */
export const EN_FLOOR_ORDINALS: Readonly<Record<string, number>> = {
  ground: 1,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** Parses Chinese numerals (一千、兩百零五、三萬五千、十二); NaN if not one. */
export function parseChineseNumber(input: string): number {
  // 廿 (20), 卅 (30) and 卌 (40) are written for two characters each.
  const s = input.replace(/廿/g, '二十').replace(/卅/g, '三十').replace(/卌/g, '四十');
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch];
      digit = -1;
    } else if (ch in BIG_UNITS) {
      section += Math.max(digit, 0);
      total += (section || 1) * BIG_UNITS[ch];
      section = 0;
      digit = -1;
    } else return Number.NaN;
  }
  return total + section + Math.max(digit, 0);
}

/** Parses an Arabic or Chinese number with an optional 萬/千/百 multiplier after it. */
export function parseNumber(digits: string, multiplier?: string): number {
  const clean = digits.replace(/,/g, '');
  let v = /^\d+(?:\.\d+)?$/.test(clean) ? Number(clean) : parseChineseNumber(clean);
  if (multiplier) v *= BIG_UNITS[multiplier] ?? SMALL_UNITS[multiplier] ?? 1;
  return v;
}

/** Formats a number for a message (1000 → 1,000). */
export function formatNumber(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
