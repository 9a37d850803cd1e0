// Structural rules of the sixth round (issue 6): each is the shape behind a kind of wording the fourth holdout (h3,
// retired into tuning once its score was reported) showed the rules did not know, written over word classes rather than
// the holdout's phrases — legal liability borne with any verb of bearing, legal fault the organisation "has", its own
// act judged reckless; a conditional apology whatever stands between "if someone" and the feeling; the incident made
// small in an apology; a critic placed on a rival's payroll, a critic's past misdeed raked up, "not a word is true" of a
// person, extortion in other words; an agenda or hidden motives behind unnamed critics, the organisation "itself a
// victim"; the law recited at those who share, every post preserved; a hedge by proportion (九成是…); a problem said to
// belong to an outside party with the organisation declared not liable or compliant, "we merely passed it on"; 100%
// with any verb of preventing, "a thing of the past". Chinese is written Traditional and matches Simplified through
// normalise(); wordings of our own and hard negatives are in structure-4.test.ts.
import type { PhraseRule } from './engine.ts';
import { AP, CJK, OWNS_IT, SPECULATIVE } from './rules-structure.ts';

/** The organisation speaking of itself (not 公司 alone, which ends many outside parties' names). */
const SELF_ZH = `(?:我們|我方|我司|本公司|敝公司|本集團|我(?:館|院|校|行|店|會|中心|園|廠)|本院|本校|本館|本店|本行|本廠|本園|本中心|本會|本社|本台|本報|本品牌|本人|(?:本|敝)${CJK}{1,3})`;
/** Verbs of bearing a burden. */
const BEAR_ZH =
  '(?:概括承受|概括承擔|一肩扛起|一肩承擔|一肩扛下|全數承擔|全額承擔|全部承擔|完全承擔|承擔|承受|扛起|扛下|負起|擔起|擔負|負擔)';
/** Negation or condition just before a claim. */
const NOT_ZH = '(?:不|不會|不必|不須|不需|無須|無需|毋須|不應|不該|拒絕|否認|是否|若|如果|倘若|一旦|假如|並非|不是|沒有|並未)~3$';
/** People who might feel something, in an apology's condition. */
const PEOPLE_ZH =
  '(?:人|朋友|大家|您|各位|顧客|客人|消費者|會員|用戶|使用者|家長|學生|旅客|乘客|讀者|觀眾|網友|民眾|粉絲|病患|患者|住戶|房客|車主|鄰居|居民|同仁|員工|夥伴|玩家|聽眾)';
/** Feelings an apology's condition puts on the reader. */
const FEEL_ZH =
  '(?:不舒服|不適|不悅|不愉快|失望|被冒犯|冒犯|不妥|不當|欠妥|不恰當|受傷|困擾|不滿|不安|不便|被誤導|誤導|難過|委屈|不好的感受|反感|生氣|憤怒|不開心|不被尊重|冒昧)';
const APOLOGY_ZH = '(?:致歉|道歉|抱歉|歉意|對不起|說聲抱歉|致上歉意|表示遺憾|深感遺憾|感到遺憾)';
/** Someone speaking against the organisation, identifiable in the text. */
const CRITIC_ZH =
  '(?:爆料者|爆料的人|爆料人|發文者|發文的人|發帖人|發帖的人|發帖者|貼文者|留言者|帶頭的|帶頭罵的|那個帳號|該帳號|這個帳號|網紅|博主|部落客|youtuber|直播主|記者|前員工|前助理|前店長|前主管|前同事|離職員工|投訴者|客訴者|檢舉人|原po|那位|那名|這位|這名|該名|那個人|這個人|此人|對方|她|他)';
/** A rival of the organisation. */
const RIVAL_ZH = '(?:競爭對手|對手|同業|同行|競品|友商|其他品牌|別家|對家|競爭品牌)';
/** Misdeeds raked up about a person. */
const MISDEED_ZH = '(?:偷|盜|竊|侵占|侵佔|挪用|詐騙|詐欺|收賄|貪污|造假|作假|性騷擾|騷擾|吸毒|酒駕|霸凌|浮報|盜用|A錢)';
/** Sharing or posting, by anyone. */
const SHARE_ZH = '(?:轉傳|轉貼|轉發|轉載|分享|散布|散播|傳播|留言|發文|張貼|發布|按讚|跟風|起鬨|轉推)';
/** Outside parties, broadly: any company, vendor or office named as the agent. */
const OUTSIDE_ANY_ZH = `(?:${CJK}{0,8}(?:公司|廠商|業者|承包商|包商|外包商|供應商|代工廠|協力廠|單位|機構|局|處|所|廠)|維保廠商|保全|物業|管委會|房東|業主|原廠|平台方|上游)`;

