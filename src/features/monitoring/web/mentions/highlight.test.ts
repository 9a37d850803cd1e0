// Highlight runs, excerpts, and the explorer's URL params: the pure parts of the mention screens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorLength, positionOf } from '../topics/query-errors.ts';
import { dayBound, toFilters, validateExplorerSearch } from './explorer-search.ts';
import { excerpt, segments } from './highlight.ts';

test('segments mark the ranges, clamp and merge overlaps, and never split a surrogate pair', () => {
  assert.deepEqual(segments('鼎泰丰的小笼包', [[0, 3]]), [
    { text: '鼎泰丰', mark: true },
    { text: '的小笼包', mark: false },
  ]);
  assert.deepEqual(
    segments('abcdef', [
      [1, 3],
      [2, 4],
    ]),
    [
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'ef', mark: false },
    ],
  );
  assert.deepEqual(segments('a😀b', [[2, 4]]), [
    { text: 'a', mark: false },
    { text: '😀b', mark: true },
  ]);
  assert.deepEqual(segments('abc', [[1, 99]]), [
    { text: 'a', mark: false },
    { text: 'bc', mark: true },
  ]);
  assert.deepEqual(segments('<script>', []), [{ text: '<script>', mark: false }]);
});

test('an excerpt of a long text starts near the first match and keeps the ranges on the same characters', () => {
  const text = `${'前'.repeat(300)}蟑螂${'後'.repeat(300)}`;
  const ex = excerpt(text, [[300, 302]], 100);
  assert.ok(ex.text.startsWith('…') && ex.text.endsWith('…'));
  const [[a, b]] = ex.ranges;
  assert.equal(ex.text.slice(a, b), '蟑螂');
  assert.deepEqual(excerpt('short', [[0, 2]], 100), { text: 'short', ranges: [[0, 2]] });
});

test('query error positions: line, column in characters, and the word an offset points at', () => {
  assert.deepEqual(positionOf('鼎泰豐 AND (蟑螂 OR', 12), { line: 1, column: 13, lineStart: 0, lineEnd: 14 });
  assert.equal(positionOf('a\nb OR', 4).line, 2);
  assert.equal(positionOf('a\nb OR', 4).column, 3);
  assert.equal(errorLength('鼎泰豐 AND', 4), 3);
  assert.equal(errorLength('(a', 0), 1);
});

test('explorer URL params: malformed ones are dropped, presets stay relative', () => {
  const s = validateExplorerSearch({ q: '鼎泰豐', sentiment: 'angry', topic: 'not-a-uuid', range: '7d', cluster: '12', author: '' });
  assert.deepEqual(s, { q: '鼎泰豐', range: '7d', cluster: '12' });
  const f = toFilters(s);
  assert.equal(f.clusterId, 12);
  assert.equal(typeof f.from, 'function');
  const from = new Date((f.from as () => string)()).getTime();
  assert.ok(Math.abs(Date.now() - 7 * 86_400_000 - from) < 5_000);
  const custom = toFilters({ range: 'custom', from: '2026-01-01', to: '2026-01-31' });
  assert.equal(custom.from, dayBound('2026-01-01', false));
  assert.equal(custom.to, dayBound('2026-01-31', true));
  assert.ok(new Date(custom.to as string) > new Date(dayBound('2026-01-31', false)));
});
