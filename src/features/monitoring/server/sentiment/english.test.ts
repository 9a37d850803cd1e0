import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreLexicon } from './english.ts';

test('plain words, negation, contractions and phrases', () => {
  assert.ok(scoreLexicon('This product is terrible').sum < 0);
  assert.ok(scoreLexicon('I love it').sum > 0);
  assert.ok(scoreLexicon('not good').sum < 0);
  assert.ok(scoreLexicon('It is not bad at all').sum > 0);
  assert.ok(scoreLexicon("Doesn't work").sum < 0); // "does not work" is an AFINN phrase
  assert.ok(scoreLexicon("I don't like it").sum < 0);
});

test('intensifiers, ALL CAPS and exclamation marks strengthen', () => {
  const plain = scoreLexicon('the food is good').sum;
  assert.ok(scoreLexicon('the food is very good').sum > plain);
  assert.ok(scoreLexicon('the food is GOOD').sum > plain);
  assert.ok(scoreLexicon('the food is good!!!').sum > plain);
  assert.ok(scoreLexicon('the food is slightly good').sum < plain);
});

test('the clause after "but" weighs more', () => {
  assert.ok(scoreLexicon('The food was good but the service was awful').sum < 0);
  assert.ok(scoreLexicon('The service was awful but the food was great').sum > 0);
});

test('"like" as a preposition is not liking', () => {
  assert.equal(scoreLexicon('It looks like rain').hits, 0);
  assert.ok(scoreLexicon('I like it').sum > 0);
});

test('emoticons and emoji count; unknown text has no hits', () => {
  assert.ok(scoreLexicon('great :)').sum > scoreLexicon('great').sum);
  assert.ok(scoreLexicon('😡').sum < 0);
  assert.ok(scoreLexicon('好吃😍').sum > 0);
  assert.deepEqual(scoreLexicon('The meeting is at 3pm'), { sum: 0, compound: 0, hits: 0, words: 5 });
});

test('compound stays inside (-1, 1)', () => {
  const r = scoreLexicon('amazing '.repeat(1000));
  assert.ok(r.compound < 1 && r.compound > 0.99);
});
