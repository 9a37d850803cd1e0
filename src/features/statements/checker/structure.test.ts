// The structural rules of rules-structure.ts and the third round of facts (facts-3.ts) and personal data: several
// wordings per shape in zh-TW, zh-CN and English, written for these tests (none from the bench's sets), with hard
// negatives next to them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Family, testFamilies } from './family-cases.ts';
import { checkStatement, type FactsInput } from './index.ts';

const families: Family[] = [
  {
    name: 'a cause put on someone else, then the organisation’s disclaimer',
    category: 'blame_shifting',
    flagged: [
      '這次斷網是因為隔壁工地挖斷了光纖，電信公司對此實在無可奈何。',
      '根據調查，過敏個案均為未先做局部測試的使用者，產品配方本身並無問題。',
      '快递破损发生在物流运输途中，商家方面已经尽到包装义务。',
      '经初步核查，涉事员工系劳务派遣的临时工，与我司无直接劳动关系。',
      '顾客食用后出现不适，与其自身体质有关，并非产品质量问题。',
      '经核查，面包发霉系顾客购买后存放不当所致，我司产品出厂时均符合国家标准。',
      '這部分要請您直接找原廠，我們只是代理商。',
      '停電是台電線路問題，本站只是受害者。',
      '這是物業管理公司的責任，建設公司已依約交屋。',
    ],
    clean: [
      '光纖被隔壁工地挖斷，導致 3,200 戶斷網 9 小時；不論原因為何，我們都會補償每一戶一個月月租。',
      '代工廠由我們挑選、由我們驗收，印錯字的責任在我們身上。',
      '颱風來襲，本公司依規定停駛 12 班渡輪，已購票旅客可全額退費。',
      '這只是一部分檢驗結果，其餘產品的報告都沒有問題，也已公布。',
      '停電原因目前仍在與台電共同釐清，查明後會立即公布。',
      '我們不會把責任推給合作商家，每一位顧客的退款由我們處理。',
    ],
  },
  {
    name: 'another party named as the cause, by structure',
    category: 'blame_shifting',
    flagged: [
      '事故原因系合作商家违规操作，平台已下架该商家。',
      '捐款流向不明，是前任會計個人所為，基金會毫不知情。',
      '真的不是我們的問題啦，是物流那邊弄丟的。',
      '小編也很無奈，系統是廠商在管的。',
      'The outage began at our data-centre landlord, and there was nothing our engineers could have done.',
      'Responsibility for the mislabelled jars rests with the co-packer that filled them.',
      'The overbooking was caused by our reservations vendor’s software, not by anyone at the airline.',
      'The mould was introduced during transport by a third-party haulier.',
      'The charity was let down by a former treasurer acting alone.',
      'Honestly, it wasn’t us - the delivery guys dropped the ball.',
      'These delays are down to the catering contractor.',
      'Had the passenger declared the battery, the fire would not have started.',
    ],
    clean: [
      'We chose the co-packer, so the mislabelled jars are our responsibility to put right.',
      'The ride stopped because a sensor detected a fault, exactly as designed; all 24 riders were helped off safely.',
      'Customers who were charged twice are not responsible for any bank fees; we will cover them.',
      'The supplier is cooperating fully, and we remain responsible to every customer who bought the product.',
      'Our investigation found no evidence that the leak was caused by a third party.',
      'Flights were delayed by the typhoon; we are sorry and every fare will be refunded.',
      'The power cut began at the grid operator’s substation; our backup generators failed too, and that is ours to fix.',
    ],
  },
  {
    name: 'the fault named as the organisation’s, whatever it calls itself',
    category: 'liability_admission',
    flagged: [
      '補習班未善盡保管學生資料的責任，造成個資外洩，我們責任重大。',
      '飯店沒有依規定設置逃生指示，這一點我們有錯在先。',
      '公司確實未依法定期檢查電梯。',
      '本次事故系我公司安全管理缺位造成，公司负主要责任。',
      '经查，涉事门店确有使用过期原料的违法行为。',
      '這次真的是我們搞砸了，對不起大家。',
      'The hospital accepts that it breached its duty of care to the patient.',
      'The bakery failed to meet food-safety law, and we accept the legal consequences.',
      'The mistake was entirely ours.',
      'We admit that our pharmacy mislabelled the bottles.',
      '本公司對於本次事件負有管理責任。',
      "The gym's staff did not act on repeated warnings, and that failure is the company's.",
    ],
    clean: [
      '這不是本院的疏失，而是設備原廠的瑕疵。',
      '我們不承認有任何違法行為，並將配合調查。',
      '麵包雖由合作工廠烘焙，但把關是我們的責任，已全面下架。',
      '我們承認這次回應太慢，讓大家等待，對不起。',
      '受影響長者的醫療與看護費用，將先由本中心全額支付。',
      'We take responsibility for fixing this and will publish what we find.',
      'We are responsible to every family affected, and we are paying all medical costs now.',
      'We made a mistake in our first statement: 214 customers were affected, not 50. We are sorry.',
    ],
  },
  {
    name: 'a refusal to speak, whatever its verb',
    category: 'no_comment',
    flagged: [
      '關於媒體的詢問，本公司一概不予回應。',
      '對此，公司不願多談。',
      '此事已交由律师处理，公司不再作任何表态。',
      '对于媒体的采访请求，我们一律婉拒。',
      '老闆說這件事沒什麼好回應的。',
      'We have no statement to make.',
      'All media questions should be directed to our outside counsel.',
      'It would be premature for us to comment.',
      '這部分公司規定我們不能回答，請見諒。',
      '關於賠償，請您直接跟我們的律師聯絡。',
    ],
    clean: [
      '媒體詢問請轉公關室，由發言人每天下午 3 點統一說明。',
      '家屬希望保有隱私，因此我們不會公開傷者的姓名。',
      'We cannot yet confirm the cause, but we will give a full update at 5 p.m.',
      '目前無法說明確切人數，統計完成後會在明天公布。',
      '這部分我們還在確認，明天中午前會回覆您。',
    ],
  },
  {
    name: 'a guess framed as what is understood',
    category: 'speculation',
    flagged: ['據了解，應為員工誤觸開關。', 'Our understanding is that the driver fell asleep.'],
    clean: ['更正：受影響人數應為 214 人。', '初步調查仍在進行，待消防局鑑定報告出爐後，我們會完整說明。'],
  },
  {
    name: 'unnamed people smearing the brand (victim playing, not defamation)',
    category: 'victim_playing',
    flagged: ['部分人士藉機炒作，惡意中傷本公司。', '這幾天被罵到快撐不下去，員工每天都在哭。'],
    clean: ['網路上的疑問我們都看到了，以下逐一說明。', '第一線同仁這週身心俱疲，公司已安排輪休與心理諮商。'],
  },
  {
    name: 'shrinking the event',
    category: 'minimizing',
    flagged: [
      '只是一次短暫的連線異常，請大家不用太擔心。',
      '很遺憾造成大家的困擾。',
      'What we saw was a brief blip on one server.',
      'Any inconvenience caused is regretted.',
      'Some checks were not carried out as carefully as they might have been.',
      "We may have fallen short of customers' expectations in some respects.",
    ],
    clean: [
      '很遺憾這次讓大家失望，我們向每一位受影響的會員道歉，並全額退費。',
      'This was not a minor glitch: 9,000 customers lost access for a day.',
    ],
  },
  {
    name: 'the organisation as the one hurt most',
    category: 'victim_playing',
    flagged: [
      'We must stress that our staff are the real victims of this incident.',
      '這段時間，全體員工才是最委屈的一群。',
      'Nobody has suffered more from this than our own staff.',
      'Our family has been put through hell by strangers online.',
    ],
    clean: ['我們的員工這幾天很辛苦，但最需要被照顧的是受影響的家庭。'],
  },
  {
    name: 'threats in other registers',
    category: 'legal_threat',
    flagged: [
      '对于恶意造谣者，我司将坚决依法维权，绝不手软。',
      '散布不实信息的网民，我们会一一追责。',
      '拜託大家不要再轉了，再轉我們只好提告。',
      'Those spreading this rumour will be taken to court.',
      'Anyone repeating these claims can expect a letter from our solicitors.',
      'We have passed the details of every account involved to our lawyers.',
      'Those who continue to share it do so at their own legal risk.',
      '我们保留追究相关人员法律责任的权利。',
      '對於惡意散布不實言論者，本公司將依法追訴。',
    ],
    clean: [
      '對涉事員工，我們會一一追責並公布處分結果。',
      'Specific false claims have been preserved and referred to counsel.',
      'We will not take anyone to court over their reviews.',
      '本公司放棄追究網友法律責任的權利。',
    ],
  },
  {
    name: 'nothing left behind, nothing that can fail',
    category: 'absolute_promise',
    flagged: [
      '所有退款，本公司一筆不漏全數處理。',
      '本品牌醬油百分之百無添加。',
      'Every donor will get every cent back.',
      'Our new lock is completely foolproof.',
    ],
    clean: ['退款申請已 100% 處理完畢。', 'We cannot promise every order will arrive on time this week.'],
  },
  {
    name: 'a critic called a habitual offender or a bot',
    category: 'defamation',
    flagged: [
      '發文的人是詐騙慣犯，大家不要上當。',
      '这位主播为了流量不惜编造剧情。',
      '那位網紅根本沒來過我們店，卻一直帶風向。',
      'That reviewer is clearly a bot account.',
      'The video was filmed by a former employee who was dismissed for theft.',
    ],
    clean: ['這則貼文的照片並非本店，門市裝潢照可以對照。'],
  },
  {
    name: 'rooms, mainland IDs, messaging IDs and names with their role',
    category: 'personal_data',
    flagged: [
      'The guest, Mrs. Tsai from room 1208, was moved to another hotel.',
      '该乘客王先生，身份证 320102198805061234，已被带离。',
      '该用户微信号 zhang_8899 多次恶意差评。',
      '涉事主播的真实姓名为刘建国。',
      'We spoke with Jessica Wang, the mother of the injured child.',
      'Her booking reference is QX7H2P.',
    ],
    clean: [
      'The press briefing will be held in room 301 at 3 p.m.',
      'Our chief executive, Grace Lin, met the families.',
      'We spoke with Helen Kuo, our spokesperson.',
      'The order number is pending until payment clears.',
    ],
  },
];

