// Uses the shipped model file (models/), never the shared training data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { classify } from './model.ts';

const inRange = (r: ReturnType<typeof classify>) => {
  assert.ok(r.score >= -1 && r.score <= 1, `score ${r.score}`);
  assert.ok(r.confidence >= 0 && r.confidence <= 1, `confidence ${r.confidence}`);
  assert.equal(Math.sign(r.score) === 1, r.sentiment === 'positive' || (r.sentiment === 'neutral' && r.score > 0));
};

test('obvious Chinese reviews', () => {
  for (const [text, want] of [
    ['服務態度很差，再也不會來了', 'negative'],
    ['非常好吃，服務親切', 'positive'],
    ['房间干净，早餐丰富，下次还会再来', 'positive'],
    ['送餐太慢了，等了两个小时，菜都凉了', 'negative'],
    ['質量很差，用了兩天就壞了，退貨', 'negative'],
  ] as const) {
    const r = classify(text);
    assert.equal(r.sentiment, want, `${text}: ${JSON.stringify(r)}`);
    assert.ok(r.confidence > 0.7, `${text}: ${JSON.stringify(r)}`);
    inRange(r);
  }
});

test('obvious English', () => {
  const bad = classify('This product is terrible');
  assert.equal(bad.sentiment, 'negative');
  assert.equal(bad.lang, 'en');
  assert.ok(bad.score < 0);
  const good = classify('I love it');
  assert.equal(good.sentiment, 'positive');
  assert.ok(good.score > 0);
  assert.equal(classify("It doesn't work, worst purchase ever").sentiment, 'negative');
  assert.equal(classify('The meeting starts at 3pm').sentiment, 'neutral');
});

test('Traditional and Simplified of the same sentence give the same result', () => {
  const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
  for (const simp of ['服务态度很差，再也不会来了', '这家酒店的位置很方便，房间也干净', '快递很快，包装完好，五星好评', '价格还行吧']) {
    const trad = toTrad(simp);
    assert.notEqual(trad, simp);
    const a = classify(simp);
    const b = classify(trad);
    assert.equal(a.lang, 'zh-Hans');
    assert.equal(b.lang, 'zh-Hant');
    assert.deepEqual({ ...a, lang: '' }, { ...b, lang: '' }, simp);
  }
});

test('full-width and case variants normalise to the same answer', () => {
  assert.deepEqual(classify('ＯＫ，很好用！'), classify('ok，很好用!'));
});

test('mixed Chinese and English, and emoji, are combined', () => {
  assert.equal(classify('這家餐廳的 service 很差').sentiment, 'negative');
  assert.equal(classify('I love 台北').sentiment, 'positive');
  assert.equal(classify('😡😡😡').sentiment, 'negative');
  assert.equal(classify('🎉👍').sentiment, 'positive');
});

test('no evidence is neutral with score 0', () => {
  for (const text of ['', '   ', '12345', 'https://example.com', '안녕하세요']) {
    const r = classify(text);
    assert.equal(r.sentiment, 'neutral', text);
    assert.equal(r.score, 0, text);
    inRange(r);
  }
});

test('long and odd input does not break it', () => {
  inRange(classify('好'.repeat(100_000)));
  inRange(classify('\u0000\ud800\udfff\ufeff\u200b混合🙂text'));
});
