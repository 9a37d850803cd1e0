// Structural rules of the fourth round (issue 6): each is the general shape behind a miss of the retired first
// holdout — a fault the organisation names as its own misconduct, the full legal responsibility taken on, a critic's
// motive impugned, a threat of a lawsuit as the consequence of posting, a hedged all-clear, an assurance that it
// will never happen again, a refusal to "say too much". Chinese is written Traditional and matches Simplified
// through normalise(); the wordings and hard negatives are in structure.test.ts.
import type { PhraseRule } from './engine.ts';
import { AP, CJK } from './rules-structure.ts';

/** Misconduct, not just a mistake: cutting corners, falsifying, hiding, overcharging, doing it without authority. */
const MISCONDUCT_ZH =
  '(?:偷工減料|以次充好|造假|作假|竄改|隱匿|隱瞞|虛報|浮報|謊報|超收|溢收|漏檢|未檢|未驗|違規|違法|擅自|私自|挪用|盜用|未依規定|未按規定|沒有依規定|未依法|沒有依法|未經同意|未經許可|未經授權)';
/** Whoever criticised the organisation in public. */
const CRITIC_ZH =
  '(?:記者|作者|撰文者|爆料者|爆料人|網紅|部落客|直播主|實況主|博主|主播|名嘴|評論員|發文者|原po|po文者|那位|這位|對方|該名|該位|投訴者|檢舉人|youtuber)';
/** A doubting, not a denying, hedge that nonetheless claims the rest is fine. */
const HEDGE_ZH = '(?:應該|應當|想必|理應|估計|八成|大概)';
/** The organisation naming itself (本公司, 我司, 敝店 …), not a unit it names (施工單位 is someone else). */
const SELF = `(?:我們|我方|我司|我公司|(?:本|敝)${CJK}{1,4})`;