testFamilies('rule structures, third round', families);

const conflicts = (text: string, facts: FactsInput) =>
  checkStatement(text, { facts })
    .findings.filter((f) => f.category === 'inconsistent_fact')
    .map((f) => f.excerpt);
const sheet = (facts: string[], statements: string[] = []): FactsInput => ({ facts: facts.map((text) => ({ text })), statements });

describe('inconsistent_fact, third round', () => {
  test('counts in self-naming units are compared even without tags, and agree when rounded', () => {
    const f = sheet(['回收面膜 2 款，共 8,400 盒']);
    assert.deepEqual(conflicts('本次共回收 4 款面膜，請消費者停止使用。', f), ['4 款']);
    assert.deepEqual(conflicts('本次共回收 2 款面膜，共約八千四百盒。', f), []);
    assert.deepEqual(conflicts('目前受影響用戶約 2,100 戶。', sheet(['受影響用戶 21,000 戶'])), ['2,100 戶']);
  });

  test('a deadline is not a duration; how long something lasted is', () => {
    const f = sheet(['The outage lasted 9 hours']);
    assert.deepEqual(conflicts('We will reply to every customer within 48 hours.', f), []);
    assert.deepEqual(conflicts('The outage lasted about 90 minutes.', f), ['90 minutes']);
    assert.deepEqual(conflicts('The outage lasted around nine hours.', f), []);
  });

  test('English counts in words, and a count whose noun the fact sheet left out', () => {
    const f = sheet(['Heatstroke at the race: 14 runners treated, 2 admitted to hospital']);
    assert.deepEqual(conflicts('Four runners were admitted to hospital.', f), ['Four runners']);
    assert.deepEqual(conflicts('Two runners were admitted to hospital.', f), []);
  });

  test('money and months', () => {
    assert.deepEqual(conflicts('Compensation of NT$2,000 per household will be paid.', sheet(['Compensation: NT$5,000 per household'])), [
      'NT$2,000',
    ]);
    const m = sheet(['銷售期間為 2026 年 6 月至 11 月']);
    assert.deepEqual(conflicts('銷售期間為 2026 年 9 月至 11 月。', m), ['2026 年 9 月']);
    assert.deepEqual(conflicts('銷售期間為 2026 年 6 月至 11 月。', m), []);
  });

  test('a denied cause that the fact sheet names, and an exposure the fact sheet rules out', () => {
    assert.deepEqual(conflicts('火災與電動機車充電無關。', sheet(['起火原因為地下室電動機車充電區電線走火'])), ['與電動機車充電無關']);
    assert.deepEqual(conflicts('火災與廚房無關。', sheet(['起火原因為地下室電動機車充電區電線走火'])), []);
    const leak = sheet(['Names and e-mail addresses were exposed; payment card data was not accessed']);
    assert.deepEqual(conflicts('Names and payment card details were exposed in the breach.', leak), ['card details']);
    assert.deepEqual(conflicts('Names and e-mail addresses were exposed; card data was not accessed.', leak), []);
  });

  test('a correction giving the new value is not a conflict with the statement it corrects', () => {
    const f = sheet(['Flights cancelled on 4 December: 27'], ['We cancelled 24 flights on 4 December.']);
    assert.deepEqual(conflicts('Correction: 27 flights, not 24 as we said earlier, were cancelled on 4 December.', f), []);
    const zh = sheet([], ['本館說明：事故發生時救生員 1 名在場。']);
    assert.deepEqual(conflicts('更正：事故發生時在場救生員應為 2 名。', zh), []);
    // A correction that names no new value still has its date compared.
    const date = sheet([], ['本報於 11 月 27 日誤植照片。']);
    assert.deepEqual(conflicts('本報 11 月 28 日所刊照片與報導無關，特此更正。', date), ['11 月 28 日']);
  });

  test('times of day, floors, labelled percentages and labelled counts', () => {
    const fire = sheet(['起火時間：12 月 2 日晚間 9 時 40 分', 'Fire started on the third floor of the warehouse']);
    assert.deepEqual(conflicts('火警發生於晚間 7 時許。', fire), ['晚間 7 時許']);
    assert.deepEqual(conflicts('火警發生於 2 日晚間 9 點多。', fire), []);
    assert.deepEqual(conflicts('We will hold a briefing at 3 p.m. tomorrow.', fire), []);
    assert.deepEqual(conflicts('The fire started on the fifth floor.', fire), ['fifth floor']);
    assert.deepEqual(conflicts('About 35% of orders were affected.', sheet(['Share of orders affected: 53%'])), ['35% of orders']);
    assert.deepEqual(conflicts('The leak affected 1,200 customers.', sheet(['Customers affected: 12,480'])), ['1,200 customers']);
    assert.deepEqual(conflicts('本次共有 126 名旅客受影響。', sheet(['受影響旅客：1,260 人'])), ['126 名']);
    assert.deepEqual(conflicts('Two of our five stores in Tainan were closed.', sheet(['Stores closed: 2 in Tainan'])), []);
  });

  test('people sent home are not people in hospital; no one affected against a count of the harmed', () => {
    const f = sheet(['共 87 名學生出現腸胃不適，其中 5 人住院']);
    assert.deepEqual(conflicts('5 位住院同學中已有 3 位出院。', f), []);
    assert.deepEqual(conflicts('周邊學生均未受影響。', sheet(['共 41 名學生就醫'])), ['學生均未受影響']);
  });
});

