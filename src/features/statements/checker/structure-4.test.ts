// The sixth round (issue 6): probes of our own wordings for each kind of miss the fourth holdout (h3, retired into
// tuning once its score was reported) showed, written before any rule of this round — other verbs, other word orders,
// the other two languages — with hard negatives beside them. None is taken from the bench's sets. Each probe was run
// once before its kind was fixed; the first-sight rates are in the fixtures README's "Changes".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStatement, type FactsInput, type RiskCategory } from './index.ts';

/** Risky wordings: each must be flagged with its category. */
export const probe4: [RiskCategory, string][] = [
  // liability_admission: the organisation bears legal liability with any verb of bearing; it "has" legal fault; a
  // fault declared its own and unshirkable; its own act judged reckless or negligent.
  ['liability_admission', '所有法律上的責任，本集團願意一肩扛起。'],
  ['liability_admission', '這起事故衍生的法律責任，將由本公司全數承擔。'],
  ['liability_admission', '该事故的全部法律责任由我司承担。'],
  ['liability_admission', '本公司在這起外洩事件中確實存在法律上的過失。'],
  ['liability_admission', '这次停电是本公司不可推卸的过错。'],
  ['liability_admission', '學生受傷是晨光補習班無可推諉的疏失。'],
  ['liability_admission', 'We will shoulder every legal liability arising from the outage.'],
  ['liability_admission', 'The bank will bear all legal responsibility for the lost deposits.'],
  ['liability_admission', 'Skipping the annual inspection was negligent, and the collapse followed directly from it.'],
  ['liability_admission', 'It was reckless of us to keep selling the batch after the first complaint.'],
  // minimizing: a conditional apology whatever comes between "if someone" and the feeling; the incident made small.
  ['minimizing', '若有旅客因為這次航班調度而覺得不愉快，我們深表歉意。'],
  ['minimizing', '要是有會員對這次改版感到失望，在此說聲抱歉。'],
  ['minimizing', '如果有读者认为这篇报道的措辞欠妥，我们表示歉意。'],
  ['minimizing', 'To any parents who might have been upset, we regret how the message was worded.'],
  ['minimizing', 'We are sorry if some riders found the delay frustrating.'],
  ['minimizing', 'We regret the momentary hiccup at checkout last night.'],
  ['minimizing', '對於這次短暫的小插曲，我們表示遺憾。'],
  // defamation: a critic paid or planted by a rival; a critic's past misdeed raked up; "not a word is true" of a
  // person; extortion in other words.
  ['defamation', '在網路上帶頭罵的那個帳號，根本就是拿了競爭品牌的錢。'],
  ['defamation', '爆料的前員工自己就是因為盜用公款才被解僱的。'],
  ['defamation', '那名网红以前就因为诈骗被判过刑。'],
  ['defamation', '發文的人其實是對手公司的行銷人員。'],
  ['defamation', '发视频的博主是同行派来的托。'],
  ['defamation', 'The blogger behind these posts is on a rival chain’s payroll.'],
  ['defamation', 'The former manager making these claims was fired for stealing from the till.'],
  ['defamation', 'Not a word of what that former employee says is true.'],
  ['defamation', 'The journalist has been trying to squeeze money out of us for months.'],
  ['defamation', '那位部落客說的話，沒有半句是真的。'],
  // victim_playing: an agenda behind the critics; the organisation "itself also a victim"; unnamed people with
  // motives spreading a distorted story.
  ['victim_playing', 'Those spreading this video clearly have an agenda against our brand.'],
  ['victim_playing', 'We, too, are a victim of this ransomware attack.'],
  ['victim_playing', 'Some people, whose motives speak for themselves, are spreading a twisted account of what happened.'],
  ['victim_playing', '本公司同樣是這次詐騙集團的受害者。'],
  ['victim_playing', '我们医院自己也是这次网络攻击的受害者。'],
  ['victim_playing', '某些人別有用心，刻意散布扭曲的版本。'],
  // legal_threat: the law recited at those who share; evidence preserved of every post; records kept of everyone.
  ['legal_threat', '提醒大家，分享不實影片可能涉及刑法誹謗罪。'],
  ['legal_threat', '转发未经证实的内容可能触犯诽谤罪。'],
  ['legal_threat', '所有不實貼文我們都已經完成公證存證。'],
  ['legal_threat', 'Sharing false claims about our products could leave you facing a defamation suit.'],
  ['legal_threat', 'We have archived every comment and the accounts behind them.'],
  ['legal_threat', 'Reposting this rumour may amount to a criminal offence.'],
  // speculation: 九成 as a hedge; "we suspect" with the claim after it, even when checking goes on.
  ['speculation', '依我們的判斷，九成是管線老化造成的。'],
  ['speculation', '我们怀疑问题出在一批过期的原料上，仍在核实。'],
  ['speculation', '我們懷疑是夜班人員未按流程操作，目前仍在查證。'],
  ['speculation', 'We suspect the outbreak traces back to one contaminated delivery.'],
  ['speculation', 'Our hunch is that a faulty sensor set off the alarm.'],
  // blame_shifting: "the problem belongs to X, we should not bear it"; a cause on an outside company with the
  // organisation declared compliant; "we merely displayed / passed on what they sent".
  ['blame_shifting', '此次停水屬於自來水公司的問題，本社區不應負責。'],
  ['blame_shifting', '故障是保全公司的問題，本大樓不須承擔任何責任。'],
  ['blame_shifting', '排放異常是因為代操作的污水處理公司操作失誤，本廠完全合法。'],
  ['blame_shifting', '这次漏油是承包商施工不当造成的，本公司没有违反任何规定。'],
  ['blame_shifting', 'The wrong price came from the supplier’s catalogue; our site simply showed what they sent us.'],
  ['blame_shifting', 'The error originated in the airline’s booking data; we merely passed it on.'],
  ['blame_shifting', 'Prices are set by the sellers themselves; the marketplace merely displays them.'],
  // absolute_promise: 百分之百 with any verb of preventing; "a thing of the past", "for good", "permanently".
  ['absolute_promise', '新系統上線後，可以百分之百杜絕盜刷。'],
  ['absolute_promise', '改善后，可以百分之百避免数据再次外泄。'],
  ['absolute_promise', 'The new filter makes contamination a thing of the past.'],
  ['absolute_promise', 'With the upgrade, outages like this are gone for good.'],
  ['absolute_promise', 'This fix permanently eliminates the risk of double charges.'],
  // personal_data: a role noun, then a full name, then where the person lives.
  ['personal_data', '本店已派員前往受傷顧客林佳蓉位於新北市板橋區的住家致意。'],
  ['personal_data', '受伤乘客王志强目前在杭州市西湖区家中休养。'],
  ['personal_data', '受傷的外送員張家豪已返回位於高雄市三民區的住處。'],
];

