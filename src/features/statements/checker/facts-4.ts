// inconsistent_fact, fifth round (issue 6): the kinds of claim the third holdout showed were not compared — English
// times of day (7:42 a.m.), a station as the place of an event (竹南站北側), labelled sections and their ranges ("block
// B5" against "blocks B3 to B7"), how soon someone was told (隔週才通知 against 當天), an item said to have leaked
// "along with" others that the fact sheet says did not, and a count the fact sheet gives without its noun ("186
// passengers on board; 11 slightly injured"), which is agreement, not a conflict.
import { normalise } from '../../../platform/text/normalise.ts';

const CJK = '[\\u3400-\\u9fff]';
const c = (src: string, flags = 'g') => new RegExp(normalise(src), flags);

export type TimeMention = { kind: 'quantity'; start: number; end: number; unit: 'time'; value: number; approx: boolean; name: '' };
export type NamedConflict = { start: number; end: number; source: number; excerpt: string };

/** Clause bounds for English and Chinese: commas, semicolons and sentence ends, not the dots of "a.m." or "No.". */
function clause(norm: string, start: number, end: number): [number, number] {
  const stop = (i: number) => {
    const ch = norm[i];
    if ('，,；;。!?！？\n'.includes(ch)) return !(ch === ',' && /\d/.test(norm[i - 1] ?? '') && /\d/.test(norm[i + 1] ?? ''));
    // A full stop ends a clause unless it is part of a.m./p.m., an abbreviation or a number.
    if (ch === '.')
      return !/(?:\b[ap]|\bno|\bmr|\bms|\bmrs|\bdr|\d)$/.test(norm.slice(Math.max(0, i - 3), i)) && !/\d/.test(norm[i + 1] ?? '');
    return false;
  };
  let a = start;
  while (a > 0 && !stop(a - 1)) a--;
  let b = end;
  while (b < norm.length && !stop(b)) b++;
  return [a, b];
}

/** Future or deadline wording: a time it names is a plan, not when something happened. */
const PLAN_EN =
  /\b(?:will|would|shall|until|till|by|before|from now|next|expected|scheduled|plan(?:s|ned)?|deadline|open(?:s)? (?:at|from)|from \d)\b/;

/** "7:42 a.m.", "6.42am", "at 18:05": English times of day (Chinese ones are in facts-3.ts). */
export function englishTimes(norm: string): TimeMention[] {
  const out: TimeMention[] = [];
  const re = /\b(\d{1,2})(?:[:.](\d{2}))? ?([ap])\.?m\b\.?|\bat (\d{1,2}):(\d{2})\b(?! ?(?:to|until|till|-|–|~)\b| ?[ap]\.?m\b)/g;
  for (const m of norm.matchAll(re)) {
    const start = m.index ?? 0;
    const at = m[4] !== undefined;
    let h = Number(at ? m[4] : m[1]);
    const min = Number(at ? m[5] : (m[2] ?? 0));
    if (!at && h > 12) continue;
    if (!at && m[3] === 'p' && h < 12) h += 12;
    if (!at && m[3] === 'a' && h === 12) h = 0;
    if (!(h >= 0 && h <= 24 && min < 60)) continue;
    const [a, b] = clause(norm, start, start + m[0].length);
    if (PLAN_EN.test(norm.slice(a, b))) continue;
    const s = at ? start + 3 : start;
    out.push({
      kind: 'quantity',
      start: s,
      end: start + m[0].length,
      unit: 'time',
      value: h * 60 + min,
      approx: !at && m[2] === undefined,
      name: '',
    });
  }
  return out;
}

/** 「位於竹南站北側」: a station where something happened (not 網站, 加油站, 本站 …). */
export const STATION = c(
  `(?<=(?:位於|地點|於|在|近|靠近|發生在|行經|駛離|駛入|進入|抵達)\\s?)(?![在於近位])${CJK}{2,5}站(?:[東西南北]側|[東西南北]邊|附近)?`,
);
const NOT_STATION = c(
  '^(?:網|加油|休息|服務|本|該|此|每|各|下一|前一|上一|車|首|終點|轉運|捷運|收費|氣象|觀測|補給|工作|基地|充電|換電|驛)',
  '',
);

/** A station mention's name: without its county, 站 and a side (苗栗豐富站南側 → 豐富). */
export function stationName(s: string): string | undefined {
  const bare = s.replace(/(?:[东西南北](?:侧|边)|附近)$/, '').replace(/站$/, '');
  const name = bare.replace(/^.{2}(?:县|市)/, '');
  if (name.length < 2 || NOT_STATION.test(name)) return undefined;
  return name;
}

