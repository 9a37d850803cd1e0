// Rule families of the second tuning round (tune-2): each a family of wordings in Chinese (written
// Traditional, matching Simplified through normalise()) and English, with hard negatives in families-2.test.ts.
import type { PhraseRule } from './engine.ts';

const AP = "['’]";
const CJK = '[\\u3400-\\u9fff]';
/** Whoever speaks for the organisation: 本校, 我超市, 園方, 平台, 建設單位, 總包單位 … */
const ORG = `(?:我們|我方|我司|(?:本|我|敝)${CJK}{1,5}|校方|園方|院方|館方|店方|廠方|平台|學校|公司|${CJK}{2}單位)`;
/** The speaker itself, for admissions: no third party's 單位 or 廠商. */
const SELF = `(?:我們|我方|我司|(?:本|我|敝)${CJK}{1,3}|校方|園方|院方|館方|店方|廠方|平台)`;
const NEG_BEFORE = '(?:不|沒|未|並非|不是|並未|無意|不會|不能|不應|絕不)@2$';
/** The speaker owning the fault after all: no blame shifting. */
const OWNS_IT = '(?:難辭其咎|責無旁貸|(?:仍|也|都)(?:會|願|將)?(?:負起|承擔|負責)|不會推(?:卸|給)|不(?:能|應|該)以)';
/** Someone else facing the law: a threat, not an admission. */
const OTHERS = '(?:網友|轉貼|轉發|造謠|散布|散播|留言者|分享者|轉傳|發布者|發文者|行為人)';

