// inconsistent_fact, sixth round (issue 6): comparisons the fourth holdout showed were missing, each written as a
// comparison of kinds rather than of phrases — a person's state (home against still in care), a count a source gives
// bare after its noun (「受影響用戶 3.2 萬」, "Affected accounts: 12,400"), an act the draft says has not happened that a
// source says has (報警 / 報案 / 向警方通報, "gone to / reported to the police"), "no employee involved" against a count
// of staff at fault, a span of model years wider than the facts', and a deadline for the same act moved against an
// earlier approved statement.
import { normalise } from '../../../platform/text/normalise.ts';
import { isCorrection } from './facts-3.ts';
import { type NamedConflict, rangeHolds } from './facts-4.ts';
import { EN_FLOOR_ORDINALS, EN_NUMBER_WORDS, parseNumber } from './numbers.ts';

const c = (src: string, flags = 'g') => new RegExp(normalise(src), flags);
const CJK = '[\\u3400-\\u9fff]';
const DONE =
  '(?:退款|退費|退回|退還|退改|改票|理賠|賠付|修復|聯繫|refunded|reversed|rebooked|repaid|returned|settled|paid|compensated|restored|repaired|fixed|contacted)';
const SENTENCE = /[^。.!?！？;；\n]+(?:\.(?=\d)[^。.!?！？;；\n]*)*/g;

/** Clause bounds: commas (not inside 1,000), semicolons and sentence ends. */
function clause(norm: string, start: number, end: number): [number, number] {
  const stop = (i: number) => {
    const ch = norm[i];
    if (ch === ',') return !(/\d/.test(norm[i - 1] ?? '') && /\d/.test(norm[i + 1] ?? ''));
    if (ch === '.') return !/\d/.test(norm[i + 1] ?? '');
    return '，；;。!?！？\n、'.includes(ch);
  };
  let a = start;
  while (a > 0 && !stop(a - 1)) a--;
  let b = end;
  while (b < norm.length && !stop(b)) b++;
  while (a < b && norm[a] === ' ') a++;
  return [a, b];
}

const sentencesOf = (s: string) => [...s.matchAll(SENTENCE)].map((m) => ({ text: m[0], at: m.index ?? 0 }));

// --- A person's state: sent home against still in care -------------------------------------------------------------
const HOME = c(
  '(?:已|已經|目前已|均已|皆已|都已)(?:康復)?(?:出院|返家|回家|回到家中|平安返家)|康復出院|\\b(?:has|have|had|was|were)(?: since| now| already| been)* (?:discharged|released from (?:hospital|care)|sent home|gone home|back home|recovered)\\b|\\b(?:is|are) (?:now |already )?(?:back )?(?:at )?home\\b',
  '',
);
const IN_CARE = c(
  '(?:仍|仍然|還|尚|目前仍|持續)(?:有\\s?\\d+\\s?(?:名|位|人))?(?:在|於|留在|住在)?(?:加護病房|重症|醫院|住院|icu|治療|觀察|昏迷)|\\b(?:still|remains?|remained) (?:in|under|receiving) (?:intensive care|hospital|the icu|icu|critical care|treatment|care)\\b|\\bremains? (?:hospitali[sz]ed|in a critical condition|critical)\\b',
  '',
);
const NEGATED_STATE = c('(?:尚未|還沒|未|沒有|並未|不|\\bnot\\b|\\bnot yet\\b|\\bno\\b)\\s?$', '');

function stateConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  // Where any source sends someone home, counts are split (「2 人出院、1 人仍住院」): nothing to compare.
  if (normSources.some((s) => HOME.test(s))) return [];
  const src = normSources.findIndex((s) => IN_CARE.test(s));
  if (src < 0) return [];
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    const h = HOME.exec(text);
    // A sentence that also keeps someone in care, or counts those sent home, splits the group too.
    if (!h || IN_CARE.test(text) || /\d|[一二两三四五六七八九十]\s?(?:名|位|人)/.test(text)) continue;
    if (NEGATED_STATE.test(text.slice(Math.max(0, h.index - 6), h.index))) continue;
    const [a, b] = clause(norm, at + h.index, at + h.index + h[0].length);
    out.push({ start: a, end: b, source: src, excerpt: '' });
  }
  return out;
}

// --- A count given bare after its noun in a source ------------------------------------------------------------------
/** 「受影響用戶 3.2 萬」, 「受影響會員：4,500」, "Affected accounts: 12,400": a noun phrase, then a number and no unit. */
const BARE_ZH =
  /([\u3400-\u9fff]{2,8})\s?[:：为是达共約约]?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(万|千)?(?![\d.,%\u3400-\u9fff]|\s?[a-z\u3400-\u9fff])/g;
const BARE_EN =
  /\b((?:[a-z]+ ){0,2}[a-z]{3,}): (?:about |around |approximately |over |nearly )?(\d{1,3}(?:,\d{3})+|\d+)(?![\d:.,%]|\s?[a-z])/g;
/** A draft's count of people or things, in figures or Chinese numerals, with what it is after (万, 千, a unit). */
const DRAFT_COUNT_ZH = c(
  '(約|大約|近|將近|逾|超過|不到|不足|少於)?\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|[零一二兩三四五六七八九十百千萬]+)\\s?(萬|千)?\\s?(?:多\\s?)?(?:人|名|位|戶|筆|個|件|則|人次)',
);
const EN_WORD: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, five: 5, ten: 10, few: 3, several: 5 };
const DRAFT_COUNT_EN =
  /\b(about|around|approximately|nearly|almost|over|more than|fewer than|less than|under|roughly|some)? ?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a|one|two|three|five|ten|a few|several) ?(thousand|million|hundred)?\b/g;

/** The noun's last two characters (用户, 会员) or its last English word, singular. */
const headOf = (noun: string) => (/[a-z]/.test(noun) ? (noun.trim().split(' ').pop()?.replace(/s$/, '') ?? '') : noun.slice(-2));

function bareCountConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const bare: { head: string; value: number; source: number }[] = [];
  normSources.forEach((s, source) => {
    for (const m of s.matchAll(BARE_ZH)) {
      const value = parseNumber(m[2], m[3]);
      const noun = m[1].replace(/(?:约|为|是|达|共|计|有|逾|近|超过|大约|将近)+$/, '');
      // Years, days and small labels (「第 3 號」) are not counts worth comparing.
      if (value >= 100 && noun.length >= 2 && !/[年月日号第]$/.test(noun)) bare.push({ head: headOf(noun), value, source });
    }
    for (const m of s.matchAll(BARE_EN)) {
      const value = parseNumber(m[2]);
      if (value >= 100) bare.push({ head: headOf(m[1]), value, source });
    }
  });
  if (!bare.length) return [];
  const out: NamedConflict[] = [];
  const judge = (start: number, end: number, value: number, approx: string | undefined, en = false) => {
    const [a, b] = clause(norm, start, end);
    // An English count names its noun right after it ("a thousand accounts"); a Chinese one anywhere in its clause.
    const cl = en ? norm.slice(end, Math.min(b, end + 24)) : norm.slice(a, b);
    const ref = bare.find((x) => x.head.length >= 2 && (en ? new RegExp(`^ (?:[a-z-]+ ){0,2}${x.head}`).test(cl) : cl.includes(x.head)));
    if (!ref || !Number.isFinite(value) || value <= 0) return;
    const lowBound = /不到|不足|少于|fewer|less|under/.test(approx ?? '');
    const highBound = /逾|超过|over|more/.test(approx ?? '');
    if (lowBound ? ref.value < value : highBound ? ref.value > value : Math.max(value, ref.value) / Math.min(value, ref.value) <= 1.3)
      return;
    out.push({ start, end, source: ref.source, excerpt: '' });
  };
  for (const m of norm.matchAll(DRAFT_COUNT_ZH)) {
    const value = parseNumber(m[2], m[3]);
    judge(m.index ?? 0, (m.index ?? 0) + m[0].length, value, m[1]);
  }
  for (const m of norm.matchAll(DRAFT_COUNT_EN)) {
    if (!m[3] && !/\d/.test(m[2])) continue;
    const base = /\d/.test(m[2]) ? parseNumber(m[2]) : (EN_WORD[m[2].replace(/^a few$/, 'few')] ?? Number.NaN);
    const value = base * (m[3] === 'thousand' ? 1000 : m[3] === 'million' ? 1e6 : m[3] === 'hundred' ? 100 : 1);
    judge(m.index ?? 0, (m.index ?? 0) + m[0].length, value, m[1], true);
  }
  return out;
}