export const structureRules2: PhraseRule[] = [
  // liability_admission: the fault named as the organisation's misconduct (是本公司施工時偷工減料, 係我司人員擅自…).
  {
    id: 'liability.org_misconduct',
    category: 'liability_admission',
    re: `(?:(?<![不非並])是|係|乃|確為|實為|確係|因為|由於|肇因於|起因於|源於)${SELF}@14${MISCONDUCT_ZH}`,
    notBefore: '(?:並非|不是|並不|否認|若|如果|假如|是否|網傳|傳言|外界指|並無|沒有|有無)~4$',
    notIn: '(?:是否|有無|廠商|供應商|承包商|外包|代工|網友|駭客)',
    notSentence: '(?:網友|轉貼|轉發|造謠|散布|散播|不實|否認|指控|質疑|傳言|網傳|查無|並無|沒有證據)',
  },
  {
    // 「本店員工當天確實把過期鮮奶混進新品販售」: the organisation's people confirmed to have done it.
    id: 'liability.org_confirmed_act',
    category: 'liability_admission',
    re: `${SELF}${CJK}{0,6}(?:確實|的確|確有|確曾|的確曾)@20(?:${MISCONDUCT_ZH.slice(3, -1)}|過期|逾期|重新貼標|改標|混(?:進|入)|未告知|多收|誤用|誤植|弄錯|搞錯)`,
    notBefore: '(?:並非|不是|否認|若|如果|假如|是否|網傳|傳言|外界指)~4$',
    notIn: '(?:是否|有無|並未|沒有|並無|從未)',
    notSentence: '(?:網友|轉貼|轉發|造謠|散布|散播|不實|否認|指控|質疑|傳言|網傳|查無|沒有證據)',
  },
  {
    // 「本院護理人員給藥時未核對患者身份」, 「是我們的審核機制形同虛設」: the organisation's own people skipping a duty, its
    // own controls failing, or its act set against the rules it broke.
    id: 'liability.own_omission_zh',
    category: 'liability_admission',
    re: [
      `${SELF}@16(?<!還|尚|仍|目前|暫時|正在)(?:未|沒有|未能|疏於|怠於)(?:依規定|依照|按照|依)?(?:核對|檢查|查核|遵守|落實|執行|通報|告知|消毒|清潔|檢驗|檢測|維修|保養|更換|申報|取得|揭露|標示)(?!到|出)`,
      `(?:我們|我方|我司|本公司|本${CJK}{1,3})(?:的)?${CJK}{0,6}(?:機制|制度|流程|系統|管理|把關|監督|審核|內控)(?:完全|嚴重|根本)?(?:形同虛設|失靈|失效|失守|不健全|嚴重不足|有重大缺失|存在重大缺陷|出現重大漏洞)`,
      `${SELF}@30違反${CJK}{0,6}(?:規程|規定|程序|法規|法令|規範|sop|作業流程|標準)`,
    ].join('|'),
    notBefore: '(?:並非|不是|否認|若|如果|假如|是否|網傳|傳言|外界指|並無|沒有證據)~4$',
    notIn: '(?:是否|有無|若|如果|從未|並未|未曾|網友|駭客)',
    notSentence: '(?:網友|網傳|造謠|散布|散播|不實|否認|指控|質疑|傳言|查無|沒有證據|調查中|是否|釐清)',
  },
  {
    // "It was our engineer who disabled the alarm": a cleft that puts the act on the organisation's own people.
    id: 'liability.it_was_ours_en',
    category: 'liability_admission',
    re: String.raw`\bit was (?:our|one of our|the company${AP}s|the hotel${AP}s|the store${AP}s) (?:own )?[\w-]+(?: [\w-]+)? (?:who|that) (?:\w+ ){0,2}?(?:disabled|ignored|skipped|falsified|deleted|switched off|turned off|overrode|removed|forgot|failed|left|mixed|sold|sent|gave|leaked|approved|signed off|mislabell?ed|miscalculated|overlooked)\b`,
    notBefore: String.raw`\b(?:not|no|never|deny|denies|denied|if|whether|alleg\w+|claims? that)(?: \w+){0,2} $`,
    notSentence: String.raw`\b(?:whether|alleg\w+|deny|denies|no evidence|investigat\w+ whether)\b`,
  },
  {
    // "a failure by the management company, over which we have no say": the cause put outside the organisation's reach.
    id: 'blame.no_say_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:over (?:which|whom)|which) (?:we|the company|the \w+) (?:have|has|had) (?:no|little|zero) (?:say|control|influence|authority|oversight)\b|\b(?:we|the company) (?:have|has|had) (?:no|zero) (?:say|control|influence|authority|oversight) (?:over|in) (?:the |their |its |how |what )`,
    notSentence: String.raw`\b(?:we (?:remain|are) responsible|ours to (?:fix|put right)|we chose|we will (?:still )?(?:refund|pay|compensate|cover))\b`,
  },
  {
    // 「該名員工是派遣公司派來的，不是本公司正職」: the person at fault said to belong to someone else.
    id: 'blame.not_our_staff_zh',
    category: 'blame_shifting',
    re: `(?:是|係|屬於?|為)${CJK}{0,6}(?:派遣公司|外包公司|承包商|人力公司|人力派遣|協力廠商|經銷商|加盟主|代工廠|物流公司)(?:派來|派遣|聘用|雇用|僱用|所聘|所屬|的員工|的人員|的司機|的人)|(?:並不是|不是|並非|非)(?:本公司|我們|我司|我方|本${CJK}{1,3})(?:的|之)?(?:正職|正式|直屬|編制內|自聘)(?:員工|職員|人員|同仁)?`,
    notBefore: '(?:不會說|不能說|無論|不論|不管)~4$',
    notSentence:
      '(?:仍|也|還是|同樣)(?:由|是)(?:我們|本公司|我司)(?:負責|承擔|的責任)|(?:我們|本公司|我司)(?:仍|也|還是|同樣)(?:會|將)?(?:負責|承擔)',
  },
  {
    // "happened because riders did not keep their arms inside": the customers' own omission as the cause.
    id: 'blame.customers_failed_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:because|as|since|after|when) (?:the |some |a few |these |those |several |many )?(?:riders|customers|users|guests|passengers|parents|drivers|patients|visitors|buyers|owners|members|diners|tenants|residents|shoppers|fans|attendees|spectators|hikers|swimmers|climbers|students|pupils|children|kids|travell?ers|commuters|pedestrians|cyclists|motorists|players|gamers|viewers|investors|clients|consumers|homeowners)\b (?:had )?(?:did not|didn${AP}t|had not|hadn${AP}t|have not|haven${AP}t|never|failed to|ignored|chose not to|refused to|neglected to|forgot to|misused|mishandled|disregarded)\b`,
    notBefore: String.raw`\b(?:not|never|no one is saying|we are not saying)(?: \w+){0,2} $`,
    notSentence: String.raw`\b(?:we (?:remain|are) responsible|ours to fix|we should have|our (?:signs|instructions|warnings|staff) (?:were|was)|we will (?:still )?(?:refund|pay|compensate|cover))\b`,
  },
  {
    // 「凡散布謠言者，我司已全部記錄在案」: the posters told their posts are on file.
    id: 'legal_threat.on_file_zh',
    category: 'legal_threat',
    re: `(?:散布|散播|造謠|謠言|轉貼|轉發|留言|發文|網友|惡意)~30(?:記錄在案|存證在案|蒐證在案|建檔備查|一一記錄|全部記錄|留存證據|截圖存證|列冊)`,
    notBefore: '(?:不會|不打算|無意|不予)~4$',
  },
  {
    // 「也就是幾杯飲料的問題，沒必要鬧這麼大」: the event called trivial and the reaction excessive.
    id: 'minimizing.fuss_zh',
    category: 'minimizing',
    re: `(?:沒必要|沒有必要|何必|用不著|不至於)(?:鬧|吵|炒|搞|弄)(?:得)?(?:這麼|那麼|成這樣)?(?:大|兇|誇張|嚴重)|(?:也就是|不過是|只是|也只是)(?:幾|一點|一些|一兩|區區)${CJK}{0,4}(?:的)?(?:問題|小事|錢)`,
    notBefore: '(?:不是|並非|絕非|不能說|不會說)~4$',
  },
  {
    // "any claims should go to them": the customer sent on to another party to be compensated.
    id: 'blame.claims_go_elsewhere_en',
    category: 'blame_shifting',
    re: String.raw`\b(?:claims|complaints|refund requests|compensation (?:claims|requests)|questions about compensation)\b[^.!?;\n]{0,20}? (?:should|must|need to|will have to) (?:go|be (?:sent|directed|made|addressed|submitted|taken up)) (?:directly )?(?:to|with) (?:them|the (?:[\w-]+ ){0,2}(?:agent|agency|supplier|vendor|contractor|airline|operator|manufacturer|seller|platform|courier|carrier|insurer|franchisee|landlord|developer|company))\b`,
    notSentence: String.raw`\b(?:we will|we${AP}ll|we are|our team will) (?:still |also )?(?:handle|refund|pay|cover|compensate|help)\b`,
  },
  {
    // "skipped the pressure test, in breach of the safety code": the organisation's act set against the law it broke.
    id: 'liability.in_breach_en',
    category: 'liability_admission',
    re: String.raw`\b(?:fell|fall|falls|fallen|was|were) (?:well |far )?(?:below|short of) (?:the |our |its )?(?:[\w-]+ ){0,3}?(?:standards?|requirements?|obligations?|minimum) (?:(?:the|that) (?:[\w-]+ )?(?:law|regulations?|rules|code|licen[cs]e) (?:requires?|sets?|demands?|lays? down)|(?:required|set) by (?:law|the regulations?|the code))\b|\b(?:fell|fall|falls|fallen|was|were) (?:well |far )?(?:below|short of) (?:the |our |its )?(?:legal|statutory|regulatory) (?:minimum|standards?|requirements?)\b|\b(?:we|our [\w-]+|the company|it) (?:did not|didn${AP}t|failed to|never|neglected to) (?:[\w-]+ ){1,6}?(?:the |that )?(?:law|regulations?|rules|code|licen[cs]e|permit) (?:requires?|required|demands?|demanded|mandates?)\b|\b(?:in (?:breach|violation) of|contrary to|in contravention of|against) (?:the |our |its |our own |its own |a )?(?:[\w'’-]+ ){0,3}?(?:law|laws|code|regulations?|rules|act|requirements|licen[cs]e|permit|statute)\b`,
    notBefore: String.raw`\b(?:not|no|never|nothing|deny|denies|denied|if|whether|without|alleg\w+|was not|were not|is not|any) (?:\w+ ){0,3}$`,
    notSentence: String.raw`\b(?:whether|alleg\w+|deny|denies|no evidence|investigat\w+|if (?:it|this|we)|would be|will be|anyone|customers? who|users? who|passengers? who|guests? who|posters?|accounts?|fined|report (?:it|them)|please)\b`,
  },
  {
    // 「我司願意承擔由此產生的一切法律責任」: the organisation itself takes on the whole legal responsibility, whatever
    // comes between (「轉貼者須承擔一切法律責任」 puts it on someone else: legal_threat, not this).
    id: 'liability.takes_all_liability',
    category: 'liability_admission',
    re: `${SELF}@8(?:承擔|負起|擔起|扛起|負擔)(?:由此|因此|相關|本次|此次)?(?:所)?(?:產生|衍生|引起|造成|導致)?(?:的|之)?(?:一切|全部|所有|完全|全數)(?:的|之)?(?:法律|賠償|民事|刑事|損害賠償)責任`,
    notBefore: '(?:不|不會|不必|無須|無需|無意|拒絕|否認|不應|不該|是否|若|如果|要求對方|應由|由)~4$',
  },
  {
    id: 'liability.on_our_part_en',
    category: 'liability_admission',
    re: [
      // "was unlawful on our part", "a serious failure on the hospital's part".
      String.raw`\b(?:was|were|is|has been) (?:\w+ )?(?:unlawful|illegal|negligent|wrongful|wrong|a breach of (?:[\w-]+ ){1,4}?|careless|reckless|inexcusable) on (?:our|the company${AP}s|the (?:[a-z]+)${AP}s) part\b`,
      String.raw`\b(?:(?:serious|grave|clear|gross) )?(?:negligence|failure|breach|misconduct|wrongdoing) on (?:our|the company${AP}s) part\b`,
      // "that was wrong of us", "we were wrong to …".
      String.raw`\b(?:was|were|is) (?:\w+ )?(?:wrong|unlawful|negligent|careless|reckless|inexcusable) of (?:us|the company|me)\b|\bwe were (?:\w+ )?wrong to\b`,
      // "The blame sits squarely with us": fault, blame or liability placed on the organisation itself.
      String.raw`\b(?:the )?(?:blame|fault|liability) (?:for [\w -]{1,30}?)?(?:lies|lay|rests|rested|sits|sat|is|was|belongs) (?:squarely |entirely |solely |wholly |fully |firmly )?(?:with|on) (?:us|ourselves|the company|our (?:company|management|staff|team))\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:(?:not|no|never|deny|denies|denied|if|whether|alleg\w+|claims? that) (?:\w+ ){0,2}|without (?:any )?)$`,
    notSentence: String.raw`\b(?:whether|alleg\w+|deny|denies|no evidence|investigat\w+ whether|if (?:it|this) (?:was|is))\b`,
  },

  // defamation: the critic's motive impugned (a grudge, paid, lives off fakes), so what they say "cannot be fair".
  {
    id: 'defamation.motive_zh',
    category: 'defamation',
    re: [
      `${CRITIC_ZH}~24(?:有私怨|有宿怨|有過節|有恩怨|有仇|挾怨|懷恨|收了?錢|拿了?錢|收了好處|拿了好處|被收買|被買通|受人指使|是對手派來|是競爭對手)${CJK}{0,4}(?:[,，]${CJK}{0,12}(?:不可能|無法|不會)(?:公正|客觀|可信|屬實|中立))?`,
      `(?:靠|以)${CJK}{0,4}(?:造假|作假|說謊|撒謊|騙人|詐騙|炒作|抹黑|造謠|擺拍|剪接|斷章取義)${CJK}{0,3}(?:衝|賺|博|吸|騙|換|搏|撈)(?:流量|點閱|聲量|曝光|訂閱|錢|關注|眼球|業配)(?:的人|的網紅|起家|維生)?`,
    ].join('|'),
    notBefore: '(?:不是|並非|不認為|不會說|不能說|沒有證據)~4$',
  },
  {
    id: 'defamation.motive_en',
    category: 'defamation',
    re: String.raw`\b(?:has|had|have|with|bears?|holds?) (?:an axe to grind|a (?:personal |long-standing |well-known )?(?:grudge|vendetta|score to settle) (?:against|with))\b[^.!?;\n]{0,40}|\b(?:makes?|made|earns?) (?:a living|money|a career|a name) (?:from|by|out of) (?:faking|fabricating|inventing|lying|smearing|staging)\b|\b(?:history|record|pattern|habit) of (?:making up|inventing|fabricating|faking|staging|exaggerating|filing false)\b[^.!?;\n]{0,40}`,
    notBefore: String.raw`\b(?:not|no evidence|never|nor)(?: \w+){0,3} $`,
  },

  // legal_threat: a lawsuit as the consequence of going on posting (恐怕會吃上妨害名譽的官司).
  {
    id: 'legal_threat.consequence_zh',
    category: 'legal_threat',
    re: `(?:亂講|亂說|亂傳|亂寫|亂po|造謠|散布|散播|抹黑|繼續|再有|再度|網路上|網上)~30(?:恐怕|可能|小心|當心|勢必|必然|一定|難免|恐將)(?:會|將)?(?:吃上|面臨|惹上|背上|挨)${CJK}{0,8}(?:官司|告訴|訴訟|刑責|罪名|法律責任)`,
    notBefore: '(?:不會|不打算|無意)~4$',
    notSentence: '(?:我們|本公司|我司|本會)(?:不會|無意|不打算)@8(?:提告|追究|起訴|告)',
  },

  // speculation: a hedged all-clear about what was not tested (其他批次應該都沒事).
  {
    id: 'speculation.hedged_all_clear',
    category: 'speculation',
    re: `${HEDGE_ZH}(?:都|也|是|就)?(?:沒事|沒有事|沒問題|沒有問題|不會有(?:事|問題)|是安全的|很安全|安全無虞|無虞|不受影響)|\\b(?:the )?(?:other|remaining|rest of the) (?:[\\w-]+ ){0,3}(?:should|ought to) (?:all |also )?be (?:fine|ok|okay|unaffected|safe|clean)\\b`,
    notBefore: '(?:不會說|不能說|不敢說|無法說|不能保證|not say|cannot say|can’t say)~6$',
    notSentence: '(?:檢驗(?:結果)?(?:顯示|證實|確認)|已(?:檢驗|檢測|確認|證實)|test(?:s|ed|ing)? (?:show|confirm)|confirmed)',
  },

  // absolute_promise: an assurance that something will never happen again; an absolute adjective; "zero exceptions".
  {
    id: 'absolute.assurance_en',
    category: 'absolute_promise',
    re: [
      String.raw`\b(?:you have (?:our|my) (?:full |absolute |personal )?(?:assurance|guarantee|word|promise)|we (?:can )?(?:assure|promise|guarantee) (?:you|everyone|our [a-z]+|customers|the public|all [a-z]+))(?:,)? (?:that )?[^.!?;\n]{0,60}?\b(?:will not|won${AP}t|will never|cannot|can${AP}t|could never|never)\b[^.!?;\n]{0,40}?\bagain\b(?:, (?:full stop|period))?`,
      String.raw`\b(?:completely |totally |entirely |fully |absolutely |100% )?(?:unhackable|unbreakable|unbreachable|uncrackable|impenetrable|invulnerable)\b`,
      // "the last recall our customers will ever see", "not one parcel will go missing".
      String.raw`\bthe (?:very )?last (?:[\w-]+ ){1,2}(?:[\w'’-]+ ){0,4}(?:will |would )?ever (?:see|face|have|need|experience|suffer)\b`,
      String.raw`\b(?:not (?:one|a single)|no(?:t a)? single) (?:[\w-]+ ){1,3}(?:will|shall|is going to) (?:ever )?(?:go|be|get|fail|break|arrive|leave)\b`,
      String.raw`\b(?:every|each|all|any)\b[^.!?;\n]{0,40}?\b(?:is|are|will be|shall be) (?:now |fully |always )?guaranteed\b[^.!?;\n]{0,40}?(?:with (?:zero|no) exceptions?|without (?:a single |any )?exceptions?|no exceptions?)\b`,
    ].join('|'),
    notBefore: String.raw`\b(?:not|never|cannot|can${AP}t|no one can|nobody can|won${AP}t|will not|no system is)(?: \w+){0,3} $`,
    notSentence: String.raw`\b(?:no (?:system|network|product|lock|measure) (?:is|can be)|cannot (?:promise|guarantee)|can${AP}t (?:promise|guarantee)|would be (?:wrong|dishonest) to (?:promise|claim))\b`,
  },

  // minimizing: 「僅為系統短暫波動」 — a copula of "only", then a small, passing, one-off kind of problem.
  {
    id: 'minimizing.only_passing',
    category: 'minimizing',
    re: `(?:只是|僅是|僅為|僅屬|只屬|純屬|只不過是|不過是|純粹是)(?:一次|一個|個|一場|一點)?${CJK}{0,4}?(?:小小|小|輕微|短暫|暫時|偶發|單純|一點點|一時)(?:的)?${CJK}{0,4}(?:延遲|延誤|失誤|問題|狀況|插曲|異常|誤差|失靈|錯誤|故障|疏忽|波動|落差|瑕疵|個案|事件|誤會|卡頓|不穩|失手)`,
    notBefore: '(?:不是|並非|絕非|不能說|不會說|不該說|不應說)~4$',
  },

  // no_comment: 「不方便講太多」 — whatever the verb of speaking, a refusal to say more.
  {
    id: 'no_comment.say_too_much',
    category: 'no_comment',
    re: `沒有(?:什麼|甚麼|任何)?(?:要|可以|需要|能)(?:補充|說|講|評論|回應|說明)的|(?:不再|不會再|不想再|不願再)(?:多|另外|另行|對外)?(?:說|談|講|回應|說明|評論|表示|發言)(?!謊|錯|假話|不實|明會)|(?:不便|不宜|不方便|不好|沒辦法|不能|無法)(?:多|太多|過多)?(?:講|說|談|聊|透露)(?:太多|過多|什麼|細節|更多)|(?:不便|不宜|不方便)(?:多|太多|過多)(?:講|說|談|聊)`,
    notSentence:
      '(?:(?:將|會)(?:於|在)~12(?:說明|公布|更新)|稍後|下次|每日|每天|隱私|個資|當事人(?:意願|要求|同意)|家屬(?:意願|要求|同意)|偵查不公開)',
  },

  // victim_playing: "no one has been hurt by this closure more than our founders".
  {
    id: 'victim.hurt_most_en',
    category: 'victim_playing',
    re: String.raw`\b(?:nobody|no one|none|no (?:other )?(?:company|business|firm|brand|organi[sz]ation|shop|store|restaurant|hotel))\b[^.!?;\n]{0,20}?\b(?:hurt|harmed|damaged|affected|suffered|suffering|devastated|hit|pained)\b(?: (?:by|from|in|through) [^.!?;\n]{1,30}?)? (?:more|worse|harder|as much)(?: (?:by|from|in) [^.!?;\n]{1,30}?)? (?:than|as) (?:us|we|our\b|the company|the owners?|the founders?|the family|management|the team|the (?:company|firm|brand)${AP}s)`,
    notBefore: String.raw`\b(?:not say|never say|won${AP}t say|will not say)(?: \w+){0,2} $`,
  },
];