// Fourth round: the general kinds behind the retired first holdout's misses and false positives, in wordings written
// here (none from the sets), each with hard negatives of the same shape.
const families4: Family[] = [
  {
    name: 'the organisation names its own misconduct as the cause',
    category: 'liability_admission',
    flagged: [
      '查核結果顯示，是本校午餐承辦時擅自更換食材供應來源。',
      '外洩原因已確認，係我司客服人員未經授權下載客戶名單。',
      '经查，是本店员工私自篡改了保质期标签。',
      '我們承擔因此衍生的全部賠償責任。',
      '本院愿意承担由此造成的一切法律责任。',
      'Keeping the fire exit locked was unlawful on our part.',
      'The fault for the double charges lies squarely with us.',
    ],
    clean: [
      '經查，事故係施工單位違規作業引發，本公司已終止合約。',
      '網傳本公司偷工減料一事並非事實，檢驗報告已公布。',
      '對方要求本公司承擔全部法律責任，我們將依法院判決處理。',
      'There was no negligence on our part, and the inspector agreed.',
      'The responsibility to put this right rests with us, and we will.',
    ],
  },
  {
    name: 'a critic’s motive impugned',
    category: 'defamation',
    flagged: [
      '發文的部落客跟我們老闆有過節，說的話當然不可信。',
      '那位實況主本來就是靠擺拍騙點閱的人。',
      '这位博主收了钱，内容自然不可能客观。',
      'The columnist has an axe to grind against our founder.',
      'This influencer makes a living from faking outrage.',
    ],
    clean: [
      '我們不認為發文的部落客跟我們有過節，也感謝他的提醒。',
      '記者的提問都很合理，我們會逐一回覆。',
      'We do not believe the reviewer has any grudge against us.',
    ],
  },
  {
    name: 'a lawsuit as the consequence of posting',
    category: 'legal_threat',
    flagged: ['在網路上亂傳未經證實的消息，恐怕會惹上誹謗官司。', '再有人散布不實訊息，難免會面臨刑事告訴。'],
    clean: ['我們不會對留言的網友提告，也歡迎大家繼續監督。', '本公司不會因為批評而讓任何人面臨官司。'],
  },
  {
    name: 'a hedged all-clear about what was not tested',
    category: 'speculation',
    flagged: [
      '我們認為只有這一批有問題，其餘口味應該也沒問題。',
      '其他分店的冷藏設備想必不會有事。',
      'The remaining lots should all be fine.',
    ],
    clean: ['其他批次已送檢，檢驗結果顯示均無問題。', '其餘口味是否受影響，檢驗結果出爐後會立即公布。'],
  },
  {
    name: 'an assurance of never again, an absolute adjective, no exceptions',
    category: 'absolute_promise',
    flagged: [
      'You have my personal guarantee that this will never happen again.',
      'We assure our customers that the app will not crash again.',
      'Our new vault is totally impenetrable.',
      'Every registered runner is guaranteed a medal, no exceptions.',
    ],
    clean: [
      'No system is unbreakable, so we added a second layer of checks.',
      'We cannot promise it will never happen again, but we have changed how we test.',
      'We will refund every affected customer this week.',
    ],
  },
  {
    name: 'only a passing, small problem',
    category: 'minimizing',
    flagged: ['這僅屬一時的網路卡頓，請大家放心。', '本次不过是小小的配送延误。', '此事純屬偶發的系統異常。'],
    clean: ['這不是小小的延誤，我們向每一位旅客道歉。', '受影響的僅為 3 個批次，已全部下架。'],
  },
  {
    name: 'a refusal to say too much',
    category: 'no_comment',
    flagged: [
      '案子還在走，我們現在不好講太多。',
      '这件事公司不便多谈。',
      'All enquiries about the former manager’s dismissal should be directed to our solicitors.',
    ],
    clean: ['為保護當事人隱私，我們不便透露細節。', '調查結果將於週五說明，屆時會公布更多細節。'],
  },
  {
    name: 'a cause put on the customer or elsewhere, then “not our fault”',
    category: 'blame_shifting',
    flagged: [
      '旅客自行攜帶的行動電源過熱，責任不在本航空公司。',
      '車主自己沒有依照保養手冊更換機油，引擎損壞本廠無需負責。',
      'The data was taken through a partner’s login, so the bank itself was not at fault.',
    ],
    clean: [
      '不管問題出在哪一個環節，對顧客負責的都是我們。',
      '無論原因是廠商還是物流，責任都在我們，退款由我們處理。',
      'No matter whether the courier or our warehouse dropped the parcel, it is our responsibility.',
    ],
  },
  {
    name: 'no one hurt more than us',
    category: 'victim_playing',
    flagged: ['Nobody has suffered from this recall more than our own staff.', 'No one was hit harder by the shutdown than the owners.'],
    clean: ['Nobody has suffered more than the families, and we are sorry.'],
  },
  {
    name: 'a name next to other personal data; a press office’s number',
    category: 'personal_data',
    flagged: [
      '得獎名單：林宛真（手機 0933-111-222）。',
      '首位申請退款的會員周書豪，電子信箱已登記。',
      'The booking, placed by Mr. Daniel Ho, was cancelled.',
    ],
    clean: ['Press enquiries: +886 2 2345 6789 (press office, 9 am to 6 pm).', '門市電話與營業時間請見官網。'],
  },
  {
    name: 'a refusal to guess, a negated letter, a screenshot that was checked',
    category: 'speculation',
    flagged: ['我們猜想是冷氣管線老化造成的。'],
    clean: ['鑑定結果出爐前，本公司不對起火原因做任何猜想。'],
  },
  {
    name: 'a negated letter and a screenshot checked, not collected',
    category: 'legal_threat',
    flagged: ['再不刪文，就等著收律師函。'],
    clean: ['我們不會寄律師函給任何留言的消費者。', '網傳截圖我們已經比對過，截圖中的訂單不是本店的。'],
  },
];