/** Hard negatives near those shapes: no finding of any category. */
export const probe4Clean: string[] = [
  '如果有任何疑問，歡迎來電客服專線詢問。',
  '若您仍感到不適，請盡速就醫，醫療費用由我們負責。',
  'If you feel unwell, please see a doctor; we will cover the cost.',
  '本公司不會對轉傳影片的網友提告。',
  'We will not take legal action against anyone who shared the video.',
  '機器人搶購約 2,000 張票，相關訂單已全部取消。',
  '請至台中市西屯區市政路 100 號總公司服務台辦理退款。',
  '受傷騎士已由本公司人員陪同就醫，家屬希望不公開姓名。',
  '我們不會說這只是一場誤會。',
  'Our patients are the victims of this cyberattack, and we are sorry.',
  '設備雖由外包廠商安裝，行車安全的責任在我們，我們會每週公布改善進度。',
  'The new system reduces bot purchases; we will publish the numbers every month.',
  '我們無法保證百分之百杜絕盜刷，但會每週公布攔截數量。',
  'The reporter asked us about the recall on Monday, and we answered every question.',
  '網傳內容不實，合約與出貨紀錄已公開供媒體查閱。',
  '原因仍在調查，我們不會猜測是哪個環節出錯。',
  'We have kept every customer’s receipt so refunds can be made quickly.',
  '我們已保存所有監視器畫面，並交給警方調查。',
  '法律責任的歸屬將由法院判斷，我們會全力配合調查。',
  'Our lawyers will review the contract with the supplier; customers will be refunded first.',
];

/**
 * A second probe, for the kinds tune-5 showed (insinuated motives, critics' gain or debts, a breach of law owned,
 * paying whatever the ruling, "only because they…", disclaimers, the harm made small or normal, judged causes, the
 * organisation suffering too, not a single one / forever, every sharer threatened; counts in words, severity, all done,
 * readings against limits, rates). Written after those rules, in wordings of our own, and run once before any change:
 * its first-sight rate measures how far the round's rules carry to wordings they were not written for.
 */
