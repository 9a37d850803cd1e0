// The fifth round's structural rules (rules-structure-3.ts), personal data and facts (facts-4.ts): several wordings per
// kind in zh-TW, zh-CN and English, written for these tests (none taken from the bench's sets), with hard negatives
// beside them that must stay clean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Family, testFamilies } from './family-cases.ts';
import { checkStatement, type FactsInput, type RiskCategory } from './index.ts';

const families: Family[] = [
  {
    name: 'a cause put on the user, then the product declared free of defect',
    category: 'blame_shifting',
    flagged: [
      '螢幕破裂是使用者摔落造成的，並非手機本身的瑕疵。',
      '漏水是住戶自行改管線所致，而非本公司設備的問題。',
      '外壳变形是用户放在暖气旁导致的，并非产品缺陷。',
    ],
    clean: [
      '螢幕破裂的原因仍在檢測，不論是否為產品瑕疵，我們都會免費更換。',
      '檢測發現是我們的組裝流程造成的，並非使用者的問題，責任在我們。',
      '若是使用者摔落造成的，保固雖不涵蓋，我們仍會負責維修。',
    ],
  },
  {
    name: 'another party’s own act or state, then the organisation’s people cleared',
    category: 'blame_shifting',
    flagged: [
      '該名乘客上車前已大量飲酒，司機並無任何過錯。',
      '涉事顾客当时情绪激动，店员并没有过错。',
      '家長未依規定簽到接送，老師並無疏失。',
    ],
    clean: [
      '司機並無酒駕紀錄，事故原因仍待警方調查，我們會全力配合。',
      '乘客受傷我們非常難過，司機是否有過失正在調查中。',
      '顧客的權益最重要，店員的處理方式有疏失，我們已加強訓練。',
    ],
  },
  {
    name: 'the organisation, its product or its part declared blameless (English)',
    category: 'blame_shifting',
    flagged: [
      'The shipment was delayed by the port strike; that is not a failure on our part.',
      'The heater was left on overnight by the tenant, and the damage is not ours to answer for.',
      'Irritation shows up in users who leave the mask on too long; the mask itself is not the problem.',
      'The owner used an unapproved battery, which voids the warranty.',
      'These breakdowns happen to drivers in cold regions who skip the winter service.',
    ],
    clean: [
      'Whatever the cause, the damage is ours to put right, and we will repair every flat.',
      'It is too early to say whether the mask itself is the problem; tests are under way.',
      'Using an unapproved battery does not void the warranty for this recall; we will replace every unit.',
      'We should have warned users more clearly, and the mask itself will be withdrawn.',
    ],
  },
  {
    name: 'not a single one will be missed',
    category: 'absolute_promise',
    flagged: [
      '全區路燈下週前更換完畢，一盞都不會漏掉。',
      '受影響的訂單我們會逐筆處理，一筆也不會遺漏。',
      '所有包裹都会重新派送，一件都不会少。',
    ],
    clean: [
      '我們無法保證一件都不會延誤，但每天會公布進度。',
      '目前已處理 1,200 筆，一筆一筆核對中，預計週五完成。',
      '一點都不會痛的說法並不正確，請依醫囑使用。',
    ],
  },
  {
    name: 'zero of a bad outcome, promised',
    category: 'absolute_promise',
    flagged: ['升級後的系統將做到零停機。', '我們承諾新廠零污染、零事故。', '今后配送将实现零延误。'],
    clean: [
      '我們無法保證零延誤，但會把延誤控制在 15 分鐘內。',
      '零售通路的補貨將於週三恢復。',
      '我們朝零事故的目標努力，並每季公布工安數據。',
    ],
  },
  {
    name: 'a harm declared impossible or the safety absolute (English)',
    category: 'absolute_promise',
    flagged: [
      'With the new chips, cloning a member card is now impossible.',
      'After this upgrade, a repeat of the outage can no longer happen.',
      'Your savings with us are completely risk-free.',
    ],
    clean: [
      'It is impossible to say yet how many cards were cloned.',
      'No system is risk-free, so we will keep testing and report every quarter.',
      'Reaching every customer by phone was impossible, so we sent e-mails to all 4,100.',
    ],
  },
  {
    name: 'a failure on our watch; negligence with our nouns between',
    category: 'liability_admission',
    flagged: [
      'Cold-chain checks were skipped on our watch, and the spoiled vaccines are our fault.',
      'The fall was caused by our own scaffolding negligence.',
      'The patient records went unchecked on our watch for three weeks.',
    ],
    clean: [
      'This will not happen again on our watch: checks are now logged every hour.',
      'We are investigating whether any checks were skipped, and will report on Friday.',
      'The claim that our staff negligence caused the fall is denied by the police report.',
    ],
  },
  {
    name: 'the organisation’s guess, framed as suspicion, or a hedge ending in what it explains',
    category: 'speculation',
    flagged: [
      '我們懷疑帳號是前員工外洩的，目前仍在比對紀錄。',
      '本中心初步猜測是冷氣管線有漏水，才會出現霉斑。',
      '駕駛可能太過疲勞才會錯過號誌。',
      '师傅可能急着下班才忘了关阀门。',
    ],
    clean: [
      '我們不會臆測外洩原因，調查結果出來後立即公布。',
      '網友懷疑是前員工外洩，我們正在調查，目前沒有證據。',
      '系統可能要到明天下午才會完全恢復，我們會每小時更新。',
      '我們會盡可能在今晚才開始的維修窗口內完成。',
    ],
  },
  {
    name: 'a critic’s fabrication asserted as plain',
    category: 'defamation',
    flagged: ['那篇貼文的作者拿不出收據，分明是在捏造。', '影片根本是在演戲，畫面是剪接過的。', '这位博主明显是在造谣。'],
    clean: [
      '我們沒有捏造任何數據，完整報告已上傳官網。',
      '並不是說對方在說謊，而是當時的資訊不完整。',
      '網傳本公司造假的說法不實，檢驗報告附於文末。',
    ],
  },
  {
    name: 'everyone sued; legal papers said to be ready',
    category: 'legal_threat',
    flagged: ['散布這段影片的帳號，我們全部都會告。', '留言辱罵的網友一律提告。', '存證信函已經準備好，造謠者等著收。', '律师函已经寄出。'],
    clean: [
      '我們不會對轉貼的網友提告，只請大家等候調查結果。',
      '我們已通知所有受影響的用戶，並公告補償方式。',
      '調查報告全部都會公開在官網。',
    ],
  },
  {
    name: 'the impact softened by a degree adverb; a slip of the tongue as "only"',
    category: 'minimizing',
    flagged: [
      '部分班次略有延誤，如有不便敬請見諒。',
      '少數住戶用水稍受影響。',
      '董事長的發言只是一時口誤，請大家不要過度解讀。',
      '主持人的话不过是开玩笑。',
    ],
    clean: [
      '312 個班次延誤超過 2 小時，對受影響的 4 萬名旅客，我們深感抱歉。',
      '董事長的發言不是口誤，是錯誤的認知，他已親自道歉。',
      '檢驗報告顯示水質略有變化但仍符合標準，數據已全數公布。',
    ],
  },
  {
    name: 'the problem called normal anywhere (English)',
    category: 'minimizing',
    flagged: [
      'Some guests heard noise from the lift shaft, which is normal in any older hotel.',
      'Queues of an hour happen at every big concert.',
      'A few passengers had a slightly bumpy landing.',
    ],
    clean: [
      'An hour in the queue is not normal at any venue, and we are sorry: 2,300 fans waited that long.',
      'We will not call the noise normal; engineers are inspecting the lift shaft today.',
    ],
  },
  {
    name: 'the organisation cast as the public’s villain',
    category: 'victim_playing',
    flagged: ['我們做了二十年的良心豆花，現在卻被當成黑心商家，真的很委屈。', '整個團隊被塑造成千古罪人，心好累。', '我们被当成全民公敌。'],
    clean: ['我們不該讓顧客被當成奧客對待，已向這位顧客致歉。', '這次的失誤讓大家失望，批評都是應該的，我們會改進。'],
  },
  {
    name: 'a person named with a student’s honorific, a phone after a name, an order code, where someone lives',
    category: 'personal_data',
    flagged: [
      '受傷的是三年二班林家豪同學，已送醫觀察。',
      '我們已致電投訴的黃小姐（0921-663-480），並道歉。',
      'Their booking, order KX-20261102-1187, was moved to the next sailing.',
      'The claimant, who lives on Minsheng Road in Xinzhuang, has been refunded.',
      'The records of Mr. Kuo and Ms. Anna Lai were among those taken.',
    ],
    clean: [
      '如有疑問，請致電客服專線 0800-222-333 或親至本會會址：台中市西區民權路 88 號。',
      'Our spokesperson, Mr. Liao, will brief the press at our head office, 12 Songren Road, at 4 p.m.',
      'Please quote your order number when you call us; orders 2 to 5 of the batch are unaffected.',
      'Dr. Hsu, our chief physician, explained the treatment plan to the families.',
    ],
  },
];