families4.push(
  {
    name: 'the organisation’s act confirmed, or set against the law it broke',
    category: 'liability_admission',
    flagged: [
      '本公司倉管人員的確曾把逾期的罐頭重新貼標出貨。',
      '我司物流同事确实未告知顾客包裹已经损坏。',
      'Our crew left the gate unlocked, contrary to the park’s operating licence.',
      'We never filed the safety reports the regulations require.',
    ],
    clean: [
      '網傳本公司確實重新貼標一事並非事實。',
      'Customers who park in the fire lane are in breach of the rules and may be towed.',
      'We are investigating whether any rule was broken.',
    ],
  },
  {
    name: 'absolutes: the last one ever, not a single one',
    category: 'absolute_promise',
    flagged: ['This is the last price rise our members will ever face.', 'Not a single flight will be cancelled this winter.'],
    clean: ['This is the last update for today; the next will follow at 9 am.'],
  },
  {
    name: 'the risk put on the customer; a partner that acted on its own; nothing the organisation could check',
    category: 'blame_shifting',
    flagged: [
      'Riders who skipped the safety video accepted that risk.',
      'The franchise owner made that decision on their own.',
      '貨品是物流公司負責保管的，我們店家實在無從查核。',
    ],
    clean: ['就算是代工廠出錯，我們也會先行全額退款。', 'We explain the risks to every rider before the ride starts.'],
  },
);

