// Unit tests of the version diff: Chinese words are the units, English words too, mixed text, emoji never split,
// identical texts, and the parts always rebuild both texts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DiffPart, diffStats, diffTexts, tokenize } from './diff.ts';

const older = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
const newer = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');
const ops = (parts: DiffPart[]) => parts.map((p) => p.op);

/** Both texts can be rebuilt and no two neighbours have the same op. */
function assertWellFormed(a: string, b: string, parts: DiffPart[]) {
  assert.equal(older(parts), a);
  assert.equal(newer(parts), b);
  for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i].op, parts[i - 1].op, 'neighbours merged');
  for (const p of parts) assert.ok(p.text.length > 0 && p.text.isWellFormed(), `part ${JSON.stringify(p.text)} is whole`);
}

test('a Chinese sentence with one word changed gives one small delete and insert', () => {
  const a = '我們會在三天內回報調查進度，並主動聯繫受影響的顧客。';
  const b = '我們會在五天內回報調查進度，並主動聯繫受影響的顧客。';
  const parts = diffTexts(a, b);
  assertWellFormed(a, b, parts);
  assert.deepEqual(ops(parts), ['equal', 'delete', 'insert', 'equal']);
  const del = parts.find((p) => p.op === 'delete');
  const ins = parts.find((p) => p.op === 'insert');
  // The changed word, not the sentence (a character diff would say 三→五; the word diff 三天→五天).
  assert.ok(del && del.text.length <= 2 && del.text.includes('三'), `deleted ${del?.text}`);
  assert.ok(ins && ins.text.length <= 2 && ins.text.includes('五'), `inserted ${ins?.text}`);
  assert.deepEqual(diffStats(parts), { inserted: ins.text.length, deleted: del.text.length });
});

test('Chinese words are units: replacing a word never leaves half of it equal', () => {
  const a = '本公司深感抱歉，將全面檢查生產線。';
  const b = '本公司深感抱歉，將立即檢查生產線。';
  const parts = diffTexts(a, b);
  assertWellFormed(a, b, parts);
  assert.equal(parts.find((p) => p.op === 'delete')?.text, '全面');
  assert.equal(parts.find((p) => p.op === 'insert')?.text, '立即');
});

test('English is compared word by word', () => {
  const a = 'We will report our progress by Friday.';
  const b = 'We will report our findings by Monday.';
  const parts = diffTexts(a, b);
  assertWellFormed(a, b, parts);
  assert.deepEqual(
    parts.filter((p) => p.op !== 'equal'),
    [
      { op: 'delete', text: 'progress' },
      { op: 'insert', text: 'findings' },
      { op: 'delete', text: 'Friday' },
      { op: 'insert', text: 'Monday' },
    ],
  );
});

test('mixed Chinese and English text, with an added sentence', () => {
  const a = '本次 App 更新造成登入失敗。';
  const b = '本次 iOS App 更新造成登入失敗。我們已於 10:30 修復。';
  const parts = diffTexts(a, b);
  assertWellFormed(a, b, parts);
  assert.ok(!parts.some((p) => p.op === 'delete'), 'nothing was removed');
  const inserted = parts.filter((p) => p.op === 'insert').map((p) => p.text);
  assert.ok(inserted.some((t) => t.includes('iOS')));
  assert.ok(inserted.some((t) => t.includes('我們已於')));
});

test('an emoji with a skin-tone modifier is never split', () => {
  assert.ok(tokenize('謝謝👍🏽大家').includes('👍🏽'));
  const a = '謝謝👍🏽大家';
  const b = '謝謝👍🏿大家';
  const parts = diffTexts(a, b);
  assertWellFormed(a, b, parts);
  assert.deepEqual(
    parts.filter((p) => p.op !== 'equal'),
    [
      { op: 'delete', text: '👍🏽' },
      { op: 'insert', text: '👍🏿' },
    ],
  );
});

test('identical texts are one equal part; empty against text is one insert', () => {
  const same = '我們保證會持續改善。';
  assert.deepEqual(diffTexts(same, same), [{ op: 'equal', text: same }]);
  assert.deepEqual(diffTexts('', ''), []);
  assert.deepEqual(diffTexts('', 'new text'), [{ op: 'insert', text: 'new text' }]);
  assert.deepEqual(diffTexts('old', ''), [{ op: 'delete', text: 'old' }]);
});

test('line breaks survive and a long text is diffed quickly', () => {
  const base = '第一段說明事件經過。\n第二段說明處理方式。\n'.repeat(500);
  const b = `${base}第三段：下次更新時間。`;
  const t0 = performance.now();
  const parts = diffTexts(base, b);
  assert.ok(performance.now() - t0 < 1500, 'fast enough for a 10,000-character statement');
  assertWellFormed(base, b, parts);
  assert.deepEqual(ops(parts), ['equal', 'insert']);
});
