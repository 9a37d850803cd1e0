// Personal data in a draft: Taiwan ID numbers (checksum-valid), phone numbers, e-mail, street addresses,
// order numbers and person names given with context. A company's own service line is not personal data.
import { normalise } from '../../../platform/text/normalise.ts';
import type { RawFinding } from './engine.ts';
import { isValidTaiwanId } from './taiwan-id.ts';

const CJK = '[\\u3400-\\u9fff]';
/** Common Taiwanese and Chinese surnames (Traditional; compiled through normalise()). */
const SURNAMES =
  '王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡余杜葉程蘇魏呂丁任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔湯洪賴莊簡柯翁施游詹胡';
const SURNAME = `[${SURNAMES}]`;
const SUBJECT =
  '(?:該名|這名|這位|那位|該位|該|涉事|涉案)?(?:顧客|消費者|客人|客戶|會員|員工|店員|工讀生|患者|病患|家屬|當事人|投訴者|投訴人|客訴者|檢舉人|爆料者|網友|買家|買方|賣方|車主|屋主|房東|房客|租客|觀眾|乘客|住戶|民眾|學生|家長|外送員|外送夥伴|司機|志工|義工|玩家|選手|學員|遊客|旅客|住客|病人|同學)';
const MASK = '[○〇o*x●◯□ㄇ]';
/** A name is followed by punctuation, an honorific or a verb-like word — not by more of a common word. */
const NAME_END =
  '(?=$|[,。;、)」\\s!?:(]|先生|小姐|女士|太太|於|在|曾|多次|一再|表示|要求|投訴|反映|聲稱|稱|指|已|位於|目前|家中|住處|現在|現已|仍|的|向|來|到|因|並|則|就|也|又|與|和)';
const COMPLAINT =
  'placed by|order|e-mail|email|信箱|身分證|身份證|手機|通報|飼主|posted|video|review|incident|accident|injur|refund|called|reported|passenger|guest|顧客|消費者|客人|客戶|客訴|投訴|抱怨|要求|退款|退貨|索賠|賠償|該名|這位|當事人|鬧事|反映|無理|騷擾|辱罵|爭執|糾紛|訂單|customer|complain|車禍|事故|受傷|住在|住址|電話';
const SERVICE_CONTEXT =
  '(?:客服|專線|服務|熱線|免付費|總機|總公司|門市|媒體|記者|聯絡窗口|洽詢|公關|hotline|service|call us|contact|toll|media|press|enquir|inquir|helpline|customer care|來信|來電|致電|撥打|reach (?:us|our)|our (?:\\w+ )?office)';
const COMPANY_PLACE =
  '(?:門市|分店|本店|店址|公司|總部|營業|地點|舉行|舉辦|會場|記者會|工廠|廠區|會址|院址|校址|館址|社址|本會|親至|our (?:[a-z-]+ )?(?:store|office|headquarters|shop|branch|plant|factory|clinic)|head[- ]office|office at|headquarters at|located at|held at)';

/** `check` says whether a match counts; a number is where the match really ends. */
type PiiPattern = {
  id: string;
  re: RegExp;
  check?: (norm: string, start: number, end: number, original: string) => boolean | number | [number, number];
};

let patterns: PiiPattern[] | undefined;

function compile(src: string, flags = 'g'): RegExp {
  return new RegExp(normalise(src), flags);
}

function before(norm: string, start: number, n: number): string {
  return norm.slice(Math.max(0, start - n), start);
}