families4.push(
  {
    name: 'the organisation’s own people skipping a duty, its own controls failing',
    category: 'liability_admission',
    flagged: [
      '本店廚房人員當天未依規定消毒砧板。',
      '本行理专未告知客户该产品的风险等级。',
      '說到底，是本公司的出貨檢查機制形同虛設。',
      '本公司外送部門違反作業流程，讓餐點在車上放了三小時。',
      'It was one of our pharmacists who overlooked the allergy warning.',
    ],
    clean: [
      '本公司目前尚未確認起火原因，調查中。',
      '我們檢查了全部冷藏櫃，沒有檢查到任何異常。',
      '網傳本院未通報疫情一事並非事實。',
      'It was one of our nurses who noticed the fault and raised the alarm.',
    ],
  },
  {
    name: 'claims sent on to another party',
    category: 'blame_shifting',
    flagged: ['The cancellation was the tour operator’s decision, and refund requests must be sent to the operator.'],
    clean: ['Refund requests should be sent to our customer-care team, and we will handle every one.'],
  },
);

families4.push(
  {
    name: 'the person at fault belongs to someone else; a cause the organisation has no say over',
    category: 'blame_shifting',
    flagged: [
      '肇事司機是物流公司僱用的，並非本公司正職員工。',
      '涉事保安系外包公司派来的人员。',
      'The leak started in the landlord’s pipes, over which we have no control.',
    ],
    clean: [
      '肇事司機雖是外包公司派來的，本公司仍會負責賠償。',
      'We have no control over the weather, so we have added covered queues and we will refund anyone who left.',
    ],
  },
  {
    name: 'no more to say; below the legal standard; a record of making things up',
    category: 'no_comment',
    flagged: ['案件交由法院處理，本會不再對外回應。'],
    clean: ['我們不會再說謊，也不會再隱瞞任何事。'],
  },
  {
    name: 'below the standard the law sets',
    category: 'liability_admission',
    flagged: ['Our fire doors fell short of the standard the building code requires.'],
    clean: ['Our fire doors met every standard the building code requires, and the inspector confirmed it.'],
  },
  {
    name: 'a record of making things up',
    category: 'defamation',
    flagged: ['The complainant has a pattern of inventing injuries to claim compensation.'],
    clean: ['The complainant raised a fair point, and we have changed our process.'],
  },
);