// --- An act denied that a source affirms ----------------------------------------------------------------------------
/** Acts as families of verbs: reporting to the police, telling the regulator, recalling, refunding. */
const ACTS: RegExp[] = [
  c(
    '報警|報案|向(?:警方|警察|派出所|公安|公安機關|檢方)[^，,。；;\\s]{0,4}(?:報案|通報|報告|提告|告發|檢舉|移送)|移送(?:警方|檢方|法辦)|\\b(?:gone|went|go|turned|talked|spoken|spoke|reported(?: it| this| the [a-z]+)?) to (?:the )?police\\b|\\b(?:contacted|informed|told|notified|called|alerted) (?:the )?police\\b',
    '',
  ),
  c(
    '向(?:主管機關|衛生局|消保官|消保會|監管部門|市場監管局|衛生福利部|金管會|交通部|民航局)[^，,。；;\\s]{0,4}(?:通報|報告|報備|申報)|通報(?:主管機關|衛生局|監管部門)|\\b(?:notified|informed|told|reported (?:it |this )?to|alerted) (?:the )?(?:regulator|authorities|health department|ministry|watchdog)\\b',
    '',
  ),
  c('召回|回收|下架|\\brecall(?:ed)?\\b|\\bwithdrawn from sale\\b|\\bpulled from (?:the )?shelves\\b', ''),
];
/** The negation of an act, written just before it (尚未報警, "has not yet gone to the police"). */
const DENY_BEFORE = c(
  '(?:尚未|還沒有?|還未|沒有|並未|未曾|從未|未|不曾|\\bnot(?: yet)?|\\bnever|\\bno one has)\\s?(?:[^，,。；;\\s]{0,4}\\s?)?$',
  '',
);
const NEG_ANY = c('尚未|還沒|還未|沒有|並未|未曾|從未|\\bnot\\b|\\bnever\\b|\\bno\\b', '');

function deniedActConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  for (const act of ACTS) {
    const src = normSources.findIndex((s) => sentencesOf(s).some(({ text }) => act.test(text) && !NEG_ANY.test(text)));
    if (src < 0) continue;
    for (const { text, at } of sentencesOf(norm)) {
      const m = act.exec(text);
      if (!m) continue;
      const before = text.slice(Math.max(0, m.index - 14), m.index);
      if (!DENY_BEFORE.test(before) && !DENY_BEFORE.test(before.replace(/\s?(?:gone to|reported it to|reported to)$/, ''))) continue;
      const neg = NEG_ANY.exec(before);
      const start = at + Math.max(0, m.index - 14) + (neg ? neg.index : 0);
      const [, b] = clause(norm, start, at + m.index + m[0].length);
      out.push({ start, end: b, source: src, excerpt: '' });
    }
  }
  return out;
}

// --- "No employee involved" against staff at fault ------------------------------------------------------------------
const STAFF = '(?:員工|店員|人員|門市人員|職員|同仁|工作人員|內部人員|employees?|staff|workers?|personnel|insiders?)';
const NO_STAFF = c(
  `(?:沒有|並無|無|未有|不存在)(?:任何)?(?:一[名位個])?(?:本公司|公司|內部)?(?:的)?${STAFF}(?:涉案|涉及|涉入|參與|牽涉|違規|有疏失|有過失|有責任|犯錯)|\\b(?:no|none of our|not a single|not one) (?:of our )?${STAFF} (?:was|were|is|are|has been|have been)? ?(?:involved|implicated|at fault|responsible|to blame)\\b`,
  '',
);
const STAFF_AT_FAULT = c(
  `\\d+\\s?(?:名|位|個)?\\s?${CJK_STAFF()}|(?:two|three|four|five|six|seven|eight|nine|ten|\\d+) (?:of our )?(?:[a-z]+ )?${STAFF}`,
  '',
);
function CJK_STAFF() {
  return `[\\u3400-\\u9fff]{0,4}${STAFF}`;
}
const FAULT = c(
  '未依|違規|違反|涉案|涉及|參與|未經授權|疏失|過失|without authori[sz]ation|unauthori[sz]ed|involved|accessed|breached|failed to|did not|broke',
  '',
);

function noStaffConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const src = normSources.findIndex((s) => sentencesOf(s).some(({ text }) => STAFF_AT_FAULT.test(text) && FAULT.test(text)));
  if (src < 0) return [];
  const out: NamedConflict[] = [];
  for (const m of norm.matchAll(new RegExp(NO_STAFF.source, 'g'))) {
    const [a, b] = clause(norm, m.index ?? 0, (m.index ?? 0) + m[0].length);
    out.push({ start: a, end: b, source: src, excerpt: '' });
  }
  return out;
}

// --- Model years ----------------------------------------------------------------------------------------------------
const YEARS_CONTEXT = c('年式|年款|車款|model years?|\\bmodels?\\b|\\bvehicles?\\b|\\bcars?\\b', '');
const YEAR_RANGE = /(?<!\d)((?:19|20)\d{2})\s?(?:年式|年款|年)?\s?(?:至|到|-|–|~|to|through)\s?((?:19|20)\d{2})(?!\d)/g;

function modelYearConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const known = new Set<number>();
  let src = -1;
  normSources.forEach((s, i) => {
    for (const { text } of sentencesOf(s)) {
      if (!YEARS_CONTEXT.test(text)) continue;
      const r = [...text.matchAll(YEAR_RANGE)];
      for (const m of r) for (let y = Number(m[1]); y <= Number(m[2]) && y - Number(m[1]) < 30; y++) known.add(y);
      for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) known.add(Number(m[1]));
      if (known.size && src < 0) src = i;
    }
  });
  if (!known.size) return [];
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    if (!YEARS_CONTEXT.test(text)) continue;
    for (const m of text.matchAll(YEAR_RANGE)) {
      const lo = Number(m[1]);
      const hi = Number(m[2]);
      if (hi <= lo || hi - lo > 30) continue;
      for (let y = lo; y <= hi; y++)
        if (!known.has(y)) {
          out.push({ start: at + (m.index ?? 0), end: at + (m.index ?? 0) + m[0].length, source: src, excerpt: '' });
          break;
        }
    }
  }
  return out;
}

// --- A deadline for the same act, moved -----------------------------------------------------------------------------
const DEADLINE_ZH = /(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]\s?(?:之前|以前|前)/g;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DEADLINE_EN = new RegExp(
  `\\b(?:by|before|no later than) (?:(\\d{1,2})(?:st|nd|rd|th)? (${EN_MONTHS.join('|')})[a-z]*|(${EN_MONTHS.join('|')})[a-z]* (\\d{1,2})(?:st|nd|rd|th)?)\\b`,
  'g',
);
const DEADLINE_ACTS: RegExp[] = [
  c('退款|退費|\\brefund', ''),
  c('補償|賠償|\\bcompensat', ''),
  c('修復|恢復|復原|\\brestor|\\brepair|\\bfix', ''),
  c('公布|公佈|說明|報告|\\bpublish|\\breport', ''),
  c('更換|換貨|\\breplace', ''),
];