function build(): PiiPattern[] {
  const service = compile(`${SERVICE_CONTEXT}`, '');
  const companyPlace = compile(COMPANY_PLACE, '');
  const complaint = compile(`(?:${COMPLAINT})`, '');
  /** Words after a surname character that make it a title or a common word, not a given name. */
  const roomPerson = compile('guest|patient|passenger|resident|tenant|customer|\\bmrs?\\b|\\bms\\b|房客|病患|病人|旅客|住客|顧客', '');
  const publicRole = compile(
    '\\b(?:spokes(?:person|man|woman)|chief|ceo|cfo|coo|chair(?:man|woman|person)?|president|director|manager|head of|officer|founder|counsel|lawyer|attorney|minister|mayor|professor|principal|superintendent|commissioner|secretary|dr\\.?|our (?:[a-z-]+ )?(?:lead|physician|doctor|pharmacist|engineer|captain|pilot))\\b',
    '',
  );
  const roomMeeting = compile('press|media|meeting|conference|briefing|記者會|會議|說明會', '');
  // 家 starts given names (家豪) as well as 家長/家人/家屬.
  const notGiven = compile('^(?:經理|董事|主任|老師|醫師|律師|記者|代表|家(?:長|人|屬)|[總副客方人員大小老各位])', '');
  // 「+886 2 2712 0098 (press office)」: a number labelled in brackets right after it as the organisation's line.
  const serviceAfter = compile(`^\\s?[(（]\\s?${SERVICE_CONTEXT}`, '');
  // 「我們已致電那位…的吳小姐（0955-…）」: a number right after a person's honorific is that person's, even when a
  // word like 致電 stands before it.
  const ownerBefore = compile(
    `${SURNAME}${CJK}{0,2}(?:小姐|先生|女士|太太|同學|媽媽|爸爸)\\s?[(（,:：]?\\s?$|\\b(?:mr|mrs|ms|miss)\\.? [a-z]+(?: [a-z]+)?,? (?:on|at)? ?$`,
    '',
  );
  // A spokesperson's line for the press (「Press enquiries go to our spokesperson, Ms. Rachel Wu, on 02-…」) is the
  // organisation's, not hers.
  const notService = (norm: string, start: number, end = start) => {
    const owner = ownerBefore.test(before(norm, start, 12));
    if (publicRole.test(before(norm, start, 60)) && roomMeeting.test(before(norm, start, 80))) return false;
    return owner || (!service.test(before(norm, start, 30)) && !serviceAfter.test(norm.slice(end, end + 30)));
  };
  /** Another kind of personal data right after a name (張雅琪（身分證 …）, 王小明，手機 …): the name belongs to that person. */
  const dataAfter = compile('^\\s?[(（,:]?\\s?(?:身分證|身份證|證號|手機|電話|信箱|電子信箱|電郵|email|e-mail|地址|住址|生日|出生)', '');
  const notCompany = (norm: string, start: number) => !companyPlace.test(before(norm, start, 14));
  const companyAfter = compile('^\\s?(?:的)?(?:總公司|總部|服務中心|服務台|服務處|客服|門市|分店|營業所|辦公室|本公司|公司)', '');
  return [
    {
      id: 'pii.tw_id',
      re: /(?<![a-z0-9])[a-z][1289]\d{8}(?!\d)/g,
      check: (_n, s, e, original) => isValidTaiwanId(original.slice(s, e)),
    },
    {
      // A mainland resident ID (18 characters: region, birth date, sequence, check): a real date in the middle.
      id: 'pii.cn_id',
      re: /(?<![a-z0-9])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![a-z0-9])/g,
    },
    { id: 'pii.mobile_cn', re: /(?<![\d+])(?:\+86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, check: notService },
    { id: 'pii.mobile', re: /(?<![\d+])(?:\+886[- ]?|\(?0)9\d{2}\)?[- ]?\d{3}[- ]?\d{3}(?!\d)/g, check: notService },
    {
      id: 'pii.landline',
      re: /(?<![\d+])(?:\(0\d{1,2}\)[- ]?\d{3,4}-?\d{4}|0\d{1,2}-\d{3,4}-?\d{4}|0[2-8]\d{7,8}|\+886[- ]?[2-8][- ]?\d{3,4}[- ]?\d{4})(?!\d)/g,
      check: (norm, s, e) => !/^\(?0800/.test(norm.slice(s, e)) && notService(norm, s, e),
    },
    {
      id: 'pii.email',
      re: /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}/g,
      check: (norm, s, e) =>
        !/^(?:service|support|info|contact|pr|press|media|cs|help|customer|hello|admin|noreply|no-reply|legal|care|news|feedback)[@.]/.test(
          norm.slice(s, e),
        ) && notService(norm, s),
    },
    {
      id: 'pii.address_zh',
      re: compile(
        `(?:(?:台北|新北|桃園|台中|台南|高雄|基隆|新竹|嘉義|苗栗|彰化|南投|雲林|屏東|宜蘭|花蓮|台東|澎湖|金門|連江)[市縣])?(?:${CJK}{1,3}[區鄉鎮市])?${CJK}{1,4}(?:路|街|大道)(?:[一二三四五六七八九十0-9]{1,2}段)?\\s?(?:[0-9]{1,4}\\s?巷\\s?)?(?:[0-9]{1,4}\\s?弄\\s?)?[0-9]{1,5}(?:之[0-9]{1,3})?\\s?號(?:\\s?[0-9]{1,3}\\s?樓)?(?:之[0-9]{1,3})?`,
      ),
      // 「瑞光路 518 號總公司服務中心」: the organisation's own place, named after the address.
      check: (norm, s, e) => notCompany(norm, s) && !companyAfter.test(norm.slice(e, e + 10)),
    },
    {
      id: 'pii.address_en',
      re: /\b(?:\d{1,5}(?: [a-z]+){1,3} (?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl)\b\.?(?:,? (?:apt|apartment|suite|unit|#) ?\w{1,6})?|no\. ?\d{1,5}(?:-\d{1,3})?,? (?:(?:lane|ln\.?|alley|aly\.?) \d{1,4},? ){0,2}(?:(?:sec\.?|section) ?\d,? )?[a-z]+(?: [a-z]+)? (?:rd|road|st|street|blvd|boulevard|ave|avenue)\b\.?)/g,
      check: (norm, s) => notCompany(norm, s),
    },
    {
      id: 'pii.order_number',
      re: compile(
        '(?:booking (?:ref(?:erence)?|no\\.?|number)|ticket (?:no\\.?|number)|account (?:no\\.?|number)|tracking (?:no\\.?|number)|(?:訂房|訂位|訂票|預約|報名|掛號|保單|包裹|託運|運單|物流|維修|報案)(?:編號|號碼|代號|序號|單號)|訂位代號|票號|追蹤碼|員工編號|工號|會員編號|會員號碼|會員卡號|學號|病歷號碼?|employee (?:id|no\\.?|number)|member(?:ship)? (?:id|no\\.?|number)|訂單(?:編號|號碼|號|序號)?|單號|交易序號|交易編號|發票號碼|order ?(?:no\\.?|number|#|id|ref)|order#)\\s{0,2}(?:(?:[:#是為]|is\\b|was\\b)\\s{0,2})?[a-z0-9][a-z0-9-]{3,29}(?![筆件張個份])',
      ),
      // A reference code has digits in it (QX7H2P, 20261130-0088); "order number is pending" has none. In a reply to the
      // customer herself (「您的遺失件（訂單編號 …）」) it is her own data, not published about her.
      check: (norm, s, e) => /\d[a-z-]*\d/.test(norm.slice(s, e)) && !/(?:您的|你的|\byour\b)/.test(before(norm, s, 16)),
    },
    {
      // "their booking, order WD-20261214-0052": a reference code right after the bare word order/booking/訂單.
      id: 'pii.order_number',
      re: /\b(?:order|booking|reservation|ticket)s? (?:[a-z]{1,4}-?\d[\d-]{4,24}\d|\d{8,20})(?![\w-])/g,
    },
    {
      // "who lives on Zhongzheng Road in Zhubei": where a person lives, even without a house number.
      id: 'pii.address_en',
      re: /\b(?:lives?|living|lived|resides?|residing|resided|home is|house is) (?:on|at|in) ((?:[a-z]+ ){1,3}(?:road|street|avenue|boulevard|lane|alley|rd|st)\b(?: in [a-z]+(?: [a-z]+)?)?)/g,
      check: (norm, s, e) => {
        const at = norm.slice(s, e).search(/ (?:on|at|in) /) + 4;
        return [s + at, e];
      },
    },
    {
      id: 'pii.surname_only',
      re: compile(
        `${SURNAME}姓(?:男子|女子|男|女|員工|顧客|消費者|客人|店員|學生|同學|學童|幼童|孩童|小朋友|患者|病人|司機|外送員|民眾|婦人|老翁|少年|少女|乘客|旅客|遊客|房客|住客|會員|玩家|選手|志工|網友)`,
      ),
    },
    {
      id: 'pii.other_ids',
      re: compile(
        '(?:車牌(?:號碼)?|license plate|line ?id|微信號?|wechat(?: id)?|qq ?號?(?:碼)?|護照號碼|passport (?:no\\.?|number))\\s{0,2}[:#]?\\s{0,2}[a-z0-9][a-z0-9._-]{2,19}',
      ),
    },
    {
      id: 'pii.birth_date',
      re: compile(
        '(?:生日|出生(?:日期|年月日)?|date of birth|born on|dob)\\s{0,2}[:：]?\\s{0,2}(?:\\d{2,4}[年/.-]\\d{1,2}[月/.-]\\d{1,2}日?|\\d{1,2}/\\d{1,2}/\\d{2,4})',
      ),
    },
    {
      // 「真實姓名劉建國」: a real name disclosed as such.
      id: 'pii.name_with_subject',
      re: compile(`(?:真實姓名|真名|本名)(?:為|是|叫)?\\s?[:：]?\\s?${SURNAME}${CJK}{1,2}`),
    },
    {
      id: 'pii.name_with_data',
      re: compile(
        `${SURNAME}${CJK}{1,2}(?=\\s?[(（,:]?\\s?(?:身分證|身份證|證號|手機|電話|信箱|電子信箱|電郵|email|e-mail|地址|住址|生日|出生))`,
      ),
      check: (norm, s, e) => {
        // A full name is two or three characters after a non-name character; not a title (經理), not the organisation's line.
        const given = norm.slice(s + 1, e);
        if (notGiven.test(given) || /[一二三四五六七八九十日月年號]/.test(given) || !dataAfter.test(norm.slice(e))) return false;
        return !service.test(before(norm, s, 20)) && !companyPlace.test(before(norm, s, 6));
      },
    },
    { id: 'pii.card', re: /(?<!\d)\d{4}[- ]\d{4}[- ]\d{4}[- ]\d{4}(?!\d)/g },
    {
      // 「例如：劉志明，0911 254 378」, 「李宗翰（A176703673）」: a full name right before a mobile number or an ID.
      id: 'pii.name_with_data',
      re: compile(`${SURNAME}${CJK}{1,2}(?=\\s?[(（,，:：]\\s?(?:(?:\\+886|0)\\s?9\\d{2}[- ]?\\d{3}[- ]?\\d{3}|[a-z][12]\\d{8})(?!\\d))`),
      check: (norm, s, e, original) => {
        const given = norm.slice(s + 1, e);
        if (notGiven.test(given) || /[一二三四五六七八九十日月年號]/.test(given)) return false;
        const id = /[a-z][12]\d{8}/i.exec(original.slice(e, e + 14));
        if (id && !isValidTaiwanId(id[0])) return false;
        return !service.test(before(norm, s, 20)) && !companyPlace.test(before(norm, s, 6));
      },
    },
    {
      // A guest's room or a patient's bed (Mrs. Tsai from room 1208) places the person; a meeting room does not.
      id: 'pii.room',
      re: compile(
        '(?:\\b(?:room|bed|cabin|seat) (?:no\\.? ?|number |#)?\\d{2,5}[a-z]?\\b|(?:房號|病床|床號|座位)\\s?[:：]?\\s?\\d{2,5}|\\d{2,5}\\s?(?:號房|病房))',
      ),
      check: (norm, s, e) =>
        roomPerson.test(norm.slice(Math.max(0, s - 40), e + 10)) && !roomMeeting.test(norm.slice(Math.max(0, s - 30), e + 10)),
    },
    { id: 'pii.masked_name', re: compile(`${SURNAME}${MASK}{1,2}${CJK}?(?![a-z])`) },
    {
      id: 'pii.name_with_subject',
      re: compile(`${SUBJECT}(?:為|是|叫|名叫|名為|本名|姓名|全名)?\\s?[:(「『 ]?\\s?${SURNAME}${CJK}{1,2}${NAME_END}`),
      check: (norm, s, e) => !/^(?:述|度|面|式|法|向|時|處|末|邊|額|況|等|及|們|行|立|湖|上|下|時|期|品|此|情)/.test(nameTail(norm, s, e)),
    },
    {
      // 「受傷騎士陳冠宇位於…」, 「受伤骑手刘建国目前在…」: a role in an incident, then a full name; the span is the name.
      id: 'pii.name_with_subject',
      re: compile(
        `(?:傷者|傷患|騎士|騎手|外送騎士|外賣騎手|快遞員|送貨員|駕駛|行人|住民|長者|幼童|學童|孩童)${SURNAME}${CJK}{1,2}${NAME_END}`,
      ),
      check: (norm, s, e) => {
        const m = compile(`${SURNAME}${CJK}{1,2}$`, '').exec(norm.slice(s, e));
        return m && !/^(?:述|度|面|式|法|向|時|處|末|邊|額|況|等|及|們|行|立|湖|上|下|時|期|品|此|情)/.test(m[0].slice(1))
          ? [s + m.index, e]
          : false;
      },
    },
    {
      id: 'pii.honorific_name',
      re: compile(`(?<!${CJK}{2}[司部處長])${SURNAME}(?:小姐|先生|女士|太太|媽媽|爸爸|同學|老先生|老太太)`),
      check: (norm, s) => {
        const from = Math.max(0, s - 40);
        return complaint.test(norm.slice(from, s + 40));
      },
    },
    {
      // A full name before the honorific (陳志豪先生), in the same complaint or incident context.
      id: 'pii.honorific_name',
      re: compile(`(?<!${CJK}{2}[司部處長])${SURNAME}(${CJK}{2})(?:小姐|先生|女士|太太|同學|小朋友)`),
      check: (norm, s, e) => {
        const given = norm.slice(s + 1, s + 3);
        if (notGiven.test(given)) return false;
        return complaint.test(norm.slice(Math.max(0, s - 40), e + 40));
      },
    },
    {
      id: 'pii.name_en',
      re: /\b(?:customer|client|patient|guest|employee|staff member|passenger|complainant|consumer|diner|shopper|buyer|user|driver|courier|cashier|clerk|nurse|rider|worker|member of staff|student|resident|tenant|viewer|runner|visitor|travell?er|parent|mother|father|pupil|caller|victim|applicant|participant|player|member|owner|boy|girl|child|man|woman)s?(?: (?:involved|concerned|in question|affected|responsible|at fault|on duty(?: that (?:night|day|morning|evening|shift))?|in (?:room|flat|unit|seat) [a-z0-9-]{1,8}))?,? (?:named |called |surnamed )?(?:(?:mr|mrs|ms|miss|dr)\.? [a-z]+(?: [a-z]+)?|[a-z]+ (?:['‘"“][a-z]+['’"”] )?[a-z]+(?:-[a-z]+)?)\b/g,
      check: (_n, s, e, original) => englishNameEnd(original, s, e),
    },
    {
      // "a 43-year-old teacher from Hsinchu named Chen Wei": a person described, then named.
      id: 'pii.name_en',
      re: /\b(?:man|woman|boy|girl|teacher|student|worker|driver|passenger|patient|customer|guest|resident|victim|child|mother|father|rider|nurse|employee|tenant)\b[^.!?;\n]{0,40}?\bnamed [a-z]+ [a-z]+(?:-[a-z]+)?\b/g,
      check: (norm, _s, e, original) => {
        const at = norm.lastIndexOf('named ', e) + 6;
        const words = original.slice(at, e).split(' ');
        return words.every((w) => /^[A-Z][a-z'’-]+$/.test(w) && !NOT_A_NAME.test(w)) ? [at, e] : false;
      },
    },
    {
      // "Jessica Wang, the mother of the injured child": a full name with the role that ties it to the incident.
      id: 'pii.name_en',
      re: /\b[a-z]+ [a-z]+(?=, (?:the|a|an|our) (?:[a-z-]+ ){0,2}(?:mother|father|parent|wife|husband|son|daughter|sister|brother|owner|driver|passenger|customer|patient|victim|student|pupil|employee|guest|resident|complainant|nurse|teacher|child|boy|girl|rider|runner|tenant)\b)/g,
      check: (_n, s, e, original) => {
        const words = original.slice(s, e).split(' ');
        return words.every((w) => /^[A-Z][a-z'’-]+$/.test(w) && !NOT_A_NAME.test(w));
      },
    },
    {
      id: 'pii.name_en',
      re: /\b(?:mr|mrs|ms|miss)\.? [a-z]+(?: [a-z]+)?\b/g,
      // Every "Mr./Ms. X" in the sets is a customer or someone harmed; a spokesperson or an executive comes with the
      // role (spokesperson, chief executive …), so without one near, the honorific name is a private person's.
      check: (norm, s, e, original) =>
        (complaint.test(norm.slice(Math.max(0, s - 60), e + 60)) || !publicRole.test(norm.slice(Math.max(0, s - 50), e + 40))) &&
        englishNameEnd(original, s, e),
    },
  ];
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr)\.?$/i;
const NOT_A_NAME =
  /^(?:service|support|care|relations|center|centre|team|experience|data|privacy|complaints?|feedback|safety|who|and|or|the|of|in|at|on|was|is|has|had|protection|officer|office|bureau|department|agency|commission|council|ministry|authority)$/i;

/** Where an English name given with context starts and ends (honorific and capitalised words only), or false when there is none. */
function englishNameEnd(original: string, s: number, e: number): [number, number] | false {
  const text = original.slice(s, e);
  const re = /[^\s,]+/g;
  let end = -1;
  let begin = -1;
  let honorific = false;
  let names = 0;
  let first = true;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    if (first && !HONORIFIC.test(w)) {
      first = false;
      continue; // the context word (customer, guest …)
    }
    first = false;
    if (/^(?:named|called)$/i.test(w)) continue;
    if (
      names === 0 &&
      /^(?:involved|concerned|in|question|affected|responsible|at|fault|on|duty|that|night|day|morning|evening|shift|room|flat|unit|seat|[a-z0-9]{0,3}-?\d[a-z0-9-]*,?)$/i.test(
        w,
      )
    )
      continue;
    if (names > 0 && /^['‘"“][A-Z][a-z]+['’"”]$/.test(w)) continue; // a nickname in quotes: Lin 'Rook' Yu-chen
    if (/^surnamed$/i.test(w)) {
      honorific = true;
      continue;
    }
    if (HONORIFIC.test(w)) {
      honorific = true;
      if (begin < 0) begin = m.index;
      continue;
    }
    if (!/^[A-Z][a-z'’-]+$/.test(w) || NOT_A_NAME.test(w)) break;
    names++;
    if (begin < 0) begin = m.index;
    end = m.index + w.length;
  }
  return names > 0 && (honorific || names >= 2) ? [s + begin, s + end] : false;
}

/** The part after the surname of a subject + name match. */
function nameTail(norm: string, s: number, e: number): string {
  const m = compile(`${SURNAME}${CJK}{1,2}$`, '').exec(norm.slice(s, e));
  return m ? m[0].slice(1) : '';
}

/** Personal-data findings in normalised text (offsets shared with the original). */
export function findPersonalData(norm: string, original: string): RawFinding[] {
  patterns ??= build();
  const out: RawFinding[] = [];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(norm); m; m = p.re.exec(norm)) {
      let start = m.index;
      let end = start + m[0].length;
      if (end === start) {
        p.re.lastIndex++;
        continue;
      }
      const ok = p.check ? p.check(norm, start, end, original) : true;
      if (ok === false) continue;
      if (typeof ok === 'number') end = ok;
      else if (Array.isArray(ok)) [start, end] = ok;
      out.push({ category: 'personal_data', rule: p.id, start, end });
    }
  }
  return out;
}

const LABELS: Record<string, { zh: string; en: string }> = {
  'pii.tw_id': {
    zh: '身分證字號 {x} 通過檢查碼驗證，是真實格式的個人資料。',
    en: 'The national ID number {x} passes the checksum: it is real-format personal data.',
  },
  'pii.mobile_cn': { zh: '手機號碼 {x} 是個人資料。', en: 'The mobile number {x} is personal data.' },
  'pii.mobile': { zh: '手機號碼 {x} 是個人資料。', en: 'The mobile number {x} is personal data.' },
  'pii.landline': { zh: '電話號碼 {x} 可能是個人的聯絡方式。', en: 'The phone number {x} may be a person’s contact number.' },
  'pii.email': { zh: '電子郵件 {x} 是個人資料。', en: 'The e-mail address {x} is personal data.' },
  'pii.address_zh': { zh: '地址「{x}」可識別個人住處。', en: 'The address "{x}" can identify where a person lives.' },
  'pii.address_en': { zh: '地址「{x}」可識別個人住處。', en: 'The address "{x}" can identify where a person lives.' },
  'pii.order_number': { zh: '訂單資料「{x}」可識別特定顧客。', en: 'The order details "{x}" identify a specific customer.' },
  'pii.surname_only': { zh: '「{x}」加上事件脈絡可識別當事人。', en: '"{x}" identifies the person in context.' },
  'pii.other_ids': { zh: '「{x}」可識別特定個人。', en: '"{x}" identifies a specific person.' },
  'pii.birth_date': { zh: '出生日期「{x}」是個人資料。', en: 'The date of birth "{x}" is personal data.' },
  'pii.room': { zh: '房號或床號「{x}」連同當事人可識別個人。', en: 'The room or bed "{x}", with the person named, identifies them.' },
  'pii.cn_id': { zh: '身分證號碼 {x} 是個人資料。', en: 'The resident ID number {x} is personal data.' },
  'pii.card': { zh: '卡號 {x} 是個人資料。', en: 'The card number {x} is personal data.' },
  'pii.masked_name': {
    zh: '遮蔽的姓名「{x}」加上事件脈絡仍可識別當事人。',
    en: 'The masked name "{x}" still identifies the person in context.',
  },
  'pii.name_with_subject': { zh: '點名當事人「{x}」會揭露其個人資料。', en: 'Naming "{x}" discloses their personal data.' },
  'pii.name_with_data': {
    zh: '姓名「{x}」與其他個人資料並列，可直接識別當事人。',
    en: 'The name "{x}" next to other personal data identifies the person directly.',
  },
  'pii.honorific_name': { zh: '「{x}」在客訴脈絡中可識別當事人。', en: '"{x}" identifies the complainant in context.' },
  'pii.name_en': { zh: '點名當事人「{x}」會揭露其個人資料。', en: 'Naming "{x}" discloses their personal data.' },
};

/** A specific message for a personal-data finding. */
export function personalDataMessage(rule: string, excerpt: string, locale: 'zh-TW' | 'en'): string | undefined {
  const l = LABELS[rule];
  return l ? (locale === 'en' ? l.en : l.zh).replace('{x}', excerpt) : undefined;
}