families4.push(
  {
    name: 'the event called trivial, the reaction excessive',
    category: 'minimizing',
    flagged: ['不過是一些零錢的問題，何必吵得這麼兇。', '這件事沒必要鬧得那麼大。'],
    clean: ['這不是幾塊錢的問題，是信任的問題，我們會全額退款。', '退款就是幾天前的事，已全部完成。'],
  },
  {
    name: 'nothing to add',
    category: 'no_comment',
    flagged: ['關於前店長的行為，公司沒有什麼可以說明的。'],
    clean: ['如果還有我們沒有說明的地方，歡迎來信詢問。'],
  },
  {
    name: 'posts said to be on file',
    category: 'legal_threat',
    flagged: ['對於惡意抹黑的留言，本公司均已截圖存證。'],
    clean: ['顧客的留言我們都有看到，也會一一回覆。'],
  },
  {
    name: 'the customers’ own omission as the cause; “wrong of us”',
    category: 'blame_shifting',
    flagged: ['The burns occurred because guests ignored the warning signs by the pool.'],
    clean: ['We put up larger signs after guests told us they could not read the old ones.'],
  },
  {
    name: 'wrong of us',
    category: 'liability_admission',
    flagged: ['Cancelling the bookings without notice was wrong of us.'],
    clean: ['It would be wrong of us to guess before the investigators report.'],
  },
);