export const structureRules4: PhraseRule[] = [
  // liability_admission -------------------------------------------------------------------------------------------
  {
    // 「相關法律責任本公司將概括承受」, 「所有法律上的責任，本集團願意一肩扛起」: legal liability borne, either word order.
    id: 'liability.bears_legal_zh',
    category: 'liability_admission',
    re: `(?:法律(?:上的)?|賠償|民事|刑事)(?:的)?責任~14${SELF_ZH}~8${BEAR_ZH}|${SELF_ZH}~10${BEAR_ZH}~6(?:所有|全部|一切|相關|完全|全部的|任何)?(?:的)?(?:法律(?:上的)?|賠償|民事)(?:的)?責任`,
    notBefore: NOT_ZH,
    notIn: `(?:不會|不必|不須|不需|無須|無需|毋須|不應|不該|拒絕|否認|無意|不願|未必|是否)(?:${BEAR_ZH}|為)?`,
    notSentence: '(?:是否|若經|如經|倘若|一旦(?:確認|查明|證實)|待(?:調查|釐清|法院)|由法院|判決|歸屬)',
  },
  {
    // 「公司在此事件中具有法律上的過錯」, 「這是小橡樹幼兒園不可推卸的過失」: the organisation has the fault, or the fault is its.
    id: 'liability.has_fault_zh',
    category: 'liability_admission',
    re: `(?:具有|存在|確有|負有|有)(?:明顯|重大|嚴重)?(?:的)?法律上?(?:的)?(?:過錯|過失|疏失|可歸責)|(?:是|為|屬|屬於|乃)${CJK}{0,10}(?:不可推卸|無可推卸|無法推卸|無可推諉|無從推諉|不容推卸|推卸不了|難以推卸|無可卸責)(?:的)?(?:過失|疏失|過錯|錯|失誤|錯誤|失職)`,
    notBefore: '(?:不|並不|沒有|並無|否認|是否|不存在|有無|若|如果)~2$',
    notIn: '(?:是否|有無|沒有|並無|不存在)',
    notSentence: '(?:是否|有無|釐清|若經|如經|待(?:調查|釐清))',
  },
  {
    // "we will bear all legal responsibilities", "shoulder every legal liability", "accept liability": bearing legal
    // liability with any verb. Not "take responsibility for making this right" (a duty), which names no law.
    id: 'liability.bears_legal_en',
    category: 'liability_admission',
    re: String.raw`\b(?:bear|bears|shoulder|shoulders|assume|assumes|accept|accepts|take on|carry|carries|admit|admits|acknowledge|acknowledges)\b(?: (?:all|every|any|full|the|complete|total|sole|entire|our|its))* (?:legal (?:liabilit(?:y|ies)|responsibilit(?:y|ies))|liabilit(?:y|ies))\b`,
    notBefore: String.raw`\b(?:not|never|no|cannot|can${AP}t|won${AP}t|will not|do not|don${AP}t|does not|refuse to|declines? to|whether|if|deny|denies|nor) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:whether|if (?:it is|we are) found|court (?:will|to) decide|until|pending|alleg\w+|any finding|should (?:the|an) (?:investigation|court))\b`,
  },
  {
    // "Keeping the old server online after the warning was reckless", "It was reckless of us to …": the organisation's
    // own act judged negligent.
    id: 'liability.own_act_reckless_en',
    category: 'liability_admission',
    re: [
      String.raw`(?:^|[.!?;]\s?)[a-z]+ing\b[^.!?;\n]{0,90}? (?:was|were) (?:clearly |simply |plainly |grossly |both |deeply )?(?:reckless|negligent|careless|irresponsible|inexcusable|indefensible)\b[^.!?;\n]{0,80}`,
      String.raw`\bit was (?:clearly |simply |plainly |grossly )?(?:reckless|negligent|careless|irresponsible|inexcusable) (?:of|on the part of) (?:us|our \w+|the company|management)\b`,
      String.raw`\b(?:our|the company${AP}s) (?:decision|choice|failure|delay|handling|response|conduct) (?:[\w-]+ ){0,6}?(?:was|were) (?:clearly |simply |grossly )?(?:reckless|negligent|careless|irresponsible|inexcusable)\b`,
    ].join('|'),
    // Whose act it was: a customer's or a driver's is someone else's (a warning from a vendor leaves the act ours).
    notSentence: String.raw`\b(?:driver|customer|passenger|rider|user|guest|patient|parent|visitor|he|she|they|them|claims? that|alleg\w+|whether|not|deny|denies|if)\b`,
  },

  // minimizing ----------------------------------------------------------------------------------------------------
  {
    // 「如果有家長因為這次童書的分齡標示而感到不舒服，我們在此致歉」: an apology conditioned on someone feeling bad,
    // whatever the cause between them; only with an apology after it (「若您仍感到不適，請就醫」 is advice).
    id: 'minimizing.conditional_feeling_zh',
    category: 'minimizing',
    re: `(?:如果|若|假如|要是|倘若|如|萬一)(?:有|讓|使|造成)?(?:任何|部分|少數|一些)?(?:的)?${CJK}{0,4}${PEOPLE_ZH}~28(?:感到|覺得|認為|感覺|以為|有|造成)~8${FEEL_ZH}(?=~24${APOLOGY_ZH})`,
    notBefore: '(?:不會說|不是說)~3$',
  },
  {
    // "To anyone who may have felt unsafe, we are sorry for how this came across": sorry to whoever "may have" felt it.
    id: 'minimizing.to_anyone_who_may_en',
    category: 'minimizing',
    re: String.raw`\bto (?:anyone|any(?: \w+){1,2}|those|all those|everyone|people|whoever|the (?:\w+ )?(?:few|some))\b(?: [\w'’-]+){0,3}? who (?:may|might|could) (?:have )?(?:felt|been|found|thought|taken|seen)\b[^.!?;\n]{0,60}?\b(?:sorry|apologi[sz]e|apologies|regret)\b`,
  },
  {
    // "We apologize if anyone was inconvenienced by the brief pause in the stream": the failure made small inside an
    // apology or a regret.
    id: 'minimizing.small_in_apology_en',
    category: 'minimizing',
    re: String.raw`\b(?:sorry|apologi[sz]e|apologies|regret)\b[^.!?;\n]{0,60}?\b(?:the|this|a|any|our) (?:brief|short|momentary|slight|minor|small|little|tiny|temporary|passing) (?:pause|hiccup|glitch|interruption|delay|outage|disruption|blip|lapse|mix-up|oversight|inconvenience|disturbance|wobble|slip)\b(?: in (?:the |our )?[\w-]+)?`,
    notSentence: String.raw`\b\d+ (?:minutes?|hours?|days?|customers?|users?|orders?|people)\b`,
  },

  // defamation ----------------------------------------------------------------------------------------------------
  {
    // 「明顯是收了對手車廠的業配」, 「根本就是拿了競爭品牌的錢」: a critic said to be paid, with any verb of taking.
    id: 'defamation.took_money_zh',
    category: 'defamation',
    re: `(?:根本|明顯|分明|擺明|顯然|肯定|一定|其實|就是|絕對)(?:就)?(?:是)?~4(?:收了|拿了|領了|收受|收|拿|領|吃了)~14(?:錢|業配|好處|酬勞|紅包|廣告費|車馬費|公關費|佣金|回扣)`,
    notBefore: '(?:不|並非|不是|沒有|從未|並未)~2$',
  },
  {
    // 「發帖人系競爭對手的公關人員」, "is on a rival chain's payroll": a critic placed in a rival's pay.
    id: 'defamation.rivals_agent',
    category: 'defamation',
    re: String.raw`(?:是|係|為|其實是|根本是|就是|分明是|明顯是)~4${RIVAL_ZH}${CJK}{0,6}?(?:的|派來的|請來的|找來的|雇來的|僱來的|安排的|養的|收買的)${CJK}{0,4}(?:公關|行銷|小編|員工|人員|寫手|網軍|打手|托兒?|槍手|職員|業務|枪手|暗樁|間諜|臥底)|\b(?:is|are|was|were) (?:on|in) (?:the |a |an )?(?:rival|competitor|competing)${AP}?s?\b[^.!?;\n]{0,24}\bpayroll\b|\b(?:works?|worked|working|is employed|was employed) (?:secretly )?for (?:a |the |one of our )?(?:rival|competitor)s?\b`,
    notBefore: `(?:不是|並非|並不是|沒有|not|never|no) ?~2$`,
  },
  {
    // 「當初就是因為偷拿公司的錢被我開除的」, "was fired for stealing", "convicted of fraud": a person's past misdeed.
    id: 'defamation.past_misdeed',
    category: 'defamation',
    re: String.raw`(?:因為|因)~6${MISDEED_ZH}~12(?:被|遭)(?:我|我們|公司|本公司|店裡|老闆)?(?:開除|解僱|解雇|辭退|革職|判刑|起訴|法辦|逮捕|判|抓)|(?:被|遭)(?:我|我們|公司)?(?:開除|解僱|解雇|辭退|判刑|起訴|逮捕)~6(?:因為|是因為)~4${MISDEED_ZH}|(?:以前|過去|曾經|曾|之前)(?:就)?(?:因為?)?${MISDEED_ZH}~6(?:被判|判刑|被抓|被起訴|入獄|坐牢|被開除|被解僱)|\b(?:was|were|got|been|has been) (?:fired|sacked|dismissed|let go|convicted|jailed|arrested|charged|prosecuted|removed|expelled|struck off)(?: from [\w ]{0,30}?)? (?:for|of|over) (?:stealing|theft|fraud|embezzl\w+|lying|misconduct|harass\w+|falsif\w+|taking bribes|bribery|forgery)\b`,
    notBefore: '(?:不是|並非|沒有|從未|並未|not|never) ?~2$',
  },
  {
    // 「她講的話沒有一句是真的」, "Not a word of what that former employee says is true": a person called a liar wholesale.
    id: 'defamation.not_a_word_true',
    category: 'defamation',
    re: String.raw`(?:說|講|寫|發|貼|爆)(?:的|出來的)?(?:話|內容|東西|每句話)?~4(?:沒有|沒|無)(?:半|一)句(?:是)?(?:真|實話|屬實)|${CRITIC_ZH}${CJK}{0,4}(?:滿口|全是|都是|通篇|全部是|通通是)(?:謊言|謊話|胡說|鬼話|瞎扯|胡扯|假話)|\bnot (?:a|one|a single) word (?:of )?(?:what |that )?(?:he|she|they|this|that|the)\b[^.!?;\n]{0,40}?\b(?:says?|said|has said|writes?|wrote|claims?|claimed|posts?|posted)\b[^.!?;\n]{0,10}?\b(?:is|was|are) true\b|\bnothing (?:that )?(?:he|she|they|this [\w-]+|that [\w-]+)(?: [\w-]+){0,2} (?:says?|said|has said|have said|wrote|posted|claims?) (?:is|was) true\b`,
    notBefore: '(?:並非|不是|not) ?~2$',
  },
  {
    // "has been trying to shake us down", 「長期向我們索取廣告費」: a critic called an extortionist in other words.
    id: 'defamation.shakedown',
    category: 'defamation',
    re: String.raw`\b(?:shak\w+|shook) (?:us|the company|our \w+) down\b|\bshake-?down\b|\b(?:squeez\w+|extract\w*|wring\w*|milk\w*|get\w*) (?:money|cash|payments?|advertising (?:money|fees)|fees) (?:out of|from) (?:us|the company)\b|\bhold(?:ing)? (?:us|the company) to ransom\b|(?:向|跟)(?:我們|本公司|公司|我方)(?:長期|多次|一再)?(?:索取|索要|討要|要求|伸手要)${CJK}{0,4}(?:廣告費|封口費|好處|公關費|贊助費|業配費|保護費)`,
  },

  // victim_playing ------------------------------------------------------------------------------------------------
  {
    // "the people pushing this story have an agenda against Taiwanese chipmakers", "whose motives we will leave the public
    // to judge", "Certain individuals … spread a distorted version": motives put on unnamed critics.
    id: 'victim.agenda_en',
    category: 'victim_playing',
    re: [
      String.raw`\b(?:have|has|with|pushing|driven by|serving|pursuing) (?:an? |their (?:own )?)?(?:clear |obvious |hidden |political |commercial |ulterior )?agenda against\b[^.!?;\n]{0,40}`,
      String.raw`\b(?:certain|some|a few|a small group of|a handful of|a number of) (?:individuals|people|parties|groups|forces|quarters|accounts|interests|actors)\b[^.!?;\n]{0,90}?\b(?:distort\w*|twist\w*|one-sided|smear\w*|manufactur\w*|orchestrat\w*|stir\w* up|whip\w* up|weaponi[sz]\w*|spin\w*)\b[^.!?;\n]{0,40}`,
      String.raw`\bwhose (?:motives?|intentions?|agenda|reasons) (?:we |the public |readers |you )?(?:will |can |may )?(?:leave|speak|are (?:clear|obvious)|is (?:clear|obvious))\b[^.!?;\n]{0,60}`,
    ].join('|'),
    notBefore: String.raw`\b(?:not|no|never|without) (?:\w+ ){0,2}$`,
  },
  {
    // "the hospital is itself a victim of this cyberattack", "We, too, are a victim": the organisation as a victim.
    id: 'victim.we_are_victim_en',
    category: 'victim_playing',
    re: String.raw`\b(?:we|the (?:company|hospital|bank|clinic|school|hotel|airline|platform|brand|firm|group|store|chain|university|museum|club|operator|insurer)|our (?:company|hospital|bank|clinic|school|brand|firm|group|organi[sz]ation|business))(?:,? (?:too|also|ourselves|itself|as well),?)? (?:are|is|were|was|have been|has been) (?:also |itself |ourselves |too |equally |likewise |just as much |as much |very much )?(?:a |the |the real |the biggest )?victims?\b[^.!?;\n]{0,40}`,
    notBefore: String.raw`\b(?:not|never|no|whether) (?:\w+ ){0,2}$`,
    notIn: String.raw`\bnot\b`,
  },
  {
    // 「某些人別有用心，刻意散布扭曲的版本」: unnamed people, their motives, a distorted story — no critic is named, so it
    // is the organisation casting itself as the target (the doc's 遭有心人士惡意操作).
    id: 'victim.unnamed_motives_zh',
    category: 'victim_playing',
    re: `(?:某些人|有些人|少數人|有心人士?|特定人士|部分人士|特定團體|某些團體|某些勢力|特定勢力|少數網友|有心之人|有人)~16(?:別有用心|居心|蓄意|刻意|故意|惡意|有目的|有計畫|有組織)~12(?:扭曲|抹黑|炒作|帶風向|操作|散布|散播|渲染|放大|斷章取義|曲解|造謠|攻擊|操弄)~10`,
    notBefore: '(?:不是|並非|沒有|不會說|譴責|防止)~3$',
  },
  {
    // 「這些人對台灣的製造業本來就有成見」, 「另有所圖」: an agenda or prejudice put on the critics.
    id: 'victim.prejudice_zh',
    category: 'victim_playing',
    re: `(?:對|針對)(?:我們|本公司|我司|台灣|本土|國產|我國|中國|國內|品牌)${CJK}{0,8}(?:本來就|一直|早就)?(?:有|存有|抱有|帶有|懷有)(?:很深的|極深的)?(?:成見|偏見|敵意)|另有所圖|別有所圖|另有目的|別有目的`,
    notBefore: '(?:不是|並非|沒有|不會|無)~2$',
  },

  // legal_threat --------------------------------------------------------------------------------------------------
  {
    // 「轉傳未經查證的內容可能觸犯刑法妨害名譽罪」, "Posting unverified claims … may expose you to criminal liability": the
    // law recited at whoever shares.
    id: 'legal_threat.law_recited',
    category: 'legal_threat',
    re: [
      `${SHARE_ZH}~24(?:可能|恐|將|已|會|均|都|皆|即)(?:會)?(?:涉及|涉嫌|觸犯|觸法|違反|構成|涉犯|吃上|面臨|負擔|負上|負|觸及)~14(?:刑法|法律|罪|刑責|法律責任|官司|誹謗|妨害名譽|民事|刑事|法)`,
      String.raw`\b(?:posting|sharing|reposting|spreading|forwarding|repeating|publishing|circulating|retweeting|liking|amplifying)\b[^.!?;\n]{0,60}?\b(?:may|might|could|can|will|would)\b (?:\w+ )?(?:expose (?:you|users|people|them|posters|anyone)(?: \w+)? to|amount to|constitute|leave (?:you|them|anyone) (?:facing|open to|liable)|make (?:you|them|anyone) liable|result in|land (?:you|them|anyone) in)\b[^.!?;\n]{0,40}?\b(?:criminal|civil|legal|defamation|libel|slander|liabilit\w*|offen[cs]es?|prosecution|lawsuits?|suits?|court|charges?)\b`,
    ].join('|'),
    notBefore: '(?:不會|不追究|無意|not|never) ?~3$',
    notSentence: '(?:不會(?:提告|追究)|不追究|無意提告|will not (?:sue|pursue|take)|won’t (?:sue|pursue))',
  },
  {
    // 「所有造謠的帖子我們都已公證保全」, "we are keeping a record of every post": every post kept as evidence.
    id: 'legal_threat.every_post_kept',
    category: 'legal_threat',
    re: [
      `(?:所有|每一?(?:則|篇|個|條|位)|全部|一切)${CJK}{0,8}(?:貼文|帖子|留言|評論|影片|文章|言論|截圖|帳號|網友|轉發|轉傳)${CJK}{0,10}(?:都|均|皆|全部|一律)?(?:已|已經)?(?:完成|做了|進行)?(?:公證|存證|保全|蒐證|搜證|截圖存證|備份存證|錄存|截圖|留存)`,
      String.raw`\b(?:keeping|kept|keep|have|has|archived|archiving|saved|saving|logging|logged|recording|recorded|screenshott?\w*|captured|capturing|preserv\w+|documenting|documented|tracking|tracked) (?:a (?:record|log|copy|screenshot|note) of )?(?:every|all|each)(?: single)? (?:post|comment|share|repost|account|message|tweet|review|user|screenshot|one of you|person)s?\b(?: [\w-]+){0,4}`,
    ].join('|'),
    notBefore: '(?:not|never|no longer|不會|沒有) ?~3$',
  },

  // speculation ---------------------------------------------------------------------------------------------------
  {
    // 「九成是冷卻水塔那邊出了問題，跟泡湯池本身應該無關」: a proportion used as a hedge about a cause, and a hedged denial.
    id: 'speculation.proportion_hedge_zh',
    category: 'speculation',
    re: `(?:九成|十之八九|八九不離十|大半|多半)(?:都)?(?:是|為)~18(?:造成|所致|導致|引起|問題|出了|出錯|故障|原因|的關係|的錯|有關|無關)(?:[，,]${CJK}{0,12}(?:應該|應|大概|可能)(?:是)?(?:無關|沒有關係|沒關係|無涉))?|(?:與|跟|和)${CJK}{1,12}(?:應該|應|大概|可能|八成)(?:是)?(?:無關|沒有關係|沒關係|無涉)`,
    notBefore: '(?:不是|並非|不會說|網友|外界|有人)~3$',
    notSentence: '(?:\\d|百分之|調查(?:結果|報告)(?:顯示|指出|確認)|經(?:檢驗|化驗|調查)確認)',
  },

  // blame_shifting ------------------------------------------------------------------------------------------------
  {
    // 「這次事故屬於維保廠商的問題，管委會與本公司都不應承擔」: the problem given to an outside party, then the organisation
    // (and whoever it names) declared not liable.
    id: 'blame.belongs_to_outside_zh',
    category: 'blame_shifting',
    re: `(?:屬於|屬|是|為|歸於|歸咎於|係)${OUTSIDE_ANY_ZH}(?:的|之)(?:問題|責任|疏失|過失|錯|失誤|缺失)~30(?:都|均|皆|也|並|完全)?(?:不應|不該|不須|不需|無須|無需|毋須|不必|不用|沒有|無)(?:為此|對此)?(?:承擔|負責|負擔|買單|賠償|責任)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // 「放流水異常是因為承攬廢水處理的環保公司操作不當，本廠並未違反任何規定」: a cause on an outside company, then the
    // organisation declared compliant.
    id: 'blame.outside_then_compliant_zh',
    category: 'blame_shifting',
    re: `(?:是因為|因為|係因|由於|肇因於|起因於|是)${CJK}{0,14}${OUTSIDE_ANY_ZH}${CJK}{0,10}(?:操作不當|操作失誤|失誤|疏失|不當|錯誤|違規|造成|所致|導致|引起|問題)~24(?:(?:並未|沒有|未曾|從未|不曾)(?:違反|違背|觸犯|抵觸)(?:任何)?(?:規定|法規|法令|法律|規範)|(?:完全|一切|均|皆|全部)(?:合法|合規|符合規定|依法|符合法規))`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // "our stores simply displayed what we were sent", "we merely passed it on", "the app merely reflects them": the
    // organisation as a mere conduit for someone else's error.
    id: 'blame.mere_conduit_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:we|our (?:[\w-]+ ){0,2}?[\w-]+|the (?:app|platform|site|store|stores|system|marketplace|website|company|shop))\b (?:simply|merely|only|just) (?:displayed|displays?|showed|shows?|reflected|reflects?|passed (?:it|them|this|that) on|passes (?:it|them) on|relayed|relays?|repeated|repeats?|forwarded|forwards?|reproduced|reproduces?|carried|carries|printed|prints?|listed|lists?|presented|presents?)\b(?: (?:what|them|it|the (?:[\w-]+ ){0,2}?[\w-]+))?(?: (?:we|they) (?:were|was)? ?(?:sent|given|supplied|provided|received))?`,
    notBefore: String.raw`\b(?:not|never|cannot|won${AP}t|don${AP}t) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:we (?:should|ought to) have|our (?:job|duty|responsibility) (?:is|was) to|we are responsible|we take (?:full )?responsibility|we failed to (?:check|verify)|which was our mistake)\b`,
  },

  // absolute_promise ----------------------------------------------------------------------------------------------
  {
    // 「可以百分之百防止號碼被惡意轉出」: 100% with any verb of preventing or ensuring.
    id: 'absolute.hundred_percent_prevent_zh',
    category: 'absolute_promise',
    re: '(?:100 ?%|百分之百|百分百)(?:地)?~4(?:防止|避免|杜絕|阻止|防堵|阻擋|攔截|根除|消除|排除|確保|保障|保護|防範|解決|擋下|擋住|阻絕)',
    notBefore: '(?:無法|不能|不敢|難以|沒辦法|不可能|沒有人能|誰也無法|並非|不是|沒有|無從|不會說|很難)(?:保證|承諾|確保|做到|說|宣稱)?~4$',
  },
  {
    // "makes bot purchases a thing of the past, permanently", "permanently eliminates the risk": an end declared forever.
    id: 'absolute.thing_of_the_past_en',
    category: 'absolute_promise',
    re: String.raw`\b(?:a thing of the past|once and for all|permanently (?:eliminat\w+|prevent\w+|solv\w+|rul\w+ out|eradicat\w+|end(?:s|ed)? (?:the|any|all) (?:risk|threat|problem|possibility)))\b(?:,? permanently)?|\b(?:eliminat\w+|prevent\w+|solv\w+|eradicat\w+) (?:[\w-]+ ){0,5}?permanently\b`,
    notBefore: String.raw`\b(?:not|never|cannot|can${AP}t|won${AP}t|no one can|nobody can|unable to|doesn${AP}t|does not|isn${AP}t|is not|claim(?:ing)? to|promise to) (?:\w+ ){0,3}$`,
  },
];

