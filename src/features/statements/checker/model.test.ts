// The learned layer's plumbing: clauses keep the text's offsets, features are what training and scoring share,
// and a model only flags clauses over its category's threshold (and is off unless given).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise } from '../../../platform/text/normalise.ts';
import { checkStatement } from './index.ts';
import { clausesOf, featuresOf, type ModelData, modelCategories, runModel } from './model.ts';

const tiny = (threshold: number): ModelData => ({
  version: 1,
  provenance: 'test',
  categories: Object.fromEntries(modelCategories.map((c) => [c, { bias: -2, threshold }])) as ModelData['categories'],
  // "保證" pushes absolute_promise (index 2) up.
  weights: { 保证: [0, 0, 5, 0, 0, 0, 0, 0, 0] },
});

test('clauses split at clause punctuation, keep offsets, and do not split 3.5 or 1,200', () => {
  const text = '我們深感抱歉，退款 1,200 元。 Refund rate is 3.5 percent; thanks';
  const cl = clausesOf(normalise(text)).map((c) => text.slice(c.start, c.end));
  assert.deepEqual(cl, ['我們深感抱歉', '退款 1,200 元', 'Refund rate is 3.5 percent', 'thanks']);
});

test('features: CJK characters and pairs, Latin words and word pairs', () => {
  const f = featuresOf(normalise('保證 never again'));
  for (const x of ['保', '保证', '^保', 'w:never', 'w:never_again']) assert.ok(f.includes(normalise(x)), x);
});

test('a model flags only clauses over the threshold, at the clause span', () => {
  const text = '我們保證改善，謝謝大家。';
  const norm = normalise(text);
  const found = runModel(tiny(0.5), norm);
  assert.equal(found.length, 1);
  assert.equal(found[0].category, 'absolute_promise');
  assert.equal(text.slice(found[0].start, found[0].end), '我們保證改善');
  assert.equal(runModel(tiny(0.99), norm).length, 0);
});

test('checkStatement runs no model unless one is given, and then adds its findings as model.<category>', () => {
  const text = '我們保證改善，謝謝大家。';
  assert.ok(!checkStatement(text).findings.some((f) => f.rule.startsWith('model.')));
  const withModel = checkStatement(text, { model: tiny(0.5) }).findings;
  assert.ok(withModel.some((f) => f.rule === 'model.absolute_promise' || f.category === 'absolute_promise'));
});