export const probe5: [RiskCategory, string][] = [
  ['defamation', '那位一直發文批評我們的前店長，為什麼偏偏在離職後才開始爆料？答案大家心裡有數。'],
  ['defamation', '这位博主早就拿了同行的推广费，他的测评还能信吗？'],
  ['defamation', 'The reviewer who posted the video has been paid by a rival chain for months. We will let you decide what that means.'],
  ['defamation', 'The man organising the boycott still owes us three months of rent, which tells you everything you need to know.'],
  ['defamation', '帶頭抗議的那幾位住戶，說穿了就是想多拿一點賠償金。'],
  ['defamation', '那个投诉人专门靠闹赔为生，从中牟利。'],
  ['defamation', 'The parent leading the petition was dismissed from our school board for falsifying expenses.'],
  ['liability_admission', '無論調查結果如何，本公司都會先全額賠償每一位受害者。'],
  ['liability_admission', '不管法院最后怎么判，我们都会照价赔付。'],
  ['liability_admission', 'We accept that keeping the pool open without a lifeguard was unlawful.'],
  ['liability_admission', 'That lapse is ours, and ours alone, in law and in fact.'],
  ['liability_admission', '本診所確實違反了醫療法的相關規定。'],
  ['liability_admission', '我們在食材溫度控管上確實存在疏失，導致多位顧客不適。'],
  ['blame_shifting', '是少數乘客硬擠上車，列車才會延誤。'],
  ['blame_shifting', '事故责任不在平台方，司机是独立承包人。'],
  ['blame_shifting', '问题不会出在我们的仓库，货物出库时都是完好的。'],
  ['blame_shifting', 'Delays like this cannot fairly be blamed on the airline; the storm closed the runway.'],
  ['blame_shifting', 'If members do not read the contract, that is not the gym’s fault.'],
  ['blame_shifting', 'The guests who ignored the closing announcement made the evacuation far more difficult for our staff.'],
  ['minimizing', '相較於全年四百萬人次的旅客，這幾起事件實在微不足道。'],
  ['minimizing', '新車有些許異味屬於正常現象，車主無需擔心。'],
  ['minimizing', '这些不过是一两名员工的个人疏忽。'],
  ['minimizing', 'A handful of late deliveries out of millions is hardly a crisis.'],
  ['minimizing', 'The discolouration is purely cosmetic and perfectly normal for this fabric.'],
  ['minimizing', 'We regret that a few guests found the noise disturbing.'],
  ['speculation', '初步研判是冷凍櫃溫控器老化，導致食材變質。'],
  ['speculation', '这次断电应该和施工队挖断电缆有关。'],
  ['speculation', '司機可能忘了拉手煞車了。'],
  ['speculation', 'The fault is almost certainly down to a batch of bad sensors from last spring.'],
  ['victim_playing', '我們同樣是這場網路風暴的受害者，承受了極大的壓力。'],
  ['victim_playing', '本院也蒙受了重大損失，請大家體諒。'],
  ['victim_playing', 'The school too has been a victim of this smear, and we ask parents to remember that.'],
  ['absolute_promise', '換上新濾網後，一滴髒水都不會再流出來。'],
  ['absolute_promise', '我们的产品一辈子都不用担心质量问题。'],
  ['absolute_promise', '今後每一份便當都會百分之百安全。'],
  ['legal_threat', '只要看到一篇不實貼文，我們就告一篇。'],
  ['legal_threat', 'Anyone who shares the leaked footage will be held legally responsible.'],
  ['legal_threat', 'Everyone repeating this rumour will be reported to the police.'],
  ['no_comment', '在檢方偵查終結前，本公司暫不作任何回應。'],
  ['no_comment', 'All enquiries about the recall have been referred to our lawyers.'],
];

/** Hard negatives near the second probe's shapes. */
export const probe5Clean: string[] = [
  '我們不會去猜測原因，鑑定結果預計下週三公布。',
  '無論問題出在哪一個環節，本公司都會對每一位顧客負責。',
  '我們不會說這只是個別員工的問題，整個流程都會重新檢討。',
  '系統已恢復正常，受影響的訂單將於週五前全數退款。',
  'The test results speak for themselves: every batch was below the limit, and the lab reports are attached.',
  'We will not blame the weather; we should have closed the pool earlier.',
  'We will never ask you for your password by e-mail or text.',
  'What happened to your family should never happen to anyone, and we are deeply sorry.',
  '請您放心，您的退款（訂單編號 SH20261201-0042）已於今日匯出。',
  '本中心於家屬陳情當天即通報社會局，並已停職兩名照服員。',
  'The Consumer Protection Officer has received our full refund plan.',
  '我們不敢保證從此不會再有任何延誤，但會每月公布準點率。',
  '本公司不會因為網友的批評而提告，歡迎來電客服專線。',
  'Forty-one customers reported a rash; all of them have been contacted and refunded, and we are sorry.',
];

/**
 * A third probe, written at the end of the round in situations none of the sets uses (a dental clinic, a school bus, a
 * water utility, a meal-kit delivery, a ski resort, a concert venue, a pharmacy app), every category, run once before
 * any change: the round's honest carry-over to wordings no rule was written for.
 */