/** People who are not the organisation and may be blamed or attacked (Traditional; matches Simplified). */
const OTHERS_ZH =
  '(?:部分|少數|有些|個別|極少數|一些)?(?:使用者|消費者|顧客|客人|用戶|乘客|旅客|觀眾|家長|學生|住戶|業主|投保人|保戶|收件人|寄件人|承租人|租客|駕駛人|駕駛|騎士|會員|遊客|民眾|病患|患者|家屬|飼主|主人|買家|賓客|網友)';
/** A closing phrase that invites readers to infer a critic's motive without stating it. */
const INSINUATE_ZH = `(?:目的|用意|居心|動機|原因)?(?:不言而喻|不言可喻|昭然若揭|可想而知|耐人尋味|值得玩味)|(?:大家|各位|明眼人|讀者|網友|社會大眾)(?:心裡|心中)?(?:應該|都|自然|自|也)?(?:有數|清楚|明白|心知肚明|看得出來|看得清楚)|(?:大家|各位)(?:可以|不妨)?(?:自行|自己)?(?:去)?(?:判斷|評斷|翻|查|看看)${CJK}{0,8}(?:紀錄|記錄|留言|過去|底細)?|背後(?:是誰|有誰|有人)(?:在)?(?:指使|操控|操縱|撐腰|主導|授意|出錢)|(?:絕非|不是|並非)巧合`;
/** The same in English. */
const INSINUATE_EN =
  "\\b(?:draw your own conclusions|make of that what you will|make of it what you will|speaks? for itself|speak for themselves|(?:is|was) hardly a coincidence|(?:is|was) no coincidence|not what (?:it|they) seems?|should be read in that light|(?:rather|which) explains (?:her|his|their) (?:enthusiasm|interest|zeal|motives?)|tells you (?:all|everything) you need to know|you can guess why|we(?:'ll| will) let (?:you|readers|the public) (?:decide|judge)|connect the dots|and (?:he|she|they) knows? it)\\b";

