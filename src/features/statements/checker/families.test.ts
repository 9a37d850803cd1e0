// The rule families of rules-families.ts (and the ones widened in rules-zh.ts / rules-en.ts in the same
// round): several wordings per family in zh-TW, zh-CN and English, written for these tests (none from the
// bench's sets), with the hard negatives next to them, and the promise span rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Family, testFamilies } from './family-cases.ts';
import { checkStatement } from './index.ts';

const families: Family[] = [
  {
    name: 'all legal and financial liabilities',
    category: 'liability_admission',
    flagged: [
      '本公司願意承擔一切民事與刑事責任。',
      '我們將負起全部的法律及賠償責任。',
      '公司愿意承担所有经济和法律责任。',
      'We accept full legal and financial liability for the injuries.',
      'Our technicians failed to inspect the brakes before the trip.',
      'We did not meet our legal obligations to protect this data.',
    ],
    clean: [
      '我們會負起對所有顧客的責任，先行支付醫療費用。',
      '轉貼不實訊息者，須承擔一切法律責任。',
      'We take responsibility for making this right for every family.',
    ],
  },
  {
    name: 'hedged scale or cause',
    category: 'speculation',
    flagged: [
      'The outage was most likely just a routine configuration slip.',
      'The fire was likely sparked by an electrical fault in the kitchen.',
      'We have reason to believe the leak started at a partner’s server.',
      '這八成只是某位員工一時疏忽。',
      '我們推估是冷凍櫃溫控器失靈。',
      '初步认定是原料批次的问题。',
    ],
    clean: ['在檢驗結果出爐前，我們不會揣測原因。', 'We will not guess at the cause before the inspection is complete.'],
  },
  {
    name: 'zero defects and flawless claims',
    category: 'absolute_promise',
    flagged: [
      '我們的生產線已做到零漏洞。',
      '本店餐點衛生完美無瑕。',
      '全新系统零故障，请大家放心。',
      'Our kitchens now have a spotless hygiene record.',
      'The new process guarantees zero defects.',
      '這次是下不為例。',
    ],
    clean: [
      '請於三日內繳交保證金，逾期不受理。',
      '我們無法保證每一班列車都準時，但會即時公告延誤資訊。',
      'We cannot promise zero delays this week, but we will post updates every hour.',
      '本公司承諾於 12 月 1 日前公布第三方稽核報告。',
    ],
  },
  {
    name: 'staff acted alone, head office unaware',
    category: 'blame_shifting',
    flagged: [
      '分店店長私自調整了出餐流程，總部對此一無所知。',
      '员工擅自外泄客户名单，公司事先完全不知情。',
      '該名員工未經公司同意就對外發文。',
      'Guests who left their children unattended only have themselves to blame.',
      'The crash was the driver’s own fault.',
      'Customers are responsible for checking their orders before leaving the counter.',
      'The outage was our cloud provider’s fault.',
    ],
    clean: [
      '門市人員擅自更改食譜，這是我們管理上的疏失，我們會負起責任。',
      '我們不會把責任推給第一線的同仁。',
      'It was nobody’s fault that the storm closed the roads, and we are refunding every ticket.',
    ],
  },
  {
    name: 'people blaming themselves',
    category: 'blame_shifting',
    flagged: ['那些沒看說明就使用的人，只能怪自己。', '這是消費者咎由自取。', 'The passengers brought this on themselves.'],
    clean: ['我們只能怪自己沒有提早發現問題。'],
  },
  {
    name: 'claims called smears',
    category: 'defamation',
    flagged: [
      '這些爆料根本是憑空捏造。',
      '网上的说法全都是造谣。',
      'These allegations are nothing but lies.',
      'The posts about our kitchen are pure fabrication.',
      '那個YouTuber為了點閱率什麼都敢說。',
      'The reviewer is clearly on a competitor’s payroll.',
    ],
    clean: [
      '網傳內容並非事實，檢驗報告附於下方。',
      'This rumour is false: the inspection report is attached below.',
      '有心人士蓄意抹黑，我們會以事實說明。',
    ],
  },
  {
    name: 'punished for what others did',
    category: 'victim_playing',
    flagged: [
      '我們不過是在替供應商背黑鍋。',
      '本公司無端受到牽連，實在無奈。',
      '我们才是受伤最深的一方。',
      'We are being blamed for something we never did.',
      'Our team has been subjected to a relentless online pile of abuse.',
      '這波網路暴力讓同仁不敢上班。',
    ],
    clean: ['我們譴責任何針對顧客的網路暴力。', '我們理解大家的憤怒，會先照顧受影響的顧客。'],
  },
  {
    name: 'errors without a doer',
    category: 'minimizing',
    flagged: [
      '某些疏失的確發生了，請大家多包涵。',
      '人非聖賢，難免有疏漏。',
      'Some mistakes did occur during the migration.',
      'Nobody is perfect, and these things happen.',
      'Only a fraction of accounts were touched.',
      'The impact was minimal.',
      '整件事只是虛驚一場。',
    ],
    clean: [
      '這次外送服務中斷約 3 小時，影響約 4 萬筆訂單，我們向所有受影響的顧客致歉。',
      '更正：受影響的門市為 12 家，非先前公布的 10 家。',
      'The impact is limited to orders placed on 3 May, and every one will be refunded.',
    ],
  },
  {
    name: 'refusing to explain',
    category: 'no_comment',
    flagged: [
      '此事恕本公司無法回答。',
      '在判決前，我們不會對外做任何說明。',
      'We have nothing further to share.',
      'That is a matter for our lawyers.',
    ],
    clean: ['媒體來電請轉交公關部，由發言人統一說明。', 'We will share the inspection results by 5 p.m. tomorrow.'],
  },
  {
    name: 'tracing critics',
    category: 'legal_threat',
    flagged: [
      '我們會追查每一個留言帳號的真實身分。',
      'Our legal team is compiling a list of accounts spreading these claims.',
      'Comments that defame our staff will be reported to the police.',
    ],
    clean: ['We will not take legal action against anyone who criticised us.', '本公司不會對留言批評的網友提告。'],
  },
  {
    name: 'our own upkeep, staff or omission caused it',
    category: 'liability_admission',
    flagged: [
      '我們的冷藏設備維護不當，導致食材變質。',
      '調查確認，事故是因本公司未定期保養設備所致。',
      '我們承認在這次事件中有管理上的疏失。',
      '我们的员工操作失误导致了这次事故。',
      '本公司对此事负有不可推卸的法律责任。',
      'Our staff failed to follow basic hygiene procedures.',
    ],
    clean: ['我們正在調查是否有人員操作失誤，結果將於週五公布。', '我們不承認有任何違法行為，並將配合調查。'],
  },
  {
    name: 'others suspect, fairly sure',
    category: 'speculation',
    flagged: [
      'Our engineers suspect a faulty firmware update.',
      'In all likelihood the data was taken by an insider.',
      '據我們了解，問題恐怕出在新上線的付款系統。',
    ],
    clean: ['我們不會猜測原因，將等待檢驗報告。', 'Investigators have not yet said what caused the fire.'],
  },
  {
    name: 'everyone will get it — unless dated; made history',
    category: 'absolute_promise',
    flagged: ['Everyone will be compensated, whatever it takes.', '我們會讓這種事永遠成為歷史。', '今後類似狀況將不復存在。'],
    clean: [
      'Every affected customer will receive an email from us by Friday.',
      'Each affected passenger will be rebooked before 6 p.m. today.',
    ],
  },
  {
    name: 'disclaimers for platforms and franchisees',
    category: 'blame_shifting',
    flagged: [
      '該名外送員違規行駛，與平台無關。',
      '系統當機是電信商線路問題所致，與本公司無關。',
      'This happened at a franchise location that is independently run.',
    ],
    clean: ['外送員在送餐途中受傷，平台已支付全部醫療費用。'],
  },
  {
    name: 'character attacks on critics',
    category: 'defamation',
    flagged: [
      '那名顧客根本就是想要錢。',
      '這位記者收了對手的好處才寫這篇報導。',
      'The former employee is bitter and dishonest.',
      '這位爆料者有精神疾病史。',
    ],
    clean: ['We were dishonest with our customers about the delay, and we are sorry.', '這位顧客的反映我們已經收到，正在查證。'],
  },
  {
    name: 'refusing, more wordings',
    category: 'no_comment',
    flagged: [
      'We have no further comment.',
      '相关问题请咨询我们的律师。',
      'We will let our lawyers speak for us.',
      "We're not going to get into that.",
    ],
    clean: ["Out of respect for the family's privacy, we won't go into the details of her condition."],
  },
  {
    name: 'nobody cares about us',
    category: 'victim_playing',
    flagged: ['Nobody talks about what our employees have gone through.', '沒有人在乎第一線同仁的感受。', '真正受傷最深的是我們。'],
    clean: ['我們最在乎的是受影響顧客的健康。'],
  },
  {
    name: 'threats: lawsuits, letters, everyone on record',
    category: 'legal_threat',
    flagged: [
      '对于恶意造谣者，我们将一律起诉。',
      '已对所有转发者截图取证。',
      '已請律師針對惡意留言者發函。',
      'Those who continue to post lies will face consequences in court.',
      'People spreading this rumour can expect a letter from our lawyers.',
      'We know who you are, and we are coming after you.',
      'Anyone who shares this video will be held legally responsible.',
    ],
    clean: ['我們不會對轉發的網友提告，也不會蒐證。', 'Specific false claims have been preserved and referred to counsel.'],
  },
  {
    name: 'conditional apologies, more wordings',
    category: 'minimizing',
    flagged: ['如果给大家带来不便，我们深表歉意。', '這只是一次小小的技術問題。', 'We regret any confusion this may have caused.'],
    clean: ['我們為這次延誤帶給大家的不便致歉，受影響的 320 筆訂單已全數退費。'],
  },
  {
    name: 'dated guarantees and "no exceptions" policies are concrete actions',
    category: 'absolute_promise',
    flagged: ['Our new system makes errors like this impossible.', 'We guarantee that no customer will ever pay for our mistakes again.'],
    clean: [
      '我們保證於下週一前完成所有門市的設備檢查。',
      '所有員工無一例外都將接受食安再訓練。',
      'We will refund every affected order, no exceptions, by 30 November.',
      'We promise to publish the full audit by 1 December.',
      'Every customer who contacts us will get a reply within 24 hours.',
    ],
  },
  {
    name: 'easy target',
    category: 'victim_playing',
    flagged: ['Small businesses like ours are always the easy target.', '大家就是柿子挑軟的吃，專挑我們這種小店。'],
    clean: ['網路上對同仁的辱罵，我們會請平台協助處理，也請大家理性討論。'],
  },
  {
    name: 'records on every account',
    category: 'legal_threat',
    flagged: ['We have documented every account involved and will act accordingly.'],
    clean: ['We have recorded every complaint and will answer each one by Friday.'],
  },
  {
    name: 'a failure of our own controls; 確實違反',
    category: 'liability_admission',
    flagged: ['This was a failure of our own quality control.', '本公司在此承認，相關產品確實違反標示規定。'],
    clean: [
      'There was no failure of our safety systems, according to the inspector’s report.',
      '我們正在確認是否違反相關規定，結果將公布。',
    ],
  },
  {
    name: 'odds and looks',
    category: 'speculation',
    flagged: [
      'Odds are it was a one-time power fluctuation.',
      "We'd guess the packaging was damaged in transit.",
      '看樣子是系統更新出了問題。',
    ],
    clean: ['Our guess would be irresponsible until the lab reports are in.'],
  },
  {
    name: 'counterfactuals and what users did',
    category: 'blame_shifting',
    flagged: [
      'Had the customer read the label, none of this would have happened.',
      'The app crashed because users installed an unofficial version.',
      '外包廠商施工疏失，本公司同樣是受害者。',
    ],
    clean: ['If customers have any questions, our staff would be glad to help.'],
  },
  {
    name: 'grudges and money',
    category: 'defamation',
    flagged: ['那位部落客就是拿了競爭對手的錢。', '爆料的前員工因為被開除才懷恨報復。'],
    clean: ['我們已把錢退還給這位顧客。'],
  },
  {
    name: 'deceived too, everyone against us',
    category: 'victim_playing',
    flagged: ['我們也是被供應商欺騙的一方。', '這陣子我們承受了前所未有的壓力與謾罵。', 'It feels like the whole internet is against us.'],
    clean: ['我們受到很多批評，這些批評都是應該的。'],
  },
  {
    name: 'pursuing people',
    category: 'legal_threat',
    flagged: ['We reserve the right to pursue anyone who spreads these lies.'],
    clean: ['We will not pursue anyone who shared the video.'],
  },
  {
    name: 'making sure of a concrete action is not an absolute',
    category: 'absolute_promise',
    flagged: ['We will make sure every customer is completely safe.', '我們會確保每一位會員的資料都不會外洩。'],
    clean: [
      'We are working with the bank to make sure every affected card is replaced.',
      '我們會確保所有受影響的顧客在本週內收到退款通知。',
    ],
  },
  {
    name: 'ruling out a third party is not blaming one',
    category: 'blame_shifting',
    flagged: ['The leak was caused by a third-party vendor, not us.'],
    clean: ['There is no evidence that the leak was caused by a third party.'],
  },
  {
    name: 'our controls failed',
    category: 'liability_admission',
    flagged: ['說實話，這次是本公司把關失守。', '我們的資安防護確實不足，才讓駭客有機可乘。', '我们的品管流程形同虚设。'],
    clean: ['我們正在檢討是否有把關不足之處，將於週五說明。'],
  },
  {
    name: 'leaning towards a cause',
    category: 'speculation',
    flagged: [
      '依目前的資訊，我們傾向認為是人為破壞。',
      'We lean towards a hardware fault as the cause.',
      'Our working theory is that a cleaner unplugged the freezer.',
    ],
    clean: ['We will not lean on guesses; the cause will be confirmed by the lab.'],
  },
  {
    name: 'will not be repeated',
    category: 'absolute_promise',
    flagged: ['We can promise all of you: this will not be repeated.', 'Rest assured this won’t recur.'],
    clean: ['The offer will not be repeated after Sunday.'],
  },
  {
    name: 'customers’ habits, franchise operators',
    category: 'blame_shifting',
    flagged: ['這是消費者使用習慣的問題，並非產品瑕疵。', 'The restaurant in question is run by a franchisee who broke our rules.'],
    clean: ['我們會重新設計包裝，讓消費者的使用方式更直覺。'],
  },
  {
    name: 'habitual claimants',
    category: 'defamation',
    flagged: ['這名顧客是慣性索賠的人。', 'The influencer has a history of fabricating complaints for free meals.'],
    clean: ['The inspector has a history of thorough reports, and we welcome this one.'],
  },
  {
    name: 'round 8: liability and speculation',
    category: 'liability_admission',
    flagged: [
      '坦白說，這次的錯在本店的廚房團隊。',
      '本公司因作業疏忽，誤將過期品上架販售。',
      'The data exposure resulted from our failure to patch a known flaw.',
    ],
    clean: ['這次的錯不在顧客，我們會全額退款。', '網友的指正讓我們發現錯誤，謝謝大家。'],
  },
  {
    name: 'round 8: guesses',
    category: 'speculation',
    flagged: [
      '我們個人認為是氣候異常導致原料變質。',
      "My sense is that a contractor's crane hit the line.",
      'We reckon the virus came in through an email attachment.',
    ],
    clean: ['We do not yet know why the sensor failed.'],
  },
  {
    name: 'round 8: impossible from now on',
    category: 'absolute_promise',
    flagged: [
      'This kind of breach is now simply impossible.',
      "We'll ensure that nothing like this ever happens to anyone again.",
      '類似的憾事絕對不可能發生第二次。',
    ],
    clean: ['It is impossible to say how many customers were affected until the audit ends.'],
  },
  {
    name: 'round 8: beyond our control, duty already done',
    category: 'blame_shifting',
    flagged: [
      '本次斷網是上游業者設備故障，本公司無法控制。',
      '病患未如實告知過敏史，醫院已盡告知義務。',
      'The spill happened because the driver ignored our safety briefing.',
    ],
    clean: ['颱風造成的延誤雖然我們無法控制，但我們仍會負責安排所有旅客的住宿。'],
  },
  {
    name: 'round 8: records and rivals',
    category: 'defamation',
    flagged: ['該名爆料者過去就曾因詐欺被起訴。', '這些評論明顯是對手公司的小編寫的。', 'That TikToker will say anything for views.'],
    clean: ['該名顧客遭到詐騙集團冒名聯繫，我們已協助報案。'],
  },
  {
    name: 'round 8: nothing to add',
    category: 'no_comment',
    flagged: ['我們沒有什麼可以補充的。', 'Our attorneys have advised us not to comment.', '本公司一切依法處理，其餘不予說明。'],
    clean: ['以上是目前確認的事實，明天中午會再補充最新進度。'],
  },
  {
    name: 'round 8: ruined, treated like criminals',
    category: 'victim_playing',
    flagged: ['品牌多年的心血，就這樣被網路謠言毀掉。', 'We are being treated like criminals for doing our jobs.'],
    clean: ['這次事件讓顧客多年的信任受損，我們會努力彌補。'],
  },
  {
    name: 'round 8: a slice, hurt feelings, 零星',
    category: 'minimizing',
    flagged: ['僅有零星幾筆訂單出錯。', 'The leak involved only a tiny slice of our user base.', "We're sorry for any hurt feelings."],
    clean: ['Part of the refund has been paid so far; the rest follows on Monday.'],
  },
  {
    name: 'round 8: targeted accounts, every measure',
    category: 'legal_threat',
    flagged: [
      '我們已經鎖定幾位帶頭造謠的帳號。',
      'We will take every measure the law allows against those spreading falsehoods.',
      'Lawsuits are being prepared against the accounts behind this.',
    ],
    clean: ['We will not file complaints against any of the users who posted.'],
  },
  {
    name: 'round 9: surely everyone, never stop',
    category: 'absolute_promise',
    flagged: ['我們絕對會把每一分錢都退給大家。', 'There will never be another incident like this at our stores.'],
    clean: [
      'We will never stop improving, and the next progress report is on 1 June.',
      'We will never forget the families who lost loved ones.',
    ],
  },
  {
    name: 'round 9: suspicion',
    category: 'speculation',
    flagged: ['We have a strong suspicion that the batch was mislabelled at the factory.'],
    clean: ['There is no suspicion of foul play, according to the police report.'],
  },
  {
    name: 'round 9: no intention to respond',
    category: 'no_comment',
    flagged: ['本公司目前無意回應外界質疑。'],
    clean: ['我們無意迴避任何問題，明天會公開說明。'],
  },
  {
    name: 'round 9: a tiny delay, if our post hurt',
    category: 'minimizing',
    flagged: ['這次只是一點點的小延誤。', "If our post hurt anyone's feelings, we apologise."],
    clean: ['我們的貼文傷害了許多人，我們誠摯道歉。'],
  },
  {
    name: 'round 9: sanctions',
    category: 'legal_threat',
    flagged: ['本公司已報警處理，造謠者將面臨法律制裁。'],
    clean: ['本公司已報警處理竊盜案件，並協助警方調閱監視器。'],
  },
  {
    name: 'round 10: it was us, decisions, 無可推諉',
    category: 'liability_admission',
    flagged: ['經內部調查，確定是本公司品管環節出錯。', '這件事我們責任重大，無可推諉。', '公司高層當初的決策錯誤，造成今天的局面。'],
    clean: ['我們正在確認是否為系統出錯，結果明天公布。'],
  },
  {
    name: 'round 10: 脫不了關係',
    category: 'speculation',
    flagged: ['我們覺得這應該和上週的颱風脫不了關係。', '依照過往經驗，應屬單純的機械故障。'],
    clean: ['颱風與這次停電是否有關，仍待台電調查。'],
  },
  {
    name: 'round 10: 歸零, any inspection',
    category: 'absolute_promise',
    flagged: ['本公司鄭重宣示，未來食安問題將完全歸零。', '我們有把握，所有產品都能通過任何檢驗。'],
    clean: ['所有受影響的訂單已在今天下午全數退款完成。', '所有門市都已通過衛生局的複檢。'],
  },
  {
    name: 'round 10: could not check, would not listen',
    category: 'blame_shifting',
    flagged: ['該批原料由供應商直接送達門市，本公司無從檢驗。', '乘客不聽從空服員指示，才造成延誤。'],
    clean: ['我們目前無法得知確切原因，將等待調查結果。'],
  },
  {
    name: 'round 10: the same people behind it, only us',
    category: 'victim_playing',
    flagged: ['那些帶頭罵的帳號，背後都是同一批人在操作。', '為什麼大家只盯著我們罵？', '我們每天被上千則留言圍剿，員工都快撐不下去了。'],
    clean: ['我們的顧客被冒名帳號騷擾，我們已協助報案。'],
  },
  {
    name: 'round 10: no need to explain',
    category: 'no_comment',
    flagged: ['此事已無進一步說明的必要。'],
    clean: ['我們認為有必要向大家完整說明經過。'],
  },
  {
    name: 'round 10: most unaffected, not that serious',
    category: 'minimizing',
    flagged: ['大多數顧客其實都沒有受到影響。', '整起事件其實沒有外界講得那麼嚴重。', '只是小部分批次的包裝標示有誤。'],
    clean: ['這次事件比我們原先估計的更嚴重，受影響人數為 4,200 人。'],
  },
  {
    name: 'round 10: hunting posters down',
    category: 'legal_threat',
    flagged: ['我們會請律師一個一個找出散播謠言的人。', '已將相關留言者資料提供給警方偵辦。', '轉傳不實影片者，本公司一律依法究辦。'],
    clean: ['我們不會追查留言者的身分，也不會提告。'],
  },
  {
    name: 'round 11: result of our poor upkeep, knowingly',
    category: 'liability_admission',
    flagged: [
      'The injuries were the direct result of our poor maintenance.',
      'We knowingly sold a product that did not meet safety rules.',
    ],
    clean: ['The investigation will establish whether maintenance played any part.'],
  },
  {
    name: 'round 11: most probable, may well have been',
    category: 'speculation',
    flagged: ['A faulty valve is the most probable explanation.', 'This may well have been an act of sabotage.'],
    clean: ['Customers who may have been affected can call us for a refund.'],
  },
  {
    name: 'round 11: not a single, stop every attack',
    category: 'absolute_promise',
    flagged: ['Going forward, not a single customer will be affected by outages.', 'Our new firewall will stop every attack.'],
    clean: ['Not a single customer record was stored on the stolen laptop, the forensic report confirms.'],
  },
  {
    name: 'round 11: their issue, cut corners, can’t blame us',
    category: 'blame_shifting',
    flagged: [
      "The bank's payment processor went down, so this is really their issue.",
      'We followed every rule; the contractor cut corners.',
      "Riders who disregard helmet rules can't blame the platform.",
    ],
    clean: ['We will help each customer solve their problem this week.'],
  },
  {
    name: 'round 11: out to get us, paid to trash us',
    category: 'defamation',
    flagged: [
      'That reporter has been out to get us for years.',
      'These reviews come from fake people paid to trash us.',
      'The video was staged by someone looking for a payout.',
    ],
    clean: ['The reporter asked us fair questions, and we have answered them below.'],
  },
  {
    name: 'round 11: dignify, legal reasons',
    category: 'no_comment',
    flagged: ["We won't dignify these claims with a response.", 'Legal matters prevent us from saying more.'],
    clean: ['We will respond to every claim with the documents on our website.'],
  },
  {
    name: 'round 11: treated harshest, scapegoat',
    category: 'victim_playing',
    flagged: ['Honestly, no company has been treated as harshly as we have.', "We're being used as a scapegoat by politicians."],
    clean: ['We treat every complaint as a chance to do better.'],
  },
  {
    name: 'round 11: some may have found, crossed wires',
    category: 'minimizing',
    flagged: ['Some people may have found the joke in poor taste.', 'It was simply a case of crossed wires.'],
    clean: ['The joke was offensive, and we are sorry we published it.'],
  },
  {
    name: 'round 11: lawyers watching, damages from anyone, every comment archived',
    category: 'legal_threat',
    flagged: [
      'Think twice before you post, because our lawyers are watching.',
      'We will be seeking damages from anyone who has shared the false video.',
      'Every defamatory comment has been archived for our legal team.',
    ],
    clean: [
      'Specific false claims have been preserved and referred to counsel.',
      'We will not seek damages from anyone who shared the video.',
    ],
  },
  {
    name: 'round 12 (zh-CN): admitted loopholes, guesses',
    category: 'liability_admission',
    flagged: ['我们承认，公司在审核环节存在明显漏洞。', '这起事故的根源在于我们管理上的失职。'],
    clean: ['我们不会对批评者采取任何法律行动。', '我们会在 12 月 31 日前完成所有门店的设备更换。'],
  },
  {
    name: 'round 12 (zh-CN): 估摸',
    category: 'speculation',
    flagged: ['我们估摸着是线路短路引起的火灾。', '据我们分析，多半是供应链上游出了问题。'],
    clean: ['调查结果将于本周五下午公布。'],
  },
];