testFamilies('rule structures, fifth round', families);

// Kinds found by tune-4's first run (fresh material): each with wordings of our own and the near misses beside them.
const families2: Family[] = [
  {
    name: 'the act or the defect attributed to a named outside party, with no disclaimer',
    category: 'blame_shifting',
    flagged: [
      '標價錯誤是由外包系統商設定的。',
      '漏水是前一任物業團隊留下的問題。',
      '这批错误说明书是代工厂印的。',
      'The wrong dosage labels were printed by our packaging vendor.',
      'The faulty wiring was installed by the landlord’s contractor.',
      'The blood test was ordered by the patient’s own doctor.',
      'The data was deleted by two staff members acting against company policy.',
    ],
    clean: [
      '標價錯誤是我們設定的，已全面更正並退還差價。',
      '外包系統商是我們選的，錯誤由我們負責。',
      'The labels were checked by an independent laboratory, which found no error.',
      'Every ride has passed a full inspection by the city’s engineers.',
      'We chose the packaging vendor, and the mislabelled boxes are ours to put right.',
    ],
  },
  {
    name: 'someone else’s conduct as the real cause; warned, yet they went on',
    category: 'blame_shifting',
    flagged: [
      '少數車主自行改裝電路，才是起火的主要原因。',
      '部分顾客不按说明加热，才是爆裂的真正原因。',
      '現場已多次廣播提醒，但仍有旅客執意跨越封鎖線。',
      '若使用前依說明書先做皮膚測試，這類過敏多半可以避免。',
    ],
    clean: [
      '起火原因仍待消防局鑑定，我們會全力配合。',
      '現場廣播不夠清楚，是我們的疏失，已改為每 10 分鐘廣播一次。',
      '使用前請依說明書先做皮膚測試，若有不適請立即停用並聯絡客服。',
    ],
  },
  {
    name: 'the duty or the answer placed elsewhere; the organisation only passed it on',
    category: 'blame_shifting',
    flagged: [
      '至於檢驗標準，應由衛生主管機關出面說明。',
      '停車場的保全不在本公司的責任範圍。',
      '難道我們要為每一位駕駛的行為負責嗎？',
      '文章內容由合作作者撰寫，本站僅依約刊登。',
      '這是颱風造成的，屬不可抗力因素。',
      '說到底是上游斷料造成的，任何店家都無法避免。',
      '延誤其實是航管系統的調度，航空公司無從干預。',
    ],
    clean: [
      '退款由我們負責，請勿擔心。',
      '品號 C100 的吹風機不在本次召回範圍內，可以繼續使用。',
      '颱風造成停班停課，本公司將全額退費。',
      '任何人都不可能破解這組密碼的說法並不正確，我們建議立即更換。',
    ],
  },
  {
    name: 'the responsibility put elsewhere (English)',
    category: 'blame_shifting',
    flagged: [
      'Passenger safety on the platform is ultimately the responsibility of the station operator.',
      'The hotel is run by our franchisee, who is responsible for all repairs.',
      'The delay was outside the ferry company’s control.',
      'Users who installed unofficial apps brought these problems upon themselves.',
      'Damage like this results from parcels not being sealed as our guide explains.',
      'Guests with nut allergies are always reminded to tell our waiters before ordering.',
      'Is it reasonable to blame a driver for a pothole the council never repaired?',
      'The city’s inspectors should have flagged the crack years ago.',
      'We only follow the manufacturer’s specification.',
      'The leak started in the neighbour’s pipe, not in our pipework.',
    ],
    clean: [
      'Passenger safety on the platform is our responsibility, and we are adding staff tonight.',
      'Guests with nut allergies can ask any waiter for the allergen sheet.',
      'We should have flagged the crack years ago, and we are sorry.',
      'The leak is still being traced; we will pay for every repair meanwhile.',
    ],
  },
  {
    name: 'absolute zero of a bad thing; 100% something-proof',
    category: 'absolute_promise',
    flagged: ['今後每一批蜂蜜都保證零添加。', 'Our new cases are 100% waterproof.', 'The new lock is completely tamper-proof.'],
    clean: ['我們朝零添加的目標改良配方，進度每季公布。', 'No phone case is completely waterproof; please keep it away from the pool.'],
  },
  {
    name: 'negligence named as the cause; legal responsibility taken on',
    category: 'liability_admission',
    flagged: [
      'Our crew skipped the checklist, and that negligence caused the collision.',
      'We accept full responsibility for the legal consequences of this.',
    ],
    clean: [
      'The report into whether any negligence caused the collision is due on Friday.',
      'We take responsibility for making this right for every passenger.',
    ],
  },
  {
    name: 'a guess however hedged; "only an isolated case" framed as a belief',
    category: 'speculation',
    flagged: ['In all likelihood the fault lies with a single sensor.', '我們認為這次中毒只是單一門市的偶發狀況。'],
    clean: ['The inspectors will, in all likelihood, report on Friday.', '外界認為只是個別狀況，但我們仍全面檢查 38 家門市。'],
  },
  {
    name: 'lawyers’ letters promised; reserving the right against named accounts',
    category: 'legal_threat',
    flagged: ['散布不實訊息的帳號都將收到律師函。', '对于恶意造谣的账号，我司保留追究其法律责任的权利。'],
    clean: ['我們不會寄律師函給任何網友，只請大家以官方公告為準。', '本店已向倉儲業者求償，顧客的賠償由本店先行支付。'],
  },
  {
    name: 'the excess softened; regret for the inconvenience',
    category: 'minimizing',
    flagged: ['檢出的重金屬只略高於標準。', 'While we regret the inconvenience, all flights are now on schedule.'],
    clean: [
      '檢出的重金屬為標準的 4 倍，我們已下架全部 12 批。',
      'We are sorry for the four-hour delay and for the missed connections it caused.',
    ],
  },
  {
    name: 'a refusal whatever the verb of speaking (English)',
    category: 'no_comment',
    flagged: ['I am not at liberty to discuss the contract.', 'We are not in a position to comment on that.'],
    clean: ['We are not in a position to name the supplier until the test results come on Friday.'],
  },
  {
    name: 'the organisation as a victim too',
    category: 'victim_playing',
    flagged: ['The bakery is as much a victim here as the families.', 'Our reputation has been destroyed by one video.'],
    clean: ['We are not the victims here; 31 families are, and we are calling each of them.'],
  },
  {
    name: 'students by surname, booking references, a name with a phone or an ID, nicknames',
    category: 'personal_data',
    flagged: [
      '受傷的是就讀小三的陳姓學童。',
      '投訴旅客的訂房編號為 RB-20260311-4410。',
      '名單例如：黃建宏，0922 118 406。',
      '提出申訴的志工周雅婷（F225463109）已獲回覆。',
      'Player Wang ‘Ace’ Chih-hao has been suspended.',
    ],
    clean: ['如需協助請撥客服專線 0800-777-111。', '批號 F125463108 的產品不在召回範圍。'],
  },
  {
    name: 'near misses the tune-4 round must keep clean',
    category: 'liability_admission',
    flagged: [],
    clean: ['當天雨勢很大，但工地安全是我們的責任，檢討報告週五公布。'],
  },
  {
    name: 'a named critic is defamation, not nameless forces; a legal threat is not self-pity',
    category: 'victim_playing',
    flagged: [],
    clean: ['那位部落客就是收了對手的錢來抹黑我們。', '對於惡意帶節奏的帳號，本公司保留追究法律責任的權利。'],
  },
];

