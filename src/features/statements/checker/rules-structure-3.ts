// Structural rules of the fifth round (issue 6): each is the general shape behind a kind of wording the third holdout
// (h2, retired into tuning once its score was reported) showed the rules did not know — the organisation's product,
// staff or part declared blameless after a cause put on someone else, a bad event declared impossible, "not a single
// one will …", a fault "on our watch", a guess framed by "we suspect" with the claim after it, a hedge whose clause
// ends in the result it explains (…可能…才…), a critic's fabrication asserted as plain (分明是在捏造), a lawsuit
// against "all of them", legal papers said to be ready, the impact softened by a degree adverb, a slip of the tongue
// as "only", "normal at any venue", being cast as the public's enemy. Chinese is written Traditional and matches
// Simplified through normalise(); wordings and hard negatives are in structure-3.test.ts.
import type { PhraseRule } from './engine.ts';
import { AP, CJK, OWNS_IT, SPECULATIVE } from './rules-structure.ts';

/** The organisation's own people in an incident (not a customer). */
const STAFF_ZH =
  '(?:司機|駕駛|員工|店員|同仁|人員|服務人員|護理師|護理人員|醫師|醫護|保全|教練|老師|導遊|領隊|技師|師傅|外送員|櫃檯|機組員|空服員|船員|列車長|站務員|駕駛員|工作人員|業務|專員)';
/** What the organisation sells or runs, named as not at fault. */
const THING_ZH =
  '(?:產品|商品|設備|機台|車輛|系統|服務|餐點|食材|原料|配方|藥品|藥物|材質|包裝|設計|品質|鍋具|機器|軟體|硬體|車廂|路線|設施|器材)';
/** Someone other than the organisation, who did something (for the "X did Y, our staff did nothing wrong" shape). */
const OTHER_ZH = `(?:乘客|旅客|顧客|客人|消費者|使用者|用戶|家長|學生|病患|患者|民眾|遊客|車主|住戶|會員|買家|對方|當事人|騎士|行人|飼主|房客|網友|涉事|該名|該位|${CJK}某某?)`;

/** An outside party named as the agent of the act or the defect (Traditional; matches Simplified). */
const OUTSIDE_ZH =
  '(?:合作的?[\\u3400-\\u9fff]{0,4}公司|大樓管理單位|管理單位|管理處|電網公司|電網|自來水公司|瓦斯公司|電信公司|教育局|衛生局|環保局|交通局|工務局|消防局|市府|市政府|縣府|縣政府|公所|監理站|海關|行銷公司|外包公司|委外公司|代工廠|代工|供應商|原料商|廠商|業者|承包商|包商|外包商|外包|協力廠商|印刷廠|倉儲|物流|貨運|快遞|通訊社|經銷商|加盟主|加盟店|場站業主|業主|房東|物業|管委會|平台|系統商|整合商|設計師|顧問|檢測機構|檢驗機構|主管機關|政府|台電|電力公司|電信業者|第三方|執行團隊|團隊|經營團隊|管理團隊|前任|原廠|製造商|茶農|農友|農民|契作|合作社|旅行社|航空公司|機場|醫院|診所|轉診|藥廠|上游)';
/** The same in English. */
const OUTSIDE_EN =
  '(?:promoter|event promoter|organi[sz]er|brand owner|partner|partners|supplier|suppliers|vendor|vendors|manufacturer|manufacturers|integrator|contractor|contractors|subcontractor|clinic|hospital|government|council|authority|authorities|regulator|league|agency|optometrist|doctor|physician|landlord|franchisee|franchise partner|operator|carrier|courier|airline|port|airport|insurer|bank|platform|seller|sellers|printer|print shop|warehouse|logistics (?:firm|company|provider)|developer|designer|consultant|inspector|assessor|laboratory|lab|certifier|agent|broker|employees|staff members|team members|workers|technician|technicians|monitors)';

/**
 * For the broadest shapes (an outside party and a fault in one clause) only parties that are never the organisation
 * itself: 外送平台, 工程團隊, "our clinic", "our staff" can be the one speaking.
 */
const OUTSIDE_ZH_STRICT = OUTSIDE_ZH.replace('|平台|', '|').replace('|執行團隊|團隊|經營團隊|管理團隊|', '|').replace('|醫院|診所|', '|');
const OUTSIDE_EN_STRICT =
  '(?:promoter|event promoter|organi[sz]er|brand owner|partner|partners|supplier|suppliers|vendor|vendors|manufacturer|manufacturers|integrator|contractor|contractors|subcontractor|landlord|franchisee|franchise partner|carrier|courier|agency|agent|broker|printer|print shop|logistics (?:firm|company|provider)|developer|consultant|certifier|council|regulator|government|authority|authorities|processor|payment processor|haulier|hauler|co-packer|bottler|bottling partner|installer)';