// Labelled sections: "block B5", "blocks B3 to B7", 「B3 至 B7 區」, 「B5 區」.
const SECTION_EN =
  /\b(blocks?|sections?|zones?|areas?|halls?|gates?|stands?|wings?|buildings?|platforms?|piers?|docks?|berths?|wards?|levels?) ([a-z]?\d{1,3}[a-z]?)(?:(?: ?(?:to|through|-|–|and|&) ?|, )([a-z]?\d{1,3}[a-z]?))?\b/g;
const SECTION_ZH = c(
  '([a-z]?\\d{1,3})\\s?(?:(?:至|到|~|-|–|、|和|與)\\s?([a-z]?\\d{1,3})\\s?)?(區|棟|館|號門|閘門|月台|病房|號廳|號影廳|影廳|廳)',
);
const ALL_OR_ONLY = c('\\b(?:all|only|entirely|exclusively|just)\\b|全部|全都|都|均|皆|僅|只|全數', '');

function expand(a: string, b?: string): string[] {
  if (!b) return [a];
  const pa = /^([a-z]?)(\d+)([a-z]?)$/.exec(a);
  const pb = /^([a-z]?)(\d+)([a-z]?)$/.exec(b);
  if (!pa || !pb || pa[1] !== (pb[1] || pa[1]) || pa[3] || pb[3]) return [a, b];
  const from = Number(pa[2]);
  const to = Number(pb[2]);
  if (to < from || to - from > 50) return [a, b];
  return Array.from({ length: to - from + 1 }, (_, i) => `${pa[1]}${from + i}`);
}

type Section = { family: string; labels: string[]; start: number; end: number };
const FAMILY: Record<string, string> = {
  区: 'area',
  栋: 'building',
  馆: 'hall',
  号门: 'gate',
  闸门: 'gate',
  月台: 'platform',
  病房: 'ward',
  // Cinema and banquet halls: 「5 廳」, 「5 号厅」.
  号厅: 'hall',
  号影厅: 'hall',
  影厅: 'hall',
  厅: 'hall',
};