function deadlines(s: string): { day: number; start: number; end: number; act: number }[] {
  const out: { day: number; start: number; end: number; act: number }[] = [];
  for (const { text, at } of sentencesOf(s)) {
    const act = DEADLINE_ACTS.findIndex((a) => a.test(text));
    if (act < 0) continue;
    for (const m of text.matchAll(DEADLINE_ZH))
      out.push({ day: Number(m[1]) * 100 + Number(m[2]), start: at + (m.index ?? 0), end: at + (m.index ?? 0) + m[0].length, act });
    for (const m of text.matchAll(DEADLINE_EN)) {
      const mon = EN_MONTHS.indexOf(m[2] ?? m[3]);
      if (mon < 0) continue;
      const day = Number(m[1] ?? m[4]);
      out.push({ day: (mon + 1) * 100 + day, start: at + (m.index ?? 0), end: at + (m.index ?? 0) + m[0].length, act });
    }
  }
  return out;
}

function deadlineConflicts(norm: string, normSources: readonly string[], isFact: readonly boolean[]): NamedConflict[] {
  const known = normSources.flatMap((s, source) => deadlines(s).map((d) => ({ ...d, source })));
  if (!known.length) return [];
  const out: NamedConflict[] = [];
  for (const d of deadlines(norm)) {
    const same = known.filter((k) => k.act === d.act);
    // Only a later deadline contradicts (an earlier one keeps the promise); the fact sheet wins over statements.
    if (!same.length || same.some((k) => k.day >= d.day)) continue;
    const ref = same.find((k) => isFact[k.source]) ?? same[0];
    out.push({ start: d.start, end: d.end, source: ref.source, excerpt: '' });
  }
  return out;
}

// --- A share in words against a percentage ------------------------------------------------------------------------
/** Shares said in words, as the range of percentages each allows. */
const SHARE_WORDS: [RegExp, number, number][] = (
  [
    [
      '過半|半數以上|超過一半|一半以上|大多數|多數|\\b(?:more than|over) (?:half|50 ?%)|\\bthe majority\\b|\\bmost (?:of )?(?:the |our )?',
      50.01,
      100,
    ],
    ['絕大多數|幾乎全部|幾乎所有|\\b(?:nearly|almost|virtually) (?:all|every)\\b', 85, 100],
    ['近半|約一半|一半左右|大約一半|\\b(?:about|around|roughly|nearly|almost) half\\b', 40, 55],
    ['不到一半|未過半|不到半數|少數|\\b(?:less|fewer) than half\\b|\\ba minority\\b', 0, 49.99],
    ['三分之一|\\ba third\\b|\\bone in three\\b', 28, 38],
    ['四分之一|\\ba quarter\\b|\\bone in four\\b', 20, 30],
  ] as [string, number, number][]
).map(([re, lo, hi]) => [c(re, ''), lo, hi]);
const PERCENT = /(\d+(?:\.\d+)?)\s?(?:%|percent)|百分之(\d+(?:\.\d+)?)/g;
const SHARE_STOP = new Set(['that', 'this', 'with', 'were', 'have', 'been', 'from', 'they', 'their', 'about', 'more', 'than', 'half']);
const words = (s: string) =>
  new Set([
    ...(s.match(/[a-z]{4,}/g) ?? []).filter((w) => !SHARE_STOP.has(w)).map((w) => w.replace(/s$/, '')),
    ...[...(s.match(/[\u3400-\u9fff]{2,}/g) ?? [])].flatMap((r) => [...r].slice(0, -1).map((_, i) => r.slice(i, i + 2))),
  ]);

function shareConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const shares: { value: number; keys: Set<string>; source: number }[] = [];
  normSources.forEach((s, source) => {
    for (const { text } of sentencesOf(s))
      for (const m of text.matchAll(PERCENT)) shares.push({ value: Number(m[1] ?? m[2]), keys: words(text), source });
  });
  if (!shares.length) return [];
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    if (PERCENT.test(text)) {
      PERCENT.lastIndex = 0;
      continue;
    }
    for (const [re, lo, hi] of SHARE_WORDS) {
      const m = re.exec(text);
      if (!m) continue;
      const keys = words(text);
      const ref = shares.find((x) => [...x.keys].some((k) => keys.has(k)));
      if (ref && (ref.value < lo || ref.value > hi))
        out.push({ start: at + m.index, end: at + m.index + m[0].length, source: ref.source, excerpt: '' });
      break;
    }
  }
  return out;
}

// --- Counts in any written form, compared by what they count and what happened ------------------------------------
// A count is a value (or a range, for 百餘, 二十多, "a few hundred", "a couple of", "roughly a dozen"), a unit (a Chinese
// classifier's class or an English noun) and the words of its sentence. A draft's count contradicts a source's when
// both count the same unit in sentences that share a word of what happened (登船, 拒賠, "affected"), none of the
// source's counts of that unit fits the draft's, and the draft's value is not a range holding the source's.
type Count = { lo: number; hi: number; unit: string; keys: Set<string>; start: number; end: number };

