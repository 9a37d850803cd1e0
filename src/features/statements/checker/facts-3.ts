// What facts.ts compares, third round (tune-3, issue 6): English counts in words ("Four runners"), counts whose
// noun is left out ("14 runners treated, 2 admitted"), sums of money ("NT$36,000"), months ("2026 年 6 月"), and named
// claims: a draft that denies what the fact sheet names as the cause (「與太陽能板無關」 when the fact sheet says the
// fire began in the solar panels), or that says something was exposed which the fact sheet says was not.
import { normalise } from '../../../platform/text/normalise.ts';
import { EN_FLOOR_ORDINALS, EN_NUMBER_WORDS } from './numbers.ts';

export type ThirdMention = {
  kind: 'quantity' | 'date';
  start: number;
  end: number;
  unit: string;
  value: number;
  approx: boolean;
  name: string;
};

const c = (src: string, flags = 'g') => new RegExp(normalise(src), flags);
const CJK = '[\\u3400-\\u9fff]';
const APPROX_EN =
  'fewer than|less than|under|below|no more than|about|around|approximately|nearly|almost|over|more than|roughly|some|up to|at least|close to|an estimated|only|just';
const UNITS_EN: Record<string, number> = { ...EN_NUMBER_WORDS, 'two dozen': 24 };
const ONES: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
/** Words after a number that are not what it counts. */
const NOT_NOUNS = new Set(
  'of more and or the to in at on per a an hours hour minutes minute times percent days day weeks week months month years year'.split(' '),
);
const FLOORS = EN_FLOOR_ORDINALS;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 一 … 九十九 (times and floors). */
function parseChinese(s: string): number {
  if (s === '十') return 10;
  const m = /^([一二两兩三四五六七八九])?十([一二两兩三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : Number.NaN;
}
const singular = (w: string) =>
  w
    .replace(/(ch|sh|x|ss)es$/, '$1')
    .replace(/ies$/, 'y')
    .replace(/(?<!s)s$/, '');

type Compiled = {
  wordCount: RegExp;
  verbCount: RegExp;
  nounCount: RegExp;
  money: RegExp;
  month: RegExp;
  monthEn: RegExp;
  timeZh: RegExp;
  floor: RegExp;
  correction: RegExp;
  denial: RegExp[];
  cause: RegExp;
  exposedEn: RegExp;
  notExposed: RegExp;
};
let cx: Compiled | undefined;

function build(): Compiled {
  const words = Object.keys(UNITS_EN)
    .sort((a, b) => b.length - a.length)
    .join('|');
  return {
    wordCount: new RegExp(
      `\\b((?:${APPROX_EN}) )?(${words})(?:-(${Object.keys(ONES).join('|')}))? (?:more |other |further )?([a-z]{3,})\\b`,
      'g',
    ),
    // "2 admitted to hospital", "3 were injured": a count whose noun the sentence gave earlier.
    verbCount: new RegExp(
      `\\b(\\d{1,3}(?:,\\d{3})+|\\d+|${words})(?:-(${Object.keys(ONES).join('|')}))? (?:were |have been |had been |was |are )?(admitted|hospitali[sz]ed|treated|injured|hurt|killed|died|evacuated|discharged|affected|sickened)\\b`,
      'g',
    ),
    nounCount: new RegExp(`\\b(?:\\d{1,3}(?:,\\d{3})+|\\d+|${words})(?:-[a-z]+)? (?:more |other )?([a-z]{3,})\\b`, 'g'),
    money: c(
      '(?:(約|大約|近|超過|逾|about|around|approximately|nearly|over|more than|roughly|some)\\s?)?(?:nt\\$|us\\$|hk\\$|rmb\\s?|新台幣|台幣|人民幣|\\$)\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s?(萬|千|thousand|million)?',
    ),
    month: c('(\\d{4})\\s?年\\s?(\\d{1,2})\\s?月(?!\\s?\\d{1,2}\\s?[日號])'),
    // 「晚間 9 時 40 分」, 「下午三點半」, 「凌晨 2 時許」: a time of day, compared through what happened at it.
    timeZh: c(
      '(凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|晚間|夜間|深夜)?\\s?(?:約|大約|約莫)?\\s?(\\d{1,2}|[一二兩三四五六七八九十]{1,3})\\s?(?:時|點)(?:\\s?(\\d{1,2})\\s?分|(半))?(許|左右)?',
    ),
    floor: c(
      '(?:\\b(\\d{1,3})(?:st|nd|rd|th)?|\\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|ground|top)) floor\\b|(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s?樓(?![梯下上])',
    ),
    monthEn: /\b(january|february|march|april|may|june|july|august|september|october|november|december),? (\d{4})\b/g,
    // An explicit correction of an earlier statement that gives the corrected value (應為 2 名; "27, not 24 as we said"),
    // the safer direction of STATEMENT-RISKS.md: not a conflict with that statement. 「…照片與報導無關，特此更正」 names no
    // new value, so the date of what it corrects is still compared.
    correction: c(
      '(?:應為|應是|更正為|改為|正確(?:的)?(?:人數|數字|日期|時間|地點|數量)?(?:應)?為)\\s?[\\d一二兩三四五六七八九十]|\\bnot [\\d,]+(?: [a-z]+)? as (?:we|previously|earlier|first|originally)|\\bshould (?:read|have read|have said)\\b|\\bthe correct (?:figure|number|date|count) is\\b|與(?:實際|事實)[\\u3400-\\u9fff]{0,6}不符|實際(?:應)?為\\s?\\d',
      '',
    ),
    // A denial of a named thing: 與X無關, 並非X所致/造成, "not caused by X", "unrelated to X", "had nothing to do with X".
    denial: [
      c(`(?:與|和|跟)(${CJK}{2,10})(?:並|完全|均)?(?:無關|沒有關係|毫無關係|無涉|沒有關聯|無關聯)`),
      c(`(?:並非|不是|非)(?:因為?|由於?|由)?(${CJK}{2,10}?)(?:所致|造成|引起|導致|引發|的?問題|的?錯|的?疏失|的?故障)`),
      /\b(?:not (?:caused by|due to|related to|linked to|connected (?:to|with)|the result of)|unrelated to|nothing to do with|had no connection (?:to|with)) (?:the |our |a |an |any )?([a-z][a-z -]{2,30}?)(?=[,.;:!?]|$| and | but | as )/g,
    ],
    cause: c(
      '起因|原因|肇因|因為|由於|所致|造成|引起|導致|引發|起火|源自|cause|caused|due to|started (?:in|at|from)|began (?:in|at)|originat|traced to',
    ),
    // "Names, e-mail addresses and payment card details … were exposed".
    exposedEn:
      /\b((?:[a-z-]+ ){0,3}(?:details|data|numbers|records|information|addresses|passwords|card details))\b(?:[^.;!?]{0,60}?)\b(?:were|was|have been|had been|got) (?:exposed|accessed|leaked|stolen|compromised|taken)\b/g,
    notExposed:
      /\b((?:[a-z-]+ ){0,3}(?:details|data|numbers|records|information|addresses|passwords))\b[^.;!?]{0,60}?\b(?:was|were|has been|have been) not (?:accessed|exposed|affected|leaked|stolen|compromised|involved)\b/g,
  };
}

/** A month named in the text (「2026 年 3 月」, "March 2026") as a date mention of the whole match. */
function monthOf(m: RegExpMatchArray, y: number, mo: number): ThirdMention {
  const start = m.index ?? 0;
  return { kind: 'date', start, end: start + m[0].length, unit: 'month', value: y * 100 + mo, approx: false, name: `${y}-${mo}` };
}
/** Counts in words, counts without their noun, money and months in a normalised text. */
export function thirdMentions(norm: string): ThirdMention[] {
  cx ??= build();
  const out: ThirdMention[] = [];
  const wordValue = (w: string, ones?: string) => (UNITS_EN[w] ?? Number(w.replace(/,/g, ''))) + (ones ? ONES[ones] : 0);
  for (const m of norm.matchAll(cx.wordCount)) {
    const noun = m[4];
    if (NOT_NOUNS.has(noun) || noun === 'than') continue;
    // "two of our five stores": five is the whole, not a count of what happened.
    if (/\bof (?:our |the |its |their |all |all of )?$/.test(norm.slice(Math.max(0, (m.index ?? 0) - 16), m.index ?? 0))) continue;
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    out.push({
      kind: 'quantity',
      start,
      end: (m.index ?? 0) + m[0].length,
      unit: `noun:${singular(noun)}`,
      value: wordValue(m[2], m[3]),
      approx: Boolean(m[1] && !/^(?:only|just) $/.test(m[1])) || m[2].includes('dozen'),
      name: '',
    });
  }
  for (const m of norm.matchAll(cx.verbCount)) {
    const at = m.index ?? 0;
    // The noun of the nearest count before it in the same sentence ("14 runners treated, 2 admitted").
    const sentenceStart = Math.max(norm.lastIndexOf('.', at - 1), norm.lastIndexOf(';', at - 1), norm.lastIndexOf('\n', at - 1)) + 1;
    const before = norm.slice(sentenceStart, at);
    let noun = '';
    for (const n of before.matchAll(cx.nounCount)) if (!NOT_NOUNS.has(n[1])) noun = n[1];
    if (!noun) continue;
    const numEnd = at + m[1].length + (m[2] ? m[2].length + 1 : 0);
    out.push({
      kind: 'quantity',
      start: at,
      end: numEnd,
      unit: `noun:${singular(noun)}`,
      value: wordValue(m[1], m[2]),
      approx: false,
      name: '',
    });
  }
  for (const m of norm.matchAll(cx.money)) {
    const mult = m[3] === '萬' || m[3] === '万' ? 10_000 : m[3] === '千' || m[3] === 'thousand' ? 1000 : m[3] === 'million' ? 1e6 : 1;
    const start = (m.index ?? 0) + (m[1] ? m[0].indexOf(m[1]) + m[1].length : 0);
    out.push({
      kind: 'quantity',
      start: norm.slice(start, (m.index ?? 0) + m[0].length).search(/\S/) + start,
      end: (m.index ?? 0) + m[0].trimEnd().length,
      unit: 'money',
      value: Number(m[2].replace(/,/g, '')) * mult,
      approx: Boolean(m[1]),
      name: '',
    });
  }
  for (const m of norm.matchAll(cx.month)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) continue;
    out.push(monthOf(m, y, mo));
  }
  for (const m of norm.matchAll(cx.timeZh)) {
    const start = m.index ?? 0;
    // 「3 時」 after a date or on its own; not 「24 小時」 (a duration) nor 「第 3 點」.
    if (/[小第]$/.test(norm.slice(Math.max(0, start - 1), start))) continue;
    let h = /^\d+$/.test(m[2]) ? Number(m[2]) : parseChinese(m[2]);
    const min = m[4] ? 30 : m[3] ? Number(m[3]) : 0;
    if (!(h >= 0 && h <= 24 && min < 60)) continue;
    if (m[1] && /下午|傍晚|晚上|晚间|夜间|深夜/.test(m[1]) && h < 12) h += 12;
    if (!m[1] && !m[3] && !m[4]) continue; // a bare 「3 點」 is too often a list item or a score
    const approx = Boolean(m[5]) || !m[3] || /约/.test(m[0]);
    out.push({
      kind: 'quantity',
      start: start + m[0].search(/\S/),
      end: start + m[0].length,
      unit: 'time',
      value: h * 60 + min,
      approx,
      name: '',
    });
  }
  for (const m of norm.matchAll(cx.floor)) {
    const raw = m[1] ?? m[2] ?? m[3];
    const v = /^\d+$/.test(raw) ? Number(raw) : (FLOORS[raw] ?? parseChinese(raw));
    if (!Number.isFinite(v)) continue;
    out.push({
      kind: 'quantity',
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      unit: 'floor',
      value: v,
      approx: false,
      name: '',
    });
  }
  const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  for (const m of norm.matchAll(cx.monthEn)) {
    const y = Number(m[2]);
    const mo = MONTHS.indexOf(m[1]) + 1;
    out.push(monthOf(m, y, mo));
  }
  return out;
}

/** What a leak could include: a draft that says it did not, and a fact that says it leaked. */
const LEAK_ITEM = normalise(
  '信用卡號|卡號|身分證字號|身分證號|身分證|密碼|地址|電話|手機號碼|手機|電子郵件|信箱|生日|病歷|帳號|姓名|銀行帳戶|護照號碼',
);
const NOT_LEAKED = [
  new RegExp(
    normalise('(?:不包含|不包括|不含|未包含|未包括|並未包含|沒有包含|不涉及|未涉及)(?:任何)?(?:客戶|用戶|會員|顧客)?(?:的)?') +
      `(${LEAK_ITEM}(?:末四碼|資料|資訊)?)`,
    'g',
  ),
  /\b(?:no|not any) ((?:payment |credit |bank )?(?:card numbers|card details|passwords|passport numbers|id numbers|bank details|home addresses|phone numbers|dates of birth))\b[^.;!?]{0,30}?\b(?:were|was|have been|has been) (?:exposed|accessed|leaked|stolen|taken|involved|included)\b/g,
];
const LEAKED = new RegExp(normalise('外洩|洩漏|洩露|外流|遭竊|被盜|leak|exposed|breach|stolen|accessed|compromised'));

/** The draft's sentence around an offset explicitly corrects an earlier statement. */
export function isCorrection(norm: string, start: number, end: number): boolean {
  cx ??= build();
  let s = start;
  while (s > 0 && start - s < 80 && !'。!?;\n'.includes(norm[s - 1]) && !(norm[s - 1] === '.' && !/\d/.test(norm[s - 2] ?? ''))) s--;
  let e = end;
  while (e < norm.length && e - end < 80 && !'。!?;\n'.includes(norm[e])) e++;
  return cx.correction.test(norm.slice(s, e));
}

export type ClaimConflict = { start: number; end: number; source: number; excerpt: string };

/** Named claims: the draft denies what a fact names as a cause, or says exposed what a fact says was not. */
export function claimConflicts(norm: string, sources: readonly string[]): ClaimConflict[] {
  cx ??= build();
  const k = cx;
  const out: ClaimConflict[] = [];
  const normSources = sources.map((s) => normalise(s));
  for (const re of k.denial) {
    for (const m of norm.matchAll(re)) {
      const thing = m[1].trim();
      // The named thing, or its last few characters/words (頂樓太陽能板 ~ 太陽能板; "the solar panels" ~ "solar panel").
      const keys = /[\u3400-\u9fff]/.test(thing)
        ? [thing, thing.slice(-4), thing.slice(0, 4)].filter((x) => x.length >= 3)
        : [singular(thing.split(' ').slice(-2).join(' '))].filter((x) => x.length >= 4);
      const hit = normSources.findIndex(
        (src) =>
          k.cause.test(src) &&
          keys.some((key) => src.includes(key)) &&
          !keys.some((key) => new RegExp(`(?:與|和|跟)${CJK}{0,4}${key}${CJK}{0,4}無關|not ${key}`).test(src)),
      );
      if (hit < 0) continue;
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, source: hit, excerpt: sources[hit] });
    }
  }
  // 「外洩資料不包含信用卡號」, "no passwords were exposed": an item the draft says was not exposed, which a fact lists
  // among what leaked.
  for (const re of NOT_LEAKED) {
    for (const m of norm.matchAll(re)) {
      const thing = m[1].trim();
      const keys = /[\u3400-\u9fff]/.test(thing)
        ? [thing, thing.slice(0, 4), thing.slice(-4)].filter((x) => x.length >= 2)
        : [singular(thing.split(' ').slice(-2).join(' '))].filter((x) => x.length >= 4);
      const hit = normSources.findIndex(
        (src) =>
          LEAKED.test(src) &&
          keys.some((key) => src.includes(key)) &&
          !keys.some((key) =>
            new RegExp(`(?:不包含|不包括|不含|未包含|未包括|未外泄|没有|无)(?:任何)?${key}|${key}[^.;。]{0,20}(?:未|没有|并未|not)`).test(
              src,
            ),
          ),
      );
      if (hit < 0) continue;
      const start = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
      out.push({ start, end: start + m[1].length, source: hit, excerpt: sources[hit] });
    }
  }
  const denied = normSources.flatMap((src, i) =>
    [...src.matchAll(k.notExposed)].map((m) => ({ i, what: m[1].trim().split(' ').slice(-2).join(' ') })),
  );
  if (denied.length) {
    for (const m of norm.matchAll(k.exposedEn)) {
      const list = m[1];
      const d = denied.find(
        (x) => list.includes(x.what) || norm.slice(m.index ?? 0, (m.index ?? 0) + m[0].length).includes(x.what.split(' ')[0]),
      );
      if (!d) continue;
      // The span is the exposed thing the fact sheet says was safe ("payment card details").
      const word = d.what.split(' ')[0];
      const at = norm.indexOf(word, m.index ?? 0);
      const tail = /^[a-z-]+(?: (?:card )?(?:details|data|numbers|records|information))?/.exec(norm.slice(at));
      out.push({ start: at, end: at + (tail?.[0].length ?? word.length), source: d.i, excerpt: sources[d.i] });
    }
  }
  return out;
}
