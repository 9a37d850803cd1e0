// Unit tests of the search screens' pure parts: highlight ranges to pieces (never HTML), the URL state of /search,
// the API query string, and capped counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightPieces } from './highlight-pieces.ts';
import { formatCount, parseSearchParams, searchUrl } from './queries.ts';

const marks = (text: string, ranges: [number, number][]) =>
  highlightPieces(text, ranges)
    .map((p) => (p.mark ? `[${p.text}]` : p.text))
    .join('');

test('highlight ranges become marked pieces at the right characters, in order, without losing text', () => {
  assert.equal(marks('依律師建議，和解金額上限', [[6, 10]]), '依律師建議，[和解金額]上限');
  assert.equal(
    marks('abc def ghi', [
      [8, 11],
      [0, 3],
    ]),
    '[abc] def [ghi]',
  );
  assert.equal(marks('豆干與豆干', []), '豆干與豆干');
});

test('overlapping or touching ranges make one mark; ranges outside the text are clamped or dropped', () => {
  assert.equal(
    marks('abcdefgh', [
      [0, 3],
      [2, 5],
      [5, 6],
    ]),
    '[abcdef]gh',
  );
  assert.equal(
    marks('abc', [
      [1, 99],
      [-5, 0],
      [7, 9],
    ]),
    'a[bc]',
  );
  assert.equal(marks('abc', [[2, 1]]), 'abc');
});

test('markup in a snippet stays text: pieces are strings for React to escape', () => {
  const pieces = highlightPieces('<img src=x onerror=alert(1)>', [[1, 4]]);
  assert.deepEqual(pieces, [
    { text: '<', mark: false },
    { text: 'img', mark: true },
    { text: ' src=x onerror=alert(1)>', mark: false },
  ]);
});

test('the /search URL state keeps only well-formed filters', () => {
  assert.deepEqual(parseSearchParams({ q: '豆干', kinds: 'document,bogus,attachment', classification: 'legal_privileged', page: '3' }), {
    q: '豆干',
    kinds: ['document', 'attachment'],
    classification: 'legal_privileged',
    page: 3,
  });
  assert.deepEqual(parseSearchParams({ q: 5, crisisId: "1' OR 1=1", classification: 'secret', from: 'yesterday', page: '-1' }), { q: '' });
});

test('the API query string carries the filters, the page as an offset, and days as instants', () => {
  const u = new URL(
    searchUrl({ q: 'a&b', kinds: ['document'], crisisId: '00000000-0000-4000-8000-000000000001', from: '2026-12-01', page: 2 }, 20),
    'http://x',
  );
  assert.equal(u.searchParams.get('q'), 'a&b');
  assert.equal(u.searchParams.get('kinds'), 'document');
  assert.equal(u.searchParams.get('offset'), '20');
  assert.equal(u.searchParams.get('limit'), '20');
  assert.ok(!Number.isNaN(Date.parse(u.searchParams.get('from') ?? '')));
  assert.equal(u.searchParams.get('to'), null);
});

test('counts at the cap read "1000+"', () => {
  assert.equal(formatCount(999, 1000), '999');
  assert.equal(formatCount(1000, 1000), '1000+');
});