testFamilies('rule structures, fifth round (tune-4 kinds)', families2);

describe('inconsistent_fact, fifth round (tune-4 kinds)', () => {
  test('a weekday against the fact sheet’s, not a weekday of a plan', () => {
    const facts = { facts: [{ text: '11 月 4 日（週二）晚間系統停擺。' }], statements: [] };
    assert.equal(findings('週四晚間系統停擺，我們深感抱歉。', facts).length, 1);
    assert.equal(findings('週二晚間系統停擺，我們深感抱歉。', facts).length, 0);
    assert.equal(findings('補償將於週四前發放。', facts).length, 0);
    const en = { facts: [{ text: 'The lift stopped on Sunday 9 March.' }], statements: [] };
    assert.equal(findings('The lift stopped on Monday.', en).length, 1);
  });

  test('"only one", "a single": a count of one against the facts’ count', () => {
    const facts = { facts: [{ text: 'Four drivers and two dispatchers were suspended.' }], statements: [] };
    assert.equal(findings('Only one driver was suspended.', facts).length, 1);
    assert.equal(findings('Four drivers were suspended.', facts).length, 0);
  });

  test('a denial a source affirms with the same kind of verb', () => {
    const facts = { facts: [{ text: '外洩檔案包含會員的手機號碼。' }], statements: [] };
    assert.equal(findings('外洩的檔案不含任何會員手機號碼。', facts).length, 1);
    assert.equal(findings('外洩的檔案不含任何信用卡號。', facts).length, 0);
    const en = { facts: [{ text: 'The photo appeared on page 3 of the print edition.' }], statements: [] };
    assert.equal(findings('The photo never appeared in print.', en).length, 1);
  });

  test('"all done" against a partial count, and agreement', () => {
    const facts = { facts: [{ text: '受影響訂單 8,200 筆' }, { text: '已退款 5,100 筆' }], statements: [] };
    assert.equal(findings('受影響訂單已全部退款。', facts).length, 1);
    const done = { facts: [{ text: '受影響訂單 8,200 筆，已全數退款' }], statements: [] };
    assert.equal(findings('受影響訂單已全部退款。', done).length, 0);
  });

  test('shares: 九成 against 52%, "about 99%" against 92%, and honest rounding', () => {
    const facts = { facts: [{ text: '截至週五，已修復 52%。' }], statements: [] };
    assert.equal(findings('目前已有九成以上修復。', facts).length, 1);
    assert.equal(findings('目前約五成修復。', facts).length, 0);
    const en = { facts: [{ text: '92% of orders were delivered by Friday.' }], statements: [] };
    assert.equal(findings('About 99% of orders were delivered by Friday.', en).length, 1);
    assert.equal(findings('About 90% of orders were delivered by Friday.', en).length, 0);
  });

  test('a range holding the fact, the date of a statement, a total against an amount each', () => {
    const facts = { facts: [{ text: '312 customers received the wrong lenses on 4 June.' }], statements: [] };
    assert.equal(findings('Between 300 and 320 customers received the wrong lenses.', facts).length, 0);
    assert.equal(findings('As we said on 6 June, every customer will get new lenses.', facts).length, 0);
    const zh = { facts: [{ text: '每位旅客補償新台幣 2 萬元。' }], statements: [] };
    assert.equal(findings('合計補償約八十多萬元。', zh).length, 0);
    assert.equal(findings('每位旅客補償 1 萬元。', zh).length, 1);
  });

  test('a part of the day that does not hold the fact’s clock time', () => {
    const facts = { facts: [{ text: '3 月 2 日凌晨 4 時許，倉庫起火。' }], statements: [] };
    assert.equal(findings('3 月 2 日晚間倉庫起火。', facts).length, 1);
    assert.equal(findings('3 月 2 日清晨倉庫起火。', facts).length, 0);
  });

  test('standing by a report an approved statement corrected; a warehouse by its name', () => {
    const facts = { facts: [{ text: '報導刊於 5 月 1 日。' }], statements: ['5月2日更正啟事：該報導所稱數字與事實不符。'] };
    assert.equal(findings('該報導經查並無錯誤。', facts).length, 1);
    const en = { facts: [{ text: 'Stock was lost when the Luzhu warehouse flooded.' }], statements: [] };
    assert.equal(findings('The stock was kept at our Dayuan warehouse, which flooded.', en).length, 1);
    assert.equal(findings('The stock was kept at our Luzhu warehouse, which flooded.', en).length, 0);
  });

  test('in a correction, the value before 應為 is withdrawn, not claimed', () => {
    const facts = { facts: [{ text: '共 28 名遊客受困。' }], statements: ['28 名遊客受困，均已救出。'] };
    assert.equal(findings('更正：先前所稱受困遊客 18 名，應為 28 名。', facts).length, 0);
  });
});

const findings = (text: string, facts: FactsInput) =>
  checkStatement(text, { facts }).findings.filter((f) => f.category === 'inconsistent_fact');

