// The search box's query language and snippets, without a database: terms and phrases, the tsquery plan built
// only from quoted lexemes whatever the input, snippets that never split a character, and scores.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSearch, recheck, scoreOf, snippetOf } from './search-query.ts';

describe('search query', () => {
  test('words and phrases, normalised; operators and edge punctuation are not syntax', () => {
    const s = parseSearch('「鼎泰豐 小籠包」 -Refund* AND (退款) "unterminated');
    assert.ok(s);
    assert.deepEqual(
      s.terms.map((t) => [t.value, t.phrase]),
      [
        ['鼎泰丰 小笼包', true],
        ['refund', false],
        ['and', false],
        ['退款', false],
        ['unterminated', false],
      ],
    );
    assert.equal(parseSearch(''), null);
    assert.equal(parseSearch(' !!! ( ) :* & | \\ '), null);
  });

  test('the plan holds only quoted lexemes joined by &, whatever the input', () => {
    for (const q of ["a'b\\c", 'x:*', "'); DROP TABLE x; --", 'foo&bar|baz', '!!!a', '((b))', 'NOT c', '7-11']) {
      const s = parseSearch(q);
      assert.ok(s, q);
      for (const part of s.plan.split(' & ')) assert.match(part, /^'(?:[^'\\]|''|\\\\)+'(?::\*)?$/, `${q}: ${part}`);
    }
  });

  test('recheck: every term must be there; ranges split between title and body', () => {
    const s = parseSearch('退款 客服');
    assert.ok(s);
    assert.equal(recheck(s, '退款說明', '沒有另一個詞'), null);
    const m = recheck(s, '退款說明', '請洽客服');
    assert.deepEqual(m, { title: [[0, 2]], body: [[2, 4]], titleTerms: 1 });
  });

  test('snippets: around the first match, never splitting a surrogate pair, ranges moved with the ellipsis', () => {
    const body = `${'😀'.repeat(100)}重點${'😀'.repeat(100)}`;
    const at = body.indexOf('重點');
    const { snippet, highlights } = snippetOf(body, [[at, at + 2]]);
    assert.ok(snippet.startsWith('…') && snippet.endsWith('…'));
    assert.deepEqual(
      highlights.map(([a, b]) => snippet.slice(a, b)),
      ['重點'],
    );
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(snippet), 'no lone surrogate');
    assert.deepEqual(snippetOf('短文', []), { snippet: '短文', highlights: [] });
  });

  test('scores: a title match outweighs a year of recency; among equals newer wins', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const old = new Date('2025-06-01T00:00:00Z');
    const inTitle = { title: [[0, 2]] as Array<[number, number]>, body: [], titleTerms: 1 };
    const inBody = { title: [], body: [[0, 2]] as Array<[number, number]>, titleTerms: 0 };
    assert.ok(scoreOf(1, inTitle, old, now) > scoreOf(1, inBody, now, now));
    assert.ok(scoreOf(1, inBody, now, now) > scoreOf(1, inBody, old, now));
  });
});
