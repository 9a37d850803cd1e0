// The legal-risk checker: each category in zh-TW, zh-CN and English, the hard negatives of
// STATEMENT-RISKS.md ("context matters"), offsets, language detection and a 100,000-character paste.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { categoryInfo, checkStatement, type RiskCategory, riskCategories } from './index.ts';

const categoriesOf = (text: string) => new Set(checkStatement(text).findings.map((f) => f.category));

const positives: Record<RiskCategory, string[]> = {
  liability_admission: [
    '這次中毒是本公司冷藏管理疏失所致。',
    '我们对此负全部责任。',
    'We take full responsibility for the contamination; it was our negligence.',
    '責任完全在我們，是我們把關不嚴。',
  ],
  speculation: [
    '初步研判可能是原料受潮所致。',
    '我们怀疑是第三方插件出了问题。',
    'We suspect a faulty valve started the leak.',
    'The outage was probably caused by a storm.',
  ],
  absolute_promise: [
    '我們保證類似事件絕對不會再發生。',
    '产品百分之百安全，零风险。',
    'This will never happen again.',
    'Our water is 100% safe to drink.',
  ],
  blame_shifting: [
    '是代工廠的疏失，與本公司無關。',
    '消费者没有按照说明书操作。',
    'Our supplier is to blame for the mislabelled jars.',
    'A rogue employee acted alone.',
  ],
  defamation: [
    '爆料的前員工根本是懷恨在心亂爆料。',
    '这些差评都是收了钱的水军。',
    'The whistleblower is lying.',
    'These accounts are paid trolls.',
  ],
  personal_data: [
    '該顧客（王○明，0912-345-678）多次到店。',
    '联系人手机 138-2261-4490。',
    'The complainant, Mr. John Lee, called five times.',
    '身分證字號 A123456789 的會員',
  ],
  no_comment: ['對此本公司不予置評。', '此事恕不回應，請洽本公司律師。', 'No comment.', 'Please direct all questions to our lawyers.'],
  victim_playing: [
    '我們才是這次事件最大的受害者。',
    '有心人士惡意操作，我们很无辜。',
    "We're the real victims here.",
    'This is a coordinated smear campaign.',
  ],
  minimizing: [
    '造成誤會，深感遺憾。',
    '若有人感到不舒服，我們致歉。',
    'We apologise if anyone was offended.',
    'Only a few isolated cases were reported.',
  ],
  inconsistent_fact: [],
  legal_threat: [
    '造謠網友一律提告。',
    '转发者将被追究法律责任。',
    "We'll sue everyone spreading these lies.",
    'We have screenshots of everyone who shared it.',
  ],
};

describe('checkStatement: every category, in zh-TW, zh-CN and English', () => {
  for (const [category, texts] of Object.entries(positives)) {
    for (const text of texts) {
      test(`${category}: ${text}`, () => {
        assert.ok(categoriesOf(text).has(category as RiskCategory), JSON.stringify(checkStatement(text).findings));
      });
    }
  }
});

describe('checkStatement: hard negatives do not fire', () => {
  const negatives = [
    '對於造成大家的不便與擔憂，我們深感抱歉。',
    '对于造成大家的不便与担忧，我们深感抱歉。',
    'We are sorry for what our customers went through.',
    '更正：受影響人數為1,000人。',
    '經衛生局確認，受影響的門市共 12 家。',
    '我們將於12月5日前公布檢驗報告。',
    '我們不會追究網友，也不會提告。',
    'We will not take legal action against anyone who criticised us.',
    '網傳本公司產品含塑化劑，經第三方檢驗並未檢出，報告附於下方。',
    'There is no parking at the store this week.',
    '請於三日內繳交保證金。',
    'Guaranteed delivery remains available.',
    '100% of refunds have been processed.',
    '我們不會臆測原因，一切以調查結果為準。',
    '客服專線 0800-123-456，服務時間上午 9 點至晚上 9 點。',
    'We take responsibility for making this right for every customer.',
    '無論問題出在供應鏈的哪個環節，我們都會對顧客負責。',
    '本公司發言人林經理表示，已成立專案小組。',
  ];
  for (const text of negatives) {
    test(text, () => assert.deepEqual(checkStatement(text).findings, []));
  }
});

describe('findings', () => {
  test('offsets are UTF-16 offsets into the input, after emoji and full-width text', () => {
    const text = '🔥🔥 重要公告 😢：本公司負全部責任。ＡＢＣ 顧客電話 0912345678，We guarantee this will never happen again.';
    const { findings } = checkStatement(text);
    assert.deepEqual(
      findings.map((f) => f.category),
      ['liability_admission', 'personal_data', 'absolute_promise'],
    );
    for (const f of findings) {
      assert.equal(f.excerpt, text.slice(f.start, f.end));
      assert.ok(f.message && f.suggestion);
    }
    const phone = findings.find((f) => f.category === 'personal_data');
    assert.equal(phone?.excerpt, '0912345678');
    assert.equal(phone?.start, text.indexOf('0912345678'));
  });

  test('sorted by start, then category; law where one applies; message locale follows the text or the option', () => {
    const zh = checkStatement('我們保證絕不再發生，網友亂講一律提告。');
    const starts = zh.findings.map((f) => f.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    const promise = zh.findings.find((f) => f.category === 'absolute_promise');
    assert.equal(promise?.law, categoryInfo('absolute_promise', 'zh-TW').law);
    assert.equal(zh.lang, 'zh-TW');
    const en = checkStatement('我們保證絕不再發生', { locale: 'en' });
    assert.equal(en.findings[0].suggestion, categoryInfo('absolute_promise', 'en').safer);
    assert.equal(checkStatement('This will never happen again.').findings[0].message, categoryInfo('absolute_promise', 'en').why);
  });

  test('language: auto-detected from the script, or as given', () => {
    assert.equal(checkStatement('我们对此深表歉意，这是我们的问题。').lang, 'zh-CN');
    assert.equal(checkStatement('我們對此深表歉意，這是我們的問題。').lang, 'zh-TW');
    assert.equal(checkStatement('We are sorry.').lang, 'en');
    assert.equal(checkStatement('We are sorry.', { lang: 'zh-TW' }).lang, 'zh-TW');
    assert.deepEqual(checkStatement('').findings, []);
  });

  test('Chinese rules fire inside English text and English rules inside Chinese text', () => {
    const c = categoriesOf('Statement: 我們才是受害者. Also, no comment.');
    assert.ok(c.has('victim_playing') && c.has('no_comment'));
  });

  test('categoryInfo has a label, why and safer direction for every category in both locales', () => {
    for (const c of riskCategories) {
      for (const locale of ['zh-TW', 'en'] as const) {
        const i = categoryInfo(c, locale);
        assert.ok(i.label && i.why && i.safer, `${c} ${locale}`);
      }
    }
    assert.equal(categoryInfo('no_comment', 'zh-TW').label, '無可奉告');
    assert.equal(categoryInfo('personal_data', 'zh-TW').law, '個人資料保護法 §19–20、§41');
  });

  test('a 100,000-character paste finishes', () => {
    const unit = '我們保證絕不再發生，這只是少數個案。aaaa@@@@ 0912 ';
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const { findings } = checkStatement(text);
    assert.ok(findings.length > 1000);
    const pathological = `${'a'.repeat(50_000)}${'1'.repeat(50_000)}`;
    assert.ok(Array.isArray(checkStatement(pathological).findings));
  });
});