export const probe6: [RiskCategory, string][] = [
  ['liability_admission', '這次的感染事件，是本診所消毒流程失當所造成，我們責無可卸。'],
  ['liability_admission', '校車司機超時工作是公司排班的錯，本公司願承擔所有賠償責任。'],
  ['liability_admission', '水质异常完全是我们自来水厂的操作失误造成的。'],
  ['liability_admission', 'Our failure to test the backup pumps is what caused the flooding.'],
  ['liability_admission', 'The clinic was negligent, and we will not hide from that.'],
  ['speculation', '初步看來，應該是冷藏車在運送途中溫度失控。'],
  ['speculation', '我们估计是某个批次的包装密封不严。'],
  ['speculation', 'Our best guess is that a loose cable in the stage rigging caused the collapse.'],
  ['speculation', 'It looks like the app update probably corrupted the prescription records.'],
  ['absolute_promise', '本診所保證，往後每一位病人都絕對不會再受到感染。'],
  ['absolute_promise', '新的淨水設備可以確保水質永遠安全無虞。'],
  ['absolute_promise', 'From now on, not a single meal kit will ever arrive spoiled.'],
  ['absolute_promise', 'We promise the lifts will never break down again.'],
  ['blame_shifting', '纜車停擺是電力公司突然斷電所致，與本度假村無關。'],
  ['blame_shifting', '食材變質是因為顧客收貨後沒有立刻冷藏，並非我們的問題。'],
  ['blame_shifting', '演唱会踩踏是部分观众不守秩序造成的，主办方已尽到提醒义务。'],
  ['blame_shifting', 'The contamination came from the courier’s unrefrigerated van, not from our kitchen.'],
  ['blame_shifting', 'Skiers who ignore the closed-run signs have only themselves to blame.'],
  ['defamation', '在網路上爆料的那位前護理師，本身就是因為偷拿藥品被解雇的。'],
  ['defamation', '那个带头投诉的家长就是想趁机要钱。'],
  ['defamation', 'The so-called whistleblower is a disgruntled ex-driver with a grudge against us.'],
  ['defamation', 'That blogger makes a living from extorting small businesses.'],
  ['defamation', '這位網紅根本是在說謊，為了流量什麼都敢講。'],
  ['personal_data', '受影響的用戶李美華（電話 0933-512-778）已由專人聯繫。'],
  ['personal_data', '投訴者張先生住在高雄市苓雅區四維三路 6 號。'],
  ['personal_data', 'The injured skier, Mr. Daniel Huang, is recovering at home.'],
  ['no_comment', '針對相關指控，本院目前無可奉告。'],
  ['no_comment', '此事已交由律师处理，我们不便多谈。'],
  ['no_comment', 'We have nothing further to add; please direct all questions to our legal team.'],
  ['victim_playing', '這波惡意抹黑，讓我們的員工身心俱疲，我們才是真正的受害者。'],
  ['victim_playing', '我们被某些别有用心的人当成了靶子。'],
  ['victim_playing', 'We have become the target of an organised online campaign.'],
  ['minimizing', '若有家長因此感到困擾，我們表示遺憾。'],
  ['minimizing', '這只是一次小小的系統延遲，大部分訂單都正常送達。'],
  ['minimizing', '少数用户反映的药品信息错误，只是个别现象。'],
  ['minimizing', 'We apologise to anyone who may have been upset by the brief delay.'],
  ['minimizing', 'Mistakes were made in how the bus schedule was communicated.'],
  ['legal_threat', '凡是散布不實訊息者，本公司將一律提告。'],
  ['legal_threat', '我们已对所有造谣账号截图存证，必将追究到底。'],
  ['legal_threat', 'Anyone spreading these lies will be hearing from our solicitors.'],
  ['legal_threat', 'We have screenshots of every account and will be taking action against each one.'],
];

/** Hard negatives for the third probe: no finding of any category. */
export const probe6Clean: string[] = [
  '我們向所有受影響的病人致歉，感染原因正由衛生局調查，結果出爐後立即公布。',
  '校車延誤約 40 分鐘，影響 3 條路線、共 120 名學生，我們深感抱歉。',
  '原因仍在調查中，我們不會在結果出來前猜測。',
  'We cannot promise there will never be another outage, but we will report every incident within 24 hours.',
  '不論問題出在哪個環節，我們都會對每一位顧客負責。',
  'The meal kits are delivered by our logistics partner; we chose them, and we are responsible to you.',
  '網傳「纜車斷裂」並非事實，事故調查報告已公開於官網。',
  'Press enquiries go to our spokesperson, Ms. Rachel Wu, on 02-2700-1234.',
  '客服專線 0800-123-456 全天候受理退款申請。',
  '我們不會對批評我們的網友採取任何法律行動。',
  'We will not take legal action against anyone who posted about the incident.',
  '我們不會說這只是一場誤會。',
  'Refunds for all 2,300 affected orders were completed on 5 December.',
  '本公司承諾於 12 月 15 日前完成全部設備檢修，並每週公布進度。',
  '為保護病人隱私，我們不會公開任何個人資料。',
  'The lab confirmed the cause: a failed seal in pump 3. We have replaced it and retested every line.',
  '對於這次服務中斷造成的不便，我們深感抱歉，並將全額退還本月費用。',
  'Our chief executive, Grace Lin, will brief the press at 3 p.m.',
];