testFamilies('rule families', families);

/** The single absolute-promise excerpt of a text. */
function promiseOf(text: string): string | undefined {
  const found = checkStatement(text).findings.filter((f) => f.category === 'absolute_promise');
  assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.excerpt)));
  return found[0].excerpt;
}

describe('a promise covers its verb, the absolute and what is promised', () => {
  test('保證絕不再發生', () => assert.equal(promiseOf('我們保證絕不再發生'), '保證絕不再發生'));
  test('followed by another clause', () => assert.equal(promiseOf('我們保證絕不再發生，並將於週五前公布改善報告。'), '保證絕不再發生'));
  test('Simplified, with the verb before a comma', () =>
    assert.equal(promiseOf('我们向大家承诺，类似事件今后绝对不会再出现。'), '承诺，类似事件今后绝对不会再出现'));
  test('We guarantee this will never happen again', () =>
    assert.equal(promiseOf('We guarantee this will never happen again.'), 'We guarantee this will never happen again'));
  test('never again without a promising verb', () =>
    assert.equal(promiseOf('This will never happen again, we promise.'), 'will never happen again'));
  test('rest assured introduces the absolute, and is no finding on its own', () => {
    assert.equal(
      promiseOf('Rest assured, a breach like this is impossible from now on.'),
      'Rest assured, a breach like this is impossible from now on',
    );
    assert.deepEqual(checkStatement('Rest assured, our team is working through the night.').findings, []);
  });
  test('a negated guarantee does not become the lead', () => assert.equal(promiseOf('我們無法保證，但這種錯誤不會再發生。'), '不會再發生'));
});