function sections(norm: string): Section[] {
  const out: Section[] = [];
  for (const m of norm.matchAll(SECTION_EN)) {
    const noun = m[1].replace(/s$/, '');
    const family = ['block', 'section', 'zone', 'area', 'stand'].includes(noun) ? 'area' : noun;
    out.push({ family, labels: expand(m[2], m[3]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of norm.matchAll(SECTION_ZH)) {
    // A bare number before 區 is a district count (3 區), not a label: a label has a letter or sits in a range.
    // 廳 after a bare number is a label (5 廳): halls are not counted that way.
    if (!/[a-z]/.test(m[1]) && !m[2] && !m[3].endsWith('厅')) continue;
    out.push({ family: FAMILY[m[3]] ?? m[3], labels: expand(m[1], m[2]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/**
 * The draft names a section the facts do not list for the same kind of section, or says "all"/"only" of a subset
 * of the sections the facts list ("all of them were in block B5" against "blocks B3 to B7").
 */
function sectionConflicts(norm: string, normSources: readonly string[], isFact: readonly boolean[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  const draft = sections(norm);
  if (!draft.length) return out;
  for (const d of draft) {
    const pick = (facts: boolean) =>
      normSources.flatMap((s, i) =>
        isFact[i] === facts
          ? sections(s)
              .filter((x) => x.family === d.family)
              .map((x) => ({ x, i }))
          : [],
      );
    let known = pick(true);
    if (!known.length) known = pick(false);
    if (!known.length) continue;
    const all = new Set(known.flatMap(({ x }) => x.labels));
    const [a, b] = clause(norm, d.start, d.end);
    const outside = d.labels.some((l) => !all.has(l));
    const subsetClaimedWhole = d.labels.length < all.size && ALL_OR_ONLY.test(norm.slice(a, b));
    if (!outside && !subsetClaimedWhole) continue;
    out.push({
      start: subsetClaimedWhole ? a + (norm.slice(a, b).length - norm.slice(a, b).trimStart().length) : d.start,
      end: d.end,
      source: known[0].i,
      excerpt: '',
    });
  }
  return out;
}

// How soon someone was told: 當天/立即/"the same day" against 隔週/數日後/"the following week".
const TOLD = c('(?:通知|告知|通報|回報|聯繫|聯絡|知會|notified|informed|told|contacted|alerted|reported (?:it )?to)', '');
const PROMPT = c(
  '當天|當日|同日|同一天|即時|立即|第一時間|馬上|隨即|當下|\\bthe same day\\b|\\bimmediately\\b|\\bwithin (?:the|an|one) hour\\b|\\bthat (?:day|morning|afternoon|evening|night)\\b|\\bat once\\b',
  '',
);
const LATE = c(
  '隔週|隔周|隔天|隔日|次日|翌日|數日後|幾天後|一週後|一周後|兩天後|三天後|事隔|多日後|\\bthe (?:following|next) (?:week|day|morning)\\b|\\bdays later\\b|\\ba week later\\b|\\bweeks later\\b|\\bonly (?:on|after) \\d',
  '',
);

function timingOf(norm: string, a: number, b: number): 'prompt' | 'late' | undefined {
  const s = norm.slice(a, b);
  if (!TOLD.test(s)) return undefined;
  const late = LATE.test(s);
  const prompt = PROMPT.test(s);
  return late === prompt ? undefined : late ? 'late' : 'prompt';
}

function timingConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  const told = new RegExp(TOLD.source, 'g');
  for (const m of norm.matchAll(told)) {
    const vs = m.index ?? 0;
    const [a, b] = clause(norm, vs, vs + m[0].length);
    const t = timingOf(norm, a, b);
    if (!t) continue;
    // Who was told: the two or three characters after the verb (出借方), or the English object.
    const obj =
      /^(?:了)?([\u3400-\u9fff]{2,3})/.exec(norm.slice(vs + m[0].length)) ??
      /^ (?:the |our |all |every )?([a-z]{4,})/.exec(norm.slice(vs + m[0].length));
    const key = obj?.[1].slice(0, 2);
    const hit = normSources.findIndex((src) => {
      for (const n of src.matchAll(told)) {
        const [sa, sb] = clause(src, n.index ?? 0, (n.index ?? 0) + n[0].length);
        // A fact line often names who was told before the verb (出借方已於當天接獲通知): look at its whole sentence.
        const [ua, ub] = [Math.max(0, sa - 30), Math.min(src.length, sb + 10)];
        if (key && !src.slice(ua, ub).includes(key)) continue;
        const st = timingOf(src, ua, ub);
        if (st && st !== t) return true;
      }
      return false;
    });
    if (hit < 0) continue;
    const timing = new RegExp(t === 'late' ? LATE.source : PROMPT.source).exec(norm.slice(a, b));
    const from = Math.min(vs, a + (timing?.index ?? vs - a));
    out.push({ start: from, end: vs + m[0].length + (obj ? obj[0].length : 0), source: hit, excerpt: '' });
  }
  return out;
}

// An item the fact sheet says was not exposed, listed by the draft among what was ("…were exposed, along with the last
// four digits of some members' cards").
const DENIED_EN = [
  /\bno ((?:[a-z-]+ ){0,3})(?:details|data|numbers|records|information|info)?\b ?(?:was|were|has been|have been|had been) (?:exposed|accessed|leaked|stolen|compromised|taken|affected|involved)\b/g,
  /\b((?:[a-z-]+ ){1,3})(?:details|data|numbers|records|information)\b[^.;!?]{0,40}?\b(?:was|were|has been|have been) not (?:exposed|accessed|leaked|stolen|compromised|affected|involved)\b/g,
];
const GENERIC = new Set([
  'the',
  'any',
  'all',
  'our',
  'their',
  'customer',
  'customers',
  'member',
  'members',
  'user',
  'users',
  'personal',
  'other',
  'sensitive',
]);
const EXPOSED_EN = /\b(?:were|was|have been|has been|had been|got) (?:exposed|accessed|leaked|stolen|compromised|taken)\b/;
const NEGATED_EN = /\b(?:no|not|none|never|nor|neither|without)\b/;

function exposureConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const denied = normSources.flatMap((src, i) =>
    DENIED_EN.flatMap((re) => [...src.matchAll(re)]).flatMap((m) =>
      m[1]
        .trim()
        .split(' ')
        .filter((w) => w.length >= 3 && !GENERIC.has(w))
        .map((w) => ({ i, word: w.replace(/s$/, '') })),
    ),
  );
  if (!denied.length) return [];
  const out: NamedConflict[] = [];
  for (const m of norm.matchAll(/[^.;!?\n]+/g)) {
    const sentence = m[0];
    if (!EXPOSED_EN.test(sentence)) continue;
    for (const d of denied) {
      const w = new RegExp(`\\b${d.word}s?\\b`).exec(sentence);
      if (!w) continue;
      const at = (m.index ?? 0) + w.index;
      const [a, b] = clause(norm, at, at + w[0].length);
      if (NEGATED_EN.test(norm.slice(a, at))) continue;
      out.push({ start: a + (norm.slice(a, b).length - norm.slice(a, b).trimStart().length), end: b, source: d.i, excerpt: '' });
      break;
    }
  }
  return out;
}

/**
 * "186 passengers on board; 11 slightly injured": the fact sheet states the draft's number for the same thing without
 * its noun. A draft count whose number a source gives next to a word of the draft's clause agrees with it.
 */
export function statedWithoutNoun(norm: string, start: number, end: number, value: number, sources: readonly string[]): boolean {
  const [a, b] = clause(norm, start, end);
  const words = new Set(
    (norm.slice(a, b).match(/[a-z]{5,}/g) ?? []).filter(
      (w) => !['people', 'about', 'around', 'their', 'there', 'which', 'those', 'these'].includes(w),
    ),
  );
  if (!words.size) return false;
  for (const src of sources) {
    const n = normalise(src);
    for (const m of n.matchAll(/(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d,])/g)) {
      if (Number(m[1].replace(/,/g, '')) !== value) continue;
      const [sa, sb] = clause(n, m.index ?? 0, (m.index ?? 0) + m[0].length);
      const near = n.slice(sa, sb).match(/[a-z]{5,}/g) ?? [];
      if (near.some((w) => words.has(w))) return true;
    }
  }
  return false;
}

/** 「本週二」, 「周五」, "on Friday": a weekday; 0–6 from Sunday. */
const WEEKDAY_ZH = c('(?:本|上|這|这|下)?(?:週|周|星期|禮拜)([一二三四五六日天])', 'g');
const WEEKDAY_EN = /\b(?:on |last |this |that )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/g;
const ZH_DAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const EN_DAY = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PLAN_ZH = c(
  '將|會|預計|之前|以前|截止|下週|下周|每週|每周|每逢|每個|請|起(?:將|會|恢復|開放|受理)|until|will|by|from|next|every',
  '',
);

function weekdays(norm: string): { day: number; start: number; end: number }[] {
  const out: { day: number; start: number; end: number }[] = [];
  for (const m of norm.matchAll(WEEKDAY_ZH)) out.push({ day: ZH_DAY[m[1]], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  for (const m of norm.matchAll(WEEKDAY_EN))
    out.push({ day: EN_DAY.indexOf(m[1]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}

/**
 * 「本週二…停擺」 where the fact sheet dates it 週三; "on Friday" where it says Saturday. A weekday in a plan (將於週五, "by
 * Friday") is not when something happened.
 */
function weekdayConflicts(norm: string, normSources: readonly string[], isFact: readonly boolean[]): NamedConflict[] {
  const draft = weekdays(norm).filter((w) => {
    const [a, b] = clause(norm, w.start, w.end);
    return !PLAN_ZH.test(norm.slice(a, b)) && !PLAN_EN.test(norm.slice(a, b));
  });
  if (!draft.length) return [];
  const known = (facts: boolean) =>
    normSources.flatMap((s, i) =>
      isFact[i] === facts
        ? weekdays(s)
            .filter((w) => {
              const [a, b] = clause(s, w.start, w.end);
              return !PLAN_ZH.test(s.slice(a, b)) && !PLAN_EN.test(s.slice(a, b));
            })
            .map((w) => ({ ...w, i }))
        : [],
    );
  let pool = known(true);
  if (!pool.length) pool = known(false);
  if (!pool.length) return [];
  return draft
    .filter((d) => !pool.some((p) => p.day === d.day))
    .map((d) => ({
      start: d.start + (norm.slice(d.start, d.end).match(/^(?:on|last|this|that) /)?.[0].length ?? 0),
      end: d.end,
      source: pool[0].i,
      excerpt: '',
    }));
}

/** 「九成以上」, 「約一半」: a share in words, as a percentage. */
export function chineseShares(
  norm: string,
): { kind: 'quantity'; start: number; end: number; unit: string; value: number; approx: boolean; name: '' }[] {
  const out: { kind: 'quantity'; start: number; end: number; unit: string; value: number; approx: boolean; name: '' }[] = [];
  for (const m of norm.matchAll(/(?<![一二三四五六七八九十\d])([一二三四五六七八九])成(以上|左右|多|以下)?(?![员立功为本])/g))
    out.push({
      kind: 'quantity',
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      unit: 'percent',
      value: ' 一二三四五六七八九'.indexOf(m[1]) * 10,
      approx: true,
      name: '',
    });
  return out;
}

/** "Only one player", "a single match", "the only batch": a count of one. */
export function singleCounts(
  norm: string,
): { kind: 'quantity'; start: number; end: number; unit: string; value: number; approx: boolean; name: '' }[] {
  const out: { kind: 'quantity'; start: number; end: number; unit: string; value: number; approx: boolean; name: '' }[] = [];
  for (const m of norm.matchAll(/\b(?:(?:only|just) (?:one|a single|1)|a single|one single|the only) ([a-z]{3,})\b/g)) {
    const noun = m[1]
      .replace(/(ch|sh|x|ss)es$/, '$1')
      .replace(/ies$/, 'y')
      .replace(/(?<!s)s$/, '');
    if (/^(?:way|thing|time|one|reason|place|option|case|person|people|other|more|day|question|answer|source)$/.test(noun)) continue;
    out.push({
      kind: 'quantity',
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      unit: `noun:${noun}`,
      value: 1,
      approx: false,
      name: '',
    });
  }
  return out;
}

// A claim the draft denies that a source affirms with the same kind of verb: 「並未波及任何民宅」 against 「兩戶民宅…受損」,
// 「不含任何客戶個人資訊」 against 「內容包含客戶姓名」, "never appeared in our print edition" against "appeared … print edition".
const VERB_FAMILIES: RegExp[] = [
  c('波及|受損|損壞|損毀|毀損|受創|damaged|hit|destroyed', ''),
  c('外洩|外泄|洩漏|洩露|下載|外流|遭竊|存取|竊取|exposed|leaked|downloaded|accessed|stolen', ''),
  c('包含|含有|不含|包括|含|contain|include', ''),
  c('出現|刊登|刊出|見報|appeared|ran|published|printed', ''),
  c('出境|上傳|傳送|傳至|存放於?境外|transferred|uploaded|sent abroad', ''),
];
const NEGATION = c(
  '並未|並無|沒有|未曾|從未|從來沒有|不含|不包含|未包含|無任何|沒有任何|毫無|\\bnever\\b|\\bnot\\b|\\bno\\b|\\bnone\\b|\\bnor\\b',
  '',
);
/** Words that say nothing about what the claim is about. */
const STOP = new Set(
  normalise(
    '任何 目前 已經 我們 本公司 公司 本次 此次 這次 事件 其中 所有 全部 部分 客戶 顧客 資料 相關 the our any all some were was have has been never not only and with from into that this',
  ).split(' '),
);

function keyTokens(s: string, verb: RegExp): Set<string> {
  const out = new Set<string>();
  for (const w of s.match(/[a-z]{4,}/g) ?? []) if (!STOP.has(w) && !verb.test(w)) out.add(w);
  for (const run of s.match(/[\u3400-\u9fff]+/g) ?? [])
    for (let i = 0; i + 2 <= run.length; i++) {
      const bi = run.slice(i, i + 2);
      if (!STOP.has(bi) && !verb.test(bi)) out.add(bi);
    }
  return out;
}

const GENERIC_PII = c('個人資料|個人資訊|個人信息|個資|personal (?:data|information|details)', '');
const PII_ITEM = c('姓名|電話|手機|地址|身分證|身份證|電子郵件|信箱|生日|帳號|\\bnames?\\b|phone|address|e-?mail|birth', '');

function deniedClaimConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  for (const m of norm.matchAll(/[^。.!?！？;；\n]+/g)) {
    const sentence = m[0];
    if (!NEGATION.test(sentence)) continue;
    for (const verb of VERB_FAMILIES) {
      const v = verb.exec(sentence);
      if (!v) continue;
      const neg = NEGATION.exec(sentence);
      if (!neg) continue;
      // The verb the negation governs: the first one after it, else the one before (「外洩事件中，並無…遭到外部下載」).
      const after = verb.exec(sentence.slice(neg.index));
      const vAt = after ? neg.index + after.index : v.index;
      // What is denied: the words after the negation (「不含任何信用卡號」 is about card numbers, not the files); when
      // the negation governs only a verb (「從未出境」), the sentence's words.
      const denied = keyTokens(sentence.slice(neg.index + neg[0].length), verb);
      const keys = denied.size ? denied : keyTokens(sentence, verb);
      // 「不含任何客戶個人資訊」 denies every item of personal data the source lists (姓名, 電話 …).
      const generic = GENERIC_PII.test(sentence.slice(neg.index));
      const hit = normSources.findIndex((src) =>
        src
          .split(/[。!?！？;；\n]|\.(?!\d)/)
          .some(
            (s) => verb.test(s) && !NEGATION.test(s) && ([...keyTokens(s, verb)].some((k) => keys.has(k)) || (generic && PII_ITEM.test(s))),
          ),
      );
      if (hit < 0) continue;
      // The span: from the negation (or the verb, whichever comes first) to the end of its clause.
      const at = (m.index ?? 0) + Math.min(neg.index, vAt);
      const [, b] = clause(norm, at, at + 1);
      out.push({ start: at, end: b, source: hit, excerpt: '' });
      break;
    }
  }
  return out;
}

// Everyone or everything said to be done, where a source gives a smaller count done than the total it names:
// 「目前已經全部解封」 against 「已解封 3.1 萬個」 of 「3.6 萬個」.
const ALL_DONE = c(
  '(?:全部|全數|全都|均已|都已|皆已|悉數)(?:已|已經)?(解封|撥付|撥款|退款|退費|修復|恢復|送達|歸還|返還|賠償|發放|支付|救出|完成|處理完畢|解決)|\\b(?:all|every|fully) [^.;!?]{0,30}?(unblocked|restored|refunded|returned|paid|released|delivered|reopened|reinstated)\\b',
  'g',
);
const NUMBER_UNIT = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(万|千|%)?\s?([\u3400-\u9fff]|[a-z]+)?/g;

function amounts(s: string): { value: number; unit: string; index: number }[] {
  return [...s.matchAll(NUMBER_UNIT)].map((m) => ({
    value: Number(m[1].replace(/,/g, '')) * (m[2] === '万' ? 10000 : m[2] === '千' ? 1000 : 1),
    unit: m[2] === '%' ? '%' : (m[3] ?? ''),
    index: m.index ?? 0,
  }));
}

function allDoneConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  for (const m of norm.matchAll(ALL_DONE)) {
    const verb = (m[1] ?? m[2]).slice(0, 2);
    const hit = normSources.findIndex((src) =>
      src.split(/[。!?！？;；\n]|\.(?!\d)/).some((s) => {
        if (!s.includes(verb) || NEGATION.test(s)) return false;
        const done = amounts(s);
        if (done.some((d) => d.unit === '%' && d.value < 100)) return true;
        return done.some((d) => d.unit && normSources.some((o) => amounts(o).some((t) => t.unit === d.unit && t.value > d.value)));
      }),
    );
    if (hit < 0) continue;
    const start = m.index ?? 0;
    const [a] = clause(norm, start, start + m[0].length);
    out.push({ start: Math.max(a, start - 4), end: start + m[0].length, source: hit, excerpt: '' });
  }
  return out;
}

// 「10月21日晚間」 where the fact sheet says 凌晨 3 時許: a part of the day that does not hold the fact's time.
const PART_OF_DAY: [RegExp, number, number][] = (
  [
    ['凌晨', 0, 6],
    ['清晨', 4, 8],
    ['早上', 5, 11],
    ['上午', 5, 12],
    ['中午', 11, 14],
    ['下午', 12, 18],
    ['傍晚', 16, 20],
    ['晚上', 17, 24],
    ['晚間', 17, 24],
    ['夜間', 18, 30],
    ['深夜', 21, 28],
    ['半夜', 22, 29],
  ] as const
).map(([w, a, b]) => [new RegExp(`${normalise(w)}(?!\\s?(?:约|大约)?\\s?(?:\\d|[一二两三四五六七八九十]))`), a * 60, b * 60]);
const CLOCK_ZH = c(
  '(凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|晚間|夜間|深夜)?\\s?(?:約|大約)?\\s?(\\d{1,2})\\s?(?:時|點|:)(?:\\s?(\\d{1,2})\\s?分?)?',
  'g',
);

function clockTimes(src: string): number[] {
  const out: number[] = [];
  for (const m of src.matchAll(CLOCK_ZH)) {
    let h = Number(m[2]);
    if (m[1] && /下午|傍晚|晚上|晚间|夜间|深夜/.test(m[1]) && h < 12) h += 12;
    if (h <= 24) out.push(h * 60 + Number(m[3] ?? 0));
  }
  return out;
}

function partOfDayConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const out: NamedConflict[] = [];
  for (const [re, lo, hi] of PART_OF_DAY) {
    const m = re.exec(norm);
    if (!m) continue;
    const [a, b] = clause(norm, m.index, m.index + m[0].length);
    if (PLAN_ZH.test(norm.slice(a, b))) continue;
    const times = normSources.map((s) => clockTimes(s));
    const all = times.flat();
    if (!all.length) continue;
    const inside = (t: number) => (t >= lo && t <= hi) || (t + 24 * 60 >= lo && t + 24 * 60 <= hi);
    if (all.some(inside)) continue;
    // The date in front of the part of the day belongs to the claim (10月21日晚間).
    const date = /(?:\d{1,2}\s?月\s?\d{1,2}\s?[日号]\s?)$/.exec(norm.slice(Math.max(a, m.index - 12), m.index));
    out.push({
      start: m.index - (date?.[0].length ?? 0),
      end: m.index + m[0].length,
      source: times.findIndex((t) => t.length > 0),
      excerpt: '',
    });
  }
  return out;
}

// 「經查並無錯誤，本報不會撤回」 against an approved correction of the same report.
const NO_ERROR = c(
  '(?:經查|查證後)?(?:並無|沒有|毫無|並未有)(?:任何)?(?:錯誤|不實|違誤)|正確無誤|不會撤回|不予撤回|\\bwe stand by\\b|\\bwas (?:entirely )?accurate\\b',
  'g',
);
const CORRECTED = c('更正|與事實不符|有誤|撤回|致歉啟事|\\bcorrection\\b|\\bretract', '');

function standByConflicts(norm: string, normSources: readonly string[]): NamedConflict[] {
  const hit = normSources.findIndex((s) => CORRECTED.test(s));
  // A draft that itself corrects (更正：…) is not standing by anything.
  if (hit < 0 || /更正|\bcorrection\b/.test(norm)) return [];
  // 「經查並無錯誤，本報不會撤回」 is one claim: one span from the first wording of it to the last in its sentence.
  const out: NamedConflict[] = [];
  for (const m of norm.matchAll(NO_ERROR)) {
    const start = m.index ?? 0;
    const last = out.at(-1);
    if (last && !/[。.!?！？\n]/.test(norm.slice(last.end, start))) last.end = start + m[0].length;
    else out.push({ start, end: start + m[0].length, source: hit, excerpt: '' });
  }
  return out;
}

/**
 * Named claims of the fifth round: sections, how soon someone was told, an exposure the facts rule out, weekdays,
 * denials a source affirms, "all done" against a partial count, a part of the day against a clock time, standing by
 * an approved correction's error.
 */
export function fifthRoundClaimConflicts(norm: string, sources: readonly string[], isFact: readonly boolean[]): NamedConflict[] {
  const normSources = sources.map((s) => normalise(s));
  return [
    ...sectionConflicts(norm, normSources, isFact),
    ...timingConflicts(norm, normSources),
    ...exposureConflicts(norm, normSources),
    ...weekdayConflicts(norm, normSources, isFact),
    ...deniedClaimConflicts(norm, normSources),
    ...allDoneConflicts(norm, normSources),
    ...partOfDayConflicts(norm, normSources),
    ...standByConflicts(norm, normSources),
  ].map((x) => ({ ...x, excerpt: sources[x.source] }));
}

/** "Between 300 and 320", 「300 至 320」: a range whose bounds a fact value sits within agrees with it. */
export function rangeHolds(norm: string, start: number, end: number, values: readonly number[]): boolean {
  const around = norm.slice(Math.max(0, start - 24), end);
  const m = /(?:between )?(\d{1,3}(?:,\d{3})+|\d+)\s?(?:and|to|-|–|~|至|到)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\s?[a-z\u3400-\u9fff]+)?$/.exec(
    around,
  );
  if (!m) return false;
  const lo = Number(m[1].replace(/,/g, ''));
  const hi = Number(m[2].replace(/,/g, ''));
  return lo < hi && values.some((v) => v >= lo && v <= hi);
}
