// The rule families of rules-families-2.ts and the facts/personal-data widening of the second tuning round:
// several wordings per family in zh-TW, zh-CN and English, written for these tests (none from the bench's
// sets), with hard negatives next to them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Family, testFamilies } from './family-cases.ts';
import { checkStatement, type FactsInput } from './index.ts';

const families: Family[] = [
  {
    name: 'the organisation bears no fault',
    category: 'blame_shifting',
    flagged: [
      '停電是變電箱老舊所致，本社區管委會並無任何過失。',
      '漏水係鄰棟施工引起，我飯店作為承租方沒有責任。',
      '事故由承包商引发，业主单位不承担任何责任。',
      '退款延誤是金流商的問題，平台這邊沒有疏失。',
    ],
    clean: [
      '消費者無須負擔任何責任，費用由本公司全額支付。',
      '我們不會說本公司沒有責任，調查結果出爐後會負起責任。',
      '本公司並非沒有疏失，這點我們坦然面對。',
    ],
  },
  {
    name: 'force majeure and the weather',
    category: 'blame_shifting',
    flagged: [
      '航班延誤完全是颱風外圍環流所致，屬於不可抗力。',
      '停水系地震造成，非人力所能控制。',
      'The delay was an act of God and not a failure of our ground staff.',
      'Our trucks were stranded by a snowstorm no forecast predicted.',
    ],
    clean: [
      '颱風雖屬天災，我們不能以不可抗力為藉口，仍會全額退費。',
      'We will not hide behind an act of nature; the missed inspection was ours.',
      '因颱風停班停課，門市暫停營業一天。',
    ],
  },
  {
    name: 'an industry-wide problem',
    category: 'blame_shifting',
    flagged: [
      '超賣是整個旅遊業界普遍的現象。',
      '這不是任何一家業者能解決的。',
      'Delays like these happen across the entire airline industry.',
      'This is not something a single retailer can be blamed for.',
    ],
    clean: [
      '我們會和整個產業一起研擬新的標示標準，但本店的錯我們自己承擔。',
      'We are working with the whole industry on a new labelling code.',
    ],
  },
  {
    name: 'the error is theirs; unrelated to us',
    category: 'blame_shifting',
    flagged: [
      'The blame lies with the contractor who wired the sign.',
      'The leak is not related to our service, which was never breached.',
      'The mislabelled boxes were not connected with our brand.',
    ],
    clean: ['The fault was ours, and we are sorry.', 'We will not say the error is theirs; we chose that supplier.'],
  },
  {
    name: 'had the regulator checked',
    category: 'blame_shifting',
    flagged: ['如果衛生局當初抽驗時有把關，就不會有這次的問題。', '要是供应商按时交货，今天也不会发生断货。'],
    clean: ['如果我們當初有確實把關，就不會有這次的問題。'],
  },
  {
    name: 'our own dereliction as the cause',
    category: 'liability_admission',
    flagged: ['這是本院護理排班的嚴重疏失。', '本中心在個資權限控管上失職。', '事故系我公司疏于巡检所致。', '漏餐是本店外場管理的失誤。'],
    clean: ['這不是本院的疏失，而是設備原廠的瑕疵。', '是外包廠商的錯，與本店無關。', '外界指這是本院的疏失，本院予以否認。'],
  },
  {
    name: 'breaking a law or a right',
    category: 'liability_admission',
    flagged: ['本社未經同意刊登照片，侵害了學生的隱私權。', '我們的廣告違反了公平交易法。', '本店的做法违反了消费者权益保护法。'],
    clean: [
      '轉貼者侵害本公司著作權，我們將保留法律追訴權。',
      '經主管機關查核，本公司並未違反食品安全衛生管理法。',
      '外界質疑本院違反醫療法，本院予以否認。',
    ],
  },
  {
    name: 'bearing the main or the whole responsibility',
    category: 'liability_admission',
    flagged: ['本醫院對此負主要責任。', '我方願負全部的賠償責任。', '本台依法負責，並向當事人致歉。'],
    clean: ['本公司不負任何法律責任。', '散布不實訊息的網友須負全部法律責任。'],
  },
  {
    name: 'broke our own terms; on us (English)',
    category: 'liability_admission',
    flagged: [
      'Cancelling the tickets that way violated our own policy.',
      'The delay was completely on us.',
      'We take all legal responsibility for the spill.',
    ],
    clean: ['We deny that we breached the contract.', 'If we breached our policy, the review will say so.'],
  },
  {
    name: 'court and legal consequences for critics',
    category: 'legal_threat',
    flagged: [
      '亂講話的帳號，我們法庭上見。',
      '造謠者將承擔一切法律後果。',
      '谁敢再转发这篇文章我们就告谁。',
      'Keep posting that and you will face legal action.',
      'We will see you in court.',
    ],
    clean: ['我們不想和任何顧客法院相見，願意先調解。', 'Not one reviewer will face a lawsuit for an honest post.'],
  },
  {
    name: 'declining to speak, formal and chatty',
    category: 'no_comment',
    flagged: [
      '本院對此不擬置評。',
      '這邊真的沒法多說，拜託不要再問了。',
      '這部分我們先跳過，下一題。',
      '相關問題一律洽本校委任律師。',
      'We have no any comments on the lawsuit.',
    ],
    clean: ['我們會在週五前完整說明退款流程。', 'We have no further plans to raise prices this year.'],
  },
  {
    name: 'just a small thing',
    category: 'minimizing',
    flagged: ['那只是一場小小的停電狀況。', '只是包裝有點破損而已。', '部分批次出現了小瑕疵。'],
    clean: ['這不是一場小小的事件，我們會嚴肅面對。', '我們出現了重大疏失。'],
  },
  {
    name: 'the feelings of some; to the extent anyone felt',
    category: 'minimizing',
    flagged: ['對於少數顧客可能因此產生的困擾，我們致歉。', 'To the extent any passenger felt ignored, we regret it.'],
    clean: ['對於受影響的 320 位顧客，我們全額退款並致歉。', 'We apologise to every passenger we ignored.'],
  },
  {
    name: 'zero chance, not a cent, immune',
    category: 'absolute_promise',
    flagged: [
      '換新設備後，再當機的機率是零。',
      '保證一分錢都不會多收。',
      '所有廚師都通過百分之百的衛生檢查。',
      'Our checkout will have zero errors from now on.',
      'The new system is totally immune to this kind of attack.',
      'No more spoiled milk will ever reach the shelves.',
    ],
    clean: [
      '我們無法保證機率為零，但會把風險降到最低。',
      'No system is completely immune to attacks, so we keep testing.',
      '退費比例是 0.5%，低於去年。',
    ],
  },
  {
    name: 'we are the real victims',
    category: 'victim_playing',
    flagged: [
      '連日來的謾罵讓同仁身心俱疲，我們也是人。',
      '這場風波中最受傷的其實是我們員工。',
      '本店遭受了有組織的網路攻擊。',
      "We're the ones who were hurt the most by this recall.",
    ],
    clean: ['受害的家屬承受著巨大的壓力，我們會全力協助。', 'The families were hurt the most, and we are sorry.'],
  },
  {
    name: 'bad motives, bribes and revenge imputed to a critic',
    category: 'defamation',
    flagged: [
      '這位部落客和同業老闆是好友，發文動機明顯可議。',
      '那名網紅收了競品的紅包，才刻意說我們的麵有怪味。',
      '爆料的前員工根本是在洩憤，故事全部是捏造的。',
      'The reviewer was paid by a competitor to post that video.',
      "The blogger's motives are clearly not pure.",
    ],
    clean: [
      '我們的動機很單純，只是想讓顧客安心。',
      '經查證，顧客反映的內容都是事實，我們向她道歉。',
      'Our intentions were questionable to some customers, and we understand why.',
    ],
  },
  {
    name: 'a guessed cause or scope',
    category: 'speculation',
    flagged: ['大概是冷氣管線老化讓水滲進天花板。', '我們推估應該只有北區受影響。', '其他分店的商品相信都沒有問題。'],
    clean: ['我們不會猜測原因，檢驗報告出爐後公布。', '經檢驗，其他分店的商品沒有問題。'],
  },
];