describe('facts and personal data widened in the same round', () => {
  const facts = (text: string, fact: string) =>
    checkStatement(text, { facts: { facts: [{ text: fact }], statements: [] } }).findings.filter((f) => f.category === 'inconsistent_fact');
  test('約有 / 大約有 before a number is an approximation (honest rounding), a real gap still conflicts', () => {
    assert.deepEqual(facts('約有一千三百位旅客的行程受到影響。', '共 1,260 名旅客受影響。'), []);
    assert.deepEqual(facts('大约有一千三百名旅客受到影响。', '共 1,260 名旅客受影響。'), []);
    assert.equal(facts('約有一千九百名旅客受到影響。', '共 1,260 名旅客受影響。').length, 1);
  });
  test('其餘門店 / 其他門市 are not store names', () => {
    assert.deepEqual(facts('12 家门店暂停营业，其余门店照常营业。', '共有 12 家门店暂停营业。'), []);
    assert.deepEqual(facts('12 家門市暫停營業，其他門市照常營業。', '共有 12 家門市暫停營業。'), []);
  });
  test('an English name after "the employee involved" or "the customer concerned"', () => {
    const names = (t: string) =>
      checkStatement(t)
        .findings.filter((f) => f.category === 'personal_data')
        .map((f) => f.excerpt);
    assert.deepEqual(names('The employee involved, Daniel Hsu, has been placed on leave.'), ['Daniel Hsu']);
    assert.deepEqual(names('We have apologised to the customer concerned, Amy Lo.'), ['Amy Lo']);
    assert.deepEqual(names('The employee involved has been placed on leave.'), []);
    assert.deepEqual(names('Our chief executive, Grace Lin, will speak at 3 p.m.'), []);
  });
});