describe('inconsistent_fact, fifth round', () => {
  test('English times of day are compared through what happened at them; a plan is not', () => {
    const facts = { facts: [{ text: 'The bus overturned near Toucheng at 5:15 p.m. on 3 May.' }], statements: [] };
    assert.deepEqual(
      findings('The bus overturned at 6:15 p.m.', facts).map((f) => f.excerpt),
      ['6:15 p.m.'],
    );
    assert.equal(findings('The bus overturned at 5:15 p.m., and we are sorry.', facts).length, 0);
    assert.equal(findings('We will brief families at 7:30 p.m. today.', facts).length, 0);
  });

  test('a station as the place of an event; a station named for something else is not a place of it', () => {
    const facts = { facts: [{ text: '列車於新竹北湖站北側出軌，2 人輕傷。' }], statements: [] };
    assert.equal(findings('出軌地點在湖口站附近。', facts).length, 1);
    assert.equal(findings('出軌地點位於北湖站北側。', facts).length, 0);
    assert.equal(findings('請旅客改至本站二樓搭乘接駁車。', facts).length, 0);
  });

  test('labelled sections: outside the facts’ range, or a subset claimed as the whole', () => {
    const facts = { facts: [{ text: 'Water came in through the roof of halls C2 to C4.' }], statements: [] };
    assert.equal(findings('Only hall C3 was affected.', facts).length, 1);
    assert.equal(findings('Hall C6 was affected.', facts).length, 1);
    assert.equal(findings('Halls C2 to C4 were affected; hall C3 took the most water.', facts).length, 0);
    const zh = { facts: [{ text: '受影響座位位於 A3 至 A6 區。' }], statements: [] };
    assert.equal(findings('受影響的座位都在 A4 區。', zh).length, 1);
    assert.equal(findings('受影響座位為 A3 至 A6 區，我們深感抱歉。', zh).length, 0);
  });

  test('how soon someone was told: late against prompt, and agreement', () => {
    const facts = { facts: [{ text: '家長已於事發當天接獲學校通知。' }], statements: [] };
    assert.equal(findings('學校在事發隔天才通知家長。', facts).length, 1);
    assert.equal(findings('學校於事發當天通知家長。', facts).length, 0);
    const en = { facts: [{ text: 'The insurer was notified the same day.' }], statements: [] };
    assert.equal(findings('We notified the insurer the following week.', en).length, 1);
  });

  test('an item listed among what was exposed, which the fact sheet says was not', () => {
    const facts = { facts: [{ text: 'No passport numbers were exposed.' }], statements: [] };
    assert.equal(findings('Names were exposed, together with some guests’ passport numbers.', facts).length, 1);
    assert.equal(findings('Names were exposed; no passport numbers were.', facts).length, 0);
  });

  test('a count the fact sheet gives without its noun agrees; a deadline is not the event’s date; 該廠 is no new place', () => {
    const facts = { facts: [{ text: '240 pupils on the trip; 9 mildly injured.' }], statements: [] };
    assert.equal(findings('9 pupils were mildly injured.', facts).length, 0);
    assert.equal(findings('12 pupils were mildly injured.', facts).length, 1);
    const zh = { facts: [{ text: '10 月 2 日起火，共 3 棟受損。' }, { text: '起火點為台中大雅廠。' }], statements: [] };
    assert.equal(findings('10 月 2 日起火，補助申請受理至 11 月 30 日。', zh).length, 0);
    assert.equal(findings('起火的是本公司台中大雅廠，目前該廠已停工。', zh).length, 0);
  });
});

// Everyday wordings near the fifth round's broad shapes (an outside party doing its ordinary job, a practical limit, a
// hedge about timing, a duty, an aim): no finding of any category.
const everyday = [
  '本次活動是由我們與合作廠商共同舉辦的。',
  '包裹是由物流公司配送的，預計明天送達。',
  '退款是由銀行處理的，約需 7 個工作天。',
  '任何風險都無法完全避免，我們會持續改善並每月公布檢查結果。',
  '為保護個資，我們無法介入個別帳號的申訴，請由本人提出。',
  '顧客的安全就是我們最關心的關鍵。',
  '我們查了三遍，一筆都沒有錯。',
  'Contacting every customer today is impossible, so we have e-mailed all 4,100 of them.',
  'Refunds will be handled by our partner bank within five working days.',
  'Food safety is the responsibility of the kitchen team, and we have retrained every cook.',
  'The product was tested by an independent laboratory, which found no contamination.',
  '我們朝零事故的目標努力。',
  '我們不會臆測原因，調查結果出爐後立即公布。',
  '發言人林經理將於下午 3 時說明最新進度。',
  '受影響的 1,240 位會員，我們已逐一致電道歉並全額退款。',
  '若您的交通卡被重複扣款，請至任一服務台辦理退費。',
  'If your card was charged twice, the extra charge will be refunded within 7 days.',
  'We are sorry. 312 customers received the wrong lenses, and every one of them will get a new pair for free.',
  '網友懷疑是前員工外洩，我們正在調查，目前沒有證據。',
  '我們不會把責任推給供應商，每一位顧客的退款由我們處理。',
  '不論問題出在哪一個環節，我們都會對顧客負責。',
  'These new brakes were designed by our own engineers and tested by the city.',
  '我們會盡快修復，預計今晚 10 點前恢復。',
  '本店已向保險公司求償，顧客的損失由本店先行賠付。',
];

describe('everyday wordings near the fifth round’s shapes stay clean', () => {
  for (const text of everyday)
    test(text, () => {
      const got = checkStatement(text).findings.map((f) => `${f.category} ${f.rule} ${f.excerpt}`);
      assert.deepEqual(got, []);
    });
});

