// suggestLevel: the most severe answer decides, several answers at the top level raise it one step, an
// alert's level seeds the criteria marked fromAlert, and answers that raise nothing give L4 (none: no suggestion).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradingMatrix } from '../playbook-contract.ts';
import { defaultGradingMatrix, suggestLevel } from './grading.ts';

const m = defaultGradingMatrix;

test('the shipped matrix is valid in both languages', () => {
  assert.deepEqual(gradingMatrix.parse(m), m);
  for (const c of m.criteria) {
    assert.ok(c.label['zh-TW'] && c.label.en, c.id);
    for (const o of c.options) assert.ok(o.label['zh-TW'] && o.label.en, `${c.id}.${o.id}`);
  }
  assert.ok(
    m.criteria.some((c) => c.fromAlert),
    'one criterion is seeded by an alert',
  );
});

test('no answers: no suggestion; answers that raise nothing: L4', () => {
  assert.deepEqual(suggestLevel(m, {}), { level: null, because: [], escalated: false });
  assert.equal(suggestLevel(m, { media: 'none', safety: 'none' }).level, 'L4');
});

test('the most severe answer decides, and says why', () => {
  const s = suggestLevel(m, { reach: 'community', media: 'mainstream', legal: 'possible' });
  assert.equal(s.level, 'L2');
  assert.deepEqual(s.because, [{ criterionId: 'media', optionId: 'mainstream', level: 'L2', fromAlert: false }]);
  assert.equal(s.escalated, false);
  assert.equal(suggestLevel(m, { reach: 'isolated', safety: 'harm' }).level, 'L1', 'one L1 factor makes an L1');
});

test('escalateAt answers at the top level raise it one step, never above L1', () => {
  const three = suggestLevel(m, { reach: 'cross_platform', media: 'mainstream', executive: 'named' });
  assert.equal(three.level, 'L1');
  assert.equal(three.escalated, true);
  assert.equal(three.because.length, 3);
  const two = suggestLevel(m, { reach: 'cross_platform', media: 'mainstream' });
  assert.equal(two.level, 'L2');
  const l1s = suggestLevel(m, { reach: 'national', media: 'headline', safety: 'harm' });
  assert.equal(l1s.level, 'L1');
  assert.equal(l1s.escalated, false);
  assert.equal(suggestLevel({ ...m, escalateAt: null }, { reach: 'cross_platform', media: 'mainstream', executive: 'named' }).level, 'L2');
});

test("an alert's level seeds the criteria marked fromAlert, unless answered", () => {
  const seeded = suggestLevel(m, {}, { severity: 'L2', risk: 80 });
  assert.equal(seeded.level, 'L2');
  assert.deepEqual(seeded.because, [{ criterionId: 'reach', optionId: 'cross_platform', level: 'L2', fromAlert: true }]);
  assert.equal(suggestLevel(m, { reach: 'isolated' }, { severity: 'L1' }).level, 'L4', 'the person’s answer wins over the alert');
  assert.equal(suggestLevel(m, { safety: 'harm' }, { severity: 'L3' }).level, 'L1');
});

test('unknown answers are ignored by the pure rule (the server refuses them)', () => {
  assert.equal(suggestLevel(m, { reach: 'nope', unknown: 'x' }).level, null);
});