export const structureRules3: PhraseRule[] = [
  // blame_shifting: after a cause put elsewhere, the organisation's product declared free of defect (並非產品瑕疵).
  {
    id: 'blame.product_not_defective_zh',
    category: 'blame_shifting',
    // 「是我們的流程造成的，並非使用者的問題」 clears the customer, not the organisation.
    notIn: '(?:使用者|消費者|顧客|客人|用戶|乘客|家長|民眾|網友|對方|住戶|旅客|病患)(?:本身)?(?:的)?(?:問題|疏失|錯)',
    re: `(?:造成|所致|導致|引起|引發|弄的|害的|的關係|的緣故|所為|使然)${CJK}{0,3}[，,、]?\\s?(?:而)?(?:並非|並不是|不是|非|絕非|並無|而非)(?:本公司|我們|我司|本店|本${CJK}{1,3})?(?:的)?(?:${THING_ZH}|${CJK}{1,4}?)?(?:本身)?(?:的)?(?:瑕疵|缺陷|問題|故障|不良|異常|疏失)`,
    notBefore: '(?:不會說|不能說|不是說|並非說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // 「乘客當晚已醉酒，司機並無過錯」: another party's own state or act, then the organisation's people cleared.
    id: 'blame.staff_blameless_zh',
    category: 'blame_shifting',
    re: `${OTHER_ZH}~30[，,、;]\\s?(?:本公司|我們|我司|本店|平台|公司|本${CJK}{1,3})?(?:的)?${STAFF_ZH}(?:本身)?(?:並無|並沒有|沒有|毫無|無|不存在)(?:任何)?(?:過錯|過失|疏失|責任|違規|不當)`,
    notBefore: '(?:不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|是否|調查中|釐清)`,
  },
  {
    // "that is not a failure on the museum's part", "the fire is not ours to answer for", "the serum itself is not the
    // problem": the organisation, its product or its part declared blameless, usually after a cause put on another.
    id: 'blame.not_on_our_part_en',
    category: 'blame_shifting',
    re: [
      String.raw`\b(?:is|was|were|are) (?:not|in no way|by no means) (?:a |any )?(?:failure|fault|lapse|error|mistake|negligence|shortcoming|defect|breach) (?:on|by|of) (?:our|the (?:[a-z-]+ )?[a-z-]+${AP}s|the company${AP}s) part\b`,
      String.raw`\b(?:is|was|are|were) not (?:ours|ours alone|for us|something for us|the company${AP}s|the \w+${AP}s) to (?:answer for|answer|be blamed for|take responsibility for|pay for|compensate)\b`,
      String.raw`\bthe (?:[a-z-]+ ){0,2}?[a-z-]{3,} (?:itself|themselves|as such) (?:is|was|are|were) (?:not|never) (?:the |at )?(?:problem|issue|cause|fault|to blame|defective|faulty)\b`,
      String.raw`\b(?:which|that|this) voids (?:the|our|its|your|their) (?:[a-z-]+ )?(?:warranty|guarantee|cover|coverage)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not say(?:ing)?|never say|won${AP}t say|will not say|not claim(?:ing)?|do not claim|whether|if) (?:that )?$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may have|might have|possibly|probably|we remain responsible|we are responsible|is ours to|are ours to|we will not blame|won${AP}t blame|whether|(?:we|the \w+) will (?:still )?(?:replace|refund|repair|pay|cover|compensate))\b`,
  },
  {
    // "These reactions happen to people with sensitive skin who skip the patch test": the harm placed on those who did
    // (or did not do) something, whatever comes between the people and "who".
    id: 'blame.happens_to_those_who_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:happens?|happened|occurs?|occurred|arises?|arose|appears?|appeared|is seen|are seen|only affects?|only affected|affects? only|affected only) (?:only )?(?:to|in|among|with|for) (?:the |those |a few |some )?(?:people|users|customers|guests|passengers|patients|riders|drivers|owners|buyers|diners|parents|visitors|members|children|pets|consumers)\b(?: [\w-]+){0,5}? who (?:do not|don${AP}t|did not|didn${AP}t|skip|skipped|ignore|ignored|fail|failed|misuse|misused|neglect|neglected|forget|forgot|leave|left|use|used|fit|fitted|install|installed|buy|bought|overload|overloaded|charge|charged|store|stored)\b`,
    notBefore: String.raw`\b(?:not say(?:ing)?|never say|won${AP}t say|will not say|not claim(?:ing)?) (?:that )?$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may|might|possibly|probably|we remain responsible|we are responsible|our (?:label|instructions|warning|packaging) (?:did not|didn${AP}t|should have)|we should have)\b`,
  },

  // blame_shifting, second part (tune-4): the act or the defect attributed to a named outside party, with no
  // disclaimer needed — 「是由外包印刷廠貼上的」, 「是合作倉儲業者管理不善造成」, "completed incorrectly by the referring
  // clinic", "supplied and certified by our manufacturing partner".
  {
    id: 'blame.outside_agent_zh',
    category: 'blame_shifting',
    // The sentence names what went wrong first (錯誤, 遺失, 漏標, 不明 …): 「包裹是由物流公司配送的」 is just how it works.
    re: `(?:錯|誤|瑕疵|問題|缺失|疏失|事故|遺失|損|破|漏|延誤|外洩|故障|污染|過期|超標|不明|停擺|崩塌|起火|火災|意外|失火|短少|變質)~14(?:是|係|為|乃|均由|皆由|都由|由)(?:由)?(?:我們的|本公司的|公司的)?(?:合作|外包|委外|上游|協力|第三方|前任|上一任|前一任|舊)?${CJK}{0,6}${OUTSIDE_ZH}${CJK}{0,12}(?:造成|所致|導致|引起|引發|留下|遺留|所為|管理不善|的問題|的疏失|的錯誤|出的錯|有誤|出錯|有問題|${CJK}{1,3}的(?=[。，,；;！!]|$))`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管|是否|若|如果)~4$',
    notIn: '(?:我們|本公司|我司|我方|本店|本校|本院)(?:與|和|跟|及|自己|自身|本身)',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|相信|認為|我們選(?:的|擇)|由我們(?:挑選|驗收|負責)|是否|調查中)`,
  },
  {
    // 「部分用戶暴力騎行、隨意停放，才是煞車損壞的主要原因」: someone else's conduct named as the real cause.
    id: 'blame.real_cause_zh',
    category: 'blame_shifting',
    re: `(?:${OTHER_ZH}|部分${CJK}{1,3}|少數${CJK}{1,3}|${OUTSIDE_ZH})~24(?:才是|就是|正是|才是造成|才是導致)${CJK}{0,8}(?:的)?(?:主要|真正|最大|根本)?(?:的)?(?:原因|主因|元兇|禍首)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|我們(?:的|自己))`,
  },
  {
    // 「救生員已多次廣播提醒，但部分遊客仍執意…」: the warning given, and the customers who went on regardless.
    id: 'blame.warned_but_zh',
    category: 'blame_shifting',
    re: `(?:已|已經|多次|再三|一再|反覆|事先|事前)${CJK}{0,8}(?:提醒|廣播|告知|警告|勸導|勸阻|告誡|公告|標示|宣導|說明)~24(?:但|可是|然而|卻|無奈)${CJK}{0,8}(?:(?:仍|還是|依然|仍然|卻)(?:然)?(?:有)?${CJK}{0,6}?(?:執意|堅持|不聽|未|沒有|自行|擅自|繼續|照樣|不理|使用|選擇|忽略|無視)|執意|堅持|不聽勸)`,
    notBefore: '(?:不是|並非|不會說|不能說)~4$',
    notSentence: `(?:${OWNS_IT}|我們(?:應該|應當|本應)|不足|不夠)`,
  },
  {
    // 「若騎乘前依 App 提示檢查煞車，此類事故多半可以避免」: had the user done as told, this would not have happened.
    id: 'blame.if_users_had_zh',
    category: 'blame_shifting',
    re: `(?:若|如果|假如|只要|要是|倘若)${CJK}{0,8}(?:依|按照|依照|遵守|遵照|照著|有|確實|先)~20[，,]\\s?${CJK}{0,6}(?:此類|這類|這次|本次|類似|該起|這起|這種)(?:的)?${CJK}{0,4}?(?:多半|大多|大部分|都|就|即)?(?:可以|可|能|就能|就可以|便可|即可|應可|都能)(?:避免|防止|預防|減少|降低)`,
    notBefore: '(?:不是說|並非說)~4$',
    notSentence: OWNS_IT,
  },
  {
    // 「如有問題，也應由檢測機構出面說明」, 「安裝品質不在我們的範圍」: the answer or the duty placed elsewhere.
    id: 'blame.answer_elsewhere_zh',
    category: 'blame_shifting',
    re: `(?:應|應該|應當|理應|也應|該|須|需)由(?!我們|本|我方|我司|敝|公司)${CJK}{2,10}(?:出面|負責|說明|處理|承擔|回應|賠償|解釋|交代)|(?:不在|不屬於?|並非|超出)(?:我們|本公司|我方|我司|本(?![次批期波輪項季月週年])${CJK}{1,3})(?:的)?(?:責任|管理|保固|服務|處理|負責|控制|控管|權責)?(?:範圍|範疇|權責|之內)|難道${CJK}{0,12}(?:要|該|應該|得|必須)${CJK}{0,4}(?:為|替)${CJK}{1,16}(?:負責|買單|扛責|背書)`,
    notBefore: '(?:不是|並非|不會說|不能說)~4$',
    notSentence: `(?:${OWNS_IT}|我們會(?:負責|處理|協助)|仍由我們|由我們(?:負責|處理|承擔))`,
  },
  {
    // 「錯誤內容來自通訊社供稿，本報僅依慣例轉載」, 「由上游代工廠提供，我方僅負責門店銷售」: someone else made it, the
    // organisation only passed it on.
    id: 'blame.only_passed_on_zh',
    category: 'blame_shifting',
    re: `(?:由|是|係|來自|出自)${CJK}{1,12}(?:提供|供稿|製造|生產|設計|安裝|委託|代工|供應|供貨|製作|撰寫|委外)~30(?:我方|我們|本公司|我司|本${CJK}{1,3}|公司)(?:只|僅|只是|僅是|不過是)(?:負責|提供|依|依照|按照|轉載|代售|銷售|經銷|代理|執行|配合|販售|通路)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // 「說到底是連日豪雨造成的天災，任何工程都難以抵擋」: the cause made irresistible, nothing could have stopped it.
    id: 'blame.nothing_could_zh',
    category: 'blame_shifting',
    re: `說到底(?:都)?是${CJK}{2,16}(?:造成|所致|導致|的錯|的問題|惹的禍)|(?:天災|不可抗力|豪雨|颱風|地震|暴雨|強風|極端氣候|造成的?)${CJK}{0,6}[，,]\\s?(?:任何|再好的|再完善的|再多的|所有的?)${CJK}{0,6}(?:都|也)(?:難以|無法|沒辦法|不可能)(?:抵擋|避免|防範|預防|承受|阻止|預見|擋住|承擔)|(?:屬|屬於|係屬)(?:外部|外在|外力|不可抗力|第三方)(?:的)?(?:因素|原因|事件)`,
    notBefore: '(?:不是|並非|不會說|不能說|不應|不該)~4$',
    notSentence: `(?:${OWNS_IT}|(?:我們|本公司)(?:會|將)?(?:全額)?(?:退費|退款|補償|賠償|負責))`,
  },
  {
    id: 'blame.outside_agent_en',
    category: 'blame_shifting',
    re: [
      // "were supplied and certified by our manufacturing partner", "completed incorrectly by the referring clinic".
      String.raw`\b(?:supplied|certified|approved|designed|completed|written|entered|installed|done|made|carried out|operated|prepared|issued|provided|built|manufactured|packed|filled|specified|signed off|set|programmed|configured|maintained|loaded|handled|shipped|labell?ed|printed) (?:[\w-]+ ){0,3}?by (?:the |a |an |our |their |its |one of our )?(?:[\w'’-]+ ){0,4}?${OUTSIDE_EN}\b`,
      // "the customer's own optometrist", "the county government's geotechnical review".
      String.raw`\bby (?:the |a |an )?(?:customer|client|patient|owner|passenger|guest|user|buyer|rider|parent)${AP}?s?${AP}? own (?:[\w-]+ ){0,2}?(?:optometrist|doctor|physician|dentist|vet|contractor|agent|lawyer|bank|insurer|installer|mechanic|electrician|builder)\b`,
      String.raw`\bby (?:an? |the )?independent (?:[\w-]+ ){0,2}(?:company|firm|operator|contractor|provider|partner|business|agency)\b`,
      String.raw`\b(?:introduced|caused|happened|occurred|began|started|arose|made) (?:when|while|after|by|at)\b[^.!?;\n]{0,40}\b(?:outsourced|third-party|external|subcontracted|contracted) (?:[\w-]+ )?(?:lab|laboratory|vendor|provider|company|firm|team|service|partner|supplier|courier|cleaners?|staff|workers?)\b`,
      String.raw`\bwe (?:simply|only|merely|just) (?:resell|distribute|sell|list|host|deliver|stock|import) (?:these|the|their|those)\b`,
      String.raw`\bafter (?:repeatedly )?(?:ignoring|disregarding|refusing|declining) (?:the )?(?:repeated |several |multiple |clear |explicit )?(?:advice|warnings?|instructions|orders|requests)\b`,
      String.raw`\b(?:stem(?:s|med)?|results?|resulted|arises?|arose|comes?|came) from (?:the |some |many |a few )?(?:customers|users|guests|passengers|parents|drivers|patients|visitors|buyers|owners|members|riders|tenants|residents)${AP}? (?:[\w-]+ )?(?:mis\w+|ignoring|failing|not (?:reading|following|checking|using)|overload\w*|neglect\w*)\b`,
      String.raw`\b(?:acting|acted|who acted) (?:against|in breach of|contrary to|in violation of) (?:clear |explicit |our |the |company |internal )*(?:policy|policies|rules|instructions|procedures|guidelines)\b`,
      String.raw`\b(?:is|are|was|were|lies|rests|remains?) (?:ultimately |primarily |solely |entirely |squarely |properly )?(?:the )?(?:responsibility|duty|job|obligation) of (?:the|a|an|its|their) (?!(?:company|team|staff|management|board|store|shop|hotel|restaurant|kitchen|crew)\b)`,
      String.raw`\b(?:${OUTSIDE_EN}),? who (?:is|are|was|were) (?:solely |fully |entirely |directly )?(?:responsible|liable|accountable) for\b`,
      String.raw`\b(?:outside|beyond) (?:the |our |its )?(?:[\w'’-]+ ){0,2}(?:control|remit|scope of responsibility)\b`,
      String.raw`\bbrought (?:[\w-]+ ){0,3}(?:on|upon) themselves\b|\bhave only themselves to blame\b`,
      String.raw`\b(?:results?|resulted|resulting|arises?|arose|stems?|stemmed) from (?:the )?(?:[\w-]+ ){0,3}?(?:not being|not having been|being (?:improperly|incorrectly|wrongly|badly|poorly))\b`,
      String.raw`\b(?:customers|users|guests|passengers|riders|parents|visitors|players|buyers|owners|members|drivers|patients)\b(?: [\w-]+){0,4} (?:are|were|have been|had been) (?:always |clearly |repeatedly |explicitly |expressly |specifically )(?:advised|reminded|warned|told|instructed|asked) to\b`,
      String.raw`\bis it (?:reasonable|fair|realistic|right) to (?:expect|ask|hold|blame)\b`,
      String.raw`\b(?:the |their |its )(?:[\w'’-]+ ){0,3}?(?:regulator|authority|authorities|inspectors?|inspection regime|government|council|supplier|vendor|manufacturer|contractor|partner|agency|auditors?|platform|bank|airport|operator|league)(?:${AP}s)?(?: [\w-]+){0,2} (?:should|ought to) have (?:caught|spotted|detected|flagged|found|prevented|stopped|noticed|warned)\b`,
      String.raw`\b(?:we|our company|the company|our \w+) (?:only|merely|simply|just) (?:follows?|followed|resells?|resold|distributes?|distributed|sells?|sold|implements?|implemented|passes? on|passed on|relays?|relayed|applies|applied|carried out) (?:their|the (?:supplier|manufacturer|vendor|partner|client|customer|chip supplier)${AP}?s?)\b`,
      // "the fire started in a vehicle's battery, not in our charger".
      String.raw`, not (?:in|with|from|at|on|inside) (?:our|the company${AP}s) (?:[\w-]+ ){0,2}[\w-]+\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not say(?:ing)?|never say|won${AP}t say|will not say|not claim(?:ing)?|do not claim|whether|if|not) (?:that )?$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may have|might have|possibly|probably|likely|we remain responsible|we are responsible|we take (?:full )?responsibility|is ours|are ours|ours to|we chose|we will not blame|won${AP}t blame|no evidence|whether|not yet (?:known|clear)|unclear|tested by|verified by|will be|to be|can be|is being|are being|we will (?:still )?(?:refund|compensate|cover|pay))\b`,
  },

  {
    // 「其實是應用程式商店平台的預設機制，電視製造商無從干預」: the cause named, then the organisation unable to intervene.
    id: 'blame.cannot_intervene_zh',
    category: 'blame_shifting',
    re: `(?:是|係|屬於?|為|來自)${CJK}{2,20}[，,]\\s?${CJK}{0,10}(?:無從|無法|難以|沒辦法|無權)(?:干預|干涉|插手|置喙|介入|掌控|控管|過問)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|但我們|仍會|會負責|為了?(?:保護|確保|避免|維護|尊重))`,
  },
  {
    // "that negligence is what brought the system down"; "we will take full responsibility of the legal part".
    id: 'liability.negligence_caused_en',
    category: 'liability_admission',
    re: String.raw`\b(?:that|this|our|such) (?:negligence|carelessness|recklessness) (?:is what|was what|is exactly what|caused|led to|brought|resulted in)\b|\b(?:take|bear|assume|accept) (?:the )?(?:full |all |complete |total )?(?:legal )?(?:responsibility|liability) (?:of|for) (?:the|all|any) legal\b`,
    notBefore: String.raw`\b(?:not|no|never|deny|denies|denied|if|whether|alleg\w+|claims? that) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:whether|alleg\w+|deny|denies|no evidence|investigat\w+ whether)\b`,
  },
  {
    // "In all probability this comes down to one lab technician …": a guess, whatever follows the hedge.
    id: 'speculation.in_all_probability_en',
    category: 'speculation',
    // The guess must be about a cause or the scale ("will, in all likelihood, report on Friday" is about timing).
    re: String.raw`\b(?:in all (?:probability|likelihood)|more than likely|odds are|chances are|our (?:best |working )?guess is|we (?:would )?guess|(?:it )?(?:may|might|could) (?:well )?turn out|(?:may|might|could) well (?:be|have been))\b[^.!?;\n]{0,60}?\b(?:caus\w*|because|due to|(?:comes?|came) down to|fault|faulty|defective|blame|error|mistake|isolated|one-off|source|behind|responsible|trigger\w*|started|misread\w*|glitch|failure|lies with)\b[^.!?;\n]{0,60}`,
    notBefore: String.raw`\b(?:not|won${AP}t|will not|don${AP}t|do not|refuse to)(?: \w+){0,2} $`,
    notSentence: String.raw`\b(?:won${AP}t (?:guess|speculate|say)|will not (?:guess|speculate|say)|not (?:going to )?(?:guess|speculate))\b`,
  },
  {
    // 「我們相信外界提到的資料外傳，只是極少數機型的個別狀況」: "only an isolated case" framed as a belief.
    id: 'speculation.believe_isolated_zh',
    category: 'speculation',
    re: `(?:相信|認為|深信|研判|判斷)~24(?:只是|僅是|僅為|純屬|不過是|只屬|應是|應該是)${CJK}{0,12}(?:個案|個別|單一|少數|極少數|偶發|意外|巧合|零星)`,
    notBefore: '(?:不|不會|外界|網友|媒體|有人)~3$',
  },
  {
    // 「都將收到本公司的律師函」: the letters promised to whoever posted.
    id: 'legal_threat.will_receive_zh',
    category: 'legal_threat',
    re: `(?:都|一律|均|將|會|等著)(?:將|會)?(?:收到|接到|等著收|吃到)${CJK}{0,8}(?:律師函|存證信函|傳票|法院通知|起訴書)`,
    notBefore: '(?:不會|不打算|無意|不)~3$',
  },
  {
    // 「僅略高於標準」: the excess softened; "While we regret the inconvenience": regret for inconvenience only.
    id: 'minimizing.barely_over',
    category: 'minimizing',
    re: `(?:僅|只|只是|僅是|只有|不過)(?:略|稍|稍微|些微|微幅|輕微)(?:高於|超過|超出|超標|偏高|低於|不足|偏離)|\\bregret (?:the|any) (?:inconvenience|disruption|confusion|trouble)\\b|\\b(?:while|although|though) (?:we )?(?:apologi[sz]e for|are sorry for) (?:the|any) (?:inconvenience|disruption|confusion)\\b`,
    notBefore: '(?:不是|並非|不能說|不會說|not) ~4$',
  },
  {
    // "I'm not in a position to discuss that": a refusal, whatever the verb of speaking.
    id: 'no_comment.not_in_position_en',
    category: 'no_comment',
    re: String.raw`\b(?:not in a position|in no position|not at liberty|unable|not able) to (?:discuss|comment|say|share|talk about|go into|elaborate|answer|speak)\b(?: (?:on |about )?(?:that|this|it|the matter|any (?:further |more )?details?))?`,
    notSentence: String.raw`\b(?:until|by|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next update|will (?:share|publish|update|report|give)|privacy|wishes|at (?:the|their) request)\b`,
  },
  {
    // "The hotel is as much a victim here as anyone; our reputation has been destroyed overnight".
    id: 'victim.also_victim_en',
    category: 'victim_playing',
    re: String.raw`\b(?:is|are|were|was) (?:as much (?:a )?victims?|(?:also |equally )?(?:a )?victims? (?:too|as well|here too|just as much))\b|\bour (?:reputation|name|brand|business) (?:has been|was|have been) (?:destroyed|ruined|wrecked|torn apart|dragged through the mud)\b`,
    notBefore: String.raw`\b(?:not|never|no one is saying) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:we are not (?:the )?victims?|not about us|the real victims are (?:the )?(?:guests|customers|patients|passengers|families))\b`,
  },

  // blame_shifting, third part (the writer's own probe wordings after tune-4): the fault located at another party,
  // the source of the harm at an outside party, the cause named as someone else's omission, "it was their decision".
  {
    id: 'blame.fault_located_zh',
    category: 'blame_shifting',
    re: `(?:原因|主因|起因|肇因)[，,]?\\s?(?:是|係|為|在於|出在|來自)${CJK}{0,4}${OUTSIDE_ZH}|(?:的)?(?:責任|過錯|過失)(?:完全|主要|全部|都|應|其實)?(?:在|在於|歸於|屬於|歸)(?!我們|本|我方|我司|敝|自己|公司|院方|校方|園方|店方|屬|待|尚|仍|未|調查|釐清|誰)${CJK}{2,10}|(?:源頭|根源|禍首|元兇)(?:是|為|在於|出在|來自)${CJK}{0,6}${OUTSIDE_ZH}|(?:原因|主因|起因|肇因)(?:是|係|為|在於|出在)(?:${OTHER_ZH}|${OUTSIDE_ZH})${CJK}{0,8}(?:未|沒有|沒|超速|酒駕|闖|逆向|擅自|自行|誤用|濫用|違規|違反|不當|疏忽|忘記|拒絕)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管|是否)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|我們(?:也|仍|都)(?:會)?負責)`,
  },
  {
    // 「家長若確實看管孩童，意外就不會發生」: had the other party done as they should, nothing would have happened.
    id: 'blame.if_they_had_zh',
    category: 'blame_shifting',
    re: `(?:${OTHER_ZH}|${OUTSIDE_ZH})(?:若|如果|假如|要是|倘若)${CJK}{0,16}[，,]\\s?${CJK}{0,8}(?:就|便|也)?(?:不會|不至於|可以避免|能夠避免|能避免)(?:發生|出事|受傷|起火|釀成|造成)?|(?:若|如果|假如|要是|倘若)(?:${OTHER_ZH}|${OUTSIDE_ZH})${CJK}{0,16}[，,]\\s?${CJK}{0,8}(?:意外|事故|悲劇|傷害|火災|憾事|損失)${CJK}{0,4}(?:就|便|也)?(?:不會|不至於)(?:發生|出現|造成)`,
    notBefore: '(?:不是說|並非說)~4$',
    notSentence: `(?:${OWNS_IT}|我們(?:應該|應當|本應|若))`,
  },
  {
    // 「食材由團膳業者採購，學校僅提供場地」: the other party ran it, the organisation merely hosted.
    id: 'blame.merely_hosted_zh',
    category: 'blame_shifting',
    re: `由${CJK}{0,6}${OUTSIDE_ZH}${CJK}{0,6}(?:採購|處理|經營|管理|負責|承包|營運|執行|製作|供應|提供|安裝|施工)~24(?:我們|我方|我司|本公司|本${CJK}{1,3}|學校|校方|醫院|院方|園方|館方|平台|公司)(?:只是|只|僅|僅是|不過是|單純)(?:提供|出租|負責|是)?(?:場地|空間|平台|通路|業主|房東|代收|轉介|介紹|媒合)`,
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // "…at our flour supplier's mill", "it was the parents' decision", "our subcontractor failed to …", "the source was …".
    id: 'blame.outside_source_en',
    category: 'blame_shifting',
    re: [
      String.raw`\b(?:at|in|inside|from) (?:the |our |a |their )?(?:[\w-]+ ){0,2}${OUTSIDE_EN}${AP}s? (?:mill|plant|factory|warehouse|facility|facilities|site|premises|kitchen|depot|servers?|systems?|network|lab)\b`,
      String.raw`\b(?:source|origin|root cause|cause)\b[^.!?;\n]{0,20}\b(?:was|is|lies|lay|has been traced)\b[^.!?;\n]{0,20}?\b(?:at|with|to) (?:the |our |a |their )?(?:[\w'’-]+ ){0,3}${OUTSIDE_EN}\b`,
      String.raw`\bit was (?:the |their |his |her )?(?:[\w'’-]+ ){0,2}(?:customer|client|passenger|parent|guest|user|rider|owner|driver|patient|player|tenant|resident|family|families)s?${AP}s?${AP}? (?:own )?(?:decision|choice|call|responsibility)\b`,
      String.raw`\b(?:the|our|a|their) (?:[\w'’-]+ ){0,2}${OUTSIDE_EN} (?:had )?(?:failed to|did not|didn${AP}t|neglected to|forgot to|never)\b`,
      String.raw`\b(?:the|our|a|their) (?:[\w'’-]+ ){0,2}${OUTSIDE_EN} (?:was|is|were|are|remains?) (?:solely |fully |entirely |contractually |legally )?(?:responsible|liable|accountable) for\b`,
      String.raw`\b(?:were|was|had been|have been) (?:repeatedly |clearly |explicitly |already |specifically )*(?:warned|told|reminded|advised|asked|instructed)\b[^.!?;\n]{0,40}?\b(?:but|yet|and still|however)\b[^.!?;\n]{0,20}?\b(?:chose|decided|insisted|continued|ignored|refused|went ahead|did not|didn${AP}t|failed)\b`,
      String.raw`\bwho (?:bought|purchased|ordered|downloaded) (?:it |them |the \w+ )?(?:from|through|via) (?:unauthori[sz]ed|unofficial|third-party|grey-market|gray-market|unlicensed)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not say(?:ing)?|never say|won${AP}t say|will not say|not claim(?:ing)?|whether|if|not) (?:that )?$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may have|might have|possibly|probably|likely|we remain responsible|we are responsible|we take (?:full )?responsibility|is ours|are ours|ours to|we chose|no evidence|whether|unclear|ourselves|we will (?:still )?(?:refund|compensate|cover|pay))\b`,
  },
  {
    // 「說穿了只是幾位顧客不滿意而已」, "only a few minutes for most passengers": the harm made small.
    id: 'minimizing.merely_a_few',
    category: 'minimizing',
    re: `(?:只是|只不過是|不過是|僅是|就是)${CJK}{0,4}(?:幾|少數|一些|部分|個別|一點|小|少許|極少)${CJK}{0,12}而已|\\b(?:only|just|merely) (?:a (?:few|couple of)|a little|slightly|briefly) (?:[\\w-]+ )?(?:minutes|seconds|hours|customers|people|passengers|guests|orders|cases|complaints|late|delayed)\\b`,
    notBefore: '(?:不是|並非|絕非|不能說|不會說|not|no longer|never) ?~4$',
  },
  {
    // 「那位爆料的前員工本來就是因為偷竊被開除的」: the critic attacked through their past.
    id: 'defamation.critic_past_zh',
    category: 'defamation',
    re: `(?:爆料|前員工|離職員工|網紅|記者|部落客|原po|發文者|投訴者|那位|這位|對方|該名)~20(?:因為?${CJK}{1,6}被(?:開除|解僱|解雇|辭退|起訴|判刑|逮捕|告)|有前科|有(?:偷竊|詐欺|竊盜)(?:紀錄|前科)|曾(?:因|經)${CJK}{1,8}被(?:開除|解僱|起訴|判刑|逮捕))`,
    notBefore: '(?:不是|並非|沒有|不會說)~4$',
  },
  {
    // "We have identified the accounts behind the posts and passed their details to our lawyers".
    id: 'legal_threat.identified_en',
    category: 'legal_threat',
    re: String.raw`\b(?:identified|traced|tracked down|located|unmasked|know who)\b[^.!?;\n]{0,40}\b(?:accounts?|posters?|users?|people|individuals|those)\b[^.!?;\n]{0,60}\b(?:lawyers?|legal team|attorneys?|solicitors?|counsel)\b`,
    notBefore: String.raw`\b(?:not|never|no)(?: \w+){0,2} $`,
  },
  {
    // "That is a question for our legal team, not for me."
    id: 'no_comment.question_for_lawyers_en',
    category: 'no_comment',
    re: String.raw`\b(?:that|this|it)(?:${AP}s| is| would be) (?:a question|one|a matter|something) (?:for|best put to) (?:our|the company${AP}s|the) (?:legal team|lawyers|attorneys|legal department|counsel|solicitors|courts?)\b`,
  },

  {
    // 「問題根本不在我們這邊」, 「該名教練並非本館員工，而是外聘的」: the fault or the person placed outside.
    id: 'blame.not_on_our_side_zh',
    category: 'blame_shifting',
    re: `(?:問題|責任|錯|疏失|過錯)(?:根本|完全|並|也|其實)?(?:不在|不是在|並不在|不出在)(?:我們|我方|本公司|我司|本${CJK}{1,3})(?:這邊|這裡|身上|這端|這方|這一方)?|(?:並不是|不是|並非|非)(?:本公司|我們|我司|我方|本(?![次批期])${CJK}{1,3})(?:的|之)?(?:正職|正式|直屬|編制內|自聘)?(?:員工|職員|人員|同仁|教練|老師|醫師|司機|店員|廚師)[，,]?(?:而是|是)`,
    notBefore: '(?:不會說|不能說|無論|不論|不管)~4$',
    // 「該男子並非本公司員工，請提高警覺」 warns of an impostor.
    notSentence: `(?:${OWNS_IT}|冒充|假冒|冒用|詐騙|提高警覺|請勿|仍由我們|我們(?:仍|也)會負責)`,
  },
  {
    // 「一夕之間被毀了，誰來還我們公道」; "We are being punished for a mistake that was not even ours".
    id: 'victim.who_gives_us_justice',
    category: 'victim_playing',
    re: `(?:誰來|誰能|誰可以)(?:還|給)(?:我們|本公司|品牌|我們一個)(?:一個)?(?:公道|清白)|還(?:我們|本公司)(?:一個)?(?:公道|清白)|(?:一夕之間|一夜之間)(?:被|遭)?(?:毀|摧毀|毀掉|毀了|化為烏有)|\\bwe (?:are|were|have been) (?:being )?(?:punished|blamed|scapegoated|singled out|vilified|crucified|made (?:the |a )?scapegoats?) for\\b`,
    notBefore: '(?:不是|並非|不會說|not) ?~4$',
  },
  {
    // 「那個投訴的客人就是想要免費拿東西」: the critic's motive said to be greed or fame.
    id: 'defamation.wants_freebies_zh',
    category: 'defamation',
    re: `(?:客人|顧客|消費者|網友|網紅|爆料者|投訴者|那位|這位|對方|該名|原po|發文者|部落客)~16(?:就是|只是|根本是|無非是|不過是|擺明)(?:想要?|想)(?:免費|白拿|佔便宜|拿好處|要錢|索賠|紅|出名|流量|討便宜|勒索|敲詐|蹭)`,
    notBefore: '(?:不是|並非|不認為|不會說)~4$',
  },
  {
    // "Further posts like this will be met with a lawsuit".
    id: 'legal_threat.met_with_en',
    category: 'legal_threat',
    re: String.raw`\b(?:will be met with|will result in|will lead to|will face|can expect|risk(?:s|ing)?|will trigger) (?:a |an |immediate |swift )?(?:lawsuit|legal action|legal proceedings|litigation|prosecution|court action|defamation claim)s?\b`,
    notBefore: String.raw`\b(?:not|never|no one|nobody)(?: \w+){0,2} $`,
    notSentence: String.raw`\b(?:will not|won${AP}t) (?:sue|take legal action|pursue)\b`,
  },
  {
    // 「此事已交由律師處理，公司不會再發表意見」: sent to the lawyers and nothing more to say.
    id: 'no_comment.handed_to_lawyers_zh',
    category: 'no_comment',
    // The matter or the questions, not evidence (「相關事證交由律師處理」 is the safer direction of a legal threat).
    re: `(?:此事|本案|此案|這件事|該事件|相關(?:問題|提問|詢問)|媒體(?:詢問|提問)|後續(?:事宜)?)(?:已|將|全權|一律)?(?:交由|交給|委由|轉由)(?:本公司|公司)?(?:的)?(?:委任)?(?:律師|法務|法律顧問)(?:團隊|部門)?(?:全權)?(?:處理|回覆|回應|說明)|(?:不再|不會再|不便再|不另)(?:對外)?(?:發表|表示)(?:任何)?(?:意見|評論|聲明|看法)`,
    notSentence: '(?:(?:將|會)(?:於|在)~12(?:說明|公布|更新)|稍後|每日|每天|隱私|個資|家屬(?:意願|要求))',
  },
  {
    // "The hospital acknowledges that its staff administered the wrong drug".
    id: 'liability.acknowledges_wrong_en',
    category: 'liability_admission',
    re: String.raw`\b(?:admits?|admitted|acknowledges?|acknowledged|concedes?|conceded|accepts?|confirms?|confirmed) (?:that )?(?:we|our|its|the company${AP}s|the \w+${AP}s) (?:[\w-]+ ){0,3}(?:gave|administered|sold|sent|served|prescribed|dispensed|used|installed|issued|charged|shipped|fitted|performed|implanted) (?:the |a |an )?(?:wrong|incorrect|expired|contaminated|faulty|mislabell?ed|unapproved)\b`,
    notBefore: String.raw`\b(?:not|never|deny|denies|if|whether) (?:\w+ ){0,2}$`,
  },

  {
    // 「配送時間不是店家能決定的」: what went wrong placed beyond what the organisation can decide.
    id: 'blame.not_ours_to_decide_zh',
    category: 'blame_shifting',
    re: `(?:不是|並非|非)(?:我們|本公司|我司|我方|店家|本店|品牌|平台|公司|學校|醫院|本${CJK}{1,3})(?:所)?(?:能|可以|可)(?:決定|控制|掌控|左右|干預|負責|管)(?:的)?`,
    notBefore: '(?:並不是說|不是說|無論|不論|不管)~4$',
    notSentence: `(?:${OWNS_IT}|仍會|會負責|我們(?:仍|也)會)`,
  },
  {
    // 「那篇報導的記者跟對手公司關係密切，內容可信度可想而知」: the critic's credibility attacked through insinuation.
    id: 'defamation.insinuated_bias_zh',
    category: 'defamation',
    re: `(?:記者|作者|爆料者|網紅|部落客|發文者|原po|投訴者|那位|這位|對方)~20(?:跟|和|與)(?:對手|競爭對手|同業|競品)${CJK}{0,6}(?:關係(?:密切|匪淺|良好)|有往來|有掛勾|掛勾|走得很近)|可信度可想而知|可信度(?:堪慮|存疑|不言可喻)`,
    notBefore: '(?:不是|並非|不認為|不會說)~4$',
  },
  {
    // "The customer who posted the video has been harassing our staff": the critic's conduct attacked.
    id: 'defamation.critic_conduct_en',
    category: 'defamation',
    re: String.raw`\b(?:customer|poster|reviewer|complainant|influencer|blogger|reporter|journalist|user|account|whistleblower|guest)\b[^.!?;\n]{0,40}?\b(?:has been|have been|is|was|were|are|keeps) (?:repeatedly |constantly )?(?:harassing|threatening|stalking|abusing|bullying|extorting|blackmailing|lying to|trolling)\b`,
    notBefore: String.raw`\b(?:not|no evidence|never|nor)(?: \w+){0,3} $`,
    notSentence: String.raw`\b(?:our (?:staff|employee|manager|driver)s? (?:has been|have been|was|were) (?:harassing|threatening|abusing|bullying))\b`,
  },
  {
    // "We are compiling a list of everyone who shared the post".
    id: 'legal_threat.list_of_posters_en',
    category: 'legal_threat',
    re: String.raw`\b(?:compiling|keeping|making|building|have|has|are keeping) (?:a )?(?:list|record|file|log|database|screenshots?) of (?:everyone|everybody|every account|all (?:those|accounts|users|the people)|anyone|the people|those|each person) who\b`,
    notBefore: String.raw`\b(?:not|never|no)(?: \w+){0,2} $`,
  },

  {
    // 「孩子是…自行攀爬設施，園區已設有明顯警告標誌」: the person acted on their own, and the warning was there.
    id: 'blame.acted_alone_despite_signs_zh',
    category: 'blame_shifting',
    re: `(?:自行|擅自|私自|執意)${CJK}{1,10}[，,]\\s?${CJK}{0,6}(?:已|早已|均已|都有|皆有|已經)(?:設有|設置|張貼|標示|公告|告知|提醒|明示)${CJK}{0,6}(?:警告|警示|標誌|標示|告示|說明|提醒|注意事項)`,
    notSentence: `(?:${OWNS_IT}|不夠清楚|不足|我們(?:應該|應當))`,
  },
  {
    // 「這次的延誤在業界其實很常見」: the problem called normal in the trade; 「沒有必要再擴大討論」.
    id: 'minimizing.common_in_trade_zh',
    category: 'minimizing',
    re: `(?:在業界|業界|同業|各家|其他(?:公司|業者|品牌|航空公司|店家))${CJK}{0,4}(?:其實)?(?:很|相當|非常|都)?(?:常見|普遍|正常|司空見慣|難免)|(?:沒有必要|沒必要|不必|無需|無須)(?:再)?(?:擴大|過度|繼續)(?:討論|解讀|渲染|炒作|追究)`,
    notBefore: '(?:不是|並非|不能說|不會說|不能以)~4$',
  },
  {
    // 「本公司保留一切法律追訴權」; "we will not hesitate to take action against anyone spreading these lies".
    id: 'legal_threat.reserve_prosecution',
    category: 'legal_threat',
    re: `保留${CJK}{0,6}(?:法律)?(?:追訴|追究|求償|訴訟)(?:權|權利|之權)|\\b(?:take|taking) (?:firm |appropriate |strong |swift |decisive )?action against (?:anyone|those|people|individuals|accounts|everyone|users)\\b`,
    notBefore: '(?:不會|無意|不打算|not|never|no plans to) ?~4$',
  },
  {
    // 「資料外洩的風險已經降為零」, "the risk is now zero".
    id: 'absolute.risk_to_zero',
    category: 'absolute_promise',
    re: `(?:風險|機率|可能性|機會)(?:已|已經|將|都|也)?(?:降為|降到|降至|等於|變成|趨近)(?:零|0)|\\b(?:risk|chance|likelihood|possibility) (?:is|has been|will be) (?:now )?(?:reduced to |cut to )?(?:zero|nil)\\b`,
    notBefore: '(?:無法|不能|不可能|沒有人能|努力|目標是|希望)~6$',
    notSentence: '(?:無法保證|不能保證|目標|努力|cannot promise|cannot guarantee|aim)',
  },
  {
    // "The clinic failed in its duty to warn patients".
    id: 'liability.failed_in_duty_en',
    category: 'liability_admission',
    re: String.raw`\bfailed in (?:our|its|their|the company${AP}s) (?:[\w-]+ )?(?:duty|obligation|responsibility) to\b`,
    notBefore: String.raw`\b(?:not|never|deny|denies|if|whether|alleg\w+) (?:\w+ ){0,2}$`,
  },
  {
    // "We'll let the facts speak for themselves": nothing said, the evidence left to talk.
    id: 'no_comment.facts_speak_en',
    category: 'no_comment',
    re: String.raw`\blet (?:the )?(?:facts|evidence|record|results|work) speak for (?:themselves|itself)\b`,
  },

  {
    // The broadest shape: an outside party and a fault in one clause, the organisation nowhere owning it
    // (「物流業者疏失造成包裹毀損」, 「廠商出貨時標示有誤」).
    id: 'blame.outside_party_fault_zh',
    category: 'blame_shifting',
    re: `${OUTSIDE_ZH_STRICT}${CJK}{0,8}(?:所致|所造成|造成的|導致的|引起的)|(?:${OTHER_ZH}|部分${CJK}{1,3})~30(?:才會|才導致|才造成|以致|以至於)|${OUTSIDE_ZH_STRICT}@12(?:的)?(?:疏失|失誤|違規|操作不當|處理不當|管理不善|出錯|有誤|弄錯|搞錯|未依規定|沒有依規定|延誤|失職|當機|故障|斷電|停電|遺失|弄丟|搞丟|損壞|毀損|延遲|未(?:依|按|能|及時|遵守|通知|告知)|沒有(?:依|按|及時|通知|告知))(?:所致|造成|導致|引起)?|${OTHER_ZH}~30(?:才會|才導致|才造成|以致|導致|造成)(?:發生)?(?:意外|事故|受傷|混亂|延誤|損壞|火災|問題|危險)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管|是否|若|如果|避免|防止)~6$',
    // 「快遞遺失包裹一事」, 「遺失申報」: the incident named as a topic, no fault put anywhere.
    notAfter: `^${CJK}{0,4}(?:一事|申報|事件)`,
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT}|相信|認為|我們(?:的)?(?:疏失|責任|錯)|是否|調查中|釐清|仍(?:會|將)?(?:負責|承擔)|由我們(?:負責|承擔|處理)|不會(?:把責任)?推)`,
  },
  {
    id: 'blame.outside_party_fault_en',
    category: 'blame_shifting',
    re: [
      String.raw`\b(?:the|our|a|their|an) (?:[\w'’-]+ ){0,2}${OUTSIDE_EN_STRICT}${AP}?s?${AP}? (?:[\w-]+ ){0,2}(?:error|mistake|negligence|failure|fault|oversight|mix-up|blunder|lapse|mishandling)\b`,
      String.raw`\b(?:error|mistake|oversight|failure|fault|lapse|negligence|mix-up|blunder)s? (?:by|of|on the part of) (?:the |our |a |an |their )?(?:[\w'’-]+ ){0,2}${OUTSIDE_EN_STRICT}\b`,
      String.raw`\b(?:the|our|a|their) (?:[\w'’-]+ ){0,2}${OUTSIDE_EN_STRICT}(?:${AP}s (?:[\w-]+ ){0,2}(?:crew|staff|team|workers|system|software|servers?|drivers?))? (?:had )?(?:missed|overlooked|botched|lost|damaged|broke|dropped|mishandled|misdelivered|mislabell?ed|contaminated|forgot|removed|ignored|skipped|leaked|misplaced|overcharged|double-charged|crashed|disabled|switched off|cut)\b`,
      String.raw`\b(?:at|by|from|with|through|using) (?:an? |the )?(?:unauthori[sz]ed|unofficial|unlicensed|non-approved|non-genuine|counterfeit|third-party) (?:garages?|dealers?|repairers?|repair shops?|sellers?|resellers?|installers?|chargers?|parts|accessories|batteries|cables|apps?|mechanics?)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not|no|never|whether|if|without|any) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may have|might have|possibly|probably|likely|we remain responsible|we are responsible|we take (?:full )?responsibility|is ours|are ours|ours to|we chose|no evidence|whether|unclear|ourselves|our (?:own )?(?:error|mistake|fault|failure)|please|do not|don${AP}t|avoid|recommend|advise|should only)\b`,
  },

  // Kinds from the last probe (wordings of our own after tune-4).
  {
    // "We breached our own safety policy".
    id: 'liability.breached_own_policy_en',
    category: 'liability_admission',
    re: String.raw`\b(?:we|the company|management|our (?:staff|team|crew)) (?:breached|violated|broke|ignored|disregarded) (?:our|its|the company${AP}s) (?:own )?(?:[\w-]+ )?(?:policy|policies|rules|procedures|protocols?|code of conduct|safety code)\b`,
    notBefore: String.raw`\b(?:not|never|deny|denies|if|whether|alleg\w+) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:whether|alleg\w+|deny|denies|no evidence)\b`,
  },
  {
    // "We have a strong hunch …", "It is quite possible the battery overheated because of …".
    id: 'speculation.hunch_possible_en',
    category: 'speculation',
    re: String.raw`\bwe (?:have|had) (?:a )?(?:strong |growing |real )?(?:hunch|suspicion|feeling|sense) (?:that )?[^.!?;\n]{0,80}|\b(?:it is|it${AP}s|it seems) (?:quite |very |entirely |highly |more than )?(?:possible|likely|probable|conceivable) (?:that )?[^.!?;\n]{0,60}?\b(?:caus\w*|because|due to|fault|faulty|flaw|defect\w*|overheat\w*|error|mistake|started|triggered|behind)\b[^.!?;\n]{0,40}`,
    notBefore: String.raw`\b(?:not|won${AP}t|will not|don${AP}t|do not)(?: \w+){0,2} $`,
    notSentence: String.raw`\b(?:won${AP}t (?:guess|speculate)|will not (?:guess|speculate)|not (?:going to )?(?:guess|speculate))\b`,
  },
  {
    // 「所有問題都將在本週內徹底解決」: everything, completely.
    id: 'absolute.all_completely_zh',
    category: 'absolute_promise',
    re: `(?:所有|全部|一切)${CJK}{0,6}(?:都|均|皆)(?:將|會|能|可)?${CJK}{0,8}(?:徹底|完全|全面|百分之百|一次)(?:解決|根除|消除|杜絕)`,
    notBefore: '(?:無法|不能|不可能|難以|不敢)(?:保證)?~4$',
    notSentence: '(?:無法保證|不能保證|不敢保證|難以保證|目標|努力)',
  },
  {
    // 「帶頭炒作的人，本身就有詐騙前科」: the critic attacked through a record.
    id: 'defamation.has_record_zh',
    category: 'defamation',
    re: `(?:本身|自己|對方|此人|這個人|那個人)(?:就|也|早)?(?:有|是)(?:詐騙|詐欺|竊盜|偷竊|犯罪|暴力)?(?:前科|案底|不良紀錄|詐騙犯|慣犯)`,
    notBefore: '(?:不是|並非|沒有|不會說|無)~4$',
  },
  {
    // 「外洩範圍非常有限，請大家不要恐慌」: the scale shrunk and the alarm waved away.
    id: 'minimizing.limited_scope_zh',
    category: 'minimizing',
    re: `(?:範圍|規模|程度)(?:非常|相當|很|極為|十分|極|其實)?(?:有限|輕微)|(?:不要|不必|無須|無需|毋須|不用)(?:過度)?(?:恐慌|驚慌)|(?:不要|不必|無須|無需|毋須|不用)過度(?:擔心|緊張|解讀)`,
    notBefore: '(?:不是|並非|絕非|不能說|不會說|並不)~4$',
    notSentence: '(?:不會說|不能說|並非有限|不算有限)',
  },
  {
    // 「造謠的人，我們已經一個一個記下來了」; "we will report offenders to the authorities".
    id: 'legal_threat.noted_and_reported',
    category: 'legal_threat',
    re: `(?:造謠|散布|散播|轉貼|轉發|留言|抹黑|中傷|謠言)${CJK}{0,6}~20(?:一個一個|一一|全部|通通|都)(?:已經?)?(?:記下來|記下|記住|截圖|存證|記錄)|\\bwe will (?:report|refer|hand) (?:offenders|them|those (?:responsible|involved)|anyone|the accounts|the posters|everyone|the users) (?:over )?to (?:the )?(?:police|authorities|prosecutors)\\b`,
    notBefore: '(?:不會|無意|不打算|not|never) ?~4$',
  },

  {
    // "Guests who chose to swim outside the flagged area did so at their own risk".
    id: 'blame.own_risk_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:did so|acted|went|chose to \w+|swam|climbed|entered|rode) (?:[\w-]+ ){0,4}?at (?:their|his|her) own risk\b`,
    notSentence: String.raw`\b(?:we remain responsible|we are responsible|ours to|we will (?:still )?(?:cover|pay|refund|compensate))\b`,
  },
  {
    // "There is every indication that a rogue employee is responsible": a guess dressed as evidence.
    id: 'speculation.every_indication_en',
    category: 'speculation',
    re: String.raw`\bthere (?:is|are) (?:every|some|strong|clear|good) (?:indication|sign|reason to believe)s? (?:that )?[^.!?;\n]{0,80}`,
    notSentence: String.raw`\b(?:won${AP}t (?:guess|speculate)|will not (?:guess|speculate)|no (?:indication|sign))\b`,
  },
  {
    // "a small number of meals may not have met our usual standards".
    id: 'minimizing.may_not_have_met_en',
    category: 'minimizing',
    re: String.raw`\bmay not have (?:met|lived up to|been up to|matched) (?:our|the) (?:usual |high |normal |customary )?(?:standards?|expectations|quality)\b`,
  },
  {
    // "Every account that shares the clip will be reported and pursued".
    id: 'legal_threat.every_sharer_en',
    category: 'legal_threat',
    re: String.raw`\b(?:every|each|any) (?:account|user|person|one|poster|individual)s? (?:that|who) (?:shares?|posts?|reposts?|spreads?|forwards?|repeats?)\b[^.!?;\n]{0,40}\b(?:will|shall) be (?:reported|pursued|sued|prosecuted|traced|held (?:legally )?(?:liable|accountable))\b`,
  },
  {
    // 「對此我們暫時無法提供更多資訊」; "We have been advised by counsel not to say anything further".
    id: 'no_comment.no_more_information',
    category: 'no_comment',
    re: `(?:無法|不便|不能|沒辦法)(?:提供|透露|公開|說明)(?:更多|進一步|任何)(?:的)?(?:資訊|信息|細節|說明|內容)?|\\b(?:advised|told|instructed) by (?:our )?(?:counsel|lawyers?|attorneys?|legal (?:team|advisers?|advisors?)) (?:not to|to not) (?:say|comment|discuss|speak)\\b`,
    notSentence:
      '(?:(?:將|會)(?:於|在)~12(?:說明|公布|更新)|稍後|每日|每天|隱私|個資|家屬(?:意願|要求)|當事人(?:意願|要求)|偵查不公開|\\bwill (?:update|share|publish)|\\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\\bat \\d)',
  },

  {
    // 「本店已多次反映未獲處理」: we told them, they did nothing; 「根源在於部分騎手不遵守規則」.
    id: 'blame.we_told_them_zh',
    category: 'blame_shifting',
    re: `(?:已|曾)(?:經)?(?:多次|一再|再三|屢次|數度)(?:反映|通報|反應|要求|催促|告知|提醒)${CJK}{0,6}(?:未獲|沒有獲得|卻未|仍未|均未|都沒有)(?:處理|改善|回應|修繕|改進)|(?:源頭|根源|禍首|元兇|原因|主因)(?:是|為|在於|出在|來自)(?:${OTHER_ZH}|部分${CJK}{1,3}|少數${CJK}{1,3})${CJK}{0,8}(?:不|未|沒有|違規|違反|擅自|自行|誤用|濫用)`,
    notBefore: '(?:不是|並非|不會說|不能說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    // 「這起事故的主因，是本公司未按時更換老舊纜線」: the organisation's omission named as the cause.
    id: 'liability.our_omission_the_cause_zh',
    category: 'liability_admission',
    re: `(?:主因|原因|起因|肇因)[，,]?\\s?(?:是|係|為|在於|出在)(?:我們|本公司|我司|我方|本(?![次批期])${CJK}{1,3})${CJK}{0,6}(?:未|沒有|沒|疏於|忘記|忽略|延誤|錯誤)`,
    notBefore: '(?:並非|不是|否認|若|如果|是否)~4$',
    notSentence: '(?:是否|網傳|傳言|指控|質疑|否認|查無|調查中)',
  },
  {
    // "a decision taken by the event promoter, not by the venue"; "the instructions we received from the client were
    // incorrect".
    id: 'blame.not_by_us_en',
    category: 'blame_shifting',
    re: [
      String.raw`, not by (?:us|the (?:venue|hotel|school|hospital|park|museum|store|shop|restaurant|airline|operator|organi[sz]ers?|club|gym|clinic|bank|platform|app|company|brand|team))\b`,
      String.raw`\b(?:instructions|information|data|specifications?|specs|details|orders?|documents?|files?|figures) (?:we (?:received|were given|got)|provided|supplied|sent) (?:from|by) (?:the |our |a )?(?:[\w-]+ ){0,2}(?:client|customer|supplier|vendor|partner|agency|manufacturer|contractor|promoter)s? (?:was|were) (?:incorrect|wrong|inaccurate|incomplete|faulty|misleading|out of date)\b`,
    ].join('|'),
    notSentence: String.raw`\b(?:we remain responsible|we are responsible|ours to|we should have (?:checked|caught|noticed))\b`,
  },
  {
    // "It feels as though we are being made an example of".
    id: 'victim.made_an_example_en',
    category: 'victim_playing',
    re: String.raw`\bwe (?:are|were|have been) (?:being )?(?:made an example of|singled out|scapegoated)\b`,
  },
  {
    // 「這位「受害者」過去就曾多次向不同店家索賠」: the critic in scare quotes, their past claims held against them.
    id: 'defamation.scare_quotes_zh',
    category: 'defamation',
    re: `「(?:受害者|被害人|受害人|苦主)」|(?:過去|以前|之前|先前)(?:就)?(?:曾)?(?:經)?(?:多次|屢次|經常|常常|一再)(?:向${CJK}{1,6})?(?:索賠|客訴|投訴|檢舉|求償|爆料)`,
    notBefore: '(?:不是|並非|沒有|不會說)~4$',
  },

  // absolute_promise: 「一處都不會遺漏」 — not a single one (一 + classifier + 都/也) will be missed, left or go wrong.
  {
    id: 'absolute.not_a_single_zh',
    category: 'absolute_promise',
    re: `(?<![第每])一(?!點|些|直|定|下|起|樣|向|律|般|旦|度|再|切|同|時)${CJK}(?:都|也)(?:不會|不可能|絕不會|絕對不會|不能|不得)(?:再)?(?:遺漏|漏掉|漏|少|錯過|放過|出錯|出事|出問題|發生|落下|遺失|掉|錯|延誤|中斷|失誤)`,
    notBefore: '(?:無法保證|不能保證|不敢保證|很難|難以|不可能)~6$',
    notSentence: '(?:無法保證|不能保證|不敢保證|沒辦法保證|難以保證|很難保證|不敢說)',
  },
  {
    // 「零中斷服務」, 「零故障」: zero of a bad outcome, promised.
    id: 'absolute.zero_bad_zh',
    category: 'absolute_promise',
    re: `零(?:中斷|斷線|停機|故障|失誤|缺陷|瑕疵|漏洞|延誤|誤差|事故|意外|感染|污染|錯誤|疏漏|客訴|風險|傷亡|外洩|死角|失敗|農殘|農藥|殘留|添加|超標)|(?:絕對|保證|百分之百|100\\s?%)零${CJK}{1,3}`,
    notBefore: '(?:無法|不能|不敢|很難|難以|不可能|不是|並非|沒有)(?:保證|承諾|做到|達到|說)?~4$',
    notSentence: '(?:無法保證|不能保證|不敢保證|沒辦法保證|難以保證|很難保證|不可能做到|目標|努力朝|朝向|爭取)',
  },
  {
    // "skimming at our ATMs is impossible", "a repeat is now impossible": a harm declared impossible from now on.
    id: 'absolute.impossible_en',
    category: 'absolute_promise',
    // A harm as the subject ("Contacting everyone today is impossible" is a practical limit, not a promise).
    re: String.raw`\b(?:skimming|hacking|fraud|leaks?|breach(?:es)?|(?:a )?repeat|recurrence|contamination|accidents?|failures?|outages?|fires?|theft|cloning|forgery|tampering|mistakes?|errors?|mix-ups?|infections?|injur(?:y|ies)|crashes?|intrusions?)\b[^.!?;\n]{0,40}?\b(?:is|are|will be|has become|have become|becomes|is now|are now) (?:now |simply |completely |absolutely |technically |physically |entirely |totally )?impossible\b(?! (?:to|for)\b)|\b(?:is|are) now (?:simply |completely |absolutely )?impossible\b(?! (?:to|for)\b)|\b(?:can|could) (?:now )?no longer (?:happen|occur|be (?:hacked|breached|skimmed|stolen|copied|forged|repeated))\b`,
    notBefore: String.raw`\b(?:not|never|no system|no one|nobody|nothing) (?:\w+ ){0,3}$`,
    notSentence: String.raw`\b(?:cannot (?:promise|guarantee)|can${AP}t (?:promise|guarantee)|would be (?:wrong|dishonest) to|no (?:system|network|product|lock|measure) (?:is|can be)|was impossible|were impossible|impossible to (?:say|know|tell|predict|confirm))\b`,
  },
  {
    // "Customers' money is completely risk-free", "100% risk-free": an absolute adjective of safety.
    id: 'absolute.risk_free_en',
    category: 'absolute_promise',
    re: String.raw`\b(?:is|are|will be|remains?|stays?) (?:now |completely |totally |entirely |absolutely |fully |100% )?(?:risk-free|risk free|fail-?safe|foolproof|fool-proof|error-free|flawless)\b|\b(?:100 ?%|100 percent|completely|totally|fully|entirely|absolutely) (?:fire|water|leak|tamper|hack|bullet|fool|fail|shatter|child|crash|spill|break)-?proof\b`,
    notBefore: String.raw`\b(?:not|never|no|nothing) (?:\w+ ){0,3}$`,
    notSentence: String.raw`\b(?:cannot (?:promise|guarantee)|can${AP}t (?:promise|guarantee)|nothing is|no (?:system|product|investment) is)\b`,
  },

  // liability_admission: "lapsed on our watch" (a failure under the organisation's responsibility); "our own
  // maintenance negligence" (negligence with the organisation's nouns between).
  {
    id: 'liability.on_our_watch_en',
    category: 'liability_admission',
    re: String.raw`\b(?:lapsed|failed|happened|occurred|slipped|went wrong|broke down|was missed|were missed|was skipped|were skipped|was ignored|were ignored|was neglected|were neglected|fell through|went unchecked|went unnoticed) (?:[\w-]+ ){0,3}?on our watch\b|\b(?:our|its|the company${AP}s) (?:own )?(?:[a-z-]+ ){1,2}(?:negligence|carelessness|recklessness|failings)\b`,
    notBefore: String.raw`\b(?:not|no|never|deny|denies|denied|if|whether|alleg\w+|claims? that|not that) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:whether|if (?:we|the company) (?:was|were)|alleg\w+|deny|denies|investigat\w+ whether|no evidence|will not happen|won${AP}t happen|never again)\b`,
  },

  // speculation: 「我們懷疑名單是前任志工帶走的」 — the organisation's guess, with the claim after it.
  {
    id: 'speculation.we_suspect_zh',
    category: 'speculation',
    re: `(?:我們|我方|我司|本公司|公司|校方|院方|館方|本${CJK}{1,3}|內部)(?:目前|初步|內部)?(?:懷疑|猜測|推測|推斷|研判|猜想|猜|臆測)${CJK}{1,16}(?:是|係|為|被|遭|有|在)`,
    notBefore: '(?:不會|不應|不宜|不便|不願|無意|避免)~3$',
    notIn: '(?:懷疑是否|猜測是否|是否|有無)',
    notSentence: '(?:不(?:會|便|宜|應)?(?:臆測|猜測|推測|揣測)|避免(?:臆測|猜測)|外界|網友|媒體)',
  },
  {
    // 「船長可能過於保守才延後開航」: a hedge, then the result it is meant to explain (才, 以致, 所以才).
    id: 'speculation.hedge_then_result_zh',
    category: 'speculation',
    re: `(?:可能|也許|或許|恐怕|大概|應該|想必|多半)(?:是|因為|因|由於)?${CJK}{2,14}(?:才會|才|以致於|以致|以至於|所以才)(?!能|可|有辦法|可以|得以|恢復|開始|完成|送達|到)${CJK}`,
    notBefore: '(?:不|盡|儘|有|沒有|無|不太|不排除|是否)$',
    notIn: '(?:要|需要|得花|等到|天|小時|分鐘|週|個月|時間|明天|之後|以後|預計|將|盡可能|明早|今晚)',
    notSentence: '(?:不(?:會|便|宜|應)?(?:臆測|猜測|推測|揣測)|避免(?:臆測|猜測)|外界|網友|媒體)',
  },

  // defamation: 「分明是在捏造事實」 — the critic's fabrication asserted as plain, with or without a subject.
  {
    id: 'defamation.plainly_fabricating_zh',
    category: 'defamation',
    re: '(?:分明|明明|根本|擺明|明顯|顯然|根本就|完全|純粹|就是)(?:是|就是)?(?:在|故意|刻意|惡意)?(?:憑空|無中生有地?|蓄意)?(?:捏造|編造|造假|說謊|撒謊|造謠|誣賴|栽贓|胡謅|瞎掰|杜撰|扯謊|演戲|作戲)',
    notBefore: '(?:不是|並非|不能說|不會說|不認為|沒有人|沒有證據|不代表)~4$',
    notSentence: '(?:我們(?:沒有|並未|並沒有|從未)|本公司(?:沒有|並未|從未)|網傳本公司|指控本公司|質疑本公司|外界指)',
  },

  // legal_threat: 「全部都會告」, 「一律提告」 — everyone who posted sued; 「律師函已準備好」 — legal papers said to be ready.
  {
    id: 'legal_threat.sue_all_zh',
    category: 'legal_threat',
    re: `(?:全部|通通|統統|一律|全都|一個一個|一個也不放過|都)(?:都)?(?:會|將|要|會被)?(?:告|提告|起訴|追訴|法辦|送辦|告到底)(?!訴|知|示|別|訴您|一段落)|(?:律師函|存證信函|訴狀|起訴書|告訴狀)(?:都|均)?(?:已|已經)?(?:準備好|備妥|擬好|寫好|發出|寄出|在路上|準備就緒)`,
    notBefore: '(?:不會|不打算|無意|不予|不|並未|沒有|不考慮)~3$',
    notSentence: `(?:(?:不會|無意|不打算|不考慮)(?:對|向)?${CJK}{0,8}(?:提告|追究|起訴)|已(?:經)?(?:告知|通知)|報告|公告|告示)`,
  },

  // minimizing: 「視線稍受影響」 — the impact softened by a degree adverb; 「只是講者一時口誤」 — a slip of the tongue as "only".
  {
    id: 'minimizing.slightly_affected_zh',
    category: 'minimizing',
    re: '(?:稍|略|些微|稍微|略微|稍稍)(?:受到?|有)?(?:影響|不便|延誤|波及|受損|不適|瑕疵)',
    notBefore: '(?:不是|並非|絕非|不能說|不會說|不只是|不僅是)~4$',
    notSentence: '(?:檢驗|報告|數據顯示|醫師|診斷)',
  },
  {
    id: 'minimizing.slip_of_tongue_zh',
    category: 'minimizing',
    re: `(?:只是|僅是|僅為|只不過是|不過是|純屬|純粹是|單純是)${CJK}{0,6}(?:一時)?(?:口誤|失言|筆誤|口快|嘴快|說溜嘴|手滑|不小心|沒注意|誤會一場|玩笑|開玩笑|無心之過|無心之言)`,
    notBefore: '(?:不是|並非|絕非|不能說|不會說|不該說|不應說|不能以)~4$',
  },
  {
    // "which is normal at any large venue", "this happens at every concert": the problem called normal everywhere.
    id: 'minimizing.normal_anywhere_en',
    category: 'minimizing',
    re: String.raw`\b(?:which|this|that|it) (?:is|was) (?:perfectly |quite |entirely |completely |fairly |pretty )?(?:normal|common|usual|standard|typical|to be expected|expected|unavoidable|inevitable) (?:at|in|for|with|across) (?:any|every|all|most|many) \b|\b(?:happens?|happened|occurs?|occurred) (?:at|in|with) (?:any|every|all) (?:[\w-]+ ){0,2}(?:venue|concert|show|event|airline|restaurant|hotel|store|school|hospital|business|company)s?\b|\b(?:a handful of|a few|some) (?:[\w-]+ ){1,2}had (?:a |an )?(?:slightly|somewhat|a little|a bit|mildly|marginally) (?:[\w-]+ ){0,2}\w+`,
    notBefore: String.raw`\b(?:not|no longer|never|isn${AP}t|is not|won${AP}t call|will not call) (?:\w+ ){0,2}$`,
  },

  // victim_playing: 「卻被當成全民公敵」 — the organisation cast as the public's villain, with its own weariness.
  {
    id: 'victim.cast_as_villain_zh',
    category: 'victim_playing',
    re: `(?:卻|竟然|竟|反而|現在|如今)?被(?:當成|當作|視為|說成|看成|打成|塑造成|描繪成|抹成|貼上)${CJK}{0,4}(?:公敵|罪人|壞人|兇手|惡魔|黑心|過街老鼠|箭靶|代罪羔羊|眾矢之的|萬惡|千古罪人|標籤)(?:[，,、]${CJK}{0,8}(?:心(?:真的|好|很|都)?(?:累|寒|痛|碎)|委屈|無奈|難過|心酸))?`,
    notBefore: '(?:不該|不應|不願|不想讓|避免)~4$',
  },
];
