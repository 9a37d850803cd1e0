// Structural rules of the third tuning round (tune-3, issue 6): instead of another list of phrases, the shape of
// the risky claim — a cause put on someone else followed by the organisation's own disclaimer, a fault named as the
// organisation's, a refusal to speak whatever its verb. Chinese is written Traditional and matches Simplified through
// normalise(); hard negatives are in structure.test.ts.
import type { PhraseRule } from './engine.ts';

export const AP = "['’]";
export const CJK = '[\\u3400-\\u9fff]';
/** Hedges: a guess about someone else's fault is speculation, not blame shifting (the dataset's rule). */
export const SPECULATIVE =
  '(?:推斷|推測|懷疑|猜|可能|應該是|估計|疑似|研判|八成|九成是|十之八九|應該(?:無關|沒有關係|不是)|大概|似乎|看來|看起來|多半)';
/** The organisation owning the fault after all: no blame shifting. */
export const OWNS_IT =
  '(?:難辭其咎|責無旁貸|責任(?:在|歸)(?:我們|我方|我司|本公司|本店)|願(?:意)?負(?:起)?(?:完全|全部|一切)(?:的)?(?:法律)?責任|(?:仍|也|都|還是)(?:會|願|將)?(?:負起|承擔|負責)|不會(?:把責任)?推(?:卸|給|託)|不(?:能|應|該)以|是我們選的|我們選擇的)';
/** Whoever speaks for the organisation, named by its role: 本公司, 校方, 主辦單位, 航運公司方面, 品牌端, 我公司 … */
export const ORG = `(?:我們|我方|我司|(?:本|我|敝)${CJK}{1,5}|${CJK}{0,4}(?:公司|集團|品牌|平台|單位|百貨|校方|學校|園方|院方|館方|店方|廠方|總部|總公司|影城|酒店|飯店|場館|藥局|門市|團隊)(?:方面|這邊|端|本身)?|${CJK}{1,4}(?:方面|端))`;
/** A cause being named: 是…, 係因…, 起因於…, 出在…, 源自…, 由…引起, 才是…的原因. */
const CAUSE_ZH =
  '(?:(?:顧客|客人|房客|旅客|住客|消費者|用戶|使用者|乘客|家長|會員|民眾|病患|車主|買家|學員|租客|飼主|屋主|遊客|投保人|保戶|要保人|收件人|寄件人|觀眾|住戶|業主|承租人)(?:自己|自身|本身|自行|個人)|(?:與|和|跟)[\\u3400-\\u9fff]{1,8}有關|(?:均|都|皆|多)為|發生(?:在|於)|(?<![原不非就只還但總凡若])是|係|乃|(?<!原)因為|由於|(?<![原起肇])因(?!此)|起因(?:於|是)?|肇因(?:於)?|源自|源於|出在|在於|來自|由|歸咎於?)';
/**
 * The organisation's disclaimer after a cause: no fault of its own, nothing it could control, it knew only later,
 * it merely followed the contract, its own part was never at fault.
 */
const DISCLAIM_ZH = [
  '(?:並無|並沒有|沒有|毫無|不存在|無)(?:任何)?(?:管理|直接|相關|法律)?(?:上)?(?:的)?(?:疏失|過錯|過失|責任|可歸責|可究責)(?:之處|的地方|可言)?',
  '(?:不應|不該|不需|不必|無須|無需)(?:為此|對此)?(?:負責|負擔責任|承擔@4責任|負@4責任)',
  `${ORG}@12(?:實在|根本|完全|也)?(?:無從|無法|難以|沒辦法)(?:直接|事先|即時|提前|預先)?(?:逐${CJK})?(?:獲知|知悉|掌握|掌控|控制|預見|預防|介入|得知|防範|檢查|管控|察覺|把關|查核|監督|控管|確認|過問)`,
  '(?:實在|也)?(?:無能為力|無可奈何|莫可奈何|愛莫能助)|只能被動(?:等待|配合|因應)',
  '(?:也|同樣|一樣)?是事後才(?:得知|知道|知情|發現)|(?:同樣|也|一樣)被蒙在鼓裡',
  '只是(?:依約|依合約|依規定|執行方|執行單位|配合|委託方|通路)',
  `已(?:經)?(?:善盡|盡到|盡了)@6(?:義務|責任|告知|提醒)|已(?:經)?盡${CJK}{0,4}(?:之責|的責任|義務)`,
  `(?:本身|自身)(?:的)?${CJK}{0,6}(?:從未|並未|沒有|未曾)(?:遭到?|被|出現|發生)?(?:入侵|出錯|故障|問題|缺失|違規)`,
  `(?:本身|自身)(?:的)?${CJK}{0,6}(?:並無|並沒有|毫無|無)(?:任何)?(?:問題|瑕疵|缺陷|疏失|異常)`,
  `(?:並不是|並非|不是)@20(?:有缺陷|設計不良|的問題|出了問題|有問題|的疏失|的責任|的錯|品質問題|質量問題|安全問題|本身的問題)`,
  `(?:與|和|跟)(?:本公司|我們|我司|本店|公司|品牌|平台|總部|本${CJK}{1,3})(?:並|均)?(?:無|沒有|不存在)(?:任何)?(?:直接)?(?:的)?(?:勞動|僱傭|雇傭|合約|隸屬|契約|從屬)?關係`,
  `(?:並非|不是|非)(?:我們|本公司|我方|我司)(?:的)?${CJK}{0,4}(?:問題|責任|疏失|過錯)`,
  `(?:與|和|跟)${CJK}{0,8}(?:公司|百貨|校方|學校|院方|館方|本店|品牌|平台|產品|設備|系統|本身|服務|管理|維護|團隊|部門|總部)${CJK}{0,6}(?:無關|沒有關係|無涉|毫無關係)`,
  '(?:責任|後果)(?:理應|應該|應|自然)由@10(?:自行)?(?:承擔|負責|負擔)',
  `${CJK}{0,6}(?:流程|作業|設備|產品|系統|程序|服務|管理|照護|配方|品質|指引|引導|疏散|處置|應變|做法|措施|指示)(?:本身)?(?:並|均|都)?(?:沒有|無|毫無)(?:任何)?(?:問題|瑕疵|缺失|疏失|異常)`,
  `(?:產品|設備|車輛|系統|商品|原料|食材)${CJK}{0,4}(?:均|皆|都|全部|一向)?(?:已)?(?:通過|符合)@8(?:檢驗|檢測|標準|規範|認證|法規|規定)`,
  `(?:檢驗|檢測|抽檢|檢查|各項檢測|各項檢驗)${CJK}{0,4}(?:均|皆|都|全部|全數)(?:合格|通過|符合標準)`,
  '(?:我們|本公司|我方|我司|品牌方?|平台)?(?:也|同樣|一樣)是(?:被騙|受騙|被蒙蔽|受害)(?:的一方|者)?',
  // 「責任不在我司」: the fault placed anywhere but here.
  `(?:責任|過錯|錯|過失)(?:並|也|完全|根本|自然)?(?:不在|不屬於|並不在|不歸)(?:我們|我方|我司|敝|本${CJK}{1,3}|${CJK}{0,4}(?:公司|店家|品牌|平台|飯店|酒店|學校|醫院|診所))`,
  // 「公司完全按合同辦事」: the organisation only followed the contract.
  '(?:完全|都是|一切|均)(?:按|依|依照|按照|遵照)(?:合同|合約|契約|規定|流程|條款)(?:辦事|處理|執行|辦理)',
].join('|');