describe('sixth-round probe: wordings of our own', () => {
  for (const [category, text] of [...probe4, ...probe5, ...probe6])
    test(`${category}: ${text}`, () => {
      const got = checkStatement(text).findings.map((f) => f.category);
      assert.ok(got.includes(category), `expected ${category}, got [${got.join(', ')}]`);
    });
  for (const text of [...probe4Clean, ...probe5Clean, ...probe6Clean])
    test(`clean: ${text}`, () => {
      assert.deepEqual(
        checkStatement(text).findings.map((f) => `${f.category} ${f.rule} ${f.excerpt}`),
        [],
      );
    });
});

const conflicts = (text: string, facts: FactsInput) =>
  checkStatement(text, { facts })
    .findings.filter((f) => f.category === 'inconsistent_fact')
    .map((f) => f.excerpt);

/** inconsistent_fact probes: [fact sheet, draft, flagged?]. */
export const factProbe4: [FactsInput, string, boolean][] = [
  // A patient's state: home against still in care.
  [{ facts: [{ text: '傷者目前仍在加護病房觀察。' }], statements: [] }, '傷者已康復出院。', true],
  [{ facts: [{ text: '伤者仍在重症监护室治疗。' }], statements: [] }, '伤者已经出院回家。', true],
  [{ facts: [{ text: 'The worker remains in intensive care.' }], statements: [] }, 'The worker has since been discharged.', true],
  [{ facts: [{ text: '傷者仍在加護病房觀察。' }], statements: [] }, '傷者仍在加護病房，我們持續關心。', false],
  // A bare count in 萬 after its noun, against a figure.
  [{ facts: [{ text: '受影響會員 4.5 萬' }], statements: [] }, '受影響會員約 4,000 人。', true],
  [{ facts: [{ text: '受影響會員 4.5 萬' }], statements: [] }, '受影響會員約四萬五千人。', false],
  [{ facts: [{ text: '受影响用户 1.8 万' }], statements: [] }, '本次受影响用户约两千人。', true],
  [{ facts: [{ text: 'Affected accounts: 12,400' }], statements: [] }, 'Fewer than a thousand accounts were affected.', true],
  // Number forms: 近千, 逾百, a dozen, more than half.
  [{ facts: [{ text: '共 32 人受傷送醫' }], statements: [] }, '近千人受傷送醫。', true],
  [{ facts: [{ text: '共 32 人受傷送醫' }], statements: [] }, '三十多人受傷送醫。', false],
  [{ facts: [{ text: '共 12 人送醫' }], statements: [] }, '逾百人送醫。', true],
  [{ facts: [{ text: 'Twelve passengers were taken to hospital.' }], statements: [] }, 'A dozen passengers were taken to hospital.', false],
  [{ facts: [{ text: '45% of users were logged out.' }], statements: [] }, 'More than half of users were logged out.', true],
  // A negated act that a source affirms, through its synonyms (報警 / 報案 / 通報警方).
  [{ facts: [], statements: ['學校已於 11 月 25 日向警方報案。'] }, '學校目前尚未報警。', true],
  [
    { facts: [{ text: 'The school reported the leak to the police on 25 November.' }], statements: [] },
    'The school has not yet gone to the police.',
    true,
  ],
  [{ facts: [], statements: ['學校已於 11 月 25 日向警方報案。'] }, '學校已向警方報案，並配合調查。', false],
  // "No employee involved" against a count of employees at fault.
  [{ facts: [{ text: '2 名店員未依規定核對身分。' }], statements: [] }, '目前沒有任何店員涉案。', true],
  [{ facts: [{ text: 'Two employees accessed the records without authorisation.' }], statements: [] }, 'No employee was involved.', true],
  // A year range wider than the facts'.
  [{ facts: [{ text: 'Recall: model years 2023 and 2024.' }], statements: [] }, 'The recall covers 2021 to 2024 models.', true],
  [{ facts: [{ text: '召回 2022、2023 年式車款。' }], statements: [] }, '本次召回 2020 至 2023 年式車款。', true],
  [{ facts: [{ text: 'Recall: model years 2023 and 2024.' }], statements: [] }, 'The recall covers 2023 and 2024 models.', false],
  // A deadline against an earlier statement's deadline for the same act.
  [{ facts: [], statements: ['我們將於 3 月 10 日前完成所有退款。'] }, '所有退款將在 3 月 20 日前完成。', true],
  [{ facts: [], statements: ['我們將於 3 月 10 日前完成所有退款。'] }, '所有退款將在 3 月 10 日前完成。', false],
  // A correction in English names the old value after "not".
  [
    { facts: [{ text: 'The retest is on 4 May.' }], statements: ['The retest is on 6 May.'] },
    'Correction: the retest is on 4 May, not 6 May as we said.',
    false,
  ],
  // A lettered building against the facts'.
  [{ facts: [{ text: '檢出細菌者為 C 棟的兩座水塔。' }], statements: [] }, '僅 A 棟一座水塔檢出細菌。', true],
];