// A probe written after the tune-4 round, in wordings of our own and shapes none of the sets uses, one risky sentence per
// line with its category, and everyday sentences that must stay clean; each miss it found was fixed by kind above.
const probe: [RiskCategory, string][] = [
  ['blame_shifting', '【公告】本次冷氣故障，經查為大樓管理單位之主機老舊，本店已多次反映未獲處理。'],
  ['blame_shifting', '我們理解大家的不滿。不過，訂單延遲主要是金流服務商的系統異常，並非本站能掌控。'],
  [
    'blame_shifting',
    'We understand the frustration. However, the cancellation was a decision taken by the event promoter, not by the venue.',
  ],
  ['blame_shifting', 'In fairness to our team, the instructions we received from the client were incorrect.'],
  ['blame_shifting', '这次投诉的问题，根源在于部分骑手不遵守平台规则。'],
  ['speculation', '內部初步推估，可能有一台收銀機被植入側錄程式。'],
  ['speculation', 'From what we can tell so far, the most plausible explanation is human error at the depot.'],
  ['minimizing', '整體而言，這次只是小插曲，不影響大部分會員的權益。'],
  ['minimizing', 'Any disruption was brief and limited to a handful of users.'],
  ['victim_playing', '我們被貼上黑心企業的標籤，員工家人也跟著受到霸凌。'],
  ['victim_playing', 'It feels as though we are being made an example of.'],
  ['defamation', '這位「受害者」過去就曾多次向不同店家索賠。'],
  ['defamation', 'The video was staged by someone with a clear financial motive.'],
  ['legal_threat', '已蒐集所有惡意留言證據，近日將正式提告。'],
  ['legal_threat', 'We have instructed our solicitors to identify the people behind these accounts.'],
  ['no_comment', '目前一切以司法調查為準，公司不另做說明。'],
  ['no_comment', 'We are unable to go into the details of our contract with the supplier.'],
  ['absolute_promise', '我們向大家保證，同樣的錯誤絕對不會出現第二次。'],
  ['absolute_promise', 'Every child in our care will be completely safe from now on.'],
  ['liability_admission', '這起事故的主因，是本公司未按時更換老舊纜線。'],
  ['liability_admission', 'Our own records show we skipped three required inspections, and we accept the blame.'],
  ['personal_data', '受影響的會員包含：陳怡君（會員編號 M-00231）、王建國（會員編號 M-00877）。'],
  ['personal_data', 'The man who fell, a 43-year-old teacher from Hsinchu named Chen Wei, is in stable condition.'],
  ['blame_shifting', '此次停电系电网公司检修所致，小区物业无法提前获知。'],
  ['blame_shifting', '由于快递公司分拣失误，部分包裹被错发至外地。'],
  ['blame_shifting', '该批次问题奶粉由海外代工厂生产，进口时各项检测均合格。'],
  ['blame_shifting', 'The leak originated in a pipe installed by the previous owner.'],
  ['blame_shifting', 'Our security vendor missed the intrusion for eleven days.'],
  ['blame_shifting', 'Guests who chose to swim outside the flagged area did so at their own risk.'],
  ['blame_shifting', '部分用戶安裝了非官方修改版 App，才導致帳號被盜。'],
  ['speculation', '我们怀疑是内部员工泄露了客户名单。'],
  ['speculation', 'There is every indication that a rogue employee is responsible.'],
  ['minimizing', '只是少部分订单受到轻微影响。'],
  ['minimizing', 'Regrettably, a small number of meals may not have met our usual standards.'],
  ['victim_playing', '我们同样是这起诈骗案的受害者。'],
  ['victim_playing', 'Our staff have been threatened and abused online, and frankly we are the ones suffering most.'],
  ['defamation', '发帖人是被我们辞退的前员工，一直怀恨在心。'],
  ['defamation', 'Whoever is behind these posts is clearly being paid by a competitor.'],
  ['legal_threat', '我们已就恶意诋毁行为向法院提起诉讼，后续还会追加被告。'],
  ['legal_threat', 'Every account that shares the clip will be reported and pursued.'],
  ['no_comment', '对此我们暂时无法提供更多信息。'],
  ['no_comment', 'We have been advised by counsel not to say anything further.'],
  ['absolute_promise', '我们保证所有受影响用户一周内全部恢复正常，绝无遗漏。'],
  ['absolute_promise', 'Our stores are now one hundred percent contamination-free.'],
  ['liability_admission', '经调查，事故系我司员工违规操作所致，我司承担全部责任。'],
  ['liability_admission', 'We knowingly sold the affected batch after the test failed.'],
  ['personal_data', '涉事顾客李某（手机 13812345678）多次在店内闹事。'],
  ['personal_data', 'The nurse on duty that night, Lisa Cheng, has been suspended.'],
  ['liability_admission', '說到底，是我們的品管沒有把關好。'],
  ['liability_admission', '本中心承認當天的消毒程序沒有落實。'],
  ['liability_admission', 'We were wrong to ignore the early warnings from our engineers.'],
  ['liability_admission', 'We breached our own safety policy by letting the ride run.'],
  ['liability_admission', '这次事故，公司负有主要责任。'],
  ['speculation', '目前看來，問題八九不離十出在冷藏櫃。'],
  ['speculation', 'We have a strong hunch the leak started in the basement.'],
  ['speculation', '我們大膽推測是有人故意破壞。'],
  ['speculation', 'It is quite possible the battery overheated because of a manufacturing flaw.'],
  ['absolute_promise', '今後保證每一班車都準點發車。'],
  ['absolute_promise', 'We promise that nothing like this will ever happen to our customers again.'],
  ['absolute_promise', '我們的新系統不可能再出錯。'],
  ['absolute_promise', '所有問題都將在本週內徹底解決。'],
  ['defamation', '在網路上帶頭炒作的人，本身就有詐騙前科。'],
  ['defamation', 'This so-called investigative report is a hit piece paid for by our rivals.'],
  ['defamation', '那些一星負評全是同一批假帳號洗的。'],
  ['no_comment', '我們現在沒有什麼好說的。'],
  ['no_comment', '本公司對媒體報導不予回應。'],
  ['no_comment', 'Questions about the lawsuit should be directed to our attorneys.'],
  ['no_comment', '針對此事，恕不方便回覆。'],
  ['victim_playing', '我們也是被供應商欺騙的受害者。'],
  ['victim_playing', '明明是一片好意，卻被說成是作秀，真的很寒心。'],
  ['victim_playing', 'This company is being crucified online for an honest mistake.'],
  ['minimizing', '只不過是一點小擦傷，沒有大家想得那麼嚴重。'],
  ['minimizing', 'We apologise to anyone who may have been inconvenienced.'],
  ['minimizing', '這次的資料外洩範圍非常有限，請大家不要恐慌。'],
  ['minimizing', 'The issue affected a negligible number of accounts.'],
  ['legal_threat', '造謠的人，我們已經一個一個記下來了。'],
  ['legal_threat', 'Posting false reviews is illegal, and we will report offenders to the authorities.'],
  ['legal_threat', '對於惡意中傷者，本公司將依法提告，絕不寬貸。'],
  ['personal_data', '同事林美玲（員工編號 A1023）已停職接受調查。'],
  ['personal_data', "The victim's mother, Wang Shu-fen, can be contacted at 0987-654-321."],
  ['personal_data', '受傷的房客住在 503 號房，姓周。'],
  ['personal_data', '投訴人的訂單編號是 TW20261130889。'],
  ['liability_admission', '我們的品管沒有把關好，這是我們的錯，我們會全面檢討。'],
  ['blame_shifting', '包裹毀損是貨運業者搬運疏失，我們會協助顧客向業者求償。'],
  ['blame_shifting', '這次出餐錯誤，是外包廚房人員的操作失誤。'],
  ['blame_shifting', '停課通知延遲發出，是因為教育局的系統當機。'],
  ['blame_shifting', '醫材短缺是代理商延誤交貨，醫院也很無奈。'],
  ['blame_shifting', '系统异常系云服务商机房故障导致，平台已第一时间协调恢复。'],
  ['blame_shifting', "The mislabelled bottles came from our bottling partner's error."],
  ['blame_shifting', "Much of the confusion arose from the ticketing agency's mistake."],
  ['blame_shifting', "The overcharge was the payment processor's fault, not the shop's."],
  ['blame_shifting', "The flooding was down to the council's failure to clear the drains."],
  ['blame_shifting', 'Unfortunately our courier lost the parcels in transit.'],
  ['blame_shifting', 'The late notice was the result of an oversight by our PR agency.'],
  ['blame_shifting', '遊客未遵守現場人員指示，擅自進入管制區，才會發生意外。'],
  ['blame_shifting', '部分家長未依規定接送，造成校門口混亂。'],
  ['blame_shifting', 'These faults appear mainly in cars that were serviced at unauthorised garages.'],
  ['blame_shifting', "The subcontractor's crew removed the safety rail without telling anyone."],
  ['speculation', '外洩的源頭，我們推斷是一台遭植入惡意程式的電腦。'],
  ['speculation', 'It may well turn out that the sensor was faulty.'],
  ['minimizing', '受影響的訂單僅占總量的 0.3%，影響相當有限。'],
  ['minimizing', 'At the end of the day, it was a small mistake.'],
  ['victim_playing', '有人刻意抹黑，我們也是受害者。'],
  ['legal_threat', 'Defamatory comments have been reported to the police, and we will pursue every one of them.'],
  ['no_comment', 'Beyond what we have said, we will not be commenting.'],
  ['absolute_promise', '今後不會再有任何一位會員的資料外洩。'],
  ['personal_data', 'The customer, Ms. Tsai from Tainan, called us twelve times.'],
  ['blame_shifting', '本次漏油事件，起因於船東未依規定進行保養，本港務公司已盡督導之責。'],
  ['blame_shifting', '孩子是在家長陪同下自行攀爬設施，園區已設有明顯警告標誌。'],
  ['blame_shifting', '系統當機的原因，在於雲端供應商的機房斷電。'],
  ['blame_shifting', '关于产品异味，经查为经销商仓储环境潮湿所致，出厂时一切正常。'],
  ['blame_shifting', "The error was introduced when the hospital's outsourced lab entered the results."],
  ['blame_shifting', 'We simply resell these heaters; quality control is handled by the brand owner.'],
  ['blame_shifting', 'Under our terms of service, users are responsible for keeping their passwords safe.'],
  ['blame_shifting', 'The runner collapsed after ignoring repeated advice from medical staff to stop.'],
  ['speculation', 'We are fairly confident the smell came from a blocked drain.'],
  ['speculation', '推测是有人在网上恶意下单。'],
  ['speculation', '我們初判可能是供應商的原料受到污染。'],
  ['minimizing', 'Some guests may have experienced minor discomfort.'],
  ['minimizing', '這次的延誤在業界其實很常見。'],
  ['minimizing', '事件已經平息，沒有必要再擴大討論。'],
  ['victim_playing', '被這樣無止盡地抹黑，我們真的很心寒。'],
  ['victim_playing', 'We, too, are victims of this fraud.'],
  ['defamation', '那位網友的帳號是今天才註冊的，明顯是假帳號。'],
  ['defamation', 'The former manager who leaked the memo was fired for misconduct.'],
  ['legal_threat', '本公司保留一切法律追訴權。'],
  ['legal_threat', 'We will not hesitate to take action against anyone spreading these lies.'],
  ['no_comment', '案件進入司法程序，不便回應。'],
  ['no_comment', "We'll let the facts speak for themselves."],
  ['absolute_promise', '這次更新後，資料外洩的風險已經降為零。'],
  ['absolute_promise', 'Rest assured, this will never, ever happen again.'],
  ['liability_admission', '我們的員工違反了操作規範，造成這次意外。'],
  ['liability_admission', 'The clinic failed in its duty to warn patients of the risks.'],
  ['personal_data', 'Please contact the owner of the dog, Mrs. Amy Chou, on 0933 221 567.'],
  ['personal_data', '騎車撞人的是本公司外送員黃俊傑。'],
  ['blame_shifting', '我们已多次提醒用户定期更换密码，但仍有部分用户使用简单密码。'],
  ['blame_shifting', '此次延誤主要肇因於機場跑道施工，非航空公司可控。'],
  ['blame_shifting', '事發當時是乘客自行解開安全帶站起來，才會在煞車時跌倒。'],
  ['blame_shifting', '請大家理解，外送平台的配送時間不是店家能決定的。'],
  ['blame_shifting', 'The shuttle bus was operated by an independent transport company.'],
  ['blame_shifting', 'Most complaints stem from customers misreading the promotion terms.'],
  ['blame_shifting', 'Please understand that the ticketing system belongs to the venue, so we cannot be held responsible.'],
  ['blame_shifting', 'If the tenant had reported the leak earlier, the damage would have been far smaller.'],
  ['blame_shifting', '此次数据泄露系第三方服务商违规操作所致，与本平台无关。'],
  ['blame_shifting', '錯誤的價格是廠商提供的資料有誤，門市人員只是照著輸入。'],
  ['speculation', '依目前資料判斷，八成是電線走火。'],
  ['speculation', '這應該只是單一批次的問題，其他批次沒有疑慮。'],
  ['speculation', 'We suspect a disgruntled former employee may be behind the leak.'],
  ['speculation', 'The fire was most likely caused by a discarded cigarette.'],
  ['speculation', '据初步了解，事故疑似由司机操作不当引起。'],
  ['minimizing', '其實整件事沒有外界說得那麼嚴重。'],
  ['minimizing', 'The recall covers a tiny number of units and poses minimal risk.'],
  ['minimizing', 'If anyone felt uncomfortable, we apologise.'],
  ['minimizing', '只是少數人反應過度，大部分顧客都很滿意。'],
  ['minimizing', '對於造成的困擾，我們感到遺憾。'],
  ['victim_playing', '這次事件中，我們其實也是被騙的一方。'],
  ['victim_playing', 'We have been the target of a malicious smear campaign.'],
  ['victim_playing', '我们的员工被网暴到不敢出门，这对我们不公平。'],
  ['victim_playing', 'No company has suffered more from this than we have.'],
  ['defamation', '那篇報導的記者跟對手公司關係密切，內容可信度可想而知。'],
  ['defamation', 'The customer who posted the video has been harassing our staff for months.'],
  ['defamation', '發文者根本沒來過本店，完全是憑空捏造。'],
  ['defamation', '这位所谓的受害者，其实是职业索赔人。'],
  ['legal_threat', '我們已委請律師對相關網友提出告訴。'],
  ['legal_threat', 'Anyone repeating these false claims should expect to hear from our lawyers.'],
  ['legal_threat', '散播謠言者，本公司必定追究到底。'],
  ['legal_threat', 'We are compiling a list of everyone who shared the post.'],
  ['no_comment', '這個問題我不方便回答。'],
  ['no_comment', 'Our lawyers have advised us not to comment.'],
  ['no_comment', '无可奉告，请以后续公告为准。'],
  ['absolute_promise', '我們可以保證，類似情況不會再發生在任何一位顧客身上。'],
  ['absolute_promise', 'The new system is completely foolproof.'],
  ['absolute_promise', '每一位旅客都一定能拿到全額賠償，一個都不會漏。'],
  ['absolute_promise', '从今以后，我们的产品绝对安全可靠。'],
  ['liability_admission', 'We accept that our cleaning procedures were not followed.'],
  ['liability_admission', '這次延誤完全是本公司調度失當所致。'],
  ['liability_admission', 'Our failure to inspect the ride caused the accident.'],
  ['liability_admission', '本公司承認未依規定通報主管機關。'],
  ['personal_data', '投訴的李先生住在台中市西屯區台灣大道三段 99 號。'],
  ['personal_data', 'Our driver, Mr. Kuo Chien-hung, has been suspended.'],
  ['personal_data', '該名學生的身分證字號為 A123456789。'],
  ['personal_data', 'The passenger, seated in 34C, is Ms. Ellen Park.'],
  ['blame_shifting', '這次停水是自來水公司管線老舊所致，本社區管委會也是受害者。'],
  ['blame_shifting', '貨品延遲的責任在報關行，他們漏填了一份文件。'],
  ['blame_shifting', '會員資料外洩，源頭是合作的行銷公司，本公司系統從未遭入侵。'],
  ['blame_shifting', '摔車原因是騎士未戴安全帽且超速。'],
  ['blame_shifting', '家長若確實看管孩童，意外就不會發生。'],
  ['blame_shifting', '本次食物中毒的食材由團膳業者採購，學校僅提供場地。'],
  ['blame_shifting', '这次事故的责任在于施工方，我们只是业主。'],
  ['blame_shifting', '顾客自行更换非原厂电池，导致起火，与产品无关。'],
  ['blame_shifting', "The contamination entered the supply chain at our flour supplier's mill."],
  ['blame_shifting', "Ultimately, it was the parents' decision to let the children swim unsupervised."],
  ['blame_shifting', 'The app crashed because users had not updated to the latest version.'],
  ['blame_shifting', 'Our subcontractor failed to secure the scaffolding, and they will be held accountable.'],
  ['blame_shifting', 'Responsibility for checking the ingredients rests with the caterer we hired.'],
  ['blame_shifting', 'Had residents followed the evacuation notice, no one would have been hurt.'],
  ['speculation', '我們猜測可能是冷凍設備在夜間斷電。'],
  ['speculation', '初步看起來像是有人惡意破壞。'],
  ['speculation', 'We think the outage was probably triggered by a faulty router update.'],
  ['speculation', 'It looks like a single batch was affected, though we are still checking.'],
  ['speculation', '估计是运输途中温度过高导致变质。'],
  ['minimizing', '說穿了只是幾位顧客不滿意而已。'],
  ['minimizing', '這只是暫時性的小狀況，很快就會恢復。'],
  ['minimizing', 'The delay was only a few minutes for most passengers.'],
  ['minimizing', 'We are sorry if some customers felt let down by the new menu.'],
  ['minimizing', '造成部分消费者的误解，我们深表遗憾。'],
  ['victim_playing', '我們也是這次事件的受害者，承受了極大的壓力。'],
  ['victim_playing', '一直被網友圍剿，員工都快撐不下去了。'],
  ['victim_playing', 'We have been unfairly targeted by a coordinated online campaign.'],
  ['victim_playing', '我们承受了不实指控带来的巨大伤害。'],
  ['defamation', '那位爆料的前員工本來就是因為偷竊被開除的。'],
  ['defamation', '這個網紅根本是為了流量在亂講。'],
  ['defamation', 'The reporter has a long history of fabricating quotes.'],
  ['defamation', '这些差评都是竞争对手雇的水军刷的。'],
  ['legal_threat', '我們已請律師蒐證，散布者一個都跑不掉。'],
  ['legal_threat', 'Anyone sharing the doctored video will face legal action.'],
  ['legal_threat', '凡是转发不实信息的，我们将一律追究到底。'],
  ['legal_threat', 'We have identified the accounts behind the posts and passed their details to our lawyers.'],
  ['no_comment', '這部分我們不予置評。'],
  ['no_comment', '相關問題請逕洽本公司委任律師。'],
  ['no_comment', "We won't be saying anything further on this matter."],
  ['no_comment', '目前不便對外說明任何細節。'],
  ['no_comment', 'That is a question for our legal team, not for me.'],
  ['absolute_promise', '我們保證今後所有餐點都百分之百安全。'],
  ['absolute_promise', '這種事情以後再也不可能發生。'],
  ['absolute_promise', 'From now on, every single parcel will arrive on time, guaranteed.'],
  ['absolute_promise', '我们承诺，此类问题绝不会再出现。'],
  ['absolute_promise', 'Our water is now entirely free of any contaminants.'],
  ['liability_admission', '這次火災是我們消防設備維護不當造成的，我們負全責。'],
  ['liability_admission', 'We were negligent in how we stored the vaccines.'],
  ['liability_admission', '本院醫師確實有醫療疏失。'],
  ['liability_admission', 'The crash was the direct result of our failure to maintain the brakes.'],
  ['personal_data', '受傷的外送員王小明，住在新北市板橋區文化路一段 100 號。'],
  ['personal_data', '客訴人林小姐的手機是 0912-345-678。'],
  ['personal_data', 'The guest in room 512, Mr. Huang, complained about the noise.'],
  ['personal_data', '投诉人张某某，身份证号 110101199003071234，已联系。'],
  ['personal_data', 'Her email, chen.mei@gmail.com, was included in the leaked file.'],
  ['blame_shifting', '停電是因為台電變電所跳電，飯店方面完全無法預知。'],
  ['blame_shifting', '說實話，這批貨在海關卡了三週，問題根本不在我們這邊。'],
  ['blame_shifting', '导致延误的主要是航空公司临时调换机型，旅行社方面也无能为力。'],
  ['blame_shifting', '該名教練並非本館員工，而是外聘的自由教練。'],
  ['blame_shifting', 'The injuries occurred because spectators ignored the barriers.'],
  ['blame_shifting', "The breach happened on our payment processor's servers, not ours."],
  ['blame_shifting', 'We relied on the certificates our supplier provided; any error lies with them.'],
  ['blame_shifting', 'This problem only affects customers who bought from unauthorised resellers.'],
  ['blame_shifting', 'The contractor was responsible for site safety under the terms of the contract.'],
  ['blame_shifting', 'Passengers were warned repeatedly but chose to stay on board.'],
  ['speculation', '看起來應該是員工一時疏忽忘了關火。'],
  ['speculation', '我們研判多半是冷氣管路老化。'],
  ['speculation', 'Early indications suggest a software bug, though this is not yet confirmed.'],
  ['speculation', 'We believe this was an isolated incident at one branch.'],
  ['speculation', '初步推断可能与原材料批次有关。'],
  ['minimizing', '其實影響不大，大部分顧客都沒有感覺。'],
  ['minimizing', 'Only a small fraction of our users were affected.'],
  ['minimizing', 'We regret any misunderstanding our post may have caused.'],
  ['minimizing', '這次只是一場誤會，請大家不用擔心。'],
  ['minimizing', 'Mistakes were made in the handling of the refunds.'],
  ['victim_playing', '我們花了十年建立的品牌，一夕之間被毀了，誰來還我們公道？'],
  ['victim_playing', 'We are being punished for a mistake that was not even ours.'],
  ['victim_playing', '这几天公司上下都被骂到抬不起头，我们也很无辜。'],
  ['victim_playing', '有人刻意帶風向，讓我們百口莫辯。'],
  ['defamation', '那個投訴的客人就是想要免費拿東西。'],
  ['defamation', 'The so-called whistleblower is a disgruntled ex-employee with an agenda.'],
  ['defamation', '她的貼文完全是編出來的，目的就是勒索。'],
  ['defamation', 'These accusations come from a known troll account.'],
  ['legal_threat', '我們會對每一個留言的人採取法律行動。'],
  ['legal_threat', 'Further posts like this will be met with a lawsuit.'],
  ['legal_threat', '转发者将承担相应法律后果。'],
  ['legal_threat', '所有惡意評論都已截圖，律師正在處理。'],
  ['no_comment', '本公司對此不做任何回應。'],
  ['no_comment', 'We have nothing to add at this time.'],
  ['no_comment', '关于赔偿问题，请向我司法务部咨询。'],
  ['no_comment', '此事已交由律師處理，公司不會再發表意見。'],
  ['absolute_promise', '我們的系統從今天起百分之百不會再被駭。'],
  ['absolute_promise', 'We guarantee that no customer will ever be overcharged again.'],
  ['absolute_promise', '所有受影響的顧客一定會在三天內全部拿到退款，絕無例外。'],
  ['absolute_promise', 'We can assure everyone that this product is perfectly safe.'],
  ['liability_admission', '我們承認，是本店疏於管理才讓過期食材流入餐點。'],
  ['liability_admission', 'This happened because we cut corners on safety checks.'],
  ['liability_admission', '公司对此次事故负有不可推卸的责任。'],
  ['liability_admission', 'The hospital acknowledges that its staff administered the wrong drug.'],
  ['personal_data', '該名乘客陳大文（護照號碼 K12345678）已被禁止登機。'],
  ['personal_data', 'We spoke with the complainant, Ms. Rosa Tang, at her home on 12 Beach Road.'],
  ['personal_data', '學員家長吳太太的 LINE ID 是 wu0522。'],
  ['personal_data', '会员王某的收货地址为上海市浦东新区世纪大道 100 号。'],
];
const probeClean = [
  '冷氣故障讓各位在高溫中用餐，我們非常抱歉，今日所有餐點五折。',
  'We cannot go into individual cases for privacy reasons, but every affected customer has been contacted.',
  '我们已暂停与该快递公司的合作，所有错发包裹由我们重新寄送并承担运费。',
  '如有疑问，请拨打客服热线 400-820-1234。',
  'We do not yet know what caused the leak; our next update is at 5 p.m.',
  '我们不会对网友提起诉讼，恳请大家理性讨论。',
  '今後每班車發車前，我們都會增加一次煞車檢查，並每月公布結果。',
  '我們不會說這是個案，其他門市也會一併檢查。',
  'This review was written by a real customer, and we have contacted her to apologise.',
  '如需協助，請洽客服中心，我們將於 24 小時內回覆。',
  'We have preserved the false posts and referred them to counsel.',
  '我們委託的貨運業者搬運時造成毀損，這是我們選擇的合作夥伴，責任由我們承擔。',
  '供應商的檢驗報告已上傳官網，我們也另行送驗，結果一致。',
  "The ticketing agency's system was slow, and we have extended the sale by two days for everyone.",
  'Our courier partner will deliver replacement parcels tomorrow at no cost.',
  '外包廚房人員已全數完成食安訓練，並由本店主廚每日稽核。',
  'The council has closed the road; please use the detour on Minsheng Road.',
  '我們對這次停電造成的不便深感抱歉，受影響的 1,200 戶將獲得電費減免。',
  '本次召回由我們主動發起，供應商也全力配合。',
  '颱風造成 23 班航班取消，本公司將協助旅客改搭或全額退費。',
  '請有不適症狀的顧客立即就醫，醫療費用由本公司先行支付。',
  '我們已委託第三方檢驗機構檢測，結果將於 12 月 5 日公布。',
  '外送平台的配送由平台負責，若餐點延誤，本店仍會全額退款。',
  'The delay was caused by a signal failure on the national rail network; we have refunded every ticket and apologise.',
  'Our supplier informed us of the problem on Tuesday, and we stopped sales the same day.',
  'We have asked our outsourced cleaning company to retrain its staff, and our own managers now inspect every shift.',
  'The ride was closed because a sensor detected a fault, exactly as it is designed to.',
  'Customers who bought the cream between 1 and 10 May can return it to any store for a full refund.',
  'We are sorry. We got this wrong, and we will publish what we changed by Friday.',
  'Please do not share the video; the family has asked for privacy.',
  '本公司不會臆測原因，待消防局鑑定結果出爐後立即說明。',
  '網路上流傳的截圖並非本公司公告，正確資訊請以官網為準。',
  '這則傳言不是事實：門市 10 月的營業紀錄可供媒體查閱。',
  '我們承諾於 11 月 30 日前完成全部 48 間門市的設備檢查，並每週公布進度。',
  '本次事件影響約 3 萬名會員，我們已逐一寄送通知信。',
  '發言人張佳琪將於下午 2 時在總公司召開記者會。',
  '本公司董事長已親自到醫院探視受傷的員工與家屬。',
  'The crane was operated by our own crew, and the investigation into why the cable failed is under way.',
  'We cannot guarantee that every parcel will arrive before the holiday, but we will tell each customer the new date.',
  'Refunds are processed by our payment partner and usually arrive within five working days.',
  '我們理解大家的憤怒，這些批評都是應該的。',
  '由於系統升級，本週六凌晨 2 時至 5 時暫停服務。',
  '本店使用的食材均由合格供應商提供，並附有檢驗報告，報告已公開於官網。',
  'The landlord owns the building, but the fire doors are our responsibility, and two of them were locked.',
  '公司已向保險公司申請理賠，顧客的損失由我們先行賠付，不需等待理賠結果。',
  "The airport's baggage system failed at 6 a.m.; our staff sorted bags by hand and we apologise for the delays.",
  '我們的員工在處理上有疏失，已暫停其職務並全面檢討訓練流程。',
  'The outage affected 4,100 customers for three hours; bills will be credited automatically.',
  '受影響的顧客可攜帶發票至任一門市退費，我們也將主動聯繫。',
  "The brand owner's recall notice is attached; we are contacting every buyer ourselves.",
  '我們不會推卸責任，無論原因為何，都會負責到底。',
  'If you have questions, our spokesperson Karen Lin can be reached at press@firebreak.tw.',
  '我們已向受影響的 86 位旅客致歉，並提供免費改票。',
  'If you bought a kettle with lot number 2411, please return it for a full refund.',
  '本公司不會對網友提告，只希望大家等待調查結果。',
  '廠商名稱目前不便公布，待檢驗結果出爐後會一併說明。',
  'The airline cannot confirm the cause yet; an update will follow at 6 p.m.',
  '我們檢討後發現，提醒標示確實不夠清楚，已全面更新。',
  'The contractor we hired is working with us, and we remain responsible for the repairs.',
  '這次停機影響 3,200 位用戶，我們深感抱歉，並將補償一個月月費。',
  '請勿相信冒充本公司員工的來電，本公司不會要求您提供密碼。',
  '本店營業時間調整為上午 10 時至晚上 9 時。',
  'Customers can reach our service desk at 0800-555-123 from 9 a.m. to 9 p.m.',
  'The system was restored at 11:40, and all orders placed during the outage have been processed.',
  '我們對受影響的 320 位旅客深感抱歉，已安排全額退費。',
  '調查仍在進行中，我們將於週五下午 3 點公布結果。',
  'We are sorry for the disruption and will update customers every two hours.',
  '本公司已主動召回 2,400 台除濕機，並免費更換。',
  '如有疑問請撥打客服專線 0800-123-456。',
  'Our chief executive, Daniel Wu, will meet the families tomorrow.',
  '我們不會臆測原因，一切以檢驗報告為準。',
  'The supplier is cooperating with the investigation; we remain responsible to our customers.',
  '我们不会对转发的网友提告。',
  'All 48 affected members have been refunded in full.',
  '颱風導致 12 班渡輪停駛，已購票旅客可全額退費。',
  '我們已聯繫每一位受影響的顧客，並提供全額退款。',
  '本次停電原因仍在調查，我們會在今晚 8 點更新。',
  'The power cut began at a substation; our generators failed too, and that is on us to fix.',
  '我們選擇的供應商出了問題，責任仍在我們。',
  'All flights from Taipei were delayed by the typhoon; passengers can rebook for free.',
  '如果您在 5 月 3 日至 5 月 5 日購買了這批產品，請停止食用並至門市退費。',
  '由承包商施工的部分，我們也會一併檢查並負責修復。',
  'The samples were analysed by an accredited laboratory; full results are on our website.',
  '本公司發言人陳志明將於今日下午召開記者會。',
  'We will not sue anyone who shared the video.',
  '部分門市今日提早打烊，造成不便敬請見諒，明日正常營業。',
  '客服人員由外包公司派駐，我們已要求加強訓練，並對顧客負責。',
  '這筆款項由基金會全數撥付，收據已公開於官網。',
];

describe('probe after the tune-4 round', () => {
  for (const [category, text] of probe)
    test(`${category}: ${text}`, () => {
      const got = checkStatement(text).findings.map((f) => f.category);
      assert.ok(got.includes(category), `expected ${category}, got [${got.join(', ')}]`);
    });
  for (const text of probeClean)
    test(`clean: ${text}`, () => {
      assert.deepEqual(
        checkStatement(text).findings.map((f) => `${f.category} ${f.rule} ${f.excerpt}`),
        [],
      );
    });
});