/** English: who speaks for the organisation (not customers: "customers are not responsible for fees" is reassurance). */
export const ORG_EN = `(?:we|it|the (?:company|firm|brand|utility|platform|airline|insurer|carrier|operator|park|hotel|school|hospital|clinic|bank|store|retailer|group|organi[sz]ers?|organi[sz]ation|agency|app|marketplace|venue|business|manufacturer|landlord|developer|club|gym|site|university|museum|theatre|cinema|port|ferry line|bakery|restaurant|pharmacy|shop|chain|charity|foundation|salon|studio|clinic|centre|center|home|provider|council|academy|kindergarten|nursery|resort|station|restaurant group)|our (?:company|firm|brand|business|staff|team|app|platform|systems?|store|hotel|school))`;

/** An outside party in English, for "down to …" and "by …" causes. */
const PARTY_EN = `(?:third[- ]party(?: [a-z-]+)?|haulier|hauler|logistics firm|company|contractor|subcontractor|supplier|vendor|provider|airport|authority|authorities|operator|partner|agency|customer|user|passenger|guest|driver|owner|landlord|handler|handling company|courier|carrier|manufacturer|miller|farm|factory|franchisee|weather|storm|typhoon|regulator|government|council|bank|platform|seller|assessors?)s?`;

export const structureRules: PhraseRule[] = [
  // blame_shifting: a cause put on another party, then the organisation's disclaimer (the dataset's span covers both).
  {
    id: 'blame.cause_then_disclaimer',
    category: 'blame_shifting',
    re: `${CAUSE_ZH}~48(?:${DISCLAIM_ZH})`,
    notBefore: '(?:不會說|不能說|不是說|並非說|無論|不論|不管)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    id: 'blame.disclaimer_en',
    category: 'blame_shifting',
    re: [
      String.raw`\b${ORG_EN}(?: itself| themselves| as such)? (?:is|was|are|were|remains?) (?:in no way |not in any way |not )(?:at fault|to blame|responsible|liable|accountable)\b`,
      String.raw`\b${ORG_EN} (?:bears?|bore|has|had|accepts?|carries) no (?:legal )?(?:responsibility|liability|blame|fault)\b`,
      String.raw`\b${ORG_EN} (?:could not|couldn${AP}t|cannot|can${AP}t|could never) (?:reasonably )?have (?:prevented|foreseen|predicted|avoided|stopped|known)\b`,
      String.raw`\bnot something (?:we|the \w+|our \w+) (?:can|could|should) (?:be )?(?:blamed|held responsible|held liable|held accountable|answer) for\b`,
      String.raw`\b(?:the )?(?:responsibility|fault|blame|liability) (?:for [\w -]{1,30}?)?(?:lies|lay|rests|rested|sits|is|was) (?:squarely |entirely |solely |wholly |fully )?with (?!us\b|our\b|ourselves\b|the company\b|management\b|me\b|whoever\b)`,
      String.raw`\bnothing (?:we|our \w+|the company|anyone|anybody) (?:could|can) (?:reasonably )?(?:have )?(?:done|do|prevented)\b`,
      String.raw`\b(?:we )?expect (?:that|the|this|those) (?:\w+ )?(?:vendor|supplier|contractor|provider|partner|manufacturer|agency|courier|carrier|company)s? to (?:answer|account|pay) for\b`,
      String.raw`\brather than (?:through |because of |due to |from )?any (?:weakness|fault|failure|flaw|lapse|error|defect|shortcoming) (?:at|in|of|on the part of|by|with)\b`,
      String.raw`\bnot because of (?:the|our|any) (?:\w+ ){0,2}(?:itself|themselves)\b`,
      String.raw`\b${ORG_EN} (?:followed|complied with|met) (?:every|all|each) (?:applicable |relevant |required )?(?:standards?|rules|regulations|procedures|requirements)\b`,
      String.raw`\b(?:we|the \w+) (?:were|was) (?:deceived|misled|lied to|fooled) (?:like|just like|as much as) (?:everyone|anyone|everybody) else\b`,
      String.raw`\b(?:appear(?:s|ed)?|occur(?:s|red)?|happen(?:s|ed)?|were sustained|was sustained|sustained|were caused|arose|arise) (?:only )?(?:in|among|by) (?:the )?(?:users|customers|visitors|guests|passengers|patients|parents|people|riders|drivers|members|buyers|owners|diners) who\b`,
      String.raw`\b(?:customers|users|guests|passengers|parents|members|visitors|owners|buyers|riders|drivers|those|anyone|people) who\b[^.!?;\n]{0,60}?\b(?:accepted|assumed|took on|knowingly took|bear|bore|carry|carried) (?:that|the|this|those|all|any) (?:\w+ )?risks?\b`,
      String.raw`\b(?:customers|users|guests|passengers|parents|members|visitors|owners|buyers) (?:had |have |has )?themselves (?:\w+ )?(?:disclosed|shared|given|posted|entered|handed|revealed|leaked)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not say(?:ing)?|never say|won${AP}t say|will not say|not claim(?:ing)?|do not claim|no longer claim) (?:that )?$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may have|might have|possibly|probably|likely|we remain responsible|we are responsible to|we will not blame|won${AP}t blame)\b`,
  },

  {
    id: 'blame.other_party_zh',
    category: 'blame_shifting',
    re: `是${CJK}{0,6}(?:廠商|商家|物業|管委會|商場|房東|外包|承包商|系統商|代理商|原廠|加盟主|供應商)(?:在)?(?:管|負責|處理|經營|管理|弄)的|(?:個人|私人|私下|擅自)所為|${ORG}(?:也|並|完全|事先|事前|事後|對此|根本|全然|均|都|一直|同樣|當時){0,3}(?:不知情|毫不知情|一無所知|毫無所悉|並不知道|完全不知道|被蒙在鼓裡|蒙在鼓裡)|(?:事故|事件|問題|意外)?原因(?:是|係|為|在於|出在)(?!我們|本|我方|我司|敝)${CJK}{2,10}(?:違規|違法|疏失|失誤|操作不當|不當|錯誤|擅自|未依|疏忽)|(?:都是|全是|就是|全都是|說到底是)${CJK}{2,16}惹的禍|(?:責任|過錯|錯)(?:應|應該|理應|當)(?:歸屬|歸於|歸|屬於)(?:於)?(?!我們|本|我方|我司|敝)${CJK}{2,12}|(?:平台|本平台|我們|本公司|本站|網站|本網站)(?:只是|僅是|僅為|只負責|僅負責|只提供|僅提供)(?:提供)?${CJK}{0,4}(?:服務|平台|媒合|技術|空間|管道|場地)@4(?:由${CJK}{1,8}(?:本人|自己|自行|個人)(?:負責|承擔))?`,
    notIn: '(?:我們惹|本公司惹|我們的錯)',
    notBefore: '(?:不是|並非|不能說|不會說|不應)~4$',
    notSentence: `(?:${SPECULATIVE}|${OWNS_IT})`,
  },
  {
    id: 'blame.other_party_en',
    category: 'blame_shifting',
    re: [
      String.raw`\b(?:is|are|was|were) (?:entirely |all |largely |mainly |squarely |wholly )?down to (?:the |a |an |our |their )?(?:[a-z-]+ ){0,2}${PARTY_EN}\b`,
      String.raw`\b(?:which|that|this) is where (?:the )?(?:questions|blame|responsibility|complaints|fault) (?:should|must|ought to|needs? to) (?:go|lie|rest|be directed)\b`,
      String.raw`\bhad (?:the |our |a )?(?:customer|user|owner|patient|guest|passenger|driver|parent|rider|buyer|consumer|resident|tenant)s? (?:[\w,-]+ ){1,8}?(?:would not|wouldn${AP}t|would never|no one would|nobody would|none of (?:this|them) would|nothing would) have\b`,
      String.raw`\bif (?:the |our )?(?:customer|user|owner|patient|guest|passenger|driver|parent|rider|buyer|consumer|tenant|resident|visitor|client)s? (?:had|would have) (?:[\w,-]+ ){1,8}?(?:would not|wouldn${AP}t|would never) have\b|\bif (?:the |our )?(?:customer|user|owner|patient|guest|passenger|driver|parent|rider|buyer|consumer|tenant|resident|visitor|client)s? had (?:[\w,-]+ ){1,8}?would have been (?:far |much |a lot )?(?:smaller|less|lower|limited|minor|avoided|prevented)\b`,
      String.raw`\b(?:could not|couldn${AP}t|cannot|can${AP}t) (?:reasonably )?have been (?:anticipated|prevented|foreseen|avoided|predicted|detected) by (?:us|the \w+|our \w+|anyone)\b`,
      String.raw`, not (?:head office|headquarters|the (?:brand|company|group|chain|head office))\b`,
      String.raw`\bindependent (?:franchise (?:owner|holder|partner)|owner-operator|licensee)s?\b`,
      String.raw`\b(?:caused by|due to|because of|the fault of|introduced by|let down by|traced to|brought about by) (?:the |a |an |our |their |one of our )?(?:[\w'’-]+ ){0,3}${PARTY_EN}\b`,
      String.raw`\b(?:introduced|caused|damaged|lost|contaminated|mishandled|broken|spoiled|mislabell?ed|misprinted) (?:[\w-]+ ){0,3}?by (?:the |a |an |our |their |one of our )?(?:[\w'’-]+ ){0,3}${PARTY_EN.replace('weather|storm|typhoon|', '')}\b`,
      String.raw`, not (?:by|from|through) (?:anyone|anybody|any(?: of)? (?:our|the) \w+|(?:our|the) (?:own )?(?:staff|crew|team|employees|people|company|airline|brand|store|hotel))\b`,
      String.raw`\b(?:it|this|that) (?:wasn${AP}t|was not|isn${AP}t|is not) (?:us|on us|our doing)\b|\b(?:it was |that was |this was )?not our (?:call|decision)\b`,
      String.raw`\bmade (?:that|the|this) (?:call|decision|choice) (?:on (?:their|his|her) own|independently|alone)\b`,
      String.raw`\b(?:acting|acted|who acted) (?:alone|on (?:his|her|their) own(?: initiative)?|without (?:our|the company${AP}s) knowledge)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not say(?:ing)?|never say|won${AP}t say|will not say|not claim(?:ing)?) (?:that )?$`,
    notSentence: String.raw`\b(?:we (?:believe|suspect|think)|may have|might have|possibly|probably|likely|we remain responsible|we are responsible|is ours|are ours|we will not blame|won${AP}t blame|no evidence|whether|not yet (?:known|clear)|unclear)\b`,
  },

  // liability_admission: the fault named as the organisation's, whatever the organisation calls itself.
  {
    id: 'liability.admits_zh',
    category: 'liability_admission',
    re: [
      `(?:確實|的確|確係|確為)(?:是)?${ORG}@12(?:[給弄搞用拿發配打算寄標做貼印送寫輸]錯|失誤|疏失|違規|違法)`,
      `(?:是|因為|由於|因)${ORG}@10(?:沒有|沒|未|未能|疏於|忘記|忽略)@14(?:所造成|所致|造成|導致|引起|才會|才讓|才使|才導致|才造成)`,
      `(?:錯誤|錯|過錯|疏失|問題)(?:完全|全|都|全部)?(?:在|在於|出在)(?:我們|本|我方|我司|敝)${CJK}{0,4}`,
      `(?:我們|我方|我司|本公司|本${CJK}{1,3})(?:確實|的確)?(?:沒有|沒|未能|未)(?:做好|盡到|善盡|落實)${CJK}{0,8}`,
      `(?:我們|我方|我司|本公司|本${CJK}{1,3})@2(?<!不|並未|沒有)(?:坦承|承認|坦言)~20(?:疏失|過失|錯|違|失職|不當|缺失|竄改|造假|隱瞞|責任|疏忽|未依|沒有依|誤植|誤用|超收|溢收)${CJK}{0,8}`,
      `(?:存在|有)(?:明顯|重大|嚴重)(?:的)?(?:過錯|過失|疏失|失職)`,
      `(?:是|都是)(?:我們|本公司|我方|我司|本${CJK}{1,3})@4(?:搞砸|搞錯|弄錯|出包|凸槌|做錯)|(?:我們|本公司|我方|我司)(?:真的|確實)?搞砸了`,
      `(?:確有|確實有|的確有|確實存在|的確存在)${CJK}{0,12}(?:違法|違規|不當|失職|過失|疏失)(?:行為|情形|情事|之處|問題)?`,
      `${ORG}@6負(?:有)?(?:主要|全部|完全|直接|最大|首要)(?:的)?(?:法律)?責任`,
      `${ORG}@8負有@4(?:管理|監督|督導|法律|賠償|連帶)(?:上的)?責任`,
      `(?:未|沒有|沒)(?:能)?(?:善盡|盡到|盡)${CJK}{0,10}(?:責任|義務)`,
      `${ORG}(?:的)?(?:責任重大|有錯在先|理虧在先|確實有錯|確有過失|確有疏失)`,
      `(?:確實|的確)(?:有)?(?:未依法|未依規定?|未按規定|未遵守|沒有依法|沒有遵守|沒有依規定|疏於|怠於)`,
      `(?:法律|賠償|全部|一切|所有)(?:的)?責任(?:將|會|均|都)?由(?:我們|本|我方|我司)${CJK}{0,4}(?:一肩扛起|承擔|負責|負起|扛起)`,
    ].join('|'),
    notBefore: '(?:不|並非|不是|否認|若|如果|假如|是否|網傳|傳言|外界指|並無|沒有|有無|不會)~3$',
    notIn: '(?:是否|有無|若|如果)',
    notSentence: '(?:網友|轉貼|轉發|造謠|散布|散播|留言者|分享者|轉傳|發布者|發文者|行為人|否認|不實)',
  },
  {
    id: 'liability.org_fault',
    category: 'liability_admission',
    re: `(?:這|此|這次|此次|此事|這件事)?(?:(?<![不非])是|(?<![不非])屬|係|乃|確為|實為|確屬|肇因於|源於|起因於)${ORG}@10(?:的)?(?:重大|嚴重|明顯|一大)?(?:疏忽|疏失|過失|失職|怠忽|失責|違失|失當|失誤|差錯|缺位|不到位|不力)|(?:願|會|將|應|必須)?負(?:起)?(?:完全|全部|一切|所有)(?:之|的)(?:法律|賠償|刑事|民事)?責任`,
    notBefore: '(?:並非|不是|並不|否認|若|如果|是否|網傳|傳言|外界指|並無|沒有)~4$',
    notIn: '(?:是否|有無|廠商|供應商|承包|外包|代工)',
    notSentence: '(?:網友|轉貼|轉發|造謠|散布|散播|留言者|分享者|轉傳|發布者|發文者|行為人)',
  },
  {
    id: 'liability.negligent_en',
    category: 'liability_admission',
    re: [
      String.raw`\b${ORG_EN} (?:was|were|is|are|has been|have been) (?:plainly |clearly |simply |undeniably |genuinely |entirely |wholly )?(?:negligent|at fault|to blame|in breach)\b`,
      String.raw`\b(?:we|the company|it|management) (?:(?:was|were) )?(?:plainly |clearly )?at fault\b`,
      String.raw`\b(?:our|its|the company${AP}s) (?:own )?(?:negligen(?:ce|t \w+)|carelessness|recklessness)\b`,
      String.raw`\b(?:accepts?|accepted|assumes?|assumed|bears?|admits?) (?:full |complete |total |all |sole )?(?:legal |civil |financial )?liability\b`,
      String.raw`\bfailed in (?:our|its|their) (?:legal |statutory )?duty of care\b`,
      String.raw`\b${ORG_EN} (?:\w+ )?(?:failed to (?:meet|comply with|follow|obey|observe)|did not comply with|broke|breached|violated) (?:the |our |its )?(?:[\w-]+ ){0,3}(?:law|laws|regulations?|rules|requirements|standards|act)\b`,
      String.raw`\baccept (?:the |all |full )?(?:legal|criminal|civil) (?:consequences|liability|responsibility)\b`,
      String.raw`\b(?:breached|violated|neglected) (?:our|its) (?:legal |statutory )?(?:duty of care|duty|obligations)\b`,
      String.raw`\b(?:the )?(?:error|mistake|failure|fault|blame|negligence|oversight|lapse)s? (?:is|was|were|are) (?:entirely |wholly |all |squarely |completely )?(?:ours|mine|on us|our own)\b`,
      String.raw`\b(?:that|this|the) (?:failure|fault|mistake|error|lapse|negligence) (?:is|was) (?:the company${AP}s|ours|(?:the|our) (?:hospital|clinic|gym|hotel|school|bank|airline|store|brand|firm|company|operator|park|centre|center)${AP}s)(?![\w-])`,
      String.raw`\b(?:we|the company|it|the \w+) (?:admits?|acknowledges?|concedes?|accepts?) (?:that )?(?:we|our \w+|it|the company|its \w+)(?: [\w-]+){0,2} (?:broke|breached|violated|falsified|tampered with|mislabell?ed|overcharged|misled|ignored|neglected|was negligent|were negligent|acted unlawfully)\b`,
      String.raw`\bfell short of (?:our|its) (?:legal|statutory|contractual) (?:obligations|duties|duty)\b`,
      String.raw`\b(?:we|the company|management) (?:breached|violated|broke) (?:our|its|the) (?:legal |statutory )?(?:duty|obligations|law)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not|no|never|deny|denies|denied|if|whether|alleg\w+|claims? that|not that) (?:\w+ ){0,2}$`,
    notSentence: String.raw`\b(?:whether|if (?:we|the company) (?:was|were)|alleg\w+|deny|denies|investigat\w+ whether)\b`,
  },

  // no_comment: the refusal to speak, whatever it refuses and whoever it sends people to.
  {
    id: 'no_comment.refuse_zh',
    category: 'no_comment',
    re: `(?:暫時|目前|現階段|此時)?(?:不便|不宜|無法|不方便)(?:多做|多作|多加|多|對外|公開)?(?:發表|說明|回應|評論|表示|透露)(?:任何)?(?:看法|意見|評論|說明)?|(?:目前|暫時|現階段)?沒有(?:什麼|任何)(?:可以|能|可)(?:對外)?(?:說明|回應|透露|分享)的?|(?:所有|一切|任何)?(?:問題|疑問|詢問|提問)~6(?:請|煩請|一律)?(?:直接)?(?:與|向|洽)~16(?:律師|法律事務所|法務|法律顧問)(?:聯繫|聯絡|洽詢|詢問)?|(?:不願|不想|拒絕|一概不予?|一律不予?)(?:多談|多說|多做說明|多作說明|回應|評論|說明|置評|透露|答覆|表態)|(?:一律|一概|均|都)婉拒|婉拒@4(?:採訪|訪問|受訪|邀訪|媒體)|婉拒(?:任何|所有|一切)?(?:媒體)?(?:的)?(?:採訪|訪問)|(?:不另|不再|選擇不|決定不|暫不|不予|不作|不做)(?:對外)?(?:做|作|多做|多作|發表|提出)?(?:任何)?(?:回應|評論|說明|意見|表示|答覆|回覆|置評|表態)`,
    notSentence: '(?:(?:將|會)(?:於|在)~12(?:說明|公布|更新)|下次|稍後|每日|每天|隱私|當事人(?:意願|要求)|家屬(?:意願|要求))',
  },
  {
    id: 'no_comment.refuse_en',
    category: 'no_comment',
    re: String.raw`\b(?:inappropriate|not appropriate|premature) (?:for (?:us|the company|me) )?to (?:comment|discuss|say anything|respond)\b|\b(?:questions|inquiries|enquiries|queries|requests)\b[^.!?;\n]{0,50}? (?:should|must|will|are to|need to) be (?:put|directed|referred|sent|addressed|made) to (?:our|the company${AP}s) (?:outside |external |own )?(?:attorneys|lawyers|solicitors|legal (?:team|department|counsel|representatives)|counsel)\b|\bdeclines? (?:to comment|comment)\b|\b(?:have|has) no (?:statement|comment|response|remarks) to (?:make|give|offer)\b|\b(?:will not|won${AP}t|not) be (?:making|issuing|giving|providing) (?:a|any) (?:further |public )?(?:statement|comment)s?\b|\blet (?:the )?(?:legal process|courts?|judge|law|legal proceedings) (?:speak|decide|run its course|take its course)\b`,
    notSentence: String.raw`\b(?:but we will|we will (?:give|share|publish|provide) (?:a |an )?(?:full |further )?update|privacy|wishes)\b`,
  },

  // minimizing: "only a little…", "no need to over-react", an idiom that shrinks the event, a doer-less passive.
  {
    id: 'minimizing.only_small',
    category: 'minimizing',
    re: `(?:只是|不過是|僅是|只不過是|純粹是)(?:一次|一個|個|一場|一點)?(?:小小|小|輕微|短暫|單純|一點點)(?:的)?${CJK}{0,4}(?:延遲|延誤|失誤|問題|狀況|插曲|異常|誤差|失靈|錯誤|故障|疏忽)|(?:請|希望)?(?:大家|各位|民眾|家長|顧客)?(?:不必|不用|無須|無需|毋須)(?:過度|太過|過於|太)(?:緊張|擔心|恐慌|擔憂|驚慌|反應)`,
  },
  {
    id: 'minimizing.shrink_en',
    category: 'minimizing',
    re: String.raw`\b(?:a )?(?:storm in a teacup|tempest in a teapot|much ado about nothing|(?:brief |small |minor |temporary )?(?:hiccups?|blips?|teething (?:problems|issues)))\b|\b(?:certain|some) (?:processes|procedures|steps|checks|rules|standards|tests|inspections) (?:were|was) not (?:[\w-]+ ){1,2}as (?:closely|carefully|strictly|fully|consistently|thoroughly|well|rigorously) as\b|\bregret any (?:inconvenience|discomfort|upset|distress)\b`,
    notBefore: String.raw`\b(?:not|no|never) (?:a |just )?$`,
  },

  // victim_playing: the organisation as the one hurt most.
  {
    id: 'victim.hurt_most',
    category: 'victim_playing',
    re: `才是${CJK}{0,12}最(?:受傷|委屈|無辜|痛苦|大的受害者|受害|難過|冤)|(?:我們|本公司|我司)?(?:同樣|也|一樣)是${CJK}{0,8}(?:的)?受害(?:方|者|人)|\\b(?:nobody|no one|none) (?:has been |was |have been )?(?:hurt|harmed|damaged|affected|suffered) (?:more|worse)(?: by this| by it)? than (?:us|we|our|the company)\\b|\\b(?:our|the) (?:staff|people|employees|team|family|business) (?:have been|are|were) the ones (?:suffering|hurt|harmed)\\b|\\b(?:we|our (?:family|staff|team|employees|people|business|company)) (?:have|has) been (?:put through hell|through hell|harassed|abused|tormented|threatened|hounded|trolled|vilified)\\b`,
    notBefore: '(?:不是|並非|不會說|不能說|not say|never say)~4$',
    notSentence: '(?:駭客|hacker)~20(?:顧客|客戶|用戶|會員|customers|members|users)',
  },

  // legal_threat: a letter, a writ or damages pursued from the people who post.
  {
    id: 'legal_threat.letters_en',
    category: 'legal_threat',
    re: String.raw`\b(?:expect|receive|get|be getting|be receiving|hear from) (?:a |an )?(?:letter|letters|writ|writs|summons|notice|call) from (?:our|the company${AP}s) (?:solicitors|lawyers|attorneys|legal (?:team|department|counsel))\b|\b(?:pursue|seek|claim|recover) (?:\w+ )?damages (?:from|against) (?:every|each|all|any|the (?:people|individuals|accounts|users)|those)\b|\b(?:will|shall|are going to) be (?:taken|dragged|hauled) (?:to|before the) court\b`,
    notBefore: String.raw`\b(?:not|never|no|won${AP}t|will not) (?:\w+ ){0,3}$`,
  },

  {
    // 「保留追究相關人員法律責任的權利」: the reserved right, however long the object between.
    id: 'legal_threat.reserve_right',
    category: 'legal_threat',
    re: `保留(?:依法)?(?:追究|提告|起訴|訴訟|求償)${CJK}{0,14}(?:權利|權)`,
    notBefore: '(?:不會|無意|放棄)~4$',
  },
  {
    id: 'legal_threat.by_law',
    category: 'legal_threat',
    re: `(?:散布|散播|造謠|轉貼|轉發|分享|留言|言論|網友|網民|帳號|傳謠|爆料)~24(?:將|會|一律|必|必將)?依法(?:追訴|提告|起訴|究辦|追究|處理|辦理|求償)`,
    notBefore: '(?:不會|不打算|無意)~4$',
    notSentence: '(?:不會|不打算|無意|不予)(?:對)?@10(?:提告|追訴|追究|起訴)',
  },
  {
    id: 'victim.cannot_go_on',
    category: 'victim_playing',
    re: `(?:快|幾乎|已經|實在)?撐不下去|(?:員工|同仁|我們|大家|店員)${CJK}{0,6}(?:每天|天天)(?:都)?(?:在)?(?:哭|以淚洗面)|(?:罵|霸凌|攻擊|批評|網暴|謾罵|輿論|公審)~20(?:心力交瘁|身心俱疲)`,
    notBefore: '(?:讓|使|害|造成)(?:受害者|家屬|顧客|消費者|病患|會員|孩子)?~4$',
  },
  {
    id: 'defamation.steering',
    category: 'defamation',
    re: `(?:網紅|博主|部落客|記者|爆料者|爆料人|網友|那位|這位|對方|名嘴|主播|直播主|youtuber|媒體)~20(?:帶風向|帶節奏|操作輿論|蹭熱度|蹭流量|博眼球|炒作話題)`,
    notBefore: '(?:不是|並非|不認為|不會說)~4$',
  },
  {
    id: 'defamation.record_en',
    category: 'defamation',
    re: String.raw`\b(?:dismissed|fired|sacked|let go|expelled|banned) for (?:theft|stealing|dishonesty|fraud|misconduct|lying|harassment)\b|\bhas a (?:criminal )?record (?:of|for) (?:fraud|theft|lying|scams?|extortion)\b`,
  },
  {
    id: 'blame.just_a_dealer',
    category: 'blame_shifting',
    re: `(?:我們|本公司|本店|我司|敝公司)(?:只是|僅是|只不過是|僅為|不過是)(?:一家|一個)?(?:代理商|經銷商|通路商?|零售商|中間商|仲介|販售商|賣場|轉售商)`,
    notSentence: OWNS_IT,
  },
  {
    id: 'no_comment.cannot_answer',
    category: 'no_comment',
    re: `(?:公司)?規定(?:我們)?(?:不能|無法|不得)(?:回答|回覆|透露|說明|評論)|(?:不能|無法|不便|沒辦法)(?:回答|透露)|(?:跟|與|向|找)(?:我們的|本公司的?|我司的?|公司的?)(?:律師|法務|法律顧問)(?:聯絡|聯繫|洽詢|詢問|談)`,
    notSentence: '(?:稍後|明天|明日|今天|今晚|將於|會在|確認後|查明後|調查後|隱私|個資|當事人(?:同意|意願)|家屬(?:同意|意願)|下週|之後)',
  },
  {
    id: 'legal_threat.every_account_en',
    category: 'legal_threat',
    re: String.raw`\b(?:passed|handed|sent|forwarded|referred|given) (?:the )?(?:details|names|screenshots|information|data|ip addresses) of (?:every|all|each) (?:account|user|person|poster|individual|sharer)s?\b|\b(?:share|post|repeat|spread|circulat)\w*\b[^.!?;\n]{0,40}\bat (?:their|your|his|her) own (?:legal )?(?:risk|peril)\b|\bwill not hesitate to (?:take|pursue|start) legal\b`,
    notBefore: String.raw`\b(?:not|never|no)\b(?: \w+){0,3} $`,
  },
  {
    id: 'minimizing.regretted_en',
    category: 'minimizing',
    re: String.raw`\b(?:any )?(?:inconvenience|disruption|upset|distress|confusion|discomfort)(?: \w+){0,2} (?:is|was|are|were) (?:deeply |sincerely )?regretted\b|\bsorry (?:that )?you feel (?:that way|this way|upset|let down)\b`,
  },
  {
    id: 'victim.real_victims_en',
    category: 'victim_playing',
    re: String.raw`\b(?:we|our (?:staff|people|employees|team|company|brand|business|family)|the company) (?:are|is|were|was|have been) (?:the )?(?:real|true|biggest|main|only|ones?|first) (?:victims?|injured party)\b`,
    notBefore: String.raw`\b(?:not|never)(?: \w+){0,2} $`,
  },
  {
    id: 'defamation.rivals_behind_en',
    category: 'defamation',
    re: String.raw`\b(?:pushed|spread|orchestrated|driven|fuel(?:l)?ed|planted|started|amplified|bankrolled|funded) by (?:a |our )?(?:competitors?|rivals?|a rival (?:\w+ )?(?:company|brand|chain))\b`,
    notBefore: String.raw`\b(?:not|no evidence (?:that )?(?:it was|they were)?)(?: \w+){0,3} $`,
  },
  {
    id: 'legal_threat.if_again',
    category: 'legal_threat',
    re: `(?:再|若再|如果再|要是再|繼續)${CJK}{0,10}(?:只好|只能|就會|就|將|會|必定)(?:依法)?(?:提告|提出告訴|告你|起訴|走法律途徑|法律途徑|追究)`,
    notBefore: '(?:不會|不打算|無意)~4$',
  },
  {
    id: 'no_comment.casual',
    category: 'no_comment',
    re: `沒(?:什麼|甚麼|啥)(?:好|可以|能)(?:回應|說|講|評論|說明)的?|(?:我們|本公司|公司|本店)?(?:不予回答|不便回答|不會回答|不回答)`,
    notSentence: '(?:隱私|個資|當事人(?:意願|要求)|家屬(?:意願|要求)|稍後|晚點|下次|將於)',
  },
  {
    id: 'minimizing.regret',
    category: 'minimizing',
    re: `(?:很|深感|深表|十分|非常|感到)?遺憾(?:造成|帶給|讓|給|引起)@10(?:困擾|不便|不適|不安|疑慮|誤會|誤解|不愉快)`,
    notSentence: '(?:道歉|致歉|對不起|抱歉|apolog)',
  },
  {
    id: 'defamation.bot_accounts_en',
    category: 'defamation',
    re: String.raw`\b(?:is|are|was|were) (?:clearly |obviously |just |nothing but |all |probably )?(?:a |an )?(?:bots?|fake|sock ?puppets?|trolls?|paid|burner) (?:accounts?|reviewers?|profiles?|posters?)\b|\bbot accounts?\b`,
    notBefore: String.raw`\b(?:not|no evidence|never)(?: \w+){0,3} $`,
  },
  {
    id: 'speculation.org_believes_en',
    category: 'speculation',
    re: String.raw`\b${ORG_EN} (?:believes?|suspects?|thinks?|assumes?|presumes?) (?:that )?[^.!?;
]{0,60}?\b(?:caused|cause|because|due to|left|responsible|started|led to|was behind|were behind|to blame|originated)\b`,
    notSentence: String.raw`\b(?:does not|doesn${AP}t|will not|won${AP}t) (?:speculate|guess)\b`,
  },

  {
    id: 'speculation.should_be_zh',
    category: 'speculation',
    re: `(?:據了解|據悉|初步(?:了解|看來|判斷)?|目前看來|看起來)@6(?:應為|應是|應係|應該是|應屬)@14|(?:應為|應係)${CJK}{2,12}(?:所致|造成|引起|誤觸|失誤|疏失|不慎|引發)`,
    notBefore: '(?:更正|訂正)~8$',
    notSentence: '(?:更正|訂正|不會(?:臆測|猜測|推測))',
  },
  {
    id: 'speculation.our_understanding_en',
    category: 'speculation',
    re: String.raw`\bour (?:understanding|assumption|belief|sense|impression|hypothesis|suspicion|best guess|working assumption|current thinking) (?:is|was) that\b[^.!?;\n]{0,50}`,
  },
  {
    id: 'victim.unnamed_smear',
    category: 'victim_playing',
    re: `(?:部分人士|少數人士?|某些人士?|有人|不明人士|特定人士|有心人士?)@10(?:藉機|刻意|故意|惡意|蓄意)@4(?:炒作|中傷|抹黑|攻擊|帶風向|造謠|操作)${CJK}{0,6}`,
    notBefore: '(?:不是|並非|不認為|不會說)~4$',
  },
  {
    id: 'minimizing.may_have_en',
    category: 'minimizing',
    re: String.raw`\b(?:may|might) have (?:fallen short|disappointed|let (?:some|a few|certain)|not (?:fully )?met|not lived up)\b[^.!?;\n]{0,40}`,
  },

  // legal_threat: mainland register (依法維權, 一一追責, 報案 against rumour-mongers).
  {
    id: 'legal_threat.defend_rights',
    category: 'legal_threat',
    re: `(?:將|會|已|堅決|必將)@6依法維權|依法維護(?:本公司|公司|我司|品牌|自身|我們|本${CJK}{1,3})(?:的)?(?:合法)?(?:權益|聲譽|名譽|商譽)|(?:一一|逐一|一律|全部|都會|都將)追(?:責|究)(?:到底)?|追責到底|絕不(?:手軟|罷休|善罷甘休|放過)|(?:報案|報警)@10(?:造謠|傳謠|散布|網民|網友)|(?:造謠|傳謠|散布)${CJK}{0,16}(?:必將|將會|一定會)?(?:受到|面臨)${CJK}{0,4}(?:法律)?(?:制裁|追究|懲處)`,
    notBefore: '(?:不會|不打算|無意|並未|沒有)~4$',
    notSentence: '(?:員工|人員|責任人|主管|管理層|幹部|承辦|涉事門店)',
  },

  // absolute_promise: nothing left behind, nothing that can fail.
  {
    id: 'absolute.none_left',
    category: 'absolute_promise',
    re: `(?:一件|一個|一筆|一位|一人|一箱|一包)(?:都)?不(?:漏|落|少)|(?:百分之百|100\\s?%|百分百)(?:的)?(?:不含|無|沒有|安全|天然|純|有效|放心|沒問題)|一分一毫|分毫不差|一毛(?:錢)?(?:都)?不(?:少|會少)|\\bevery (?:single )?(?:cent|penny|dollar|last (?:cent|penny|dollar))\\b|\\b100 ?(?:%|percent|per cent) (?:safe|secure|protected|guaranteed|certain|clean|risk-free|harmless)\\b|\\b(?:removed|eliminated|ruled out|eradicated) (?:every|all|any) (?:possible |conceivable )?(?:risk|chance|possibility)\\b|\\b(?:completely |totally |entirely |fully )?(?:fail-?proof|fool-?proof|error-?proof|leak-?proof|risk-?free)\\b|\\b(?:every single|each and every) \\w+(?: \\w+)? will be (?:found|recovered|returned|delivered|replaced|fixed)\\b`,
    // "No system is risk-free" denies the absolute.
    notBefore: "(?:無法|不能|不敢|難以|沒辦法|not|cannot|can’t|can't) (?:\\w+ )?$|\\b(?:no|nothing) (?:\\w+ ){0,3}$",
  },

  // defamation: a critic called a habitual offender.
  {
    id: 'defamation.habitual',
    category: 'defamation',
    re: '(?:慣犯|累犯|有前科|詐騙慣犯|職業索賠|索賠專業戶|專門(?:勒索|敲詐|碰瓷))|為了(?:流量|點閱|聲量|曝光|出名|博眼球|業配|錢)@4(?:不惜|而|刻意|故意)?@4(?:編造|捏造|造謠|說謊|扭曲|杜撰|抹黑|演戲|炒作)',
    notBefore: '(?:不是|並非|不會說|不能說)~4$',
  },
];
