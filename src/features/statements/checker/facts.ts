// inconsistent_fact: quantities, dates and places in a draft compared with the fact sheet and earlier
// approved statements, by what they count or describe (受影響 … 人, 門市 … 家, 發生於 … 店).
// A mention with nothing comparable in the facts is not a conflict; approximations compare within a tolerance.
import { normalise } from '../../../platform/text/normalise.ts';
import { claimConflicts, isCorrection, thirdMentions } from './facts-3.ts';
import {
  chineseShares,
  englishTimes,
  fifthRoundClaimConflicts,
  rangeHolds,
  STATION,
  singleCounts,
  statedWithoutNoun,
  stationName,
} from './facts-4.ts';
import { anyDates, sixthRoundConflicts, vagueCountHolds, withdrawnValue } from './facts-5.ts';
import { extraMentions, zeroHarmConflicts } from './facts-more.ts';
import { parseNumber } from './numbers.ts';

export type FactsInput = { facts: { text: string }[]; statements: string[] };
type Source = { text: string; source: 'fact' | 'statement'; index: number };

type Mention = {
  kind: 'quantity' | 'date' | 'place';
  start: number;
  end: number;
  /** quantity: unit class; date: 'date'; place: 'city' | 'store'. */
  unit: string;
  /** What it counts or the event it dates/places: specific tags (住院, 門市 …) and general ones (受影響 …). */
  specific: string;
  general: Set<string>;
  value: number;
  approx: boolean;
  /** place: the normalised name; date: "month-day". */
  name: string;
  text: string;
};

export type FactConflict = {
  start: number;
  end: number;
  rule: string;
  draft: string;
  ref: Source & { excerpt: string };
};

const c = (src: string, flags = 'g') => new RegExp(normalise(src), flags);
const CJK_NUM = '[零〇一二兩三四五六七八九十廿卅卌百千萬]+';

/** Unit words → unit class. Chinese classifiers and English nouns share the classes. */
const UNIT_CLASSES: [string, string][] = [
  [
    'person',
    '人|名|位|人次|people|persons?|travell?ers?|residents?|visitors?|households?|customers?|consumers?|guests?|patients?|users?|victims?|individuals?|children|kids|students?|employees?|staff|workers?|members?|diners?|passengers?',
  ],
  ['flight', '個航班|架次|航班|班次|班機|班|flights?'],
  // Classifiers that name what they count by themselves (戶, 款, 所, 劑 …): compared even without tags (rareUnit).
  ['household', '戶'],
  ['model', '款|種|個型號'],
  ['school', '所'],
  ['dose', '劑|doses?'],
  ['building', '棟|座'],
  ['measure', '立方公尺|立方米|平方公尺|公頃|公噸|噸|毫克|公克|公斤|公升|毫升|公里|公尺|mg|kg|ml|km'],
  ['store', '家|間|stores?|shops?|branch(?:es)?|outlets?|restaurants?|locations?'],
  ['batch', '個批次|批次|批|lots?|batch(?:es)?'],
  ['item', '瓶|罐|包|袋|盒|箱|桶|件|個|顆|份|台|輛|支|杯|bottles?|cans?|packs?|boxes|units?|items?|products?|pieces?'],
  ['case', '例|起|宗|cases?|incidents?|complaints?|reports?'],
  ['record', '筆|條|則|records?|accounts?|entries'],
  ['percent', '%|percent'],
  ['money', '元|塊|dollars?|nt\\$|yuan'],
  ['day', '天|日內|days?'],
  ['duration', '個小時|小時|hours?|hrs?|分鐘|minutes?|mins?'],
];
/** Context words → what is counted / what happened; the first family found wins (most specific first). */
const SPECIFIC = new Set(['death', 'discharge', 'hospital', 'refund', 'recall', 'complaint', 'batch', 'store', 'employee', 'flight']);
const TAGS: [string, string][] = [
  ['flight', '航班|班機|flight'],
  ['cancel', '取消|停飛|停駛|停開|cancel'],
  ['evacuate', '撤離|疏散|evacuat'],
  ['announce', '通報|公告|公布|發布|發出|通知|記者會|聲明|announc|notif|published|press conference'],
  ['outage', '當機|中斷|停擺|斷線|停電|停機|無法使用|暫停|凍結|outage|down|disruption|offline|unavailable|suspend|frozen|freez|halt'],
  ['death', '死亡|過世|身亡|喪命|died|deaths?|dead|fatal'],
  // Counts of people sent home (3 位出院) are not counts of people in hospital, though the clause names both.
  ['discharge', '出院|返家|康復出院|discharged|released from hospital|gone home'],
  ['hospital', '住院|送醫|就醫|急診|hospitali[sz]ed|hospital|emergency room'],
  ['refund', '退款|退費|退貨|賠償|refund|compensat'],
  ['recall', '回收|下架|召回|recall|withdr[ae]w'],
  ['complaint', '客訴|投訴|申訴|檢舉|complaint|reported'],
  ['leak', '外洩|洩漏|洩露|外流|個資|暴露|leak|breach|exposed|stolen'],
  ['batch', '批號|批次|lot|batch'],
  ['store', '門市|分店|店|據點|店面|store|shop|branch|outlet|restaurant'],
  ['employee', '員工|人員|同仁|店員|employee|staff|worker'],
  ['affected', '受影響|影響|受害|不適|中毒|症狀|腹瀉|嘔吐|受波及|受傷|affect|\\bill\\b|sick|symptom|victim|harmed|injur'],
  [
    'occur',
    '發生|事發|出事|起火|火警|火災|爆炸|事故|意外|出軌|脫軌|翻覆|墜落|倒塌|occurred|happened|took place|incident|broke out|derail|collapsed|crashed|capsized',
  ],
  ['sale', '販售|銷售|出貨|上架|生產|製造|進貨|sold|shipped|produced|manufactured|delivered'],
  ['discover', '發現|接獲|收到|得知|discovered|received|learned|first report|noticed'],
  ['customer', '消費者|顧客|客人|會員|用戶|客戶|customer|consumer|user|member'],
];
const APPROX =
  '約|大約|近|將近|接近|超過|逾|至少|不到|不足|少於|低於|上|幾|多|fewer than|less than|under|below|no more than|about|around|approximately|approx\\.?|nearly|almost|over|more than|roughly|some|up to|at least|close to|an estimated|estimated';