testFamilies('rule families, second round', families);

const sheet = (...facts: string[]): FactsInput => ({ facts: facts.map((text) => ({ text })), statements: [] });
const conflicts = (text: string, facts: FactsInput) =>
  checkStatement(text, { facts })
    .findings.filter((f) => f.category === 'inconsistent_fact')
    .map((f) => f.excerpt);

describe('inconsistent_fact, second round', () => {
  test('"no one was hurt" against a fact that counts the injured', () => {
    assert.deepEqual(conflicts('幸好這次停電沒有人受傷。', sheet('停電期間 3 名住戶受傷送醫')), ['沒有人受傷']);
    assert.deepEqual(
      conflicts('No passengers were injured in the collision.', sheet('Four passengers were treated in hospital for injuries.')),
      ['No passengers were injured'],
    );
    assert.deepEqual(conflicts('幸好這次停電沒有人受傷。', sheet('停電期間無人受傷')), []);
    assert.deepEqual(conflicts('No one was hurt.', sheet('Nobody was injured; 3 stores closed early.')), []);
  });
  test('durations written in words and pauses or freezes as outages', () => {
    assert.deepEqual(conflicts('The app was down for about an hour.', sheet('The app outage lasted from 09:10 to 13:40.')), [
      'about an hour',
    ]);
    assert.deepEqual(conflicts('The app was down for about four hours.', sheet('The app outage lasted from 09:10 to 13:40.')), []);
    assert.equal(conflicts('提款暫停約 6 小時。', sheet('凍結提款時長 30 小時')).length, 1);
    assert.deepEqual(conflicts('提款暫停約 30 小時。', sheet('凍結提款時長 30 小時')), []);
  });
  test('the time an outage ended against the fact sheet', () => {
    assert.deepEqual(conflicts('Service was back online at 10:00.', sheet('The outage lasted from 09:10 to 13:40.')), ['10:00']);
    assert.deepEqual(conflicts('Service was back online at 13:40.', sheet('The outage lasted from 09:10 to 13:40.')), []);
  });
  test('a district after its city, and countries, as places', () => {
    assert.deepEqual(conflicts('火警發生在台中市西屯區。', sheet('火警發生於台中市北屯區')), ['西屯區']);
    assert.deepEqual(conflicts('火警發生在台中市北屯區。', sheet('火警發生於台中市北屯區')), []);
    assert.deepEqual(conflicts('社區與園區的住戶已疏散。', sheet('火警發生於台中市北屯區')), []);
    assert.deepEqual(
      conflicts('The recall affects units sold in Japan and Singapore.', sheet('The recall affects units sold in Japan only.')),
      ['Singapore'],
    );
    assert.deepEqual(conflicts('Our Singapore office will answer questions.', sheet('The recall affects units sold in Japan only.')), []);
  });
});