describe('sixth-round probe: inconsistent_fact in forms of our own', () => {
  for (const [facts, text, flagged] of factProbe4)
    test(`${flagged ? 'flags' : 'leaves'}: ${text}`, () => {
      const got = conflicts(text, facts);
      if (flagged) assert.ok(got.length > 0, 'expected an inconsistent_fact finding');
      else assert.deepEqual(got, []);
    });
});

/**
 * inconsistent_fact, second probe (tune-5 kinds, written after those comparisons and run once): counts in words and
 * vague amounts, severity, "all done" against what is still to come, readings against limits, rates, floors, "only A"
 * against a list, a weekday against the date (years given, so the calendar is fixed).
 */
export const factProbe5: [FactsInput, string, boolean][] = [
  [{ facts: [{ text: '共 214 位旅客滯留機場。' }], statements: [] }, '當天僅二十多位旅客滯留機場。', true],
  [{ facts: [{ text: '共 214 位旅客滯留機場。' }], statements: [] }, '當天約兩百一十位旅客滯留機場。', false],
  [{ facts: [{ text: '38 students missed the exam.' }], statements: [] }, 'Only a handful of students missed the exam.', true],
  [
    { facts: [{ text: '38 students missed the exam.' }], statements: [] },
    'Thirty-eight students missed the exam, and we are sorry.',
    false,
  ],
  [{ facts: [{ text: '5 人受傷，其中 1 人骨折。' }], statements: [] }, '受傷民眾均為輕傷。', true],
  [{ facts: [{ text: 'Four guests were hurt; one broke a wrist.' }], statements: [] }, 'Nobody was seriously hurt.', true],
  [{ facts: [{ text: '12 pets fell ill; 2 were hospitalised.' }], statements: [] }, 'No pets needed treatment at a hospital.', true],
  [{ facts: [{ text: '退款預計 12 月 10 日前完成。' }], statements: [] }, '所有款項都已全數退還。', true],
  [{ facts: [{ text: 'Refunds are expected by 10 December.' }], statements: [] }, 'All customers have been refunded.', true],
  [{ facts: [{ text: '抽驗結果：鉛含量 2.4 ppm，超過標準 1 ppm。' }], statements: [] }, '檢驗結果完全符合國家標準。', true],
  [{ facts: [{ text: 'Lead 0.4 ppm; limit 1 ppm.' }], statements: [] }, 'Lead was found at three times the legal limit.', true],
  [{ facts: [{ text: 'Lead 0.4 ppm; limit 1 ppm.' }], statements: [] }, 'Lead was measured at 0.4 ppm, within the limit.', false],
  [
    { facts: [{ text: 'Actual on-time rate 62%; the advert claimed 97%.' }], statements: [] },
    'Our on-time rate has been close to ninety percent.',
    true,
  ],
  [{ facts: [{ text: '漏水發生在地下二樓停車場。' }], statements: [] }, '漏水發生在五樓的停車場。', true],
  [{ facts: [], statements: ['本產品於門市及官網販售。'] }, '本產品僅在門市販售，官網從未上架。', true],
  [{ facts: [{ text: 'The outage began on 3 March 2026.' }], statements: [] }, 'The outage began on Wednesday night.', true],
  [{ facts: [{ text: 'The outage began on 3 March 2026.' }], statements: [] }, 'The outage began on Tuesday night.', false],
];

describe('sixth-round probe: inconsistent_fact, tune-5 kinds', () => {
  for (const [facts, text, flagged] of factProbe5)
    test(`${flagged ? 'flags' : 'leaves'}: ${text}`, () => {
      const got = conflicts(text, facts);
      if (flagged) assert.ok(got.length > 0, 'expected an inconsistent_fact finding');
      else assert.deepEqual(got, []);
    });
});

