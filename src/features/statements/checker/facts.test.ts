// inconsistent_fact: numbers, dates and places against the fact sheet and earlier approved statements.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStatement, type FactsInput } from './index.ts';
import { parseChineseNumber } from './numbers.ts';

const conflicts = (text: string, facts: FactsInput) =>
  checkStatement(text, { facts }).findings.filter((f) => f.category === 'inconsistent_fact');
const sheet = (...facts: string[]): FactsInput => ({ facts: facts.map((text) => ({ text })), statements: [] });

describe('Chinese numbers', () => {
  test('parses numerals with units', () => {
    assert.equal(parseChineseNumber('一千'), 1000);
    assert.equal(parseChineseNumber('兩百零五'), 205);
    assert.equal(parseChineseNumber('三萬五千'), 35000);
    assert.equal(parseChineseNumber('十二'), 12);
    assert.equal(parseChineseNumber('一千兩百'), 1200);
  });
});

describe('inconsistent_fact', () => {
  test('a count that contradicts the fact sheet, with ref to the fact', () => {
    const f = conflicts('目前受影響約100人。', sheet('門市 3 家暫停營業', '受影響人數 1,000 人'));
    assert.equal(f.length, 1);
    assert.equal(f[0].excerpt, '100人');
    assert.deepEqual(f[0].ref, { text: '受影響人數 1,000 人', source: 'fact', index: 1 });
    assert.match(f[0].message, /100人.*1,000 人/);
  });

  test('agreement, honest rounding, other units and numbers the facts never mention are not conflicts', () => {
    const facts = sheet('受影響會員共 12,480 人。', '共 3 家門市暫停營業。');
    assert.deepEqual(conflicts('更正：受影響會員為 12,480 人。', facts), []);
    assert.deepEqual(conflicts('受影響會員約一萬兩千人。', facts), []);
    assert.deepEqual(conflicts('我們將在 24 小時內回覆，客服加派 50 位人力。', facts), []);
    assert.deepEqual(conflicts('受影響約100人', { facts: [], statements: [] }), []);
    assert.equal(conflicts('受影響會員約一千兩百名。', facts).length, 1);
  });

  test('English counts and Simplified Chinese with 萬', () => {
    assert.equal(conflicts('About 100 customers were affected.', sheet('1,000 customers were affected.')).length, 1);
    assert.deepEqual(conflicts('About 1,000 customers were affected.', sheet('1,020 customers were affected.')), []);
    assert.equal(conflicts('此次泄露涉及约 3,000 条手机号码。', sheet('泄露数据共涉及 3.2 万条手机号码。')).length, 1);
  });

  test('dates and places of the same event', () => {
    const facts = sheet('事件於11月28日晚間發生於信義店。');
    assert.equal(conflicts('11月27日發生的事件', facts)[0]?.excerpt, '11月27日');
    assert.deepEqual(conflicts('11/28 發生的事件', facts), []);
    assert.equal(conflicts('事件發生在大安店。', facts)[0]?.excerpt, '大安店');
    assert.deepEqual(conflicts('我們將於12月5日前公布報告。', facts), []);
  });

  test('earlier approved statements count where the fact sheet says nothing', () => {
    const facts: FactsInput = { facts: [], statements: ['本次停飛航班共 14 班，受影響旅客約 2,100 人。'] };
    const f = conflicts('昨日共取消 9 個航班。', facts);
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].ref, { text: facts.statements[0], source: 'statement', index: 0 });
  });
});