const ZH_UNIT: Record<string, string> = {
  人: 'person',
  名: 'person',
  位: 'person',
  人次: 'visit',
  戶: 'household',
  件: 'item-件',
  張: 'item-張',
  份: 'item-份',
  筆: 'record',
  批: 'batch',
  個批號: 'batch',
  家: 'store',
  間: 'store',
  桌: 'table',
  起: 'case',
  例: 'case',
  宗: 'case',
  台: 'vehicle',
  輛: 'vehicle',
  班: 'trip',
  航班: 'trip',
  所: 'school',
  棟: 'building',
  座: 'building',
  款: 'model',
  箱: 'box',
};
const ZH_UNITS = Object.keys(ZH_UNIT).sort((a, b) => b.length - a.length);
const ZH_UNIT_N = Object.fromEntries(ZH_UNITS.map((u) => [normalise(u), ZH_UNIT[u]]));
const ZH_NUM = '[零〇一二两三四五六七八九十廿卅卌百千万]+';
const ZH_COUNT = new RegExp(
  `(${normalise('約|大約|近|將近|逾|超過|不到|不足|少於|僅約|僅|只有|只|共|才')})?(?:有|為|達|计|計)?\\s?(?<![a-z0-9.-])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${ZH_NUM})\\s?(万|千)?\\s?(多|余|来)?\\s?(${ZH_UNITS.map((u) => normalise(u)).join('|')})`,
  'g',
);
/** Vague Chinese counts: 幾位, 數十名, 上百件, 數百筆. */
const ZH_VAGUE: [RegExp, number, number][] = [
  [c(`(?:幾|数|少數|個別)(?=\\s?(?:${ZH_UNITS.join('|')}))`, 'g'), 1, 9],
  [c(`(?:數十|幾十)(?=\\s?(?:${ZH_UNITS.join('|')}))`, 'g'), 20, 99],
  [c(`(?:上百|數百|幾百)(?=\\s?(?:${ZH_UNITS.join('|')}))`, 'g'), 100, 999],
];
const EN_NUMBER: Record<string, number> = { one: 1, ...EN_NUMBER_WORDS };
/** Vague English counts as ranges. */
const EN_VAGUE: Record<string, [number, number]> = {
  'a couple of': [2, 3],
  'a handful of': [2, 9],
  'a few': [2, 9],
  several: [3, 9],
  'a few dozen': [24, 99],
  dozens: [24, 99],
  'dozens of': [24, 99],
  'a few hundred': [200, 999],
  'several hundred': [200, 999],
  hundreds: [200, 999],
  'hundreds of': [200, 999],
  'a few thousand': [2000, 9999],
  thousands: [2000, 99999],
  'thousands of': [2000, 99999],
};
const EN_COUNT = new RegExp(
  `\\b(about|around|approximately|roughly|nearly|almost|close to|over|more than|fewer than|less than|under|only|just|some)? ?(?<![a-z0-9-])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${[...Object.keys(EN_VAGUE), ...Object.keys(EN_NUMBER)].sort((a, b) => b.length - a.length).join('|')})(?:-(one|two|three|four|five|six|seven|eight|nine))? ?(thousand|hundred)? (?:[a-z-]+ )?([a-z]{3,}?(?=s\\b|es\\b)|children|people|staff|personnel|child|person)(?:s|es)?\\b`,
  'g',
);
/** Nouns an English count may take that are not things counted (units of time, money, measure). */
const EN_NOT_COUNTED = new Set(
  'minute hour day week month year second time percent per cent ppm dollar yuan point floor kilometre kilometer metre meter mile gram kilo litre liter degree am pm a.m p.m the of and'.split(
    ' ',
  ),
);
const PEOPLE_EN = new Set(
  'people person passenger customer member guest visitor student shopper patient user resident household traveller traveler diner child worker employee staff festival-goer fan holder'.split(
    ' ',
  ),
);
const KEY_STOP = new Set([
  ...'that this with were have been from they their about more than only just there which what when over under into onto after before also some most each every other still have has had will would could should were was are the and for our its his her them not all any none'.split(
    ' ',
  ),
  ...normalise(
    '目前 我們 本公司 公司 已經 其中 共有 當天 當晚 所有 全部 部分 相關 這次 此次 本次 事件 截至 共計 合計 總共 以上 以下 左右 大約 約有 只有 僅有',
  ).split(' '),
]);
/** Word classes: what happened to those counted, however it is worded (不適 / 腸胃症狀 / "fell ill"). */
const KEY_CLASSES: [string, RegExp][] = [
  ['#ill', c('不適|不舒服|症狀|腹瀉|嘔吐|腹痛|中毒|\\bill\\b|\\bsick|symptom|vomit|diarrh', '')],
  ['#hurt', c('受傷|傷者|擦傷|骨折|\\binjur|\\bhurt\\b|wounded', '')],
  ['#care', c('住院|送醫|就醫|就診|急診|\\bhospital|\\badmitted\\b|treated|saw a doctor', '')],
  ['#lost', c('遺失|丟失|失蹤|不見|\\bmissing\\b|\\blost\\b', '')],
  ['#refund', c('退款|退費|退回|退還|\\brefund|\\breimburs', '')],
];
/** Content keys of a sentence: English words (singular) and Chinese bigrams, minus numbers and function words. */
function keysOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const [k, re] of KEY_CLASSES) if (re.test(s)) out.add(k);
  // English words by a crude stem (closure / closed, reports / reported), so a verb and its noun meet.
  for (const w of s.match(/[a-z][a-z-]{3,}/g) ?? [])
    if (!KEY_STOP.has(w) && !(w in EN_NUMBER)) out.add(w.length > 5 ? w.replace(/(?:ing|ure|ed|es|s)$/, '') : w.replace(/s$/, ''));
  for (const run of s.match(/[\u3400-\u9fff]+/g) ?? [])
    for (let i = 0; i + 2 <= run.length; i++) {
      const bi = run.slice(i, i + 2);
      if (!KEY_STOP.has(bi) && !/[零〇一二两三四五六七八九十百千万余多几数]/.test(bi)) out.add(bi);
    }
  return out;
}
/** Keys that name only who is counted (旅客, customers): sharing them alone does not make two counts the same claim. */
const GENERIC_KEY = new Set([
  ...normalise('旅客 乘客 顧客 客人 客戶 民眾 會員 用戶 消費者 學生 家長 病患 患者 住戶 觀眾 賓客 員工 人員 包裹 案件 申請 訂單').split(
    ' ',
  ),
  ...[...PEOPLE_EN].map((w) => w.replace(/s$/, '')),
  'parcel',
  'order',
  'claim',
  'case',
  'record',
  'batch',
  'item',
  'unit',
  'product',
]);

function zhRange(digits: string, mult: string | undefined, more: string | undefined): [number, number] {
  const v = parseNumber(digits, mult);
  if (!more) return [v, v];
  // 百餘 = 100–199, 二十多 = 20–29, 兩百餘 = 200–299, 3 萬多 = 30,000–39,999.
  const step = mult
    ? parseNumber('1', mult)
    : /^\d+$/.test(digits)
      ? 10 ** Math.max(0, String(v).length - 1)
      : v >= 100
        ? 100
        : v >= 10
          ? 10
          : 1;
  return [v, v + step - 1];
}

/** Counts with the words said next to them. */
/** The range a written figure stands for: 1.2 萬 → 11,500–12,500; 3,000 → 2,500–3,500; 312 → 312. */
function roundedRange(digits: string, mult: string | undefined, v: number): [number, number] {
  const clean = digits.replace(/,/g, '');
  let place: number;
  if (/^\d+\.\d+$/.test(clean)) place = 10 ** -clean.split('.')[1].length * (mult ? parseNumber('1', mult) : 1);
  else if (/^\d+$/.test(clean)) place = 10 ** (clean.length - clean.replace(/0+$/, '').length) * (mult ? parseNumber('1', mult) : 1);
  else {
    // Chinese numerals: 一千三百 is rounded to the hundred, 三萬四千 to the thousand.
    const last = /[十百千万]$/.exec(clean)?.[0];
    place = last ? parseNumber('1', last === '十' ? undefined : last) * (last === '十' ? 10 : 1) : 1;
    if (mult) place *= parseNumber('1', mult);
  }
  if (place <= 1 || v < place * 10) return [v, v];
  return [v - place / 2, v + place / 2];
}