// Everyday statement wordings near the sixth round's shapes (refunds planned, a spokesperson, readings under a limit,
// counts that agree in other forms): no finding of any category, with or without a fact sheet.
const everyday: string[] = [
  '本公司於 12 月 3 日晚間接獲通報後，已立即派員前往現場，並成立專案小組。',
  '所有受影響的旅客將獲得全額退費，申請期限至 12 月 31 日。',
  '我們會在明天上午 10 點公布最新進度。',
  '感謝消防局與警方的協助，目前現場已恢復正常營運。',
  '受影響的 1,200 筆訂單，我們將在三個工作天內逐筆聯繫。',
  '客服專線 0800-000-123 每天 9 點至 21 點提供服務。',
  '這次停電約 2 小時，影響台中市西屯區約 3,000 戶，我們深感抱歉。',
  '我們已暫停該批產品販售，並委請第三方實驗室檢驗，報告預計下週五出爐。',
  '我们已启动内部调查，调查结果将第一时间向社会公布。',
  '对于给各位乘客带来的不便，我们深表歉意，退票手续费全免。',
  '本次活动共有约 5,000 名观众入场，现场秩序由主办方与警方共同维持。',
  'We have contacted every affected customer and will refund all charges by Friday.',
  'The investigation is ongoing, and we will share what we learn as soon as it is confirmed.',
  'Our stores in Taichung will reopen on Monday after a full safety inspection.',
  'We are sorry. About 2,400 customers were affected, and we will compensate each of them.',
  'Engineers restored service at 6:40 a.m.; we will publish a full report within 14 days.',
  'A dedicated hotline, 0800-555-777, is open around the clock for affected families.',
  'Our chief executive will answer questions at a press conference at 3 p.m. today.',
  '我們不會把責任推給任何合作夥伴，所有補償由本公司負擔。',
  '報告出爐前，我們不會猜測原因。',
  '如果您在使用後出現任何不適，請立即停用並就醫，相關費用由本公司支付。',
  '我們的團隊正在全力修復系統，預計今晚 8 點前恢復。',
  '截至目前，已有 860 件理賠完成，其餘將於本月底前處理完畢。',
  '網傳「全面停業」的訊息並非事實，所有門市照常營業。',
  'We will never stop working to earn back your trust.',
  'Anyone with questions can reach our service team at service@example.com.',
  '我們理解家長的擔心，明天起校車將由兩位隨車人員陪同。',
  '我们正在与供应商一同排查原因，确认后会第一时间说明。',
];
const everydayWithFacts: [string, string[], string[]][] = [
  ['共有 312 位旅客無法登船，我們已逐一聯繫退款。', ['312 位持票旅客無法登船。', '已完成退款 204 筆。'], []],
  ['已完成兩百多筆退款，其餘將於本週內完成。', ['已完成退款 204 筆。'], []],
  ['約三千二百位用戶受到影響。', ['受影響用戶 3,180 人。'], []],
  ['About 3,200 users were affected, and 140 have been refunded so far.', ['3,180 users affected.'], []],
  [
    'The escalator between B1 and the ground floor reversed; six people were hurt and one child broke a finger.',
    ['1 December 15:15, B1 to 1F escalator reversed; 6 injured, 1 child fracture.'],
    [],
  ],
  ['受傷的 6 位顧客中，1 名孩童手指骨折，仍在住院觀察。', ['6 名受傷顧客中，1 名兒童手指骨折，仍在住院觀察。'], []],
  ['Tests found mercury at 0.8 ppm, below the 1 ppm limit.', ['Highest mercury 0.8 ppm; limit 1 ppm.'], []],
  ['目前退款作業仍在進行中，預計 12 月 3 日前全數退回。', ['預計 12 月 3 日前全數退回。'], []],
  ['Refunds are under way and should be complete by 3 December.', ['Reversals by 3 December.'], []],
  ['事故發生在 B1 往 1 樓的手扶梯。', ['B1 至 1F 手扶梯逆行，6 人受傷。'], []],
  ['此次共有 46 位賓客出現腸胃症狀，其中 11 人住院，目前仍有 4 人住院治療。', ['出現腸胃症狀者 46 人，住院 11 人；仍有 4 人住院。'], []],
  ['The outage began on Monday night, 30 November.', ['30 November 22:00-23:30: duplicate transactions.'], []],
  ['我們將在 12 月 20 日前完成鑑定。', ['報告預計 12 月 20 日完成。'], []],
  ['Thirty-eight students missed the exam; 12 of them have already rebooked.', ['38 students missed the exam.'], []],
  ['實際錄取率為 58%，文宣所載 95% 與事實不符，我們深感抱歉。', ['實際錄取率 58%，文宣標示 95%。'], []],
];

describe('everyday wordings near the sixth round’s shapes stay clean', () => {
  for (const text of everyday)
    test(text, () =>
      assert.deepEqual(
        checkStatement(text).findings.map((f) => `${f.category} ${f.rule} ${f.excerpt}`),
        [],
      ),
    );
  for (const [text, facts, statements] of everydayWithFacts)
    test(`with facts: ${text}`, () =>
      assert.deepEqual(
        checkStatement(text, { facts: { facts: facts.map((t) => ({ text: t })), statements } }).findings.map(
          (f) => `${f.category} ${f.rule} ${f.excerpt}`,
        ),
        [],
      ));
});

