// Rule families added after the first tuning round, in Chinese (written Traditional, matching Simplified
// through normalise()) and English: each a family of wordings, with its hard negatives in families.test.ts.
import type { PhraseRule } from './engine.ts';

const AP = "['’]";
const WE = '(?:我們|我司|本公司|敝公司|公司|本店|本品牌|品牌|我方|本集團|集團|總公司|總部|本平台|平台)';
const CUSTOMER = '(?:消費者|顧客|客人|客戶|民眾|使用者|用戶|家長|患者|病患|旅客|乘客|會員|買家|車主)';
const NEG_BEFORE = '(?:不(?![足當周佳良夠力慎嚴實善])|沒|沒有|無|非|未|並非|不是|並未|並不|無意|不會|不打算|不考慮|絕不會)@2$';
/** Hedges: a guess about someone else's fault is speculation, not blame shifting. */
const SPECULATIVE = '(?:推斷|推測|懷疑|猜|可能|應該是|估計|疑似|初步|研判|八成|大概|似乎|看來|看起來)';
/** The brand owning what a staff member did: not blame shifting. */
const OWNS_IT =
  '(?:確係|確實|的確|坦承|承認|責無旁貸|難辭其咎|是我們的|管理(?:疏失|不當|不周|上的疏失)|我們(?:都|仍|會|願)?(?:負起|承擔|負責)|(?:不會|不能|不該)(?:把責任)?推給)';