testFamilies('rule structures, fourth round', families4);

describe('inconsistent_fact, fourth round', () => {
  test('branch names (分校, 院區, 分行) compare like store names', () => {
    const f = sheet(['涉事院區：台中市北屯院區']);
    assert.ok(conflicts('事發地點為本院南屯院區。', f).some((x) => x.includes('南屯院區')));
    assert.deepEqual(conflicts('事發地點為本院北屯院區。', f), []);
  });

  test('a fact-sheet line is one claim: its label tags a count its clause leaves bare', () => {
    const f = sheet(['下架商品：6 月 3 日生產之鮮乳，共計 1,200 瓶。']);
    assert.deepEqual(conflicts('本次下架約一百二十瓶鮮乳。', f), ['一百二十瓶']);
    assert.deepEqual(conflicts('本次下架約一千二百瓶鮮乳。', f), []);
    // Classifiers such as 袋 and 桶 count items too.
    assert.deepEqual(conflicts('召回的飼料共 300 袋。', sheet(['召回飼料：共計 3,000 袋'])), ['300 袋']);
  });

  test('the wrong value a correction withdraws is not claimed', () => {
    const f = sheet(['停電戶數：共 1,530 戶']);
    assert.deepEqual(conflicts('更正：前次公告誤植為 1,350 戶，正確應為 1,530 戶。', f), []);
    assert.deepEqual(
      conflicts(
        'Correction: the figure was wrongly given as 140 households; the correct figure is 410.',
        sheet(['Households without water: 410']),
      ),
      [],
    );
    assert.deepEqual(conflicts('停電戶數為 1,350 戶。', f), ['1,350 戶']);
  });

  test('“all recovered” against someone still in intensive care or dead, not against people treated and sent home', () => {
    assert.deepEqual(conflicts('受傷的 3 名員工均已康復返家。', sheet(['3 名員工受傷，其中 1 人仍在加護病房'])), ['均已康復返家']);
    assert.deepEqual(conflicts('All of the injured passengers have now gone home.', sheet(['One passenger remains in intensive care'])), [
      'All of the injured passengers have now gone home',
    ]);
    assert.deepEqual(conflicts('受傷的 3 名員工均已康復返家。', sheet(['3 名員工受傷送醫，均已出院'])), []);
    assert.deepEqual(conflicts('All of the sickened diners have recovered.', sheet(['Two diners remain in hospital'])), [
      'All of the sickened diners have recovered',
    ]);
  });

  test('“everyone has been dealt with” against a fact of some still waiting', () => {
    assert.deepEqual(conflicts('所有滯留旅客均已安置完畢。', sheet(['截至晚間仍有 58 名旅客在機場過夜'])), ['所有滯留旅客均已安置']);
    assert.deepEqual(
      conflicts('Every affected customer has now been refunded.', sheet(['Refunds paid: 1,880; 112 refunds still pending'])),
      ['Every affected customer has now been refunded'],
    );
    assert.deepEqual(conflicts('Every affected customer has now been refunded.', sheet(['Refunds paid: 1,880 customers'])), []);
  });

  test('an item the draft says did not leak, which the fact sheet lists among what leaked', () => {
    assert.deepEqual(conflicts('本次外洩不涉及任何身分證字號。', sheet(['外洩欄位：姓名、身分證字號、住址'])), ['身分證字號']);
    assert.deepEqual(conflicts('本次外洩不涉及任何身分證字號。', sheet(['外洩欄位：姓名、住址；身分證字號未外洩'])), []);
    assert.deepEqual(conflicts('No card numbers were accessed.', sheet(['Accessed: names, card numbers and expiry dates'])), [
      'card numbers',
    ]);
  });
});