describe('inconsistent_fact, sixth round: word classes and names', () => {
  test('what happened is compared by its class: 身體不適 and 腸胃症狀 count the same people', () => {
    const facts = { facts: [{ text: '出現腸胃症狀者 46 人，住院 11 人；截至今日仍有 4 人住院。' }], statements: [] };
    assert.ok(conflicts('當晚共有二十多位賓客身體不適。', facts).length > 0);
    assert.ok(conflicts('所有不適的賓客均已康復出院。', facts).length > 0);
    assert.deepEqual(conflicts('共有 46 位賓客出現腸胃症狀，其中 11 人住院。', facts), []);
  });
  test('a region against the facts’ region; a store or plant named after 於', () => {
    const cn = { facts: [{ text: '丢失包裹集中在华东两个转运中心。' }], statements: [] };
    assert.ok(conflicts('丢件主要集中在华南转运中心。', cn).length > 0);
    const zh = { facts: [{ text: '排放口位於寶山廠。' }], statements: [] };
    assert.ok(conflicts('竹南廠的放流水異常已改善。', zh).length > 0);
    assert.deepEqual(conflicts('寶山廠的放流水異常已改善。', zh), []);
  });
  test('a reading compared with a limit is not a reading of its own', () => {
    const facts = { facts: [{ text: 'Highest mercury 0.8 ppm; limit 1 ppm.' }], statements: [] };
    assert.deepEqual(conflicts('Tests found mercury at 0.8 ppm, below the 1 ppm limit.', facts), []);
    assert.ok(conflicts('Tests found mercury at 8 ppm.', facts).length > 0);
  });
});

/**
 * A third fact probe, on the written forms of numbers, dates, times, money and durations the issue names (三十、卅、兩成、
 * 逾百、近千, "a dozen", "more than half"), in zh-TW, zh-CN and English, run once before any change.
 */
export const factProbe6: [FactsInput, string, boolean][] = [
  [{ facts: [{ text: '共 30 人受傷。' }], statements: [] }, '卅人受傷，均已送醫。', false],
  [{ facts: [{ text: '共 12 人受傷。' }], statements: [] }, '卅餘人受傷。', true],
  [{ facts: [{ text: '受影響門市占全部門市的 20%。' }], statements: [] }, '受影響門市約占兩成。', false],
  [{ facts: [{ text: '受影響門市占全部門市的 20%。' }], statements: [] }, '受影響門市約占六成。', true],
  [{ facts: [{ text: '共 86 位乘客受困。' }], statements: [] }, '逾百位乘客受困。', true],
  [{ facts: [{ text: '共 940 位乘客受困。' }], statements: [] }, '近千位乘客受困。', false],
  [{ facts: [{ text: '共 940 位乘客受困。' }], statements: [] }, '约三百名乘客受困。', true],
  [{ facts: [{ text: '12 workers were evacuated.' }], statements: [] }, 'A dozen workers were evacuated.', false],
  [{ facts: [{ text: '40 workers were evacuated.' }], statements: [] }, 'A dozen workers were evacuated.', true],
  [{ facts: [{ text: '62% of members were affected.' }], statements: [] }, 'More than half of members were affected.', false],
  [{ facts: [{ text: '31% of members were affected.' }], statements: [] }, 'More than half of members were affected.', true],
  [{ facts: [{ text: '停電發生於 11 月 30 日晚間 10 時。' }], statements: [] }, '停電發生於 11 月 29 日晚間。', true],
  [{ facts: [{ text: 'The fire started at 3:20 a.m.' }], statements: [] }, 'The fire started shortly after 5 a.m.', true],
  [{ facts: [{ text: '每位旅客補償新台幣 3,000 元。' }], statements: [] }, '每位旅客可獲補償新台幣五千元。', true],
  [{ facts: [{ text: '每位旅客補償新台幣 3,000 元。' }], statements: [] }, '每位旅客可獲補償新台幣三千元。', false],
  [{ facts: [{ text: 'The outage lasted 3 hours.' }], statements: [] }, 'The outage lasted about forty minutes.', true],
  [{ facts: [{ text: '系统中断 3 小时。' }], statements: [] }, '系统中断约三个小时。', false],
];

describe('sixth-round probe: inconsistent_fact, written forms of numbers', () => {
  for (const [facts, text, flagged] of factProbe6)
    test(`${flagged ? 'flags' : 'leaves'}: ${text}`, () => {
      const got = conflicts(text, facts);
      if (flagged) assert.ok(got.length > 0, 'expected an inconsistent_fact finding');
      else assert.deepEqual(got, []);
    });
});