function counts(norm: string): Count[] {
  const out: Count[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    for (const m of text.matchAll(ZH_COUNT)) {
      const unit = ZH_UNIT_N[m[5]];
      if (!unit) continue;
      let [lo, hi] = zhRange(m[2], m[3], m[4]);
      if (!Number.isFinite(lo)) continue;
      // A round figure (1.2 萬, 3,000, 一千三百) is rounded to its last written digit.
      if (lo === hi) [lo, hi] = roundedRange(m[2], m[3], lo);
      // A year or a date is no count (2026 年, 3 月): those units never follow here, but 12 月 1 日 21:40 5 號廳 may.
      const q = normalise(m[1] ?? '');
      if (/不到|不足|少于/.test(q)) [lo, hi] = [0, lo - 1];
      else if (/逾|超过/.test(q)) [lo, hi] = [lo + 1, Number.POSITIVE_INFINITY];
      else if (/约|近|将近|大约/.test(q)) [lo, hi] = [lo * 0.8, hi * 1.2];
      out.push({ lo, hi, unit, keys: new Set<string>(), start: at + (m.index ?? 0), end: at + (m.index ?? 0) + m[0].length });
    }
    for (const [re, lo, hi] of ZH_VAGUE)
      for (const m of text.matchAll(re)) {
        const u = /^\s?([\u3400-\u9fff]{1,3})/.exec(text.slice((m.index ?? 0) + m[0].length));
        const unit = u && ZH_UNITS.map((x) => normalise(x)).find((x) => u[1].startsWith(x));
        if (unit)
          out.push({
            lo,
            hi,
            unit: ZH_UNIT_N[unit],
            keys: new Set<string>(),
            start: at + (m.index ?? 0),
            end: at + (m.index ?? 0) + m[0].length + unit.length,
          });
      }
    for (const m of text.matchAll(EN_COUNT)) {
      const noun = m[5];
      if (EN_NOT_COUNTED.has(noun) || /^(?:a|an)$/.test(m[2])) continue;
      let lo: number;
      let hi: number;
      if (m[2] in EN_VAGUE) [lo, hi] = EN_VAGUE[m[2]];
      else {
        const v = (m[2] in EN_NUMBER ? EN_NUMBER[m[2]] : Number(m[2].replace(/,/g, ''))) + (m[3] ? EN_NUMBER[m[3]] : 0);
        const mult = m[4] === 'thousand' ? 1000 : m[4] === 'hundred' ? 100 : 1;
        lo = hi = v * mult;
        if (/\d/.test(m[2])) [lo, hi] = roundedRange(m[2], m[4] ? '千' : undefined, lo);
      }
      if (!Number.isFinite(lo)) continue;
      // Years and clock times are no counts.
      if (/^(?:19|20)\d{2}$/.test(m[2]) || /[:.]\d*$/.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0))) continue;
      const q = m[1] ?? '';
      if (/fewer|less|under/.test(q)) [lo, hi] = [0, lo - 1];
      else if (/over|more/.test(q)) [lo, hi] = [lo + 1, Number.POSITIVE_INFINITY];
      else if (/about|around|approx|roughly|nearly|almost|close|some/.test(q) || m[2].includes('dozen')) [lo, hi] = [lo * 0.75, hi * 1.25];
      const unit = PEOPLE_EN.has(noun) ? 'person' : `en-${noun}`;
      out.push({ lo, hi, unit, keys: new Set<string>(), start: at + (m.index ?? 0), end: at + (m.index ?? 0) + m[0].length });
    }
  }
  // What a count is about is said next to it, in its clause: 「共 312 位持票旅客無法登船」, "14 runners treated" — not
  // everything its sentence says ("2 admitted to hospital" in the same line is another count's claim).
  for (const x of out) {
    const [a, b] = clause(norm, x.start, x.end);
    const en = x.unit === 'person' ? /[a-z]/.test(norm.slice(x.start, x.end)) : x.unit.startsWith('en-');
    x.keys = keysOf(norm.slice(Math.max(a, x.start - (en ? 30 : 12)), Math.min(b, x.end + (en ? 40 : 16))));
    if (x.unit.startsWith('en-')) for (const k of [...x.keys]) if (x.unit.slice(3).startsWith(k)) x.keys.delete(k);
  }
  return out;
}

/** Before a count in its clause: the count is denied, quoted from a rumour, or a part of a whole (5 位…中 3 位). */
const NOT_CLAIMED = c(
  '並非|不是|而非|網傳|傳言|謠傳|所謂|其中|中有|中已有|\\bnot\\b|\\brather than\\b|\\brumou?red\\b|\\bof them\\b|\\bof whom\\b|[“"「『]',
  '',
);

/** A count written as a range or a vague amount (十多位, 百餘件, "a dozen") that holds one of the values. */
let lastCounts: { norm: string; counts: Count[] } | undefined;
export function vagueCountHolds(norm: string, start: number, end: number, values: readonly number[]): boolean {
  // Called once per mention of a draft: its counts are read once.
  if (lastCounts?.norm !== norm) lastCounts = { norm, counts: counts(norm) };
  return lastCounts.counts.some((x) => x.start < end && start < x.end && x.lo !== x.hi && values.some((v) => v >= x.lo && v <= x.hi));
}

function countConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  // A fact sheet's line is one claim: its semicolons join what the count is about ("Tutor suspended; 14 students").
  const known = normSources.flatMap((s, source) => counts(s.replace(/[;；]/g, ' ')).map((x) => ({ ...x, source })));
  if (!known.length) return [];
  const out: NamedConflict[] = [];
  const draft = counts(norm);
  const sourceNumbers = new Set(
    normSources.flatMap((s) =>
      [...s.replace(/(\d),(?=\d{3})/g, '$1').matchAll(/(?<![\d.,])(\d+(?:\.\d+)?)(?!\d|[.,]\d)/g)].map((m) => Number(m[1])),
    ),
  );
  for (const d of draft) {
    const [a, b] = clause(norm, d.start, d.end);
    if (NOT_CLAIMED.test(norm.slice(a, d.start)) || isCorrection(norm, d.start, d.end) || withdrawnValue(norm, d.start)) continue;
    // Two counts of one unit in a clause (「5 位住院同學中已有 3 位出院」): a part and its whole, not one claim.
    if (draft.some((o) => o !== d && o.unit === d.unit && o.start >= a && o.end <= b)) continue;
    const same = known.filter((k) => k.unit === d.unit && [...k.keys].some((x) => d.keys.has(x) && !GENERIC_KEY.has(x)));
    // The value stated bare in a source ("186 passengers on board; 11 slightly injured") agrees with it.
    if (d.lo === d.hi && sourceNumbers.has(d.lo)) continue;
    // The source's counts are points (a fact sheet states them); the draft's may be a range or a bound.
    if (
      !same.length ||
      rangeHolds(
        norm,
        d.start,
        d.end,
        same.map((k) => k.lo),
      )
    )
      continue;
    if (same.some((k) => k.lo >= d.lo - 1e-9 && k.hi <= d.hi + 1e-9) || same.some((k) => d.lo >= k.lo && d.hi <= k.hi)) continue;
    // A count of a part (其中 2 人骨折) or one the clause says is each / per: the source's other counts say nothing.
    if (/每|each|per\b/.test(norm.slice(Math.max(0, d.start - 6), d.start))) continue;
    out.push({ start: d.start, end: d.end, source: same[0].source, excerpt: '' });
  }
  return out;
}

// --- Severity: "all minor" against a fracture, "no one needed a doctor" against a count who did -------------------
const SEVERE = c(
  '骨折|骨裂|重傷|重症|昏迷|病危|插管|截肢|死亡|身亡|\\bfractur\\w*|\\bbroken (?:arm|leg|wrist|bone|finger|hand|ankle|rib|hip)|\\bbroke (?:a|an|his|her|their) (?:arm|leg|wrist|bone|finger|hand|ankle|rib|hip)|\\bcritical\\b|\\bserious(?:ly)? (?:injur|hurt|ill)|\\bdied\\b|\\bdeath',
  '',
);
const MILD_CLAIM = c(
  `(?:均|皆|都|全部|全)(?:為|是|只是|屬)?輕(?:微)?傷|只是輕傷|(?:只有|僅有|僅|只)${CJK}{0,8}(?:輕微)?(?:擦傷|輕傷|瘀傷|挫傷)|輕微擦傷|(?:並無|沒有|無|未有)(?:人)?(?:嚴重|重大)(?:的)?(?:傷勢|傷亡|傷害|受傷)|(?:無人|沒有人|無一人)(?:骨折|重傷|受重傷)|\\b(?:only |just )?minor (?:bruises|scrapes|cuts|injuries|scratches)\\b|\\bno ?(?:one|body) (?:was )?(?:seriously|badly) (?:hurt|injured)\\b|\\bno serious injur\\w*|\\bnone (?:was|were) (?:seriously|badly) (?:hurt|injured)\\b`,
  '',
);
const CARE = c(
  '送醫|就醫|住院|急診|看診|\\bhospital\\w*|\\bsaw a doctor|\\bseen by (?:a )?doctors?|\\bmedical (?:attention|care|treatment)|\\btreated\\b|\\bto hospital',
  '',
);
const NO_CARE = c(
  '\\b(?:no one|nobody|none(?: of them)?|not one|no (?:pets?|animals?|guests?|customers?|patients?|visitors?|shoppers?|passengers?|one else))\\b[^.;!?]{0,20}?\\b(?:needed|required|went to|was taken to|were taken to|was admitted|were admitted|sought|received|had to (?:go|see))\\b[^.;!?]{0,12}?\\b(?:hospital|a doctor|doctors?|medical (?:attention|care|treatment)|hospital care|treatment|the er)\\b|(?:無人|沒有人|沒人|無一人)(?:需要)?(?:送醫|就醫|住院|就診|看醫生)',
  '',
);

function severityConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  const severe = normSources.findIndex(
    (s) => SEVERE.test(s) && !/(?:无人|沒有|没有|并无|\bno\b|\bnot\b)[^。.;；,，]{0,6}(?:骨折|重伤|fractur|critical|serious)/.test(s),
  );
  const cared = normSources.findIndex((s) =>
    sentencesOf(s).some(
      ({ text }) =>
        CARE.test(text) &&
        /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|[一二两三四五六七八九十]\s?(?:名|位|人)/.test(text) &&
        !/\b(?:no one|none|nobody)\b|无人|没有人/.test(text),
    ),
  );
  for (const { text, at } of sentencesOf(norm)) {
    const m = severe >= 0 ? MILD_CLAIM.exec(text) : null;
    if (m) out.push({ start: at + m.index, end: at + m.index + m[0].length, source: severe, excerpt: '' });
    const n = cared >= 0 ? NO_CARE.exec(text) : null;
    if (n) out.push({ start: at + n.index, end: at + n.index + n[0].length, source: cared, excerpt: '' });
  }
  return out;
}

// --- "All done" against a source that says part of it is still to come ---------------------------------------------
const DONE_FAMILIES: RegExp[] = [
  c('退款|退費|退回|退還|退改|改票|改簽|refund\\w*|revers\\w*|rebook\\w*|repaid|returned', ''),
  c('理賠|賠付|賠償|settled|paid out|compensat\\w*|claims? paid', ''),
  c('修復|修好|恢復|restored|repaired|fixed', ''),
  c('聯繫|聯絡|contacted|reached', ''),
];
const ALL_DONE_CLAIM = c(
  `(?:(?:已|已經)(?:於${CJK}{1,4})?(?:全部|全數|悉數|都|均)|全部|全數|悉數|均已|都已|皆已|一律)(?:已)?(?:辦理)?(?:完成)?${DONE}|\\b(?:all|every|nearly all|almost all|each)\\b[^.;!?]{0,30}?\\b(?:have been|has been|were|was|are|is|got)? ?(?:now )?(?:fully )?${DONE}`,
  '',
);
const STILL_TO_COME = c(
  '預計|將於|將在|尚未|暫未|仍未|其餘|其他|剩餘|\\bby \\d|\\bby (?:mon|tue|wed|thu|fri|sat|sun)|\\bdue\\b|\\bexpected\\b|\\bscheduled\\b|\\bremaining\\b|\\bnot yet\\b|\\bstill\\b',
  '',
);

const PLANNED = c('預計|將於|將在|\\bexpected\\b|\\bscheduled\\b|\\bdue\\b|\\bwill\\b', '');

/** In a text that corrects itself, a value attributed to what was said before (「先前稱…」, "the earlier estimate of"). */
export function withdrawnValue(norm: string, start: number): boolean {
  if (!/更正|有误|错误|不符|\bcorrection\b|\bwas wrong\b|\bincorrect\b/.test(norm)) return false;
  const before = norm.slice(Math.max(0, start - 30), start);
  // The old figure quoted (「國考錄取率 95%」與實際數據不符): a quote still open before the value.
  const quoted = /[「“『"][^」”』"]*$/.test(before);
  return (
    quoted ||
    /(?:先前|此前|原先|之前|早前)[^。]{0,12}(?:称|说|写|公布|表示)|\b(?:said|stated|reported|wrote|claimed|estimate[sd]?(?: of)?|announced)\b/.test(
      before,
    )
  );
}

function doneConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    const m = ALL_DONE_CLAIM.exec(text);
    if (!m || /(?:尚未|还没|未|not|never)\s?$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // The draft's own plan (「預計 12 月 3 日前全數退回」) claims nothing done.
    if (PLANNED.test(text) || /仍在|进行中|\bunder way\b|\bin progress\b/.test(text)) continue;
    const fam = DONE_FAMILIES.find((f) => f.test(m[0]));
    if (!fam) continue;
    // A source that itself says all of it was done (「All … were rebooked by 11 p.m.」) agrees.
    const src = normSources.findIndex((s) =>
      sentencesOf(s).some((x) => fam.test(x.text) && STILL_TO_COME.test(x.text) && !(ALL_DONE_CLAIM.test(x.text) && !PLANNED.test(x.text))),
    );
    if (src < 0) continue;
    const [a, b] = clause(norm, at + m.index, at + m.index + m[0].length);
    out.push({ start: a, end: b, source: src, excerpt: '' });
  }
  return out;
}

// --- Measured readings: a level against the source's, and compliance against a reading over the limit --------------
const READING = /(\d+(?:\.\d+)?)\s?(ppm|ppb|mg\/kg|mg\/l|µg|μg|mg|毫克|微克)/g;
const LIMIT_WORD = c('限值|標準|上限|法規|規定|limit|standard|threshold|maximum allowed', '');
const OVER = c('超過|超出|超標|高於|逾|above|exceed\\w*|over the|higher than', '');
const WITHIN_CLAIM = c(
  `(?:完全|均|皆|都|全部)?(?:符合|低於|未超過|沒有超過|未超標|合乎)(?:${CJK}{0,6})?(?:標準|規定|法規|限值)|\\b(?:well |comfortably |safely |fully )?(?:within|below|under|in line with|compliant with|meets?|met) (?:the )?(?:[a-z]+ ){0,2}(?:standard|limit|regulation|threshold)s?\\b`,
  '',
);
const OVER_CLAIM = c(
  `\\b(?:\\w+|\\d+(?:\\.\\d+)?) times (?:the )?(?:[a-z]+ ){0,2}(?:limit|standard)\\b|超標${CJK}{0,2}倍|超過(?:標準|限值)${CJK}{0,2}倍`,
  '',
);

function readings(s: string): { value: number; unit: string; limit: boolean; index: number; len: number }[] {
  const out: { value: number; unit: string; limit: boolean; index: number; len: number }[] = [];
  for (const m of s.matchAll(READING)) {
    const before = s.slice(Math.max(0, (m.index ?? 0) - 10), m.index ?? 0);
    const after = s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
    // A limit is named before (限值 1 ppm) or after ("the 1 ppm limit"), or compared with ("below the 1 ppm …").
    const limit =
      LIMIT_WORD.test(before) ||
      /^\s?(?:的)?(?:legal |national |safety )?(?:limit|standard|threshold|限值|标准|上限)/.test(after) ||
      /(?:below|under|above|over|exceeding|within|低于|超过|高于)\s?(?:the )?$/.test(before);
    out.push({ value: Number(m[1]), unit: m[2], limit, index: m.index ?? 0, len: m[0].length });
  }
  return out;
}

function readingConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  // Per source: its measured readings (not limits), its limit, and whether it says a reading is over the limit.
  const src = normSources.map((s) => {
    const r = readings(s);
    const measured = r.filter((x) => !x.limit);
    const limit = r.find((x) => x.limit)?.value;
    const over = OVER.test(s) || (limit !== undefined && measured.some((x) => x.value > limit));
    return { measured, limit, over, within: limit !== undefined && measured.length > 0 && measured.every((x) => x.value <= limit) };
  });
  for (const { text, at } of sentencesOf(norm)) {
    for (const d of readings(text)) {
      if (d.limit) continue;
      const i = src.findIndex((x) => x.measured.some((m) => m.unit === d.unit));
      if (i < 0 || src[i].measured.some((m) => m.unit === d.unit && Math.abs(m.value - d.value) <= m.value * 0.15)) continue;
      out.push({ start: at + d.index, end: at + d.index + d.len, source: i, excerpt: '' });
    }
    const w = WITHIN_CLAIM.exec(text);
    const wi = src.findIndex((x) => x.over);
    if (w && wi >= 0) {
      const [a, b] = clause(norm, at + w.index, at + w.index + w[0].length);
      out.push({ start: a, end: b, source: wi, excerpt: '' });
    }
    const o = OVER_CLAIM.exec(text);
    const oi = src.findIndex((x) => x.within && !x.over);
    if (o && oi >= 0) {
      const [a, b] = clause(norm, at + o.index, at + o.index + o[0].length);
      out.push({ start: a, end: b, source: oi, excerpt: '' });
    }
  }
  return out;
}

// --- "In line with / about the same as" against two rates the source sets far apart --------------------------------
const SAME_CLAIM = c(
  '基本一致|大致相同|基本持平|大致持平|相去不遠|差不多|相差無幾|並無明顯差異|沒有明顯差異|只是(?:略|稍)(?:有)?(?:差異|出入|不同)|細微差異|略有出入|\\bin line with\\b|\\bconsistent with\\b|\\bno different from\\b|\\bon a par with\\b|\\bon par with\\b|\\broughly the same as\\b|\\bmuch the same as\\b|\\bonly slightly (?:rounded|different|higher|lower)\\b|\\bnot far (?:off|from)\\b',
  '',
);
function sameRateConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const src = normSources.findIndex((s) =>
    sentencesOf(s).some(({ text }) => {
      const v = [...text.matchAll(/(\d+(?:\.\d+)?)\s?(?:%|percent)/g)].map((m) => Number(m[1]));
      return v.length >= 2 && Math.max(...v) >= 1.5 * Math.min(...v) && Math.max(...v) - Math.min(...v) >= 10;
    }),
  );
  if (src < 0) return [];
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    const m = SAME_CLAIM.exec(text);
    if (!m || /(?:並非|不是|并非|\bnot\b)\s?$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const [a, b] = clause(norm, at + m.index, at + m.index + m[0].length);
    out.push({ start: a, end: b, source: src, excerpt: '' });
  }
  return out;
}

// --- A rate in words (九成, "ninety percent") against the source's actual rate -------------------------------------
const RATE_WORD = c(
  '([一二兩三四五六七八九])成|\\b(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))? (?:percent|per cent)\\b',
  'g',
);
function rateWordConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  // The source's actual rate: the percentage after 實際 / actual, else its only one.
  let actual: { value: number; source: number } | undefined;
  normSources.forEach((s, source) => {
    const a = /(?:实际|actual)\D{0,24}?(\d+(?:\.\d+)?)\s?(?:%|percent)/.exec(s);
    if (a && !actual) actual = { value: Number(a[1]), source };
  });
  if (!actual) return [];
  const out: NamedConflict[] = [];
  for (const m of norm.matchAll(RATE_WORD)) {
    const value = m[1] ? parseNumber(m[1]) * 10 : EN_NUMBER_WORDS[m[2]];
    if (Math.abs(value - actual.value) > 10)
      out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, source: actual.source, excerpt: '' });
  }
  return out;
}

// --- Floors in any written form ------------------------------------------------------------------------------------
const FLOOR_ZH = c(
  '(?:b|地下|負)([1-9一二三])\\s?(?:樓|層|f)?|([1-9]\\d?|[一二三四五六七八九十]{1,3})\\s?(?:樓|層|f)(?![\\u3400-\\u9fff]{0,1}(?:高|建築|大樓))',
  'g',
);
const ORDINAL = EN_FLOOR_ORDINALS;
const FLOOR_EN =
  /\b(?:b([1-9])|([1-9]\d?)f|(ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?: and (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))? floors?|basement(?: level)? ?([1-9])?)\b/g;
function floors(s: string): { floor: number; index: number; len: number }[] {
  const out: { floor: number; index: number; len: number }[] = [];
  for (const m of s.matchAll(FLOOR_ZH)) {
    const f = m[1] ? -parseNumber(m[1]) : parseNumber(m[2]);
    if (Number.isFinite(f)) out.push({ floor: f, index: m.index ?? 0, len: m[0].length });
  }
  for (const m of s.matchAll(FLOOR_EN)) {
    const fs = m[1]
      ? [-Number(m[1])]
      : m[2]
        ? [Number(m[2])]
        : m[3]
          ? [ORDINAL[m[3]], ...(m[4] ? [ORDINAL[m[4]]] : [])]
          : [-Number(m[5] ?? 1)];
    for (const f of fs) out.push({ floor: f, index: m.index ?? 0, len: m[0].length });
  }
  return out;
}
const FLOOR_EVENT = c('扶梯|電梯|升降|樓梯|逆行|起火|漏水|掉落|跌落|escalator|elevator|lift|stair|fire|leak|fell', '');
function floorConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const src = normSources.findIndex((s) => floors(s).length > 0 && FLOOR_EVENT.test(s));
  if (src < 0) return [];
  const known = new Set(floors(normSources[src]).map((f) => f.floor));
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    if (!FLOOR_EVENT.test(text) && !/事發|事故|事发|发生|發生|位於|位于/.test(text)) continue;
    const fs = floors(text);
    const bad = fs.filter((f) => !known.has(f.floor));
    if (!bad.length) continue;
    const a = Math.min(...bad.map((f) => f.index));
    const b = Math.max(...bad.map((f) => f.index + f.len));
    out.push({ start: at + a, end: at + b, source: src, excerpt: '' });
  }
  return out;
}

// --- "Only A" where a source lists A with others -------------------------------------------------------------------
const ONLY = c(
  '僅在|僅於|僅限|僅|只在|只有|只於|限於|\\blimited to\\b|\\bonly (?:in|at|on|to|through|from)\\b|\\bexclusively\\b|\\bsolely\\b',
  '',
);
const COORD_AFTER = /^(?:及|和|与|、|,|，| and| or|以及|、)/;
const COORD_BEFORE = /(?:及|和|与|、|,|，|and |or |以及)\s?$/;
function onlyConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    const m = ONLY.exec(text);
    if (!m) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const tokens = /[a-z]/.test(after)
      ? (after.match(/[a-z]{4,}/g) ?? []).slice(0, 5).filter((w) => !KEY_STOP.has(w) && !/^(?:units?|sold|items?|those|these)$/.test(w))
      : [...(after.match(/[\u3400-\u9fff]+/)?.[0] ?? '')]
          .slice(0, 8)
          .map((_, i, a) => a.slice(i, i + 2).join(''))
          .filter((t) => t.length === 2);
    const src = normSources.findIndex((s) =>
      tokens.some((t) => {
        for (let i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1))
          if (COORD_AFTER.test(s.slice(i + t.length, i + t.length + 4)) || COORD_BEFORE.test(s.slice(Math.max(0, i - 4), i))) return true;
        return false;
      }),
    );
    if (src < 0) continue;
    // The restriction is one claim with what it rules out (「…僅在線下專櫃銷售，電商渠道未售出」): to the sentence's end.
    out.push({ start: at + m.index, end: at + text.length, source: src, excerpt: '' });
  }
  return out;
}