export const familyRules: PhraseRule[] = [
  // liability_admission: taking on every legal and financial liability, the kinds coordinated (賠償與法律上的責任).
  {
    id: 'liability.all_liabilities',
    category: 'liability_admission',
    re: '(?:負起|負上|承擔|扛起|肩負|擔起)(?:起)?(?:所有|全部|一切|完全|全數)(?:的)?@10?(?:法律|賠償|刑事|民事|經濟|損害賠償)(?:上)?(?:的)?責任',
    notBefore: '(?:不|無須|無需|不必|不用|不願|拒絕|同|一併|亦須|也須|也要|須|必須|自行)~2$',
    notSentence: '(?:網友|轉貼|轉發|造謠|散布|散播|留言者|分享者|轉傳)',
  },
  {
    id: 'liability.all_liabilities_en',
    category: 'liability_admission',
    re: String.raw`\bwe (?:will |shall |hereby )?(?:accept|assume|bear|take on|take) (?:full |complete |all |total |sole )(?:legal |financial |civil |criminal )?(?:and |& )?(?:legal |financial |civil |criminal )?(?:liability|responsibility for (?:the|all) (?:damages?|losses|harm|injur\w*))\b`,
  },

  // speculation: a hedge before "just / only / simply" + a cause.
  {
    id: 'speculation.likely_just',
    category: 'speculation',
    re: String.raw`\b(?:most |very |quite )?(?:likely|probably|possibly|presumably|perhaps|maybe|almost certainly)\b (?:just|only|simply|merely|nothing more than) (?:a|an|the|one|some)\b[^.!?;\n]{0,40}`,
    notBefore: String.raw`\b(?:not|un)$`,
  },
  {
    id: 'speculation.probably_zh',
    category: 'speculation',
    re: '(?:八成|多半|大概|十有八九|想必|恐怕|估計|應該|或許|也許)(?:只是|就是|只不過是|不過是|純粹是)@14',
    notBefore: '(?:不排除|是否|不會|不應|不宜)@3$',
    notSentence: '(?:是否|不會(?:臆測|猜測|推測)|不(?:便|宜)(?:臆測|猜測))',
  },

  // absolute_promise: zero defects and flawless claims.
  {
    id: 'absolute.zero_defects',
    category: 'absolute_promise',
    re: '零(?:缺點|漏洞|死角|錯誤|故障|誤差|缺失)|完美無(?:缺|瑕)|毫無(?:瑕疵|缺失|破綻|漏洞)|無任何(?:瑕疵|缺失|漏洞)|百密無一疏',
    notBefore: '(?:並非|不是|無法|不可能|難以|不敢說|沒有人能)~3$',
  },
  {
    id: 'absolute.zero_defects_en',
    category: 'absolute_promise',
    re: String.raw`\bzero (?:defects?|errors?|failures?|faults?|flaws?|breaches?|vulnerabilities)\b|\b(?:perfect|flawless|spotless|impeccable) (?:safety |quality |hygiene |security )?(?:record|quality|safety|hygiene|security)\b|\b(?:makes?|will make) (?:errors?|mistakes?|failures?|breaches?|leaks?|incidents?|a repeat|(?:this|that) kind of \w+)(?: \w+){0,3} impossible\b`,
    notBefore: String.raw`\b(?:not|no|never|cannot|can${AP}t) (?:\w+ )?$`,
  },

  // blame_shifting: staff acted on their own, the head office knew nothing.
  {
    id: 'blame.staff_acted_alone',
    category: 'blame_shifting',
    re: '(?:門市人員|門市|店員|員工|同仁|店長|工讀生|廚師|司機|外送員|外包人員|人員|該員|該名員工|分店|加盟店)@4(?:擅自|私自|自作主張|私下|未經(?:公司|總公司|本公司|總部)?(?:同意|授權|許可|核准))',
    notBefore: NEG_BEFORE,
    // 「至於是否有員工私下收取紅包」 asks; it puts nothing on anyone.
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|是否|有沒有|有無)`,
  },
  {
    id: 'blame.head_office_unaware',
    category: 'blame_shifting',
    re: `${WE}(?:也|並|完全|事先|事前|事後|對此|根本|全然|均|都|一直|同樣|當時){0,3}(?:不知情|毫不知情|一無所知|毫無所悉|並不知道|完全不知道|不曾知悉|未曾知悉|全不知曉)`,
    notSentence: OWNS_IT,
  },
  {
    id: 'blame.own_fault',
    category: 'blame_shifting',
    re: '咎由自取|自作自受|自食(?:其)?惡果|怪不得(?:別人|他人|我們|本公司)|只能怪(?:自己|他們自己|當事人)|怨不得(?:別人|他人|人)|(?:是|都是)(?:他們|消費者|顧客|客人|使用者|旅客|家長)?自找的',
    notBefore: `${WE}@2$`,
  },
  {
    id: 'blame.own_fault_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:only )?(?:have|has|had) (?:only )?(?:themselves|himself|herself|yourself|yourselves) to blame\b|\b(?:their|his|her|your) own (?:fault|doing|negligence|carelessness|mistake)\b|\bbrought (?:it|this|that) (?:up)?on (?:themselves|himself|herself|yourself)\b|\b(?:should|could) have known better\b`,
    notBefore: String.raw`\b(?:not|never|no|isn${AP}t|wasn${AP}t) $`,
  },

  // defamation: every allegation called a smear or a fabrication (an attack on the critics' good faith).
  {
    id: 'defamation.claims_are_smears',
    category: 'defamation',
    re: '(?:指控|爆料|說法|傳言|貼文|文章|報導|評論|負評|留言|影片|內容|指責|控訴)@4(?:全是|都是|全都是|根本是|根本就是|完全是|純粹是|純屬|全屬|分明是|擺明是|無非是|不過是)@4(?:抹黑|造謠|捏造|栽贓|污衊|中傷|胡扯|瞎掰|胡說|一派胡言|無中生有|憑空捏造|子虛烏有|編造|杜撰|惡意攻擊|假的|謊言)',
    notBefore: NEG_BEFORE,
    notIn: '(?:並非|不是|並未|沒有|無意)',
  },
  {
    id: 'defamation.claims_are_lies_en',
    category: 'defamation',
    re: String.raw`\b(?:allegations|accusations|claims|posts?|reports?|stories|story|videos?|reviews?|complaints?)\b(?: \w+){0,4} (?:are|were|is|was) (?:nothing but|all|pure|complete|total|utter|simply|just|a pack of|outright|a tissue of) (?:lies|fabrications?|fiction|smears?|slander|invented|fabricated|made up|a smear)\b`,
  },

  // victim_playing: punished or made to pay for what someone else did.
  {
    id: 'victim.punished_for_others',
    category: 'victim_playing',
    re: `替(?:人|別人|他人|供應商|廠商|員工)?背(?:黑)?鍋|代人受過|無端(?:受|被|遭)@4|無辜受(?:累|害|牽連)|${WE}@6(?:無端|無辜)?(?:受到|遭到|被)牽連|躺著也中槍|莫須有|欲加之罪`,
  },
  {
    id: 'victim.punished_for_others_en',
    category: 'victim_playing',
    re: String.raw`\b(?:being |been )?(?:punished|blamed|penali[sz]ed|attacked|condemned|crucified|made to pay) for (?:something|things|a mistake|mistakes|what|crimes?) (?:we|the company|our (?:company|brand|staff)) (?:never|didn${AP}t|did not|had nothing|have nothing)\b[^.!?;\n]{0,20}|\bpaying (?:the|a) price for (?:someone|somebody|others|other people|another)\b[^.!?;\n]{0,20}|\btaking the fall for (?:someone|somebody|others|another|a)\b`,
  },

  // minimizing: errors without a doer ("some mistakes did occur"), and "nobody is perfect".
  {
    id: 'minimizing.errors_happened',
    category: 'minimizing',
    re: '(?:一些|某些|些許|有些|部分)(?:錯誤|疏失|失誤|疏漏|缺失|問題|狀況)(?:確實|的確|難免|還是|終究)(?:有)?(?:發生|出現)(?:了|過)?|(?:一些|某些|些許|有些)(?:錯誤|疏失|失誤|疏漏)(?:已經?)?(?:發生|出現)了|(?:錯誤|失誤|疏失|疏漏)(?:在所)?難免|人非聖賢|誰能無過|人都會犯錯|百密(?:總有|難免|終有)?一疏',
    notSentence: '更正',
  },
  {
    id: 'minimizing.errors_happened_en',
    category: 'minimizing',
    re: String.raw`\b(?:some|certain|a few) (?:mistakes|errors|issues|problems|lapses|oversights) (?:did |may have |might have |have |had )?(?:occur(?:red)?|happen(?:ed)?|arose|arisen|crept in)\b|\b(?:nobody|no one|no company|no business)(?: is|${AP}s) perfect\b|\bthese things (?:happen|do happen)\b`,
  },
  // liability_admission (en): our staff / systems failed; we did not meet our obligations.
  {
    id: 'liability.our_people_failed',
    category: 'liability_admission',
    re: String.raw`\bour (?:\w+ ){0,2}(?:failed|neglected) to (?:follow|comply|meet|check|inspect|notice|report|secure|protect|store|test)\b|\bwe (?:did not|didn${AP}t|failed to) (?:meet|fulfil|fulfill|comply with|honou?r) (?:our |the |its )?(?:legal |statutory |regulatory )?(?:obligations?|duty|duties|regulations?|requirements|law)\b|\bwe (?:own|accept) (?:this|the|our) (?:mistake|failure|fault) (?:completely|entirely|fully)\b`,
    notBefore: String.raw`\b(?:if|whether|not|never) (?:\w+ )?$`,
  },

  // speculation: likely + a past-tense cause verb; "we have reason to believe"; 推估 / 猜想 / 應屬.
  {
    id: 'speculation.likely_verb',
    category: 'speculation',
    re: String.raw`\b(?:most |very |quite )?(?:likely|probably|possibly|presumably|in all probability)(?:,)? (?:sparked|started|caused|triggered|began|originated|came|arose|stemmed|introduced|occurred|happened|spread|entered|leaked)\b[^.!?;\n]{0,40}|\b(?:we have|there is) (?:good |every |some )?reason to (?:believe|suspect|think)\b[^.!?;\n]{0,40}|\bwe${AP}?(?:re| are) guessing\b[^.!?;\n]{0,40}`,
    notBefore: String.raw`\b(?:not|un)$`,
  },
  {
    id: 'speculation.estimate_zh',
    category: 'speculation',
    re: '(?:推估|推想|猜想|估摸|揣測|初步認定|初步推定|研判應|應屬|恐係|疑係|疑是)@16',
    // 「網友懷疑是…」 reports someone else's guess.
    notBefore: '(?:(?:不|不會|不宜|不便|避免|無從|不予|拒絕|不應|請勿|勿)@2|(?:網友|外界|媒體|民眾|有人|家長|消費者)懷?)$',
    notSentence:
      '(?:(?:不會|不宜|不便|避免|無從|不予|請勿|勿)@4|(?:不|不會|不宜|避免|無意)~10(?:做|作|進行|加以|妄加|多加|妄作)(?:任何)?(?:的)?)(?:臆測|猜測|推測|揣測|猜想)',
  },

  // absolute_promise: "the last time this will happen", 不復發生.
  {
    id: 'absolute.last_time',
    category: 'absolute_promise',
    re: String.raw`\b(?:the )?last time (?:this|that|it|anything like (?:this|that)|something like (?:this|that)) (?:will |would |is going to )?(?:ever )?(?:happen|occur)s?\b|不復(?:存在|發生|出現|重演)|下不為例`,
  },

  // blame_shifting (en): someone else's fault, customers responsible for checking, independently run.
  {
    id: 'blame.others_fault_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:the |a |our )?(?:[a-z]+ )?(?!(?:company|brand|management|team|our|my|own|nobody|anyone|everyone|someone|somebody|it|one)${AP})[a-z]+${AP}s (?:own )?(?:fault|negligence|carelessness)\b|\b(?:customers?|users?|guests?|passengers?|parents?|consumers?|clients?) (?:are|is|remain) (?:solely |fully |ultimately )?responsible for (?:checking|reading|keeping|securing|supervising|storing|following|protecting|verifying)\b|\bindependently (?:run|managed)\b|\bcaused by (?:air traffic control|the regulator|regulators|the local authorities|the city|the landlord|the developer|our (?:cloud|payment|hosting|software|logistics|network) (?:provider|vendor|partner))\b`,
    notBefore: String.raw`\b(?:not|never|isn${AP}t|wasn${AP}t|no) (?:\w+ )?$`,
    notSentence: String.raw`\b(?:suspect|believe|likely|probably|may have|might have|appears|seems|possibly)\b`,
  },

  // defamation: a critic's mind, motives or record attacked.
  {
    id: 'defamation.character_en',
    category: 'defamation',
    re: String.raw`\b(?:is|are|was|were) (?:a |an )?(?:clearly |obviously |known to be |simply |just )?(?:a |an )?(?:\w+ and )?(?:dishonest|untrustworthy|unhinged|deranged|mentally unstable|delusional|vindictive|habitual liar|compulsive liar)\b|\bon (?:a |the |our )?(?:competitor|rival)s?${AP}?s?${AP}? payroll\b|\b(?:has|had) (?:a )?(?:criminal record|been convicted)\b`,
    notBefore: String.raw`\b(?:we|i|our (?:company|staff|team)|not|no)(?: \w+)? ?$`,
  },

  // no_comment: 恕…無法回答, 不會多做說明, "nothing to share", "a matter for our lawyers".
  {
    id: 'no_comment.will_not_explain',
    category: 'no_comment',
    re: `恕(?:本公司|我們|敝公司)?(?:無法|不便|不予|不能)(?:回答|回應|評論|置評|說明|透露)|不會(?:再)?(?:對外)?(?:多做|多作|多加|做|作|發表)?(?:任何)?(?:說明|回應|評論|解釋)|\\bnothing (?:further |more )?to share\\b|\\b(?:a matter|one|something) for (?:our|the) (?:lawyers?|legal team|attorneys|counsel|courts?)\\b`,
  },

  // victim_playing: 網路暴力 aimed at the brand, "subjected to", "we are the ones who were hurt", 受傷最深的是我們.
  {
    id: 'victim.hurt_most',
    category: 'victim_playing',
    re: `(?:受傷|受害|受創|損失)(?:最深|最重|最大|最多)的(?:是|就是|其實是|反而是)${WE}|${WE}(?:才是|反而是|其實是)?(?:受傷|受害|受創)最(?:深|重)|網路暴力|網暴|言語暴力|最(?:無辜|冤枉)|軟柿子|柿子挑軟的吃|\\b(?:the |an )?(?:easy|convenient|soft) targets?\\b|\\b(?:we|our (?:staff|team|employees|people|company|brand)) (?:have|has) been subjected to\\b[^.!?;\\n]{0,30}|\\bwe${AP}?(?: are|re) the ones (?:who (?:have been|were|are being) )?(?:hurt|harmed|suffering|wronged|paying|attacked)\\b`,
    notBefore: '(?:譴責|反對|制止|拒絕|防止|杜絕)@10$',
  },

  // minimizing: "only a fraction", "the impact was minimal", "regret any confusion", 虛驚一場.
  {
    id: 'minimizing.minimal_impact',
    category: 'minimizing',
    // 「我們不會說這只是一場誤會」 refuses the downplaying.
    notBefore: '(?:不會說|不能說|不應說|不該說|不是|並非|絕非|絕不是|而非)(?:這|此|它)?(?:只是|僅是|是)?$',
    re: String.raw`\bonly a (?:small |tiny )?(?:fraction|handful|sliver)\b|\b(?:impact|effect|damage|risk|disruption)s? (?:was|were|is|are|has been|remains?) (?:minimal|negligible|minor|insignificant|very small|small|limited)\b(?! to)|\b(?:regret|apologi[sz]e for|sorry for) any (?:confusion|misunderstanding|concern|discomfort|distress)\b|虛驚一場|一場誤會|茶壺裡的風暴`,
  },

  // legal_threat: tracing every account, lists of critics, posts referred to the police.
  {
    id: 'legal_threat.tracing',
    category: 'legal_threat',
    re: String.raw`追查@6(?:每一|所有|全部)@4(?:帳號|網友|留言者|發文者)|(?:所有|每一個?)(?:帳號|留言者|網友|發文者)@4(?:身分|身份|ip)@4(?:追查|查出|掌握|調出)|\b(?:compil\w+|keeping|building|making|drawing up) (?:a )?(?:list|record|file|dossier) of (?:(?:the |all |every )?(?:accounts|users|people|individuals|posters|critics|commenters|those))\b|\b(?:posts?|comments?|accounts?|users?|those|anyone|people|individuals)\b(?: \w+){0,5} (?:will be|are being|have been) (?:referred|reported) to (?:the )?(?:police|prosecutors?)\b`,
    notIn: String.raw`\b(?:not|never|no)\b|不會|不打算|無意`,
  },
  // liability_admission (zh): our own staff's or system's error caused it; a serious lapse exists at our end.
  {
    id: 'liability.our_staff_caused',
    category: 'liability_admission',
    re: `${WE}的?(?:員工|同仁|人員|團隊|系統|作業|管理|內部)@6(?:疏失|過失|失誤|疏忽|錯誤|失職|疏漏)@3(?:導致|造成|引起|所致|引發)|${WE}@10(?:存在|確有|出現了?)(?:重大|嚴重|明顯)(?:的)?(?:疏漏|疏失|過失|缺失|違失)|是${WE}@6的(?:重大|嚴重|明顯)(?:的)?(?:錯誤|疏失|過失|失誤|疏忽|過錯|疏漏)`,
    notBefore: '(?:若|如果|假如|是否|有無|不是|並非|沒有)@4$',
    notSentence: '(?:調查|釐清|查明|確認)(?:是否|有無)',
  },
  {
    id: 'speculation.others_suspect',
    category: 'speculation',
    re: String.raw`\b(?:engineers|experts|technicians|investigators|team|staff|analysts|managers?|officials|crews?|inspectors) (?:suspect|reckon|believe|think)\b[^.!?;\n]{0,50}`,
    notSentence: String.raw`\b(?:won${AP}t|will not|not) (?:guess|speculate)`,
  },
  {
    id: 'no_comment.lawyers_speak',
    category: 'no_comment',
    re: String.raw`\blet our (?:lawyers?|attorneys?|legal team|counsel) (?:speak|answer|respond|talk|handle)`,
  },
  {
    id: 'victim.nobody_cares',
    category: 'victim_playing',
    re: String.raw`\b(?:nobody|no one) (?:talks about|cares about|asks about|mentions|thinks about|considers) (?:what |how )?(?:we|our (?:staff|employees|team|people|workers|family))\b[^.!?;\n]{0,30}|沒有人(?:在乎|關心|想過|體諒|在意)(?:過)?(?:我們|同仁|員工|第一線)`,
  },
  {
    id: 'legal_threat.coming_after',
    category: 'legal_threat',
    re: String.raw`\b(?:we are|we${AP}re|we will be|we${AP}ll be) coming (?:after|for) (?:you|them|those|everyone|anyone)\b|\bwe know who you are\b|\bexpect to hear from our (?:lawyers?|attorneys?|legal team)\b`,
  },
  // absolute_promise: everyone will get the outcome — unless it is a concrete action with a date.
  {
    id: 'absolute.everyone_en',
    category: 'absolute_promise',
    re: String.raw`\b(?:every|each) (?:single )?(?:customer|person|one|product|item|batch|affected \w+) (?:will|shall) (?:be|receive|get)\b|\beveryone will (?:be|receive|get)\b`,
    // "Every affected heater will be collected" is a concrete action, not a guarantee of an outcome.
    notAfter: String.raw`^ (?:\w+ )?(?:collected|inspected|contacted|notified|tested|checked|called|picked up|sent|examined|reviewed|recalled)\b`,
    notSentence: String.raw`\b(?:by|before|within|on|until|no later than) (?:the end of |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|\d|january|february|march|april|may|june|july|august|september|october|november|december|week|month)`,
  },
  {
    id: 'absolute.history',
    category: 'absolute_promise',
    re: '(?:讓|使)@8(?:永遠|從此)?成為(?:過去|歷史)|永遠成為(?:過去|歷史)',
  },
  // liability_admission: "because we did not …, it happened"; admitting a lapse.
  {
    id: 'liability.because_we_did_not',
    category: 'liability_admission',
    re: `(?:因為|由於|因|是因)${WE}@6(?:沒有|未能|未|沒|疏於|忽略)@12(?:所致|而造成|所造成|導致|才會|才導致|而導致)|(?:承認|坦承|坦言|不否認)~16(?:疏失|過失|失職|違失|失誤|做錯|犯錯|違規|違法|漏洞|缺失|疏漏)`,
    notBefore: '(?:若|如果|假如|是否|有無|不是|並非|不|拒絕)@2$',
    notSentence: '(?:調查|釐清|查明|確認)(?:是否|有無)',
  },
  {
    id: 'no_comment.not_getting_into',
    category: 'no_comment',
    re: String.raw`\b(?:not going to|won${AP}t|will not|are not|aren${AP}t) (?:get|getting|go|going) into (?:that|this|it|the (?:details|matter|specifics))\b`,
    notSentence: String.raw`\b(?:privacy|private|consent|wish|wishes|respect for)\b`,
  },
  {
    id: 'legal_threat.lawyers_letters',
    category: 'legal_threat',
    re: String.raw`(?:律師|法務)@12(?:發函|寄函|發出律師函|寄存證信函|提告|提出告訴)|\b(?:face|faces|facing|meet|see) (?:the )?(?:consequences|us|them) in court\b`,
    notIn: String.raw`\b(?:not|never|no)\b|不會|不打算|無意`,
    notBefore: NEG_BEFORE,
  },
  {
    id: 'liability.our_upkeep_improper',
    category: 'liability_admission',
    re: `${WE}的@8(?:維護|管理|處置|處理|保存|操作|把關|監督|檢查|稽核)(?:不當|不周|不嚴|疏失|失當|不力)`,
    notBefore: '(?:若|如果|假如|是否|有無|不是|並非)@4$',
    notSentence: '(?:調查|釐清|查明|確認)(?:是否|有無)',
  },
  {
    id: 'no_comment.no_further',
    category: 'no_comment',
    re: String.raw`\bno (?:further|more|additional) comments?\b`,
  },
  {
    id: 'legal_threat.evidence_on_everyone',
    category: 'legal_threat',
    re: '(?:所有|每一位?|每個|全部)@4(?:轉發者|轉貼者|轉傳者|分享者|留言者|網友|發文者|帳號)@4(?:截圖|存證|蒐證|取證|錄影)',
    notIn: '(?:不會|不打算|無意)',
  },
  {
    id: 'liability.failure_of_ours_en',
    category: 'liability_admission',
    re: String.raw`\b(?:a |the )?(?:failure|lapse|breakdown|breach) (?:of|in) our (?:own )?(?:[\w-]+ ){0,2}(?:control|controls|checks|processes|procedures|systems|oversight|safeguards|security|duty)\b`,
    notBefore: String.raw`\b(?:not|no|never|whether|if|any) (?:\w+ )?$`,
  },
  {
    id: 'speculation.odds_en',
    category: 'speculation',
    re: String.raw`\b(?:odds are|the odds are|we${AP}d (?:guess|bet|say)|i${AP}d (?:guess|bet)|my guess is|our hunch is)\b[^.!?;\n]{0,50}`,
  },
  {
    id: 'speculation.looks_like_zh',
    category: 'speculation',
    re: '(?:看樣子|看起來像是|感覺是|八九不離十|照理說應該|依經驗判斷)@14',
    notBefore: '(?:不|不會|不宜|不便|避免|無從)@2$',
  },
  {
    id: 'blame.had_they_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:had|if) (?:the |our |a |these |those )?(?:customers?|users?|guests?|passengers?|parents?|drivers?|patients?|consumers?|clients?|buyers?|diners?|owners?)\b[^.!?;\n]{0,40}\b(?:would not|wouldn${AP}t|would never|none of this|nothing (?:would|of this))\b[^.!?;\n]{0,20}`,
  },
  {
    id: 'victim.deceived_too',
    category: 'victim_playing',
    re: `(?:也是|同樣是|一樣是)@10(?:被騙|欺騙|受騙|被害|受害|被蒙蔽|被蒙騙|矇騙)@4(?:的一方|的人|者)?|${WE}(?:也|同樣|一樣)(?:是)?被@8(?:欺騙|矇騙|蒙騙|蒙蔽|騙)|${WE}~6(?:承受|蒙受|受到|遭受)(?:了)?~12(?:謾罵|辱罵|霸凌|羞辱|網暴|人身攻擊)|\\b(?:the whole|the entire) (?:internet|world|media|country)\\b[^.!?;\\n]{0,20}\\bagainst us\\b|\\b(?:everyone|everybody) (?:is|seems) against us\\b`,
  },
  {
    id: 'legal_threat.pursue_people_en',
    category: 'legal_threat',
    re: String.raw`\b(?:reserve the right to|will|shall|we${AP}ll|intend to|are going to) (?:legally |vigorously )?pursue (?:anyone|everyone|those|them|people|all|every|each)\b`,
    notIn: String.raw`\b(?:not|never|no)\b`,
  },
  {
    id: 'absolute.ensure_all',
    category: 'absolute_promise',
    re: '確保~4(?:所有|每一)',
    // 「確保所有顧客在本週內收到通知」 is a dated action.
    notSentence:
      '(?:\\d+ ?月|\\d+ ?日|週[一二三四五六日]|星期|本週|下週|這週|月底|年底|明天|明日|今天|今日|\\d+ ?(?:個工作天|天|小時|日)內)',
  },
  {
    id: 'liability.our_controls_failed',
    category: 'liability_admission',
    re: `${WE}(?:的)?@6(?:把關|防護|管理|控管|監督|稽核|資安|檢查|內控|品管)(?:機制|措施|流程)?(?:確實|的確|明顯|嚴重|太過|過於)?(?:失守|不足|不周|不嚴|不力|失靈|鬆散|有漏洞|出現漏洞|形同虛設)`,
    notBefore: '(?:若|如果|假如|是否|有無|不是|並非)@4$',
    notSentence: '(?:調查|釐清|查明|確認|檢討)(?:是否|有無)',
  },
  {
    id: 'speculation.lean_towards',
    category: 'speculation',
    re: String.raw`傾向(?:認為|判斷|相信)@14|\b(?:we |i )?(?:lean|leaning|leans) (?:towards?|to)\b[^.!?;\n]{0,40}|\bour (?:leading|working|main) (?:theory|assumption|hypothesis)\b[^.!?;\n]{0,40}`,
  },
  {
    id: 'absolute.not_repeated_en',
    category: 'absolute_promise',
    re: String.raw`\b(?:this|it|that|such (?:an? )?\w+|anything like (?:this|that)|(?:the same |such )?(?:mistakes?|errors?|failures?|incidents?|breach(?:es)?|leaks?)) (?:will|shall|would)(?: not|n${AP}t) (?:ever )?(?:be repeated|recur|happen again|occur again)\b|\b(?:this|it|that) won${AP}t (?:ever )?(?:be repeated|recur)\b`,
  },
  {
    id: 'blame.customer_habits',
    category: 'blame_shifting',
    re: `${CUSTOMER}(?:的)?@4(?:使用習慣|使用方式|操作方式|保存方式|個人體質|體質|習慣)(?:的)?(?:問題|所致|造成|不當)|\\b(?:run|operated|owned|managed) by (?:a |an |the )?(?:franchisee|third[- ]party|independent (?:operator|contractor))\\b`,
    notBefore: NEG_BEFORE,
    notSentence: SPECULATIVE,
  },
  {
    id: 'defamation.history_of_en',
    category: 'defamation',
    re: String.raw`\b(?:history|record|pattern) of (?:fabricat\w*|inventing|lying|making (?:things|stuff|claims|complaints) up|extort\w*|scam\w*|faking)\b`,
  },
  {
    id: 'liability.wrong_lies_with_us',
    category: 'liability_admission',
    re: '(?:錯|過錯|疏失)(?:在|都在|全在|就在)(?:於)?(?:本店|本公司|我們|我方|公司|我司|敝公司|本行|本集團)',
    notBefore: NEG_BEFORE,
  },
  {
    id: 'speculation.my_sense_en',
    category: 'speculation',
    re: String.raw`\b(?:my|our) (?:sense|gut feeling|gut|instinct|feeling) (?:is|says|tells us|tells me)\b[^.!?;\n]{0,50}|\b(?:we|i)${AP}d say (?:it|this|the)\b[^.!?;\n]{0,40}`,
  },
  {
    id: 'absolute.impossible_en',
    category: 'absolute_promise',
    re: String.raw`\b(?:this|it|that|such|a (?:repeat|recurrence)|(?:this|that) kind of \w+|(?:errors?|mistakes?|breach(?:es)?|leaks?|failures?|incidents?)(?: like (?:this|that))?) (?:is|are|will be|would be) (?:now |from now on |henceforth )?(?:simply |completely |totally |absolutely )?impossible\b|\bnothing like (?:this|that|it) (?:will |would |can )?ever\b|\b(?:ensure|make sure) (?:that )?(?:nothing|no one|nobody|no customer|no passenger)\b`,
    notAfter: String.raw`^ (?:to|for|that)\b`,
  },
  {
    id: 'blame.beyond_us_zh',
    category: 'blame_shifting',
    re: `${WE}(?:所)?(?:無法|難以|不能|無從)(?:控制|掌控|預見|預料|檢驗|查核|把關)|已(?:善)?盡(?:到)?(?:了)?(?:告知|說明|提醒|注意|警示)(?:的)?(?:義務|責任)`,
    notSentence: '(?:但|仍|依然|還是)@6(?:負責|負起|承擔)',
  },
  {
    id: 'defamation.rivals_wrote_it',
    category: 'defamation',
    re: '(?:是|都是|明顯是|根本是|分明是|其實是)@4(?:對手|競爭對手|同業)(?:公司)?(?:的)?@4(?:小編|員工|網軍|寫手|打手|派來的|雇來的|安排的|所寫|寫的)',
    notBefore: NEG_BEFORE,
  },
  {
    id: 'no_comment.nothing_to_add',
    category: 'no_comment',
    re: String.raw`沒有(?:什麼|任何)?(?:可以|能|需要)?(?:補充|多說|奉告)的?|\b(?:lawyers?|attorneys?|counsel|legal team) (?:have |has )?(?:advised|told|instructed|asked) us (?:not to|to not) (?:comment|speak|say|discuss)`,
  },
  {
    id: 'victim.ruined',
    category: 'victim_playing',
    re: String.raw`(?:心血|努力|名聲|商譽|信譽|招牌)~10(?:被|遭)@8(?:毀掉|摧毀|毀於|抹煞|抹殺|一筆勾銷|踐踏|毀了)|\btreated like (?:criminals|villains|monsters|the enemy|murderers)\b`,
  },
  {
    id: 'minimizing.slice_en',
    category: 'minimizing',
    re: String.raw`\bonly (?:a |an )?(?:small |tiny |very small )?(?:slice|portion|percent|subset|minority|sub-set) of\b|\b(?:sorry|apologi[sz]e|regret)\b(?: \w+){0,2} (?:any )?hurt feelings\b`,
  },
  {
    id: 'legal_threat.targets',
    category: 'legal_threat',
    re: String.raw`(?:鎖定|查出|掌握|追查到)@8(?:造謠|散布|帶頭|惡意)@6(?:帳號|網友|者|人士|人)|\b(?:every|all|any) (?:measures?|means|steps?|actions?|remed(?:y|ies)|options?) (?:the law allows|available (?:to us )?under the law|permitted by law|within the law)\b|\b(?:lawsuits?|legal action|legal proceedings|complaints|charges)\b(?: \w+){0,4} against (?:the |those |these |all |any )?(?:accounts|users|people|individuals|posters|netizens|critics|influencers?|bloggers?|those|anyone|everyone)\b`,
    notIn: String.raw`\b(?:not|never|no)\b|不會|不打算|無意`,
    notBefore: String.raw`\b(?:not|never|no)\b(?: \w+){0,3} $|不會@2$`,
  },
  {
    id: 'absolute.surely_all',
    category: 'absolute_promise',
    re: '(?:絕對|肯定|必定)(?:會|能)@8(?:每一|所有|全部|全數)',
    notBefore: '(?:不|無法|不敢|難以)@2$',
  },
  {
    id: 'speculation.suspicion_en',
    category: 'speculation',
    re: String.raw`\b(?:a |our |the )?(?:strong |growing |working )?suspicion (?:is )?(?:that|is)\b[^.!?;\n]{0,50}`,
  },
  {
    id: 'no_comment.no_intention',
    category: 'no_comment',
    re: '(?:無意|不打算|不準備)(?:對外)?(?:回應|評論|說明|置評|答覆)',
  },
  {
    id: 'minimizing.small_delay',
    category: 'minimizing',
    re: String.raw`小(?:延誤|延遲|誤差|落差|毛病)|\bif (?:our|the|this|my) (?:[\w-]+ ){0,2}(?:hurt|offended|upset|bothered|disappointed)\b`,
  },
  // Round 10 (zh-TW): more shapes of the same risks.
  {
    id: 'liability.it_was_us_zh',
    category: 'liability_admission',
    re: `(?:確定|證實|確認|查明)(?:是|為|係)${WE}@8(?:出錯|出了?問題|出包|疏失|失誤|錯誤|過失)|是${WE}@8(?:出錯|出了錯|出包|搞錯|弄錯)|無可推諉|不容推諉|無法推諉|${WE}@8(?:決策|判斷|決定)(?:上的)?(?:錯誤|失誤|失當|不當)`,
    notBefore: '(?:若|如果|假如|是否|有無|不是|並非|沒有)@4$',
    notSentence: '(?:調查|釐清|查明|確認)(?:是否|有無)',
  },
  {
    id: 'absolute.zero_problems',
    category: 'absolute_promise',
    re: '(?:問題|風險|疏失|錯誤|事故|客訴|意外)@4(?:完全|徹底|全面)?歸零|(?:經得起|通過)任何(?:檢驗|檢測|考驗|稽核)|(?:所有|全部|每一)@8(?:都|皆|均)(?:能|可以|會)(?:通過|經得起)@6(?:任何|所有|一切)(?:檢驗|檢測|考驗|稽核)',
  },
  {
    id: 'victim.mobbed_zh',
    category: 'victim_playing',
    re: '背後@6(?:同一批人|有人|有心人|有組織|集團)@4(?:操作|操控|主導|指使|策劃)|為什麼@6只@4(?:針對|檢討|罵|盯著|攻擊|批評|找)@4(?:我們|本公司|我們家)|(?:我們|本公司|品牌|同仁|員工|門市|店家)@8(?:被|遭)@10(?:圍剿|圍攻|出征|霸凌|公審|獵巫)',
  },
  {
    id: 'no_comment.no_need',
    category: 'no_comment',
    re: '(?:沒有|無)(?:進一步|再|多做|多加)?(?:說明|回應|解釋|評論)的?必要',
  },
  {
    id: 'minimizing.most_unaffected',
    category: 'minimizing',
    re: '(?:大多數|大部分|絕大多數|絕大部分)(?:的)?@4(?:都|其實|並)?@2(?:沒有|未|並未)(?:受到)?(?:影響|波及)|(?:沒有|不如|並非|不是)@8(?:那麼|這麼|如此)(?:嚴重|誇張|糟|可怕)',
  },
  {
    id: 'legal_threat.hunting_zh',
    category: 'legal_threat',
    re: '(?:一個一個|逐一|一一)@4(?:找出|揪出|查出|追查)@10(?:散播|散布|造謠|留言|轉傳|轉貼)|揪出@8(?:造謠|散播|散布|帶頭)|(?:留言者|發文者|網友|帳號|轉傳者|轉貼者)@8(?:提供給?|交給?|移交|送交?)@4(?:警方|檢調|檢方|地檢署)',
    notIn: '(?:不會|不打算|無意)',
    notBefore: NEG_BEFORE,
  },
  // Round 11 (English): more shapes of the same risks.
  {
    id: 'liability.result_of_our_en',
    category: 'liability_admission',
    re: String.raw`\b(?:result|consequence|product) of our (?:own )?(?:poor|inadequate|insufficient|lax|careless|negligent|faulty|sloppy|failed|deficient|substandard)\b[^.!?;\n]{0,20}|\b(?:due to|because of|caused by) our (?:own )?(?:poor|inadequate|insufficient|lax|careless|negligent|sloppy|deficient|substandard)\b[^.!?;\n]{0,20}|\bwe (?:knowingly|deliberately|intentionally|wil?fully) (?:sold|shipped|served|ignored|hid|concealed|misled|used|broke|violated|skipped)\b`,
    notBefore: String.raw`\b(?:not|no|never|whether|if) (?:\w+ )?$`,
  },
  {
    id: 'speculation.probable_en',
    category: 'speculation',
    re: String.raw`\bmost (?:probable|likely|plausible) (?:explanation|cause|culprit|scenario|source|reason)\b|\b(?:may|might|could) (?:well|very well) have been\b[^.!?;\n]{0,40}|\b(?:may|might|could) have been (?:an? |the )(?:act|case|result|work) of\b[^.!?;\n]{0,30}`,
  },
  {
    id: 'absolute.not_a_single_en',
    category: 'absolute_promise',
    re: String.raw`\bnot (?:a single|one) (?:\w+ )?(?:customer|person|passenger|user|guest|account|order|flight|child|patient|family)s? (?:will|shall|is going to)\b[^.!?;\n]{0,30}|\bwill (?:stop|block|prevent|catch|eliminate|detect) (?:every|all|any) (?:single )?(?:attack|breach|intrusion|error|mistake|problem|defect|threat|failure|risk)s?\b`,
  },
  {
    id: 'blame.their_issue_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:is|was|are|were) (?:really |entirely |squarely |solely |clearly )?(?:their|his|her) (?:issue|problem|responsibility|fault|mess|doing)\b|\b(?:supplier|vendor|contractor|subcontractor|manufacturer|franchisee|partner|courier|carrier|factory|landlord|airport|bank)(?:${AP}s)?(?: \w+)? (?:cut corners|skipped|cheated|botched|let us down)\b|\b(?:can${AP}t|cannot|shouldn${AP}t|should not) blame (?:the |our )?(?:platform|company|brand|us|store|airline|restaurant|app|hotel)\b|\bno one to blame but\b`,
    notSentence: String.raw`\b(?:suspect|believe|likely|probably|may have|might have|appears|seems|possibly)\b`,
  },
  {
    id: 'defamation.out_to_get_us_en',
    category: 'defamation',
    re: String.raw`\b(?:reporter|journalist|influencer|blogger|critic|whistleblower|youtuber|tiktoker|poster|complainant|accuser|ex-employee|former employee|outlet)s?(?: \w+){0,3} (?:has been|have been|is|are|was|were) (?:out to get|gunning for|after) us\b|\bpaid to (?:trash|attack|smear|slam|bash|post about) us\b|\bfake (?:people|reviewers|profiles)\b|\breview[- ]bomb\w*|\bstaged by\b`,
  },
  {
    id: 'no_comment.dignify_en',
    category: 'no_comment',
    re: String.raw`\bdignify\b[^.!?;\n]{0,40}\b(?:response|reply|answer|comment)\b|\b(?:legal (?:reasons|matters|advice|considerations|constraints)|ongoing litigation|pending litigation|the lawsuit) (?:prevents?|prohibits?|stops?|keeps?|bars?) us from (?:saying|commenting|discussing|sharing)\b|\bfor legal reasons,? (?:we )?(?:cannot|can${AP}t|will not|won${AP}t) (?:comment|say|discuss)`,
  },
  {
    id: 'victim.harshest_en',
    category: 'victim_playing',
    re: String.raw`\bno (?:other )?(?:company|brand|business|one) (?:has been|is|was|gets) (?:treated|attacked|critici[sz]ed|judged|punished) (?:as|so|this) (?:harshly|unfairly|badly|severely)\b|\b(?:used|treated) as (?:a |the )?(?:scapegoat|punching bag|whipping boy)\b`,
  },
  {
    id: 'minimizing.some_may_have_en',
    category: 'minimizing',
    re: String.raw`\b(?:some|a few|certain) (?:people|customers|viewers|readers|users|fans) (?:may|might) have (?:found|felt|taken|seen|perceived)\b[^.!?;\n]{0,30}|\bcrossed wires\b|\b(?:simply|just|merely|only) a (?:case|matter) of\b`,
  },
  {
    id: 'legal_threat.watching_en',
    category: 'legal_threat',
    re: String.raw`\bour (?:lawyers?|attorneys?|legal team) (?:are|is) (?:watching|monitoring|reading|tracking)\b|\bthink twice before (?:you )?(?:post|share|comment|spread)\w*|\bseek(?:ing)? (?:damages|compensation|an injunction) (?:from|against) (?:anyone|everyone|those|all|people|the (?:people|users|accounts|individuals))\b|\b(?:every|all|each) (?:defamatory |false |malicious |offending )?(?:comment|post|message|review|video)s? (?:has|have) been (?:archived|saved|preserved|recorded|screenshotted|captured|logged)\b`,
    notIn: String.raw`\b(?:not|never|no)\b`,
    notBefore: String.raw`\b(?:not|never|won${AP}t)\b(?: \w+){0,2} $`,
  },
];