export const familyRules2: PhraseRule[] = [
  // blame_shifting: the organisation denies any fault or liability of its own (usually after naming another cause).
  {
    id: 'blame.we_bear_no_fault',
    category: 'blame_shifting',
    re: `${ORG}(?:作為${CJK}{1,4}|這邊|方面|本身)?(?:並|均|完全|也|則|亦)?(?:無|沒有|毫無|不承擔|不負|無須負|無需負)(?:任何|直接|相關|法律)?(?:的)?(?:疏失|過錯|過失|責任)`,
    notBefore: '(?:並非|不是|不能說|不會說|不代表|若|如果|即使)~4$',
    notAfter: '^(?:感|心)',
    notIn: '(?:並非|不是)',
    notSentence: `(?:${OWNS_IT}|消費者無|顧客無|您無須|不必負擔)`,
  },
  {
    id: 'blame.force_majeure',
    category: 'blame_shifting',
    re: '不可抗力|非人力所能(?:防範|控制|避免|預見|抵擋)|(?:完全|全)(?:是|係|因)~10(?:天候|天氣|雷雨|颱風|豪雨|暴雨|地震|海象)~4(?:造成|所致|導致|引起)',
    notBefore: '(?:不是|並非|不能以|不應以|不以|不能說是|無法以)~4$',
    notSentence: `(?:${OWNS_IT}|藉口|卸責|推託|推諉)`,
  },
  {
    id: 'blame.force_majeure_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:an? )?act of (?:god|nature)\b|\bnot (?:a|the) (?:failure|fault|mistake|error) (?:of|by|on the part of) (?:our|the company|us)\b|\b\w*(?:storm|weather|flood|typhoon|earthquake)s? (?:that )?no (?:one|forecaster|forecast) (?:could have )?predicted\b`,
    notBefore: String.raw`\b(?:not|no|never|hide behind|blame it on|call it) (?:an? |the )?$`,
  },
  {
    id: 'blame.whole_industry',
    category: 'blame_shifting',
    re: `(?:整個|全|各)${CJK}{0,3}(?:產業|業界|行業)~10(?:共同|普遍|長年|長期)?(?:的)?(?:問題|通病|現象)|不是(?:我們|本公司|我司)?(?:一家|單一|任何一家)(?:公司|業者|廠商)?(?:能|可以|所能)(?:解決|改變|負責)`,
    notBefore: '(?:不能說|不是|並非|不應推給)~4$',
    notSentence: OWNS_IT,
  },
  {
    id: 'blame.whole_industry_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:happens?|happened|are common|is common) (?:across|throughout|all over) the (?:whole |entire )?\w+ (?:industry|sector)\b|\bnot something (?:any|a) single \w+ can be (?:blamed|held responsible)\b|\bindustry-wide problem\b`,
  },
  {
    id: 'blame.error_is_theirs_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:the )?(?:error|fault|mistake|blame|responsibility) (?:is|was|lies|rests) (?:theirs|with them|with the (?:supplier|vendor|contractor|agency|manufacturer|courier|airline)\w*)\b|\b(?:is|was|are|were)(?: not|n${AP}t) (?:related|relevant|connected) (?:with|to) (?:us|our (?:company|products?|service|brand))\b`,
    notBefore: String.raw`\b(?:not say|never say|won${AP}t say|not claiming) (?:that )?$`,
  },
  {
    id: 'blame.if_regulator_had',
    category: 'blame_shifting',
    re: '(?:若|如果|要是|假如|倘若)(?:主管機關|政府|監管(?:單位|部門)|衛生局|供應商|廠商|承包商|施工單位|原廠|代理商)~24(?:也|就)不會(?:有|發生|出現)',
  },

  // liability_admission: the organisation's own failure of duty, named as the cause.
  {
    id: 'liability.our_dereliction',
    category: 'liability_admission',
    re: `(?:是|屬|係|乃)${SELF}~10的(?:重大|嚴重|明顯)?(?:失職|疏失|過失|失誤|錯)|${SELF}在~14(?:上|方面|時|中)(?:嚴重|明顯)?(?:失職|疏失|失察)|(?:是|係)${SELF}~14(?:疏於|違規|違法|未盡|失職|疏忽)~10(?:造成|所致|導致|引起|引發)`,
    notBefore: '(?:(?:並|絕)?不|並非|絕非|(?:否認|若|如果|是否|網傳|傳言|外界指)~4)$',
    notIn: '(?:是否|有無)',
  },
  {
    id: 'liability.broke_the_law',
    category: 'liability_admission',
    re: `違反(?:了)?(?:${CJK}{2,10}(?:法|條例|規定)|勞基法|個資法|食安法)|侵(?:害|犯)(?:了)?(?:當事人|消費者|顧客|民眾|用戶|使用者|病患|學生|他人|員工|會員)(?:的)?${CJK}{0,3}(?:權|隱私)`,
    notBefore: `(?:(?:${OTHERS}|是否|有無|若|如果|涉嫌|指控|質疑)~8|並未|沒有|未曾|未|並無|無)$`,
    notSentence: `(?:${OTHERS}~10(?:違反|侵)|並未違反|沒有違反|未違反|無違反|不違反)`,
  },
  {
    id: 'liability.bear_main_share',
    category: 'liability_admission',
    re: `(?:${SELF}|願|願意)~6負(?:起|上)?(?:完全|全部|主要|全數|一切|所有)(?:的)?(?:法律|賠償)?責任|${SELF}(?:會|將|願)?依法負(?:責|起責任)`,
    notBefore: NEG_BEFORE,
    notSentence: `${OTHERS}`,
  },
  {
    id: 'liability.broke_our_terms_en',
    category: 'liability_admission',
    re: String.raw`\b(?:breached|violated|broke) (?:our own|its own|our|the) (?:terms(?: of service)?|contract|agreement|policy|policies|obligations|promise)\b|\b(?:that|this|it) (?:is|was) (?:entirely|completely|all|squarely) on us\b|\b(?:bear|accept|take) all (?:legal|financial) (?:responsibility|liability)\b`,
    notBefore: String.raw`\b(?:not|never|if|whether|deny|denies|alleged(?:ly)?) (?:\w+ ){0,2}$`,
  },

  // legal_threat: court, lawsuits and legal consequences promised to critics.
  {
    id: 'legal_threat.see_you_in_court',
    category: 'legal_threat',
    re: `(?:法院|法庭|公堂)(?:上)?(?:相見|見)|走法律途徑|(?:${OTHERS}|散布者|當事人|對方)~6(?:將|須|要|必須|會)(?:承擔|面對|負起)(?:相應|相關|一切)?(?:的)?(?:法律)(?:後果|責任)|誰(?:再|敢)~12(?:就|便)告誰`,
    notBefore: '(?:不會|不願|不想|無意|避免)~8$',
  },
  {
    id: 'legal_threat.face_a_lawsuit_en',
    category: 'legal_threat',
    re: String.raw`\bsee you in (?:\w+ ){0,2}court\b|\b(?:will|shall|are going to|can expect to) (?:face|receive|be hit with) (?:a )?(?:lawsuits?|legal action|prosecution|criminal charges|court action)\b`,
    notBefore: String.raw`\b(?:not|no|nobody|no one)\b(?: \w+){0,2} $`,
  },

  // no_comment: declining to speak, in formal and chatty registers.
  {
    id: 'no_comment.decline_register',
    category: 'no_comment',
    re: '不擬(?:發表|作出|做出|回應|評論|說明|置評)|沒(?:辦法|法)多(?:講|說|談)|(?:別|不要)再問了?|(?:這個?|此)(?:問題|部分)(?:我們)?(?:先)?跳過|一律(?:請)?(?:洽|詢問|聯繫|聯絡)~12(?:律師|法律事務所|法務)',
    notBefore: '(?:不是|並非)~3$',
  },
  {
    id: 'no_comment.no_any_comment_en',
    category: 'no_comment',
    re: String.raw`\b(?:we|i) (?:have|has) no (?:any |further )?comments?\b`,
  },

  // minimizing: shrinking the incident to something small or to feelings.
  {
    id: 'minimizing.just_a_small',
    category: 'minimizing',
    re: '(?:其實|只不過|不過)?只是(?:一場|一次|一個|個)?(?:小小的|小小|輕微的|小)~8(?:事件|狀況|問題|意外|冒煙|插曲)|只是~12有點~8而已|(?:出現|發生)了?(?:一點|些許|一些)?(?:小|輕微)(?:偏差|誤差|瑕疵|插曲|狀況)',
    notBefore: '(?:不是|並非|絕非|不能說|不應說)~4$',
  },
  {
    id: 'minimizing.feelings_of_some',
    category: 'minimizing',
    re: '對於?(?:部分|少數|某些|一些)~8可能~14(?:產生|造成|引起|感到)的?(?:不適|不悅|不快|困擾|誤會)',
  },
  {
    id: 'minimizing.to_the_extent_en',
    category: 'minimizing',
    re: String.raw`\bto the extent (?:that )?(?:anyone|someone|any \w+|some \w+) (?:felt|feels|was|were|may have (?:felt|been))\b[^.!?;\n]{0,60}`,
  },

  // absolute_promise: zero probability, not a cent, immune, no more ever.
  {
    id: 'absolute.zero_chance',
    category: 'absolute_promise',
    re: '(?:機率|可能性|風險)(?:是|為|降為|降到)?(?:零|0)(?![點.0-9])|零(?:機率|風險)|一(?:毛|分|塊)錢?都不會(?:多|再)?|(?:每一|所有|每)(?:位|個|名)?~8(?:都)?(?:經過|通過)(?:了)?(?:100 ?%|百分之百|百分百)',
    notBefore: '(?:不是|並非|無法|不可能|難以|不敢說|沒有人能|不能保證)~4$',
  },
  {
    id: 'absolute.zero_downtime_en',
    category: 'absolute_promise',
    re: String.raw`\b(?:will|shall) (?:have|see|experience|suffer) (?:zero|no more) (?:downtime|outages?|delays?|disruptions?|interruptions?|errors?)\b|\b(?:completely|totally|fully|now) immune to\b|\bno more [a-z]+ (?:[a-z]+ )?will (?:ever )?(?:appear|happen|occur|reach|be sold)\b`,
    notBefore: String.raw`\b(?:not|no|never|cannot|can${AP}t|nobody) (?:\w+ ){0,2}$`,
  },

  // victim_playing: the organisation as the real injured party.
  {
    id: 'victim.we_are_human',
    category: 'victim_playing',
    re: `${ORG}?(?:也是人|身心(?:交瘁|俱疲)|承受(?:著|了)?(?:巨大|極大|莫大)的?(?:壓力|委屈|傷害))|最受傷的~6(?:是)?(?:我們|本公司|品牌|員工)|遭受(?:了)?(?:有組織|有計畫|大規模)的?(?:網路)?(?:圍攻|攻擊|霸凌)`,
    notBefore: '(?:顧客|消費者|受害者|家屬|民眾)~4$',
    // 「同仁身心俱疲，公司已安排輪休」 looks after staff in a memo; it does not ask the public for pity.
    notSentence: '(?:安排|輪休|休假|諮商|關懷|慰問|補休)',
  },
  {
    id: 'victim.we_lost_too_en',
    category: 'victim_playing',
    re: String.raw`\bwe${AP}?(?:re| are) the ones (?:who )?(?:got |were |have been )?(?:hurt|harmed|hit|suffered)(?: the)? most\b|\bwe lost (?:millions|a fortune|so much)\b[^.!?;\n]{0,30}\btoo\b`,
  },

  // defamation: bad motives, bribes and revenge imputed to a critic, and their account called invented.
  {
    id: 'defamation.imputed_motive',
    category: 'defamation',
    re: '(?:動機|居心|用心|目的)(?:顯然|明顯|恐怕|根本|實在|相當)?(?:不單純|可議|不良|可疑|叵測)|(?:拿了|收了|收受了?)~8(?:業配|好處|紅包|酬勞|錢)~8(?:才|就)(?:故意|刻意|惡意)?|(?:就是|根本是|純粹是|分明是|擺明是)(?:他|她|他們|對方|前員工|這個人)?(?:在)?(?:報復|洩憤|挾怨)|(?:內容|說法|爆料|指控|故事)(?:全|全部|完全|都|通通)是(?:編的|捏造的|假的|虛構的|瞎掰的|杜撰的)',
    notBefore: '(?:我們|本公司|我司|並非|不是|無意|不會說)(?:的)?~2$',
  },
  {
    id: 'defamation.imputed_motive_en',
    category: 'defamation',
    re: String.raw`\b(?:motives?|agenda|intentions?) (?:is |are |seem |appear |were |was )?(?:clearly |obviously |plainly )?(?:not pure|questionable|suspect|impure|dubious|far from innocent)\b|\b(?:paid|bribed|sponsored) by (?:a |an |our |their )?(?:rival|competitor)s?\b|\b(?:is|are|was|were) (?:all |entirely |completely )?(?:made up|invented|fabricated) (?:by|from start to finish)\b`,
    notBefore: String.raw`\b(?:our|not|never) (?:\w+ )?$`,
  },

  // speculation: an unverified cause or scope.
  {
    id: 'speculation.guess_scope',
    category: 'speculation',
    re: '(?:大概|可能|應該|估計)是~20(?:讓|造成|導致|引起|害)|(?:估計|猜測|推估)~8應該(?:只有|僅|就)|相信(?:都|應該)?(?:沒有|沒|無)(?:問題|影響|疑慮)',
    notBefore: '(?:不會|不願|不便|無法)(?:猜測|臆測)?~3$',
  },
];