// --- Durations in words ("about forty minutes", 約三個小時) against the sources' durations ---------------------------
const DURATION = new RegExp(
  `\\b(about|around|roughly|nearly|almost|over|more than|less than|under|just|only)? ?(\\d+(?:\\.\\d+)?|${Object.keys(EN_NUMBER)
    .sort((a, b) => b.length - a.length)
    .join(
      '|',
    )}|an?|half an?)(?:-(one|two|three|four|five|six|seven|eight|nine))? (minutes?|hours?|days?)\\b|(约|大约|近|将近|逾|超过|不到)?\\s?(\\d+(?:\\.\\d+)?|${ZH_NUM})\\s?(个半|个)?\\s?(分钟|小时|天)`,
  'g',
);
function durations(s: string): { minutes: number; approx: boolean; words: boolean; start: number; end: number }[] {
  const out: { minutes: number; approx: boolean; words: boolean; start: number; end: number }[] = [];
  for (const m of s.matchAll(DURATION)) {
    const en = m[4] !== undefined;
    const raw = en ? m[2] : m[6];
    let v = en
      ? /^\d/.test(raw)
        ? Number(raw)
        : raw.startsWith('half')
          ? 0.5
          : /^an?$/.test(raw)
            ? 1
            : (EN_NUMBER[raw] ?? Number.NaN) + (m[3] ? EN_NUMBER[m[3]] : 0)
      : parseNumber(raw);
    if (!en && m[7] === '个半') v += 0.5;
    const unit = en ? m[4] : m[8];
    const minutes = v * (/^min|分钟/.test(unit) ? 1 : /^hour|小时/.test(unit) ? 60 : 1440);
    if (!Number.isFinite(minutes)) continue;
    out.push({
      minutes,
      approx: Boolean(en ? m[1] : m[5]),
      words: !/^\d/.test(raw),
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    });
  }
  return out;
}
const DURATION_EVENT = c('中斷|停擺|停電|當機|延誤|持續|歷時|受困|等待|outage|lasted|delay|down|stranded|waited|disrupt', '');
function durationConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const known = normSources.flatMap((s, source) =>
    sentencesOf(s)
      .filter(({ text }) => DURATION_EVENT.test(text) && !NOT_A_SPAN_5.test(text))
      .flatMap(({ text }) => durations(text).map((d) => ({ ...d, source }))),
  );
  if (!known.length) return [];
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    if (!DURATION_EVENT.test(text) || NOT_A_SPAN_5.test(text)) continue;
    for (const d of durations(text)) {
      // Durations written in figures are compared by the quantity comparison already.
      if (!d.words) continue;
      const tol = d.approx ? 0.35 : 0.15;
      if (known.some((k) => Math.abs(k.minutes - d.minutes) <= Math.max(k.minutes, d.minutes) * tol)) continue;
      out.push({ start: at + d.start, end: at + d.end, source: known[0].source, excerpt: '' });
    }
  }
  return out;
}
/** Deadlines and windows ("within 24 hours", 「三天內」) are promises, not how long something lasted. */
const NOT_A_SPAN_5 = c(
  '內|以內|之內|每|起|後|之前|以前|\\bwithin\\b|\\bevery\\b|\\bper\\b|\\bwill\\b|將|預計|\\bafter\\b|\\bbefore\\b|\\bago\\b',
  '',
);

/** Every month-day a text names, plans and deadlines included ("Retake scheduled for 10 December"). */
export function anyDates(norm: string): Set<string> {
  const out = new Set<string>();
  for (const m of norm.matchAll(/(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/g)) out.add(`${Number(m[1])}-${Number(m[2])}`);
  const month = EN_MONTHS.join('|');
  const re = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${month})[a-z]*|\\b(${month})[a-z]* (\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g');
  for (const m of norm.matchAll(re)) {
    const mon = EN_MONTHS.indexOf(m[2] ?? m[3]);
    if (mon >= 0) out.add(`${mon + 1}-${Number(m[1] ?? m[4])}`);
  }
  return out;
}

// --- A weekday against the weekday of the sources' one date ------------------------------------------------------
const WEEKDAY = c('(?:週|周|星期|禮拜)([一二三四五六日天])|\\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\\b', 'g');
const ZH_WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const EN_WEEKDAY = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A plan, a deadline or a recurring time: its weekday is not when the event happened. */
const WEEKDAY_PLAN = c(
  '下週|下周|下星期|下禮拜|每週|每周|每逢|將於|將在|預計|之前|以前|前|起|公布|公佈|更新|發放|召開|舉行|回覆|方案|\\bannounce|\\bpublish|\\bupdate|\\bnext\\b|\\bevery\\b|\\bby\\b|\\buntil\\b|\\bwill\\b|\\bbefore\\b|\\bfrom\\b|\\bon (?:mon|tue|wed|thu|fri|sat|sun)days\\b',
  '',
);

function weekdayDateConflicts(norm: string, normSources: readonly string[], year: number): NamedConflict[] {
  // The sources' event dates: one distinct month-day (deadlines left out), with its year if written.
  // Sources that name a weekday themselves are compared weekday to weekday (facts-4.ts), not through a calendar.
  if (normSources.some((s) => new RegExp(WEEKDAY.source).test(s))) return [];
  const dates = new Map<string, { source: number; year: number }>();
  normSources.forEach((s, source) => {
    for (const { text } of sentencesOf(s)) {
      if (new RegExp(DEADLINE_ZH.source).test(text) || /\b(?:by|before|until|due)\b/.test(text)) continue;
      const y = /(?<!\d)(20\d{2})(?!\d)/.exec(text);
      for (const d of anyDates(text)) if (!dates.has(d)) dates.set(d, { source, year: y ? Number(y[1]) : year });
    }
  });
  if (dates.size !== 1) return [];
  const [[md, { source, year: y }]] = [...dates];
  const [mo, da] = md.split('-').map(Number);
  const actual = new Date(Date.UTC(y, mo - 1, da)).getUTCDay();
  const out: NamedConflict[] = [];
  for (const { text, at } of sentencesOf(norm)) {
    if (anyDates(text).size || WEEKDAY_PLAN.test(text)) continue;
    for (const m of text.matchAll(WEEKDAY)) {
      const day = m[1] ? ZH_WEEKDAY[m[1]] : EN_WEEKDAY.indexOf(m[2]);
      // 「上週日」 and "last Sunday" name the same weekday; only the weekday is compared.
      if (day !== actual) out.push({ start: at + (m.index ?? 0), end: at + (m.index ?? 0) + m[0].length, source, excerpt: '' });
    }
  }
  return out;
}

/**
 * The sixth round's comparisons. `year` dates a weekday when the sources give a date without one (the current year by
 * default: statements are checked while the crisis is on).
 */
export function sixthRoundConflicts(
  norm: string,
  sources: readonly string[],
  isFact: readonly boolean[],
  year = new Date().getUTCFullYear(),
): NamedConflict[] {
  const normSources = sources.map((s) => normalise(s));
  return [
    ...stateConflicts(norm, normSources),
    ...bareCountConflicts(norm, normSources),
    ...deniedActConflicts(norm, normSources),
    ...noStaffConflicts(norm, normSources),
    ...modelYearConflicts(norm, normSources),
    ...deadlineConflicts(norm, normSources, isFact),
    ...shareConflicts(norm, normSources),
    ...countConflicts(norm, normSources),
    ...severityConflicts(norm, normSources),
    ...doneConflicts(norm, normSources),
    ...readingConflicts(norm, normSources),
    ...sameRateConflicts(norm, normSources),
    ...rateWordConflicts(norm, normSources),
    ...floorConflicts(norm, normSources),
    ...onlyConflicts(norm, normSources),
    ...weekdayDateConflicts(norm, normSources, year),
    ...durationConflicts(norm, normSources),
  ].map((x) => ({ ...x, excerpt: sources[x.source] }));
}
