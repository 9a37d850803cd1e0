// More of what facts.ts compares (second tuning round): districts and countries as places, clock times that
// end or start an event, durations in words ("just under an hour"), and a "no one was hurt" claim against a
// fact sheet that counts the injured.
import { normalise } from '../../../platform/text/normalise.ts';

/** A place, clock time or worded duration found in a text; facts.ts adds its tags and compares it. */
export type ExtraMention = {
  kind: 'quantity' | 'place';
  start: number;
  end: number;
  unit: string;
  value: number;
  approx: boolean;
  name: string;
};

const c = (src: string, flags = 'g') => new RegExp(normalise(src), flags);
const CJK = '[\\u3400-\\u9fff]';
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  'half an': 0.5,
  'half a': 0.5,
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
};

type Compiled = {
  district: RegExp;
  country: RegExp;
  wordDuration: RegExp;
  clock: RegExp;
  zeroHarm: RegExp;
  harm: RegExp;
  count: RegExp;
  negated: RegExp;
  allRecovered: RegExp;
  allDone: RegExp;
  pending: RegExp;
  ongoingHarm: RegExp;
};
let cx: Compiled | undefined;
const START = new RegExp(normalise('began|start|開始|發生'));

function build(): Compiled {
  return {
    // A district only after its city (深圳市福田區, 台北市大安區): 社區, 園區 and 災區 never follow a city name.
    district: c(`(?:${CJK}{2}市|台北|新北|桃園|台中|台南|高雄)\\s?(${CJK}{2}區)`),
    country: c(
      '台灣|香港|澳門|中國大陸|日本|韓國|新加坡|馬來西亞|泰國|越南|菲律賓|\\b(?:taiwan|hong kong|macau|macao|mainland china|japan|south korea|korea|singapore|malaysia|thailand|vietnam|the philippines)\\b',
    ),
    wordDuration:
      /\b((?:just |a little |slightly |well )?(?:under|over|about|around|nearly|almost|less than|more than|roughly|approximately) )?(half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (hours?|minutes?)\b/g,
    // The time an event ended or started: "restored by 21:00", "於 18:30 恢復" is left to the clause tags.
    clock: c(
      '\\b(restored|resumed|back online|back up|fixed|ended|recovered|began|started|started at|began at)\\b[^.;。!?\\n]{0,16}?(?:by|at|around|before|shortly after|after)? ?(\\d{1,2}):(\\d{2})\\b|(恢復|復原|結束|開始|發生)\\s?(?:於|在)?\\s?(\\d{1,2}):(\\d{2})',
    ),
    zeroHarm: c(
      '(?:沒有|並無|並未有|未有|無)(?:任何)?(?:人|人員|民眾|旅客|乘客|員工|工人|學生|孩童|幼童|顧客|住戶)?(?:受傷|傷亡|死亡|送醫|住院|中毒|身體不適)|無人(?:受傷|傷亡|死亡|送醫|住院)|(?:人員|民眾|居民|旅客|乘客|員工|工人|學生|師生|孩童|幼童|顧客|住戶|遊客)(?:均|都|皆|全部|全都)(?:未|沒有)(?:受到?|遭到?)?(?:影響|波及|不適)|\\b(?:no one|nobody|no (?:people|person|passengers?|workers?|staff|customers?|students?|children|riders?|residents?|guests?)) (?:was |were |has been |have been |got )?(?:seriously |badly |critically |physically )?(?:hurt|injured|harmed|hospitali[sz]ed|killed|sickened)\\b|\\bno (?:injuries|casualties|deaths|fatalities) (?:were |have been )?(?:reported|caused)?',
    ),
    harm: c('受傷|傷者|輕傷|重傷|送醫|住院|就醫|死亡|身亡|罹難|骨折|injur|hospitali[sz]|intensive care|\\bicu\\b|died|killed|fatalit', ''),
    count: c(
      '\\d+\\s?(?:名|人|位|people|persons?|[a-z]+s)|[一二兩三四五六七八九十]+\\s?(?:名|人|位)|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|several|dozens of)\\b',
      '',
    ),
    negated: c('(?:沒有|並無|無人|無任何|no one|nobody|none|\\bno (?:injur|one))', ''),
    // "All have recovered and gone home": an all-clear about people, which a fact of someone still in intensive care,
    // still in hospital or dead contradicts (a fact that they were treated and went home does not).
    allRecovered: c(
      '(?:均|都|皆|全部|全都|全數|已全部)(?:已|已經)?(?:(?:在|於)[\\u3400-\\u9fff]{1,3})?(?:康復|痊癒|出院|返家|平安|無恙|脫離險境|無大礙)(?:出院|返家)?|\\b(?:all|everyone|everybody|all of them|all (?:of )?(?:the |those |our )?(?:\\w+ )?(?:[a-z]+s|staff|children|people)) (?:have |has |had )?(?:now |since |all |fully |already )*(?:recovered|been discharged|gone home|returned home|left hospital|are (?:now )?(?:home|safe and well|out of hospital|recovering at home))\\b',
    ),
    // 「所有旅客均已改搭其他航班」, "every customer has been refunded": everyone dealt with, which a fact of some still
    // waiting (仍有 43 名旅客滯留, "112 refunds are still pending") contradicts.
    allDone: c(
      `(?:所有|全部|全體|每一位|每位)${CJK}{0,8}(?:均|都|皆|全部|全數)?(?:已|已經)(?:改搭|改票|安置|返家|撤離|疏散|獲得|收到|完成|退款|退費|賠償|處理完畢|聯繫|通知)|(?:均|都|皆|全數)已(?:改搭|安置|撤離|疏散|退款|退費|完成退款|處理完畢)|\\b(?:every|each|all) (?:of )?(?:the |our )?(?:\\w+ )?(?:[a-z]+s|customer|passenger|guest|member|resident)\\b[^.;!?]{0,20}?\\b(?:has|have) (?:now |already |all )*(?:been (?:refunded|rebooked|compensated|contacted|evacuated|rehoused|paid)|received)\\b`,
    ),
    pending: c(
      `(?:仍有|尚有|還有|仍然有|目前仍有)\\s?${CJK}{0,6}\\s?\\d[\\d,]*\\s?(?:名|人|位|戶|件|筆|張)?|\\d[\\d,]*\\s?(?:名|人|位|戶|件|筆)${CJK}{0,8}(?:仍|尚未|未能|還沒)|\\b\\d[\\d,]*\\b[^.;!?]{0,40}?\\b(?:still|remain|remains|yet to|awaiting|pending|outstanding)\\b|\\b(?:still|remain|remains)\\b[^.;!?]{0,30}?\\b\\d[\\d,]*\\b`,
      '',
    ),
    ongoingHarm: c(
      '加護病房|重症|插管|病危|昏迷|仍在住院|仍住院|尚未出院|仍在治療|仍在搶救|住院治療中|住院觀察|住院中|死亡|身亡|罹難|過世|intensive care|\\bicu\\b|critical condition|still in hospital|remains? in hospital|died|killed|fatalit',
      '',
    ),
  };
}

/** Districts, countries, clock times and worded durations in a normalised text. */
export function extraMentions(norm: string): ExtraMention[] {
  cx ??= build();
  const out: ExtraMention[] = [];
  for (const m of norm.matchAll(cx.district)) {
    const start = (m.index ?? 0) + m[0].length - m[1].length;
    out.push({ kind: 'place', start, end: start + m[1].length, unit: 'district', value: 0, approx: false, name: m[1] });
  }
  for (const m of norm.matchAll(cx.country)) {
    const start = m.index ?? 0;
    out.push({ kind: 'place', start, end: start + m[0].length, unit: 'country', value: 0, approx: false, name: m[0] });
  }
  for (const m of norm.matchAll(cx.wordDuration)) {
    const start = m.index ?? 0;
    const value = WORD_NUMBERS[m[2]] * (m[3].startsWith('hour') ? 60 : 1);
    out.push({ kind: 'quantity', start, end: start + m[0].length, unit: 'duration', value, approx: Boolean(m[1]), name: '' });
  }
  for (const m of norm.matchAll(cx.clock)) {
    const verb = m[1] ?? m[4];
    const hh = Number(m[2] ?? m[5]);
    const mm = Number(m[3] ?? m[6]);
    if (hh > 23 || mm > 59) continue;
    const unit = START.test(verb) ? 'clock:start' : 'clock:end';
    const digits = m[0].search(/\d{1,2}:\d{2}/);
    const start = (m.index ?? 0) + digits;
    out.push({ kind: 'quantity', start, end: (m.index ?? 0) + m[0].length, unit, value: hh * 60 + mm, approx: false, name: '' });
  }
  return out;
}

/** "No one was hurt" in a draft, where a fact counts someone injured, in hospital or dead: each claim and the fact's clause. */
export function zeroHarmConflicts(
  norm: string,
  sources: readonly string[],
): { start: number; end: number; source: number; excerpt: string }[] {
  cx ??= build();
  const claims = [...norm.matchAll(cx.zeroHarm)];
  const recovered = recoveredConflicts(cx, norm, sources);
  if (!claims.length) return recovered;
  const k = cx;
  let found: { source: number; excerpt: string } | undefined;
  sources.some((text, source) => {
    const clause = text.split(/[。.;；!?！？\n,，]/).find((cl) => {
      const n = normalise(cl);
      return k.harm.test(n) && k.count.test(n) && !k.negated.test(n);
    });
    if (clause) found = { source, excerpt: clause.trim() };
    return Boolean(clause);
  });
  if (!found) return recovered;
  const hit = found;
  return [...claims.map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, ...hit })), ...recovered];
}

/** 「均已康復出院」 in a draft, where a fact says someone is still in intensive care, in hospital or dead. */
function recoveredConflicts(k: Compiled, norm: string, sources: readonly string[]) {
  return [
    ...allClearConflicts(k, norm, sources, k.allRecovered, k.ongoingHarm),
    ...allClearConflicts(k, norm, sources, k.allDone, k.pending),
  ];
}

/** A draft's all-clear claim (`claim`) against the first fact clause that says some are not clear (`open`). */
function allClearConflicts(k: Compiled, norm: string, sources: readonly string[], claim: RegExp, open: RegExp) {
  const claims = [...norm.matchAll(claim)];
  if (!claims.length) return [];
  const claimed = new RegExp(claim.source);
  let found: { source: number; excerpt: string } | undefined;
  sources.some((text, source) => {
    const clause = text.split(/[。.;；!?！？\n,，]/).find((cl) => {
      const n = normalise(cl);
      return open.test(n) && !k.negated.test(n) && !claimed.test(n);
    });
    if (clause) found = { source, excerpt: clause.trim() };
    return Boolean(clause);
  });
  if (!found) return [];
  const hit = found;
  return claims.map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, ...hit }));
}