describe('personal data, second round', () => {
  const pii = (t: string) =>
    checkStatement(t)
      .findings.filter((f) => f.category === 'personal_data')
      .map((f) => f.excerpt);
  test('addresses written with spaces around the numbers, and 弄 without 巷', () => {
    assert.deepEqual(pii('客戶住在高雄市三民區建國路二段 12 號 5 樓。'), ['高雄市三民區建國路二段 12 號 5 樓']);
    assert.equal(pii('收件地址：杭州市西湖区文三路 88 弄 3 号。').length, 1);
    assert.deepEqual(pii('記者會在本公司總部（台北市信義路五段 7 號）舉行。'), []);
  });
  test('names after more roles (買方, 車主, 投訴人, 觀眾本名) and an English student', () => {
    assert.match(pii('車主林冠宇先生已收到通知。').join(), /林冠宇/);
    assert.match(pii('投诉人张海涛已获退款。').join(), /张海涛/);
    assert.match(pii('那位觀眾本名吳佳穎，已接受道歉。').join(), /吳佳穎/);
    assert.deepEqual(pii('The student in room 2B-07, Kevin Tsai, was moved to another dorm.'), ['Kevin Tsai']);
    assert.deepEqual(pii('車主可至各服務據點免費檢修。'), []);
    assert.deepEqual(pii('昨晚車禍受傷的騎士何俊賢先生已出院。'), ['何俊賢先生']);
    assert.deepEqual(pii('本公司總經理林志明先生今天出席記者會。'), []);
    assert.deepEqual(pii('感謝各位女士先生蒞臨本店。'), []);
  });
  test("the organisation's own office line is not personal data", () => {
    assert.deepEqual(pii('Parents can reach our school office on 02-2345-6789.'), []);
    assert.deepEqual(pii('如有疑問請來電 04-2234-5678。'), []);
    assert.deepEqual(pii('Our main office at 88 Zhongshan Road is open on Saturday.'), []);
  });
});