export const structureRules4b: PhraseRule[] = [
  // defamation (tune-5 kinds) -------------------------------------------------------------------------------------
  {
    // 「目的不言而喻」, 「大家心裡應該有數」, "Draw your own conclusions about who is paying them", "the timing … speaks for
    // itself": a motive insinuated about critics.
    id: 'defamation.insinuation',
    category: 'defamation',
    // No leading gap: a lazy gap before an alternation is tried at every offset of a 100,000-character paste.
    re: `(?:${INSINUATE_ZH})|${INSINUATE_EN}(?:[^.!?;\\n]{0,40})`,
    notBefore: '(?:不是|並非|不會|not|never) ?~2$',
    // A rebuttal that lets evidence speak ("the records speak for themselves") attacks no one.
    notSentence: String.raw`\b(?:records?|data|figures|numbers|results|evidence|documents?|footage|logs?|receipts?|process|facts|investigation|court|tests?) (?:speak|speaks|will speak)\b|\bspeak for (?:itself|themselves)\b[^.!?;\n]{0,10}\b(?:in court|at trial)\b|(?:紀錄|數據|資料|證據|監視器畫面)(?:會)?(?:說話|自己說明)`,
  },
  {
    // 「目的就是想逼公司用高價買回房子」, 「本質上就是想借機壓價」, 「從中收佣的掮客」, "because they want us to buy back their flats
    // at inflated prices", "takes a cut of every claim": a critic's complaint said to be about gain.
    id: 'defamation.motive_gain',
    category: 'defamation',
    re: [
      `(?:目的|本質上|說穿了|說白了|無非|其實|根本|只不過|不過|就是|只是)(?:就)?(?:是)?(?:想|要|為了|在)~14(?:逼|借機|趁機|藉機|敲|索|多拿|壓價|高價|買回|賠償金|好處|撈|抽成|收佣|佣金|流量|紅包|封口費|便宜|折扣|免費|錢)`,
      `從中(?:抽成|收佣|抽佣|獲利|牟利|賺取|賺|拿回扣|分潤)|(?:掮客|職業(?:索賠|客訴|檢舉|打假)|碰瓷|鬧賠|訛詐|詐賠)`,
      `(?:做過|動過|做了|動了)手腳|用心(?:極其|十分|非常|相當)?(?:險惡|可議|叵測|不良)|(?:因|出於|為了)(?:私怨|私仇|個人恩怨|舊怨|怨恨)${CJK}{0,4}(?:報復|抹黑|爆料)?`,
      String.raw`\b(?:because|since|as) (?:they|he|she) (?:want|wants|wanted|hope|hopes|are hoping|is hoping|are after|is after)\b[^.!?;\n]{0,60}?\b(?:money|compensation|inflated|free|payout|refund|discount|cash|price|prices|pay-?off)\b`,
      String.raw`\btakes? a cut\b[^.!?;\n]{0,60}|\bin exchange for (?:deleting|removing|taking down|retracting)\b[^.!?;\n]{0,30}|\b(?:has|have|with) a (?:long )?history of (?:demanding|extorting|asking for|seeking|filing|making)\b[^.!?;\n]{0,60}`,
    ].join('|'),
    // 「我們就是想把錢退給顧客」 is the organisation's own aim.
    notBefore: `(?:不是|並非|沒有|從未|並未|not|never|no|${SELF_ZH}) ?~2$`,
    notSentence: '(?:我們的目的|本公司的目的|our (?:aim|goal|purpose))',
  },
  {
    // 「長期積欠照護費，如今藉題發揮」, "owes us eight months of fees", 「因挪用公款被記過」: a critic's debts or record raked up.
    id: 'defamation.debts_record',
    category: 'defamation',
    re: `(?:長期|一直|多次|曾)?(?:積欠|拖欠|欠繳|賴帳|賴賬|欠)(?:我們|本公司|公司|本中心|本院|本校|本會)?${CJK}{0,6}(?:費用|費|款項|款|租金|帳款|學費|會費|貨款)|藉題發揮|借題發揮|(?:因|因為)(?:挪用|盜用|侵占|侵佔|偷|盜|詐)${CJK}{0,6}(?:被)?(?:記過|記大過|懲處|處分|開除|解僱|辭退)|${String.raw`\bowes? us\b[^.!?;\n]{0,40}`}`,
    notBefore: `(?:${SELF_ZH}|不是|並非|沒有|從未|not|never) ?~2$`,
  },
  {
    // 「拿競品的業配費」, 「與對手百貨有私交」, "selling a rival cream", "sponsored … by a brand owned by our competitor": a
    // critic tied to a rival.
    id: 'defamation.tied_to_rival',
    category: 'defamation',
    re: `(?:拿|收|領|收了|拿了|領了|收受|賺)${RIVAL_ZH}${CJK}{0,6}(?:的)?(?:業配|推廣|廣告|贊助|錢|好處|費|酬勞)${CJK}{0,4}|(?:與|跟|和)${RIVAL_ZH}${CJK}{0,6}(?:有)?(?:私交|交情|關係匪淺|掛勾|掛鉤|勾結|往來密切|利益關係)|${String.raw`\b(?:selling|promoting|sponsored (?:by|to promote)|paid to promote|works? for|ambassador for)\b[^.!?;\n]{0,40}?\b(?:rival|competitor|competing)\b[^.!?;\n]{0,20}|\bby a brand owned by (?:our|a) (?:rival|competitor)\b`}`,
    notBefore: '(?:不是|並非|沒有|從未|並未|not|never) ?~2$',
  },
  {
    // 「想打壓我們的新品」, 「刻意輪流轉發」: critics said to act in concert to suppress the organisation.
    id: 'defamation.concerted',
    category: 'defamation',
    re: `(?:同一批人|有組織地?|有計畫地?|集體|輪流)${CJK}{0,6}(?:刻意|蓄意|故意)?${CJK}{0,4}(?:轉發|洗版|灌|帶風向|刷|發文)~12(?:打壓|抹黑|攻擊)`,
    notBefore: '(?:不是|並非|沒有)~2$',
  },

  // liability_admission (tune-5 kinds) ----------------------------------------------------------------------------
  {
    // 「不論最後法院怎麼判，都會先全額賠償」, "out of our own pockets if need be": paying whatever the legal outcome is a
    // liability accepted in advance.
    id: 'liability.pay_whatever_ruling',
    category: 'liability_admission',
    re: `(?:不論|無論|不管)${CJK}{0,8}(?:法院|判決|複核|調查|鑑定|訴訟|官司|法律)${CJK}{0,8}(?:如何|怎[麼么幺]判|怎[麼么幺]樣|結果)~24(?:全額|照單|如數|照)?${CJK}{0,6}(?:賠償|給付|支付|退還|理賠|賠)|(?:全額|照單|如數)${CJK}{0,4}(?:賠償|給付|支付|理賠)[，,]\\s?(?:不論|無論|不管)${CJK}{0,8}(?:法院|判決|複核|調查|鑑定|訴訟)${CJK}{0,8}(?:如何|怎[麼么幺]判|結果)?|${String.raw`\b(?:refund|compensate|pay|repay|reimburse)\b[^.!?;\n]{0,40}\bout of our own pockets?\b|\b(?:whatever|regardless of) (?:the |what the )?(?:court|ruling|judge|outcome of the (?:case|lawsuit|review))\b[^.!?;\n]{0,40}\b(?:refund|compensate|pay|repay|reimburse)\b`}`,
  },
  {
    // "we accept that this was unlawful", "was a breach of the Fair Trade Act, and we accept that", 「確實觸犯了公平交易法」,
    // "that is a legal failure, and it is ours", "fell short of the standard of care": a breach of law owned.
    id: 'liability.breach_owned',
    category: 'liability_admission',
    re: [
      String.raw`\bwe (?:accept|admit|acknowledge|concede) (?:that )?[^.!?;\n]{0,60}?\b(?:was|were|is|had been|broke|breached|violated) (?:unlawful|illegal|a breach|in breach|negligent|against the law)\b`,
      String.raw`\b(?:was|were|is) (?:a )?(?:clear |serious |plain )?(?:breach|violation|contravention) of (?:the )?[\w ]{0,40}?(?:act|law|regulations?|code|ordinance)\b,? and we (?:accept|admit|acknowledge) (?:that|it)\b`,
      String.raw`\b(?:failure|fault|breach|negligence|lapse|failing)\b[^.!?;\n]{0,24}?\b(?:is|was) ours\b(?: in law)?|\bours in law\b`,
      String.raw`\bfell short of (?:the )?(?:standard of care|duty of care|(?:our|its) (?:legal )?(?:duty|duties|obligations?))\b[^.!?;\n]{0,50}|\bbreached (?:our|its|the) (?:legal )?duty of care\b`,
      String.raw`\b(?:management|we|the company|the board|our (?:managers|management|directors)) (?:should|ought to) have known\b[^.!?;\n]{0,60}`,
      `(?:確實|的確|確已|已然|明顯)(?:有)?(?:觸犯|違反|違犯|牴觸)(?:了)?${CJK}{0,10}(?:法|條例|規定|法規)`,
    ].join('|'),
    notBefore: String.raw`(?:\b(?:not|never|no|deny|denies|whether|if)|不|沒有|並未|是否|若|如果) ?~3$`,
    notSentence: String.raw`(?:\b(?:alleg\w+|whether|claims? that|accus\w+)\b|指控|是否|質疑|網傳)`,
  },
  {
    // 「這是工廠管理上的重大過失」, 「我們在教師資質審核上存在疏漏」: the fault named as the organisation's own, in its work.
    id: 'liability.fault_in_our_work_zh',
    category: 'liability_admission',
    re: `(?:這|此|這次|本次|此次)(?:是|屬於|屬|實屬)${CJK}{0,8}(?:管理|作業|監督|程序|把關|制度|審核|營運)上?的(?:重大|嚴重|明顯)?(?:過失|疏失|失職|疏漏)|${SELF_ZH}${CJK}{0,4}在${CJK}{1,10}上(?:確實)?(?:存在|有|出現)(?:明顯|重大|嚴重)?(?:的)?(?:疏漏|疏失|漏洞|過失)${CJK}{0,20}`,
    notBefore: '(?:不|沒有|並未|是否|若|如果|並非|不是)~2$',
    // 「我們的員工在處理上有疏失」 names one employee's slip (the earlier rounds leave it clean), not the organisation's.
    notIn: '(?:員工|同仁|人員|店員|職員)',
    notSentence: '(?:是否|若經|如經|待調查|調查中)',
  },

  // blame_shifting (tune-5 kinds) ---------------------------------------------------------------------------------
  {
    // 「是部分使用者過量塗抹才出狀況」: someone else's act named as what it took for the problem to happen.
    id: 'blame.only_because_they_zh',
    category: 'blame_shifting',
    re: `(?:是|都是|就是|因為)${OTHERS_ZH}${CJK}{0,12}才(?:會)?(?:出狀況|出問題|發生|造成|導致|引起|有問題|出事|受傷|不適)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // 「責任不在物流端」, 「問題不會出在我們廚房」, 「和主辦方沒有任何關係」, "that is not our failing", "not a platform
    // failure", "cannot reasonably be blamed", "cannot expect the organiser to be responsible": responsibility disclaimed.
    id: 'blame.not_ours_disclaimer',
    category: 'blame_shifting',
    re: [
      `責任(?:並)?不在(?:我們|本公司|我方|我司|本${CJK}{1,3}|${CJK}{1,4}(?:端|方))`,
      `問題(?:不會|不可能|並不|並非|不是)出(?:在|於)(?:我們|本公司|本店|本${CJK}{1,3})${CJK}{0,6}`,
      `(?:和|與|跟)(?:主辦方|主辦單位|本公司|我們|平台|公司|品牌|本店|店家|園方|校方|院方)(?:並|均|都)?(?:沒有|毫無|無)(?:任何)?(?:關係|關聯|責任)`,
      String.raw`\b(?:that|this|it) (?:is|was) (?:not|hardly) (?:our|the [a-z]+${AP}s) (?:failing|fault|failure|responsibility|problem|doing)\b`,
      String.raw`\bnot an? (?:platform|company|store|hotel|school|shop|airline|operator|organiser|organizer|courier) (?:failure|failing|fault|issue|problem|matter)\b`,
      String.raw`\b(?:cannot|can${AP}t|could not) (?:reasonably |fairly |really )?be (?:blamed|held responsible|held liable)\b`,
      String.raw`\bcannot (?:reasonably )?expect (?:the|us|our) (?:[\w-]+ )?to be (?:responsible|liable|blamed)\b[^.!?;\n]{0,20}`,
      String.raw`\bthe (?:[\w-]+ ){0,2}(?:itself|themselves) (?:was|were|is|are) (?:perfectly |entirely |fully )?(?:sound|fine|safe|in order|working (?:normally|properly)|functioning (?:normally|properly))\b`,
    ].join('|'),
    notBefore: String.raw`(?:不是說|並非說|\b(?:not saying|never said)) ?~2$`,
    notSentence: String.raw`(?:網傳|謠言|假冒|冒用|冒名|同名|詐騙|\b(?:scam|fake|impersonat\w+|phishing)\b|${OWNS_IT}|\bwe are responsible\b|\bwe take (?:full )?responsibility\b)`,
  },
  {
    // "the passengers who turned up late … made a difficult morning much worse for our crew": customers made it worse.
    id: 'blame.they_made_it_worse_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:the |those |some |a few )?(?:passengers|customers|guests|users|visitors|fans|parents|shoppers|riders|members|residents|tenants|drivers|travell?ers|diners|patients)\b who\b[^.!?;\n]{0,60}?\b(?:made|caused|created|turned)\b[^.!?;\n]{0,40}?\b(?:worse|harder|difficult|chaos|problems?|delays?|the situation)\b[^.!?;\n]{0,30}`,
    notSentence: String.raw`\b(?:we (?:should|could) have|our (?:fault|mistake|failure)|we are sorry that we|not (?:their|the passengers${AP}?) fault)\b`,
  },

  // minimizing (tune-5 kinds) -------------------------------------------------------------------------------------
  {
    // 「比起每天配送的三十萬件包裹，這一千多件實在微不足道」, "one crowded exit … hardly amounts to a safety crisis", "a few bags
    // out of millions", "a rounding error": the harm made small against a large total.
    id: 'minimizing.small_against_total',
    category: 'minimizing',
    re: [
      `(?:比起|相較於|相比於?|對比|跟${CJK}{0,8}比)~30(?:微不足道|九牛一毛|滄海一粟|少之又少|不算什麼|算不了什麼|極低|非常低|很少|極少)`,
      '微不足道|九牛一毛|滄海一粟',
      String.raw`\bhardly (?:amounts? to|constitutes?|counts as|qualifies as)\b[^.!?;\n]{0,30}|\ba rounding error\b[^.!?;\n]{0,60}|\b(?:is|are|was|were) hardly an? (?:crisis|scandal|disaster|emergency|catastrophe|safety crisis|big deal)\b|\b(?:a few|a handful of|one or two|a couple of) (?:[\w-]+ ){1,3}out of (?:millions|thousands|hundreds of thousands|tens of thousands)\b[^.!?;\n]{0,60}|\bno cause for (?:alarm|concern)\b[^.!?;\n]{0,80}`,
    ].join('|'),
    notBefore: '(?:不是|並非|不會說|不能說|不應|not|never) ?~3$',
  },
  {
    // 「屬於正常現象」, 「很正常」, "completely normal in a new building", "A new-mattress smell is normal": the harm called normal.
    id: 'minimizing.called_normal',
    category: 'minimizing',
    re: `(?:屬於|屬|是|都是|實屬|乃)(?:很)?(?:正常|常見)(?:的)?現象|(?:很|非常|相當|完全|再)正常(?:不過)?(?![運營作使])|${String.raw`\b(?:completely|perfectly|entirely|quite|totally) normal\b(?: (?:in|for) [^.!?;\n]{0,30})?|\b(?:smell|odou?r|noise|marks?|cracks?|swelling|reaction|redness|variation|irritation)s? (?:is|are) (?:completely |perfectly |entirely |quite )?normal\b`}`,
    notBefore: '(?:恢復|回復|已|運作|營運|一切|目前|系統|服務|功能|不是|並非|不|not|back to|return(?:ed)? to) ?~3$',
  },
  {
    // 「不過是一兩位照服員的疏忽」, 「是個別消費者過於敏感」, 「只涉及極少數門店」, 「極少數家教的個人行為」: the harm put down to a
    // handful, or to their sensitivity.
    id: 'minimizing.just_a_few',
    category: 'minimizing',
    re: `(?:不過是|只是|僅是|只涉及|僅涉及|只限於|純屬|都是)(?:一兩(?:位|個|名|家|件)|個別|極少數|少數|零星|一小部分)${CJK}{0,8}|(?:一兩(?:位|個|名)|個別|極少數)${CJK}{0,6}(?:的)?(?:個人行為|個人問題|疏忽|過於敏感|太敏感|太過敏感)|過於敏感|太過敏感`,
    notBefore: '(?:不是|並非|不會說|不能說|不應|不該|不會把)~3$',
    // 「相信只是個別門市的偶發情況」 is a guess about the scale: speculation.
    // 「是個別選手的個人行為，俱樂部並不知情，也不應承擔責任」 is blame shifting (the rogue individual), not minimizing.
    notSentence: `(?:不會說|不能說|不會把(?:這|它)?說成|${SPECULATIVE}|相信|認為|深信|初步|(?:不應|不該|無須|不需|不必)(?:為此)?(?:承擔|負責|負擔)|並不知情|無關)`,
  },
  {
    // 「都只是油漆表面的髮絲紋」, "purely cosmetic hairline marks": the defect called cosmetic.
    id: 'minimizing.cosmetic',
    category: 'minimizing',
    re: `(?:都|只|僅|也)?(?:只)?是${CJK}{0,4}(?:表面|外觀)(?:上)?(?:的)?${CJK}{0,6}(?:髮絲紋|細紋|裂紋|刮痕|瑕疵|問題)|${String.raw`\b(?:purely|merely|just|only|simply) cosmetic\b[^.!?;\n]{0,40}`}`,
    notBefore: '(?:不是|並非|不只|不僅|not) ?~2$',
  },
  {
    // 「會員無需擔心」, 「不必過度緊張」, "we regret that some customers have found it unpleasant": reassurance in place of facts,
    // regret for how others felt.
    id: 'minimizing.no_need_to_worry',
    category: 'minimizing',
    re: `(?:${PEOPLE_ZH})?(?:無需|無須|不需|不必|不用|毋須)(?:過度|太過|太|過於)?(?:擔心|緊張|恐慌|驚慌|憂慮)|${String.raw`\bwe regret that (?:some|a few|certain|any)\b[^.!?;\n]{0,40}?\b(?:found|felt|feel|find|were|are|have)\b[^.!?;\n]{0,30}`}`,
    // 「一輩子都不必擔心」 is a promise forever (absolute_promise), not reassurance.
    notBefore: '(?:並非|不是|不會說|一輩子|永遠|終身|百年)(?:都|也)?~2$',
    notSentence: `(?:退款|退費|賠償|免費|更換|重新)(?:已|將)?${CJK}{0,4}(?:完成|安排|處理)`,
  },

  // speculation (tune-5 kinds) ------------------------------------------------------------------------------------
  {
    // 「初步判斷為某一家原料供應商的玉米儲存不當」, 「應該和主人餵食過量有關」, 「食物本身未必有問題」, "almost certainly the
    // result of": a cause offered as a judgement or a likelihood.
    id: 'speculation.judged_cause',
    category: 'speculation',
    re: [
      `(?:初步)?(?:判斷|研判|推斷|認為|相信)(?:為|是)?~24(?:不當|不良|不佳|有關|所致|造成|導致|引起|失誤|過量|受潮|疏失|集中在)`,
      `應(?:該)?(?:和|與|跟)~16有關|(?:本身)?未必(?:有|是)(?:問題|瑕疵|原因|過錯)`,
      `(?:可能|恐怕|也許|或許|八成|大概)(?:是|只是|已經|已)?${CJK}{0,10}(?:漏|忘|沒|未)${CJK}{1,6}了`,
      `(?:可能|恐怕|也許|或許|大概)(?:只是|僅是)${CJK}{0,14}(?:個別|個案|少數|單一|零星|幾包|幾件|幾位)`,
      String.raw`\b(?:almost|virtually|nearly) certain(?:ly)?\b[^.!?;\n]{0,30}?\b(?:result|caus\w*|due to|down to|because|fault|source|came from|traces? back)\b[^.!?;\n]{0,60}`,
    ].join('|'),
    // 「寵物出現不適，應該和…有關」: only a negation right before the hedge refuses it.
    notBefore: '(?:(?:不會|不應|不宜|無法|外界|網友|媒體|有人|家長|消費者|是否)~3|不|not )$',
    notSentence: String.raw`(?:是否|不會(?:臆測|猜測|推測)|不(?:便|宜)(?:臆測|猜測)|經(?:檢驗|化驗|調查|鑑定)(?:確認|證實)|\b(?:won${AP}t|will not) (?:guess|speculate)\b)`,
  },

  // victim_playing (tune-5 kinds) ---------------------------------------------------------------------------------
  {
    // 「我們同樣感到十分委屈」, 「我館同樣遭受了重大損失」, 「有苦說不出」, "The library too is a victim": the organisation
    // suffering alongside those harmed.
    id: 'victim.we_suffer_too',
    category: 'victim_playing',
    re: [
      `(?:被|遭)${CJK}{0,12}(?:當成|當作|視為|當)(?:了)?(?:靶子|箭靶|出氣筒|代罪羔羊|替罪羊|眼中釘|提款機)`,
      `${SELF_ZH}${CJK}{0,4}(?:同樣|也|一樣|同為)(?:是|感到|遭受|承受|蒙受|受到)?(?:了)?${CJK}{0,6}(?:委屈|損失|傷害|受害者|打擊|衝擊|網路暴力|網暴|無妄之災)${CJK}{0,30}`,
      `有苦說不出|啞巴吃黃連|欲哭無淚|百口莫辯|有冤無處訴|被(?:媒體|網友|外界)?${CJK}{0,2}惡意炒作`,
      String.raw`\bthe [a-z]+ (?:too|also|itself|as well),? (?:is|was|has been) (?:also |itself |too )?(?:a |the )?victims?\b[^.!?;\n]{0,60}`,
    ].join('|'),
    notBefore: '(?:不是|並非|不會說|不能說|不應|not) ?~2$',
  },

  // absolute_promise (tune-5 kinds) -------------------------------------------------------------------------------
  {
    // 「一粒問題糧都不會流入市場」, 「一個壞掉的飯糰都不會出現」: not a single one, with what it is between.
    id: 'absolute.not_one_of_them_zh',
    category: 'absolute_promise',
    re: `一(?:個|粒|件|位|筆|顆|包|瓶|盒|台|輛|張|份|次|片|滴|袋|批|位)${CJK}{1,8}(?:都|也)(?:不會|不可能|不再|絕不|沒有機會)${CJK}{0,8}`,
    notBefore: '(?:不敢說|不能說|無法保證|不敢保證|不能保證|不會說|沒有人能保證)~10$',
    notSentence: '(?:告|法律|提告|追究|放過)',
  },
  {
    // 「保證住戶一百年都住得安心」, 「一輩子都不必擔心甲醛問題」, 「都會百分之百新鮮」: forever, or 100%, as an outcome.
    id: 'absolute.forever_zh',
    category: 'absolute_promise',
    re: `(?:一百年|百年|一輩子|永遠|終身|一生|世世代代|幾十年|數十年)(?:都|也)?(?:是)?(?:不必|不用|不需|不會|可以|能|住得|用得|吃得|安心|放心|安全|無虞|沒問題|可靠|乾淨)${CJK}{0,10}|(?:都會|都將|一定)(?:是)?(?:100 ?%|百分之百|百分百)${CJK}{1,6}`,
    notBefore: '(?:不敢說|不能說|無法保證|不敢保證|不能保證|不會說|並非|不是)~8$',
  },

  // legal_threat (tune-5 kinds) -----------------------------------------------------------------------------------
  {
    // 「看到一則告一則，一個都不會放過」, "Anyone repeating the claim … will be reported to the police", "will be held legally
    // responsible": every sharer threatened.
    id: 'legal_threat.every_one_sued',
    category: 'legal_threat',
    re: [
      `(?:看到|發現|抓到)${CJK}{0,2}一(?:則|個|篇|位|條)~12(?:告|提告|起訴|檢舉)一(?:則|個|篇|位|條)${CJK}{0,4}(?:[，,]\\s?${CJK}{0,6}(?:一個都不會放過|絕不放過|絕不寬貸))?`,
      String.raw`\b(?:anyone|those|people|users|accounts|members of the public|whoever|everyone)\b[^.!?;\n]{0,80}?\bwill be (?:reported to (?:the )?police|held (?:legally )?(?:responsible|liable|accountable)|sued|prosecuted|referred to (?:the )?police)\b[^.!?;\n]{0,40}`,
    ].join('|'),
    notBefore: '(?:不會|不|not|never) ?~3$',
  },

  // no_comment (tune-5 kinds) -------------------------------------------------------------------------------------
  {
    // 「調查結果出來前暫不作進一步評論」, "all questions had been referred to its lawyers": no comment, in other words.
    id: 'no_comment.no_further_comment',
    category: 'no_comment',
    re: `(?:暫|暫時|目前|現階段|在此之前)?不(?:作|做|予|便)(?:進一步|任何|更多)(?:的)?(?:評論|回應|說明|表示|置評)|${String.raw`\b(?:all |any )?(?:questions|enquiries|inquiries|requests|queries)\b[^.!?;\n]{0,30}\b(?:had been|have been|were|are|has been) (?:referred|directed|passed|forwarded) to (?:its|our|their|the company${AP}s) (?:lawyers|legal (?:team|counsel|department)|solicitors|attorneys)\b`}`,
  },
];