// 「退費申請受理至 11 月 15 日」: a deadline is not when the event happened.
const FUTURE =
  '將|預計|預定|之前|以前|前|受理至|受理到|截止|期限|有效至|有效期|開放至|辦理至|延長至|延至|before|by|until|will|expected|scheduled|plan|deadline';
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const CITIES =
  '台北|新北|桃園|台中|台南|高雄|基隆|新竹|嘉義|苗栗|彰化|南投|雲林|屏東|宜蘭|花蓮|台東|澎湖|金門|連江|馬祖|taipei|new taipei|taoyuan|taichung|tainan|kaohsiung|keelung|hsinchu|chiayi|miaoli|changhua|nantou|yunlin|pingtung|yilan|hualien|taitung|penghu|kinmen';

type Compiled = {
  labelValue: RegExp;
  timeRange: RegExp;
  region: RegExp;
  quantity: RegExp;
  quantityEn: RegExp;
  dates: RegExp[];
  city: RegExp;
  storeZh: RegExp;
  storeEn: RegExp;
  station: RegExp;
  units: [string, RegExp][];
  tags: [string, RegExp][];
  approx: RegExp;
  future: RegExp;
};

function build(): Compiled {
  const unitAlt = UNIT_CLASSES.map(([, a]) => a).join('|');
  return {
    quantity: c(
      `((?:${APPROX})\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${CJK_NUM})\\s?(?:多\\s?)?(萬|千|百)?\\s?(?:多)?\\s?(立方公尺|立方米|平方公尺|公頃|公噸|噸|個批次|批次|人次|人|名|位|個航班|航班|班次|架次|班機|班|戶|個型號|款|種|所|劑|棟|座|毫克|公克|公斤|公升|毫升|公里|公尺|家|間|批|瓶|罐|包|袋|盒|箱|桶|件|個小時|個|顆|份|台|輛|支|杯|例|起|宗|筆|條|則|%|元|塊|天|小時|分鐘)`,
    ),
    quantityEn: c(
      `\\b((?:${APPROX}) )?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?) ?(thousand|million|%|percent)? ?((?:[a-z]+ )?)(${unitAlt}|[a-z]{3,}s)\\b`,
    ),
    labelValue: /\b([a-z]+(?: [a-z]+){0,2}): ((?:about|around|approximately|over|nearly) )?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d:])/g,
    timeRange: /\b(?:from )?(\d{1,2}):(\d{2}) ?(?:to|until|till|-|–|~|至|到)\s?(\d{1,2}):(\d{2})/g,
    region: c('北部|中部|南部|東部|全台|全省|離島|華東|華南|華北|華中|華西|northern|central|southern|eastern'),
    dates: [
      c('(?:(\\d{4})\\s?年\\s?)?(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s?月\\s?(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s?[日號]'),
      /(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-])/g,
      /(?<![\d/.-])()(\d{1,2})\/(\d{1,2})(?![\d/.-])/g,
      new RegExp(`\\b()(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTHS})[a-z]*\\.?(?:,? (\\d{4}))?`, 'g'),
      new RegExp(`\\b()(${MONTHS})[a-z]*\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g'),
    ],
    city: c(`(?:${CITIES})`),
    storeZh: c('[\\u3400-\\u9fff]{2,5}(?:分店|門市|店|廠|分校|校區|分院|院區|分行|分公司|營業所)'),
    storeEn:
      /\b([a-z]+(?: [a-z]+)?) (?:store|branch|outlet|shop|factory|plant|warehouse|depot|storage unit|distribution centre|distribution center)\b/g,
    station: STATION,
    units: UNIT_CLASSES.map(([k, a]) => [k, c(`^(?:${a})$`, '')]),
    tags: TAGS.map(([k, a]) => [k, c(a, '')]),
    approx: c(`(?:${APPROX})(?:有|為|是|達|共|計)?\\s?$`, ''),
    future: c(`(?:${FUTURE})`, ''),
  };
}

/** Clause bounds: commas between digits (1,000) and decimal points do not end a clause. */
function clauseAround(norm: string, start: number, end: number): [number, number] {
  const isEnd = (i: number) => {
    const ch = norm[i];
    if ('。!?;\n、'.includes(ch)) return true;
    if (ch === ',' || ch === '.' || ch === ':') return !(/\d/.test(norm[i - 1] ?? '') && /\d/.test(norm[i + 1] ?? ''));
    return false;
  };
  let s = start;
  while (s > 0 && start - s < 40 && !isEnd(s - 1)) s--;
  let e = end;
  while (e < norm.length && e - end < 40 && !isEnd(e)) e++;
  return [s, e];
}

/** Sentence bounds, for the event a date belongs to (「11月3日凌晨，工廠發生火警」). */
function sentenceAround(norm: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && start - s < 60 && !'。!?;\n'.includes(norm[s - 1])) s--;
  let e = end;
  while (e < norm.length && e - end < 60 && !'。!?;\n'.includes(norm[e])) e++;
  return [s, e];
}

const STORE_NOT_NAME = new RegExp(normalise('影響|營業|暫停|所有|涉事|問題|相關|全部|其他|附近|周邊|鄰近|各地|旗下|全台|部分|多家|受'));

/** Nouns that name what a Chinese count counts (normalised), used as tags when next to the number. */
const NOUNS = new Set(
  normalise(
    '旅客 乘客 會員 顧客 客戶 消費者 民眾 員工 學生 病患 住戶 居民 用戶 帳號 帳戶 號碼 門市 分店 航班 班機 訂單 商品 產品 批次 車輛 店家 手機 資料 個資 家庭 孩童 兒童',
  ).split(' '),
);

/** Two-character words before a number that say nothing about what it counts (其中, 目前, 共有 …). */
const NOT_NOUNS = new Set(
  normalise(
    '其中 目前 已有 共有 另有 還有 至少 超過 包括 包含 合計 總計 累計 今天 昨天 今日 昨日 本次 此次 這次 已經 大約 將近 約有 共計 分別 以及 其他 另外 其餘 全部 所有 仍有 尚有 現有 當中 其餘 截至 為止 之中 以上 以下 總共 一共 達到 增加 減少 降至 升至 高達 多達 僅有 只有 計有 約為 共為 預計 預估 估計 每日 每天 每週 每月 每瓶 每盒 每人 每戶 每次 平均 實測 標示 當天 當日 凌晨 上午 下午 晚間 中午 傍晚 時許 左右',
  ).split(' '),
);
const isOpenNoun = (n: string) =>
  !NOT_NOUNS.has(n) && !/[的了在是有為为共約约近逾達达計计與与和及或月日年時时分秒第於于從从到至向對对把被讓让將将]/.test(n);

function tagsOf(cx: Compiled, context: string): { specific: string; general: Set<string> } {
  let specific = '';
  const general = new Set<string>();
  for (const m of context.matchAll(/ n:(\S+)/g)) general.add(`n:${m[1]}`);
  for (const [k, re] of cx.tags) {
    if (!re.test(context)) continue;
    if (SPECIFIC.has(k)) specific ||= k;
    else general.add(k);
  }
  return { specific, general };
}

function unitClass(cx: Compiled, unit: string): string {
  for (const [k, re] of cx.units) if (re.test(unit)) return k;
  return '';
}

const MONTH_INDEX = Object.fromEntries(MONTHS.split('|').map((m, i) => [m, i + 1]));
const monthOrDay = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseNumber(s));
/** An English noun as a unit: singular, lower case ("card numbers" → "card number"). */
const singular = (w: string) =>
  w
    .trim()
    .replace(/(ch|sh|x|ss)es$/, '$1')
    .replace(/ies$/, 'y')
    .replace(/(?<!s)s$/, '');

const SAID_BEFORE =
  /\b(?:said|stated|announced|wrote|reported|published|told (?:you|customers|the press)|our (?:statement|update|notice|announcement)|statement|update|notice)(?: (?:on|of|dated))? $/;
const SAID_AFTER = new RegExp(`^\\s?(?:的)?(?:${normalise('聲明|公告|新聞稿|記者會|說明|更正啟事|statement|update|notice')})`);

let cx: Compiled | undefined;

/** Every quantity, date and place in a text, with what it refers to. */
export function extractMentions(text: string, norm = normalise(text)): Mention[] {
  cx ??= build();
  const k = cx;
  const out: Mention[] = [];
  const context = (s: number, e: number) => {
    const [a, b] = clauseAround(norm, s, e);
    return { before: norm.slice(a, s), all: `${norm.slice(a, s)} ${norm.slice(s, e)} ${norm.slice(e, b)}` };
  };
  const push = (m: Omit<Mention, 'text' | 'specific' | 'general'>, ctx: string) =>
    out.push({ ...m, ...tagsOf(k, ctx), text: text.slice(m.start, m.end) });
  const quantity = (start: number, end: number, unit: string, value: number, approx: boolean, extra = '') => {
    const ctx = context(start, end);
    // The noun right after a Chinese classifier or right before the number (126 名旅客, 旅客 1,260 人) names what is counted.
    const after = /^[\u3400-\u9fff]{2}/.exec(norm.slice(end).replace(/^的/, ''));
    // 「涉案學生不到二十人」: an approximation may stand between the noun and its number.
    const before =
      /([\u3400-\u9fff]{2})(?:共|约|为|有|达|计|总计|合计|共计|逾|近|超过|不到|不足|将近|约有|大约|至少|少于|低于|仅|只有|高达)?\s*:?\s*$/.exec(
        norm.slice(Math.max(0, start - 9), start),
      );
    // The listed nouns, or any two-character word before the number (受困遊客 186 人) that is not a function word.
    const nouns = [after?.[0], before?.[1]].filter(
      // 「四百八十件行李」, 「三千個帳號」: the word right after a classifier names what it counts, listed or not.
      (n): n is string => Boolean(n) && (NOUNS.has(n as string) || isOpenNoun(n as string)),
    );
    extra += nouns.map((n) => ` n:${n}`).join('');
    const a = approx || k.approx.test(ctx.before);
    push({ kind: 'quantity', start, end, unit, value, approx: a, name: '' }, ctx.all + extra);
  };
  for (const re of [k.quantity, k.quantityEn]) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const en = re === k.quantityEn;
      const unitWord = en ? m[5] : m[4];
      // English names the thing counted with its noun ("18,000 card numbers" → number); Chinese with a classifier.
      let unit = en && (m[3] === '%' || m[3] === 'percent') ? 'percent' : unitClass(k, unitWord);
      if (en && unit !== 'percent' && unit !== 'duration') unit = `noun:${singular(m[5])}`;
      let value = en ? parseNumber(m[2]) * (m[3] === 'thousand' ? 1000 : m[3] === 'million' ? 1e6 : 1) : parseNumber(m[2], m[3]);
      if (!Number.isFinite(value) || !unit) continue;
      if (unit === 'duration' && /小时|hour|hr/.test(unitWord)) value *= 60;
      const start = m.index + (m[1]?.length ?? 0);
      quantity(start, m.index + m[0].length, unit, value, Boolean(m[1]) || /多|几/.test(m[0]), en ? ` ${m[4]}${m[5]}` : '');
    }
  }
  // "Affected card numbers: 8,150" — a label, then its number.
  k.labelValue.lastIndex = 0;
  for (let m = k.labelValue.exec(norm); m; m = k.labelValue.exec(norm)) {
    const words = m[1].split(' ');
    // The counted noun of the label: "Customers affected" counts customers, not "affected".
    const nounWord = words.length > 1 && /(?:ed|ing)$/.test(words[words.length - 1]) ? words[words.length - 2] : words[words.length - 1];
    const noun = singular(nounWord);
    const start = m.index + m[0].length - m[3].length;
    // "Share of orders affected: 53%" is a percentage.
    const percent = /^\s?%/.test(norm.slice(m.index + m[0].length));
    const end = m.index + m[0].length + (percent ? norm.slice(m.index + m[0].length).indexOf('%') + 1 : 0);
    quantity(start, end, percent ? 'percent' : `noun:${noun}`, parseNumber(m[3]), Boolean(m[2]), ` ${m[1]}`);
  }
  // "from 18:05 to 21:20": a duration in minutes.
  k.timeRange.lastIndex = 0;
  for (let m = k.timeRange.exec(norm); m; m = k.timeRange.exec(norm)) {
    let minutes = Number(m[3]) * 60 + Number(m[4]) - (Number(m[1]) * 60 + Number(m[2]));
    if (minutes < 0) minutes += 24 * 60;
    quantity(m.index, m.index + m[0].length, 'duration', minutes, false);
    const toEnd = m[0].search(/\d{1,2}:\d{2}$/);
    quantity(m.index, m.index + m[0].length, 'clock:start', Number(m[1]) * 60 + Number(m[2]), false);
    quantity(m.index + toEnd, m.index + m[0].length, 'clock:end', Number(m[3]) * 60 + Number(m[4]), false);
  }
  for (const x of extraMentions(norm)) {
    if (x.kind === 'quantity') quantity(x.start, x.end, x.unit, x.value, x.approx);
    else push(x, context(x.start, x.end).all);
  }
  for (const x of [...thirdMentions(norm), ...englishTimes(norm), ...singleCounts(norm), ...chineseShares(norm)]) {
    // A time of day belongs to the event of its sentence (「起火時間：… 9 時 40 分」), like a date.
    if (x.unit === 'time') push(x, norm.slice(...sentenceAround(norm, x.start, x.end)));
    else if (x.kind === 'quantity') quantity(x.start, x.end, x.unit, x.value, x.approx);
    else if (!k.future.test(context(x.start, x.end).all)) push(x, context(x.start, x.end).all);
  }
  for (const re of k.dates) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      const monthFirst = re === k.dates[4];
      const dayFirst = re === k.dates[3];
      const month = monthFirst ? MONTH_INDEX[m[2]] : dayFirst ? MONTH_INDEX[m[3]] : monthOrDay(m[2]);
      const day = monthFirst ? Number(m[3]) : dayFirst ? Number(m[2]) : monthOrDay(m[3]);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      const ctx = context(start, end);
      if (k.future.test(ctx.all)) continue;
      // "As we said on 10 March", 「3月2日聲明」: the date of a statement, not of what happened.
      if (SAID_BEFORE.test(norm.slice(Math.max(0, start - 24), start)) || SAID_AFTER.test(norm.slice(end, end + 8))) continue;
      const [s0, s1] = sentenceAround(norm, start, end); // plans and deadlines are promises, not facts to compare
      push(
        { kind: 'date', start, end, unit: 'date', value: month * 100 + day, approx: false, name: `${month}-${day}` },
        norm.slice(s0, s1),
      );
    }
  }
  const places: [RegExp, string][] = [
    [k.city, 'city'],
    [k.region, 'region'],
    [k.storeZh, 'store'],
    [k.storeEn, 'store'],
    [k.station, 'station'],
  ];
  for (const [re, unit] of places) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m; m = re.exec(norm)) {
      let start = m.index;
      const end = m.index + m[0].length;
      if (re === k.storeZh) {
        // Trim function words a greedy match picks up in front of the name (發生在大安店 → 大安店).
        // 「本院北屯院區」, 「本補習班板橋分校」: the organisation naming itself is not part of the branch's name.
        // The match may start inside the self-name (本公司桃園觀音廠 → 司桃園觀音廠): look a few characters further back.
        const back = Math.max(0, start - 4);
        const self = /^.*(?:本|敝|该|我们)(?:院|校|店|行|公司|馆|会|中心|补习班|集团|品牌|医院|诊所|银行)/.exec(norm.slice(back, end - 2));
        // 「目前該廠已停線」: the plant just named, not a new place.
        if (/(?:本|敝|该|此|这)厂$/.test(norm.slice(start, end))) continue;
        if (self && back + self[0].length > start) start = back + self[0].length;
        while (start < end - 3 && /[在于於的至到是为為生位发發间間家该該本其从從自和与與及共]/.test(norm[start])) start++;
        // 「產品於門市及官網販售」, 「排放口位於寶山廠」: the name starts after the last 於 / 及 / 與 / 在 in the run.
        for (let i = end - 2; i >= start; i--)
          if ('于於及与與和在'.includes(norm[i])) {
            start = i + 1;
            break;
          }
        if (end - start < 3) continue;
        // 「受影響門市」, 「暫停營業門市」 describe stores; they do not name one.
        if (STORE_NOT_NAME.test(norm.slice(start, end))) continue;
      }
      if (unit === 'station') {
        const name = stationName(norm.slice(start, end));
        if (name) push({ kind: 'place', start, end, unit, value: 0, approx: false, name }, context(start, end).all);
        continue;
      }
      const name = norm
        .slice(start, end)
        // "our Yongkang plant" and "the Yongkang plant" name one plant.
        .replace(/^(?:our|the|its|their|this|that) /, '')
        .replace(
          /(?:分店|门市|门店|店|厂|分校|校区|分院|院区|分行|分公司|营业所|store|branch|outlet|shop|factory|plant|warehouse|depot|storage unit|distribution cent(?:re|er))$/,
          '',
        )
        .trim();
      if (
        !name ||
        (/^(?:本|该|我们|our|the|this|that|a|an|each|every|all|some|other|部|北部|中部|南部|东部|余|其余|他|其他|它|其它|各|多|全|所有|全部|其)$/.test(
          name,
        ) &&
          unit === 'store')
      )
        continue;
      push({ kind: 'place', start, end, unit, value: 0, approx: false, name }, context(start, end).all);
    }
  }
  // A city inside a store or plant name (新竹湖口廠) is that place's name, not a second place.
  // Store names are short: look back a few characters for one that covers the city (linear, not cities × stores).
  const storeEnd = new Map<number, number>();
  for (const o of out) if (o.unit === 'store') storeEnd.set(o.start, Math.max(o.end, storeEnd.get(o.start) ?? 0));
  if (!storeEnd.size) return out;
  const inStore = (m: Mention) => {
    for (let s = m.start; s >= Math.max(0, m.start - 40); s--) if ((storeEnd.get(s) ?? -1) >= m.end) return true;
    return false;
  };
  return out.filter((m) => !(m.unit === 'city' && inStore(m)));
}

function sameValue(a: Mention, b: Mention): boolean {
  // A time of day: 「9 時許」 is within the hour after 9; an exact time must be the same minute.
  if (a.unit === 'time') return Math.abs(a.value - b.value) <= (a.approx || b.approx ? 59 : 0);
  // "about 99%" is not 92%: a share is rounded by points, not by a fifth of itself.
  if (a.unit === 'percent') return Math.abs(a.value - b.value) <= (a.approx || b.approx ? 3 : 0.5);
  if (a.kind === 'quantity') {
    const tol = a.approx || b.approx ? 0.2 : 1e-9;
    return Math.abs(a.value - b.value) <= tol * Math.max(Math.abs(a.value), Math.abs(b.value));
  }
  if (a.kind === 'date') return a.value === b.value;
  return a.name === b.name || a.name.endsWith(b.name) || b.name.endsWith(a.name);
}

/** Two mentions refer to the same thing: same kind and unit, same specific tag, and a shared general tag (or a named unit). */
function comparable(a: Mention, b: Mention): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit) return false;
  // Dates and places compare by the event (發生, 出貨 …); quantities also by the thing counted.
  if (a.unit.startsWith('clock:')) return true;
  // A time of day, like a date, belongs to the event of its sentence; one whose event is not named is compared with
  // every time of day of the facts ("derailed at 7:42 a.m." / "overturned … at 5:15 p.m.").
  if (a.kind !== 'quantity' || a.unit === 'time') {
    const ta = new Set([...a.general, ...(a.specific ? [a.specific] : [])]);
    const tb = [...b.general, ...(b.specific ? [b.specific] : [])];
    // A date or place whose event the text does not name is compared with every date or place of the facts.
    if (ta.size === 0 || tb.length === 0) return a.unit !== 'country';
    return tb.some((t) => ta.has(t));
  }
  // An English noun names what is counted: "3 batches" (recall) and "5 batches" (lots) count the same thing; only
  // the states of people (dead, in hospital, sent home, refunded) split one noun into different counts.
  if (a.unit.startsWith('noun:'))
    return !a.specific || !b.specific || a.specific === b.specific || (!PERSON_STATES.has(a.specific) && !PERSON_STATES.has(b.specific));
  for (const g of a.general) if (g.startsWith('n:') && b.general.has(g)) return true;
  if (a.specific !== b.specific) return false;
  if (a.specific || a.unit.startsWith('noun:')) return true;
  for (const g of a.general) if (b.general.has(g)) return true;
  return false;
}

const PERSON_STATES = new Set(['death', 'discharge', 'hospital', 'refund']);

const described = (m: Mention) =>
  m.kind === 'date' ||
  m.kind === 'place' ||
  m.unit.startsWith('clock:') ||
  m.unit === 'time' ||
  Boolean(m.specific) ||
  m.general.size > 0 ||
  m.unit.startsWith('noun:');

/**
 * Units that say by themselves what is counted (戶, 款, 所, 劑, 棟, sums of money, how long something lasted): a draft
 * count with nothing tagged alike in the facts is still compared with the facts' counts in that unit, when those
 * agree on one value. People, items and days are too general for that (「1,950 位完成改票」 is not the 1,260 affected).
 */
const SELF_NAMED_UNITS = new Set(['household', 'model', 'school', 'dose', 'building', 'measure', 'money', 'duration', 'floor', 'percent']);
/** A duration that is a deadline or a schedule (24 小時內, "within 72 hours", 每 2 小時), not how long something lasted. */
const PER_UNIT = new RegExp(normalise('每位|每人|每戶|每件|每名|每張|每台|每筆|\\beach\\b|\\bper\\b|\\bevery\\b'));
const TOTAL = new RegExp(normalise('合計|總計|共計|總共|一共|累計|總額|總金額|\\bin total\\b|\\baltogether\\b|\\btotal(?:ling)?\\b'));
const NOT_A_SPAN = new RegExp(
  normalise('內|以內|之內|每|起|後|之前|以前|within|every|per|will|將|預計|會在|請|please|up to|after|before|later|earlier|ago'),
);

/**
 * The value a correction names as the wrong one (「誤植為 27 戶，正確應為 37 戶」, "was wrongly given as 24"): quoted to
 * be withdrawn, not claimed, so it is not compared.
 */
const WITHDRAWN = new RegExp(
  `(?:${normalise('誤植|誤寫|誤記|誤報|誤載|誤列|誤打|誤發|錯寫|寫錯|錯植|錯標|標錯|打錯')})(?:${normalise('為|成')})?\\s?$|\\b(?:mistakenly|incorrectly|wrongly|erroneously) (?:given|stated|reported|listed|printed|written|shown|published) as $`,
);

/** Conflicts between a draft and the facts/statements: a mention that refers to the same thing as one in the facts but differs. */
export function findFactConflicts(text: string, norm: string, facts: FactsInput | undefined): FactConflict[] {
  if (!facts) return [];
  const sources: Source[] = [
    ...facts.facts.map((f, index) => ({ text: f.text, source: 'fact' as const, index })),
    ...facts.statements.map((t, index) => ({ text: t, source: 'statement' as const, index })),
  ];
  if (!sources.length) return [];
  const all = sources.map((s) => ({ s, mentions: extractMentions(s.text) }));
  // A fact sheet's line is one claim (「召回批次：10 月 21 日生產，共計 8,400 袋」): a count whose own clause names
  // nothing takes what its sentence names.
  const known = all.map(({ s, mentions }) => {
    const n = normalise(s.text);
    const tagged = mentions.map((m) => {
      if (described(m) || m.kind !== 'quantity' || s.source !== 'fact') return m;
      const [a, b] = sentenceAround(n, m.start, m.end);
      return { ...m, ...tagsOf(cx as Compiled, n.slice(a, b)) };
    });
    return { s, mentions: tagged.filter(described) };
  });
  const out: FactConflict[] = [];
  let sourceDates: Set<string> | undefined;
  for (const d of extractMentions(text, norm)) {
    // A sentence that corrects an earlier statement contradicts it on purpose: only the fact sheet judges it.
    const correcting = isCorrection(norm, d.start, d.end);
    if (correcting && WITHDRAWN.test(norm.slice(Math.max(0, d.start - 30), d.start))) continue;
    // 「先前稱…」, "our Monday statement said ten clubs", "the earlier estimate of 300 … was wrong": in a text that
    // corrects itself, the value it attributes to what was said before is withdrawn.
    if (withdrawnValue(norm, d.start)) continue;
    // "Correction: the retest is on 4 May, not 6 May as we said": the value after "not" is the one withdrawn.
    if (correcting && /(?:\bnot|而非|而不是|並非|并非)\s?$/.test(norm.slice(Math.max(0, d.start - 8), d.start))) continue;
    let pool: { k: (typeof known)[number]; m: Mention }[] = [];
    if (described(d)) {
      const from = (source: 'fact' | 'statement') =>
        known.filter((k) => k.s.source === source).flatMap((k) => k.mentions.filter((m) => comparable(d, m)).map((m) => ({ k, m })));
      // The fact sheet wins over statements; statements count only where the fact sheet says nothing.
      pool = from('fact');
      if (!pool.length && !correcting) pool = from('statement');
    }
    if (!pool.length && d.kind === 'quantity' && SELF_NAMED_UNITS.has(d.unit)) {
      const [c0, c1] = clauseAround(norm, d.start, d.end);
      if (d.unit !== 'duration' || !NOT_A_SPAN.test(norm.slice(c0, c1))) {
        // A total (合計 …) and an amount each (每位 …) are different claims.
        const same = all
          .filter((k) => !correcting || k.s.source === 'fact')
          .flatMap((k) => k.mentions.filter((m) => m.kind === 'quantity' && m.unit === d.unit).map((m) => ({ k, m })));

        if (new Set(same.map(({ m }) => m.value)).size === 1) pool = same;
      }
    }
    // A total (合計 …) and an amount each (每位 …) are different claims.
    if (d.kind === 'quantity') {
      const [c0, c1] = clauseAround(norm, d.start, d.end);
      const dPer = PER_UNIT.test(norm.slice(c0, c1));
      const dTotal = TOTAL.test(norm.slice(c0, c1));
      pool = pool.filter(({ k }) => {
        const src = normalise(k.s.text);
        return !((dTotal && PER_UNIT.test(src)) || (dPer && TOTAL.test(src)));
      });
    }
    if (!pool.length || pool.some(({ m }) => sameValue(d, m))) continue;
    // A date the sources name for anything (「Retake scheduled for 10 December」, a plan the comparison sets aside) is a
    // date they know: it contradicts none of their other dates.
    if (d.kind === 'date') {
      sourceDates ??= new Set(sources.flatMap((s) => [...anyDates(normalise(s.text))]));
      if (sourceDates.has(d.name)) continue;
    }
    if (
      d.kind === 'quantity' &&
      d.unit.startsWith('noun:') &&
      statedWithoutNoun(
        norm,
        d.start,
        d.end,
        d.value,
        sources.map((s) => s.text),
      )
    )
      continue;
    if (
      d.kind === 'quantity' &&
      rangeHolds(
        norm,
        d.start,
        d.end,
        pool.map(({ m }) => m.value),
      )
    )
      continue;
    if (
      d.kind === 'quantity' &&
      vagueCountHolds(
        norm,
        d.start,
        d.end,
        pool.map(({ m }) => m.value),
      )
    )
      continue;
    // 「所稱受困遊客 18 名，應為 28 名」: in a correction, the value a 應為 follows is the one withdrawn.
    if (correcting && /^[^。.!?;]{0,8}?[，,]?\s?(?:应为|应是|更正为|改为|正确为)/.test(norm.slice(d.end))) continue;
    const { k, m } = pool[0];
    out.push({ start: d.start, end: d.end, rule: `fact.${d.kind}`, draft: d.text, ref: { ...k.s, excerpt: m.text } });
  }
  for (const z of zeroHarmConflicts(
    norm,
    sources.map((s) => s.text),
  )) {
    const s = sources[z.source];
    out.push({ start: z.start, end: z.end, rule: 'fact.zero_harm', draft: text.slice(z.start, z.end), ref: { ...s, excerpt: z.excerpt } });
  }
  for (const z of claimConflicts(
    norm,
    sources.map((s) => s.text),
  )) {
    const s = sources[z.source];
    out.push({ start: z.start, end: z.end, rule: 'fact.claim', draft: text.slice(z.start, z.end), ref: { ...s, excerpt: z.excerpt } });
  }
  for (const z of fifthRoundClaimConflicts(
    norm,
    sources.map((s) => s.text),
    sources.map((s) => s.source === 'fact'),
  )) {
    // The earlier comparisons name the exact thing (「card details」); a wider clause over it adds nothing.
    if (out.some((o) => o.start < z.end && z.start < o.end)) continue;
    const s = sources[z.source];
    out.push({ start: z.start, end: z.end, rule: 'fact.claim', draft: text.slice(z.start, z.end), ref: { ...s, excerpt: z.excerpt } });
  }
  for (const z of sixthRoundConflicts(
    norm,
    sources.map((s) => s.text),
    sources.map((s) => s.source === 'fact'),
  )) {
    if (out.some((o) => o.start < z.end && z.start < o.end)) continue;
    const s = sources[z.source];
    out.push({ start: z.start, end: z.end, rule: 'fact.claim', draft: text.slice(z.start, z.end), ref: { ...s, excerpt: z.excerpt } });
  }
  // One highlight per contradicted span: "35%" and "35% of orders" are the same claim.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((c, i) => !out.slice(0, i).some((o) => o.start < c.end && c.start < o.end));
}
