// Topic query language: syntax, precedence, canonical form, terms, search plan and syntax errors.
// Matching semantics are in topic-query-match.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indexTokens } from '../../platform/text/tokenise.ts';
import {
  describeTopicQuery,
  MAX_TERMS,
  parseTopicQuery,
  searchPlan,
  TOPIC_QUERY_ERROR_CODES,
  type TopicNode,
  type TopicQuery,
  topicTerms,
} from './topic-query.ts';

function parse(source: string): TopicQuery {
  const r = parseTopicQuery(source);
  if (!r.ok) assert.fail(`${source}: ${JSON.stringify(r.errors)}`);
  return r.query;
}
const canon = (source: string) => describeTopicQuery(parse(source));

/** A compact picture of the tree: terms by value, operators as (op …). */
function shape(node: TopicNode): string {
  switch (node.type) {
    case 'term':
      return node.phrase ? `"${node.value}"` : `${node.value}${node.prefix ? '*' : ''}`;
    case 'not':
      return `(not ${shape(node.child)})`;
    case 'near':
      return `(near/${node.distance} ${shape(node.left)} ${shape(node.right)})`;
    default:
      return `(${node.type} ${node.children.map(shape).join(' ')})`;
  }
}
const tree = (source: string) => shape(parse(source).root);

describe('topic query syntax', () => {
  test('terms next to each other are ANDed; Chinese terms are normalised', () => {
    assert.equal(tree('鼎泰豐 蟑螂'), '(and 鼎泰丰 蟑螂)');
    assert.equal(tree('ＡＰＰＬＥ iPhone'), '(and apple iphone)');
    assert.equal(canon('(鼎泰豐 OR "din tai fung") AND 食安 NOT 徵才'), '(鼎泰丰 OR "din tai fung") AND 食安 AND NOT 征才');
  });

  test('operators: words in any case, symbols, and standalone Chinese 且 或 非', () => {
    for (const q of ['a AND b', 'a and b', 'a && b', 'a & b', 'a 且 b', 'a And b']) assert.equal(tree(q), '(and a b)', q);
    for (const q of ['a OR b', 'a or b', 'a || b', 'a | b', 'a 或 b']) assert.equal(tree(q), '(or a b)', q);
    for (const q of ['a NOT b', 'a not b', 'a -b', 'a 非 b', 'a AND NOT b']) assert.equal(tree(q), '(and a (not b))', q);
    assert.equal(tree('全聯 且 (漲價 或 缺貨)'), '(and 全联 (or 涨价 缺货))');
    assert.equal(tree('全聯 且(漲價 或「缺貨」)'), '(and 全联 (or 涨价 "缺货"))');
  });

  test('且 或 非 inside words are ordinary characters', () => {
    assert.equal(tree('或許 非常 而且'), '(and 或许 非常 而且)');
    assert.equal(tree('android notebook order'), '(and android notebook order)');
  });

  test('precedence: NOT > NEAR > AND > OR, and parentheses override it', () => {
    assert.equal(tree('a OR b AND c'), '(or a (and b c))');
    assert.equal(tree('a b OR c d'), '(or (and a b) (and c d))');
    assert.equal(tree('a NEAR/3 b c'), '(and (near/3 a b) c)');
    assert.equal(tree('x OR a NEAR/3 b'), '(or x (near/3 a b))');
    assert.equal(tree('NOT a b'), '(and (not a) b)');
    assert.equal(tree('(a OR b) c'), '(and (or a b) c)');
    assert.equal(tree('a -(b OR c)'), '(and a (not (or b c)))');
    assert.equal(tree('a OR (b OR (c OR d))'), '(or a b c d)');
  });

  test('phrases: straight, curly, corner and full-width quotes; whitespace runs become one space', () => {
    assert.equal(tree('"din   tai\tfung"'), '"din tai fung"');
    assert.equal(tree('“food poisoning” 「鼎泰豐」 『食安』 ＂x y＂'), '(and "food poisoning" "鼎泰丰" "食安" "x y")');
    assert.equal(tree('（鼎泰豐 OR 「鼎泰 豐」）'), '(or 鼎泰丰 "鼎泰 丰")');
    assert.equal(tree('"and" "NEAR"'), '(and "and" "near")');
  });

  test('prefix*, edge punctuation and # @ are handled', () => {
    assert.equal(tree('appl* iPhone15*'), '(and appl* iphone15*)');
    assert.equal(tree('apple, 食安！ (iphone)'), '(and apple 食安 iphone)');
    assert.equal(tree("#metoo @firebreak apple's 7-11 c++ +required"), "(and #metoo @firebreak apple's 7-11 c++ required)");
  });

  test('NEAR/n takes terms, phrases or OR groups, in any case', () => {
    assert.equal(tree('"鼎泰豐" NEAR/10 (蟑螂 OR 食物中毒)'), '(near/10 "鼎泰丰" (or 蟑螂 食物中毒))');
    assert.equal(tree('a near/1 b'), '(near/1 a b)');
    assert.equal(tree('a ＮＥＡＲ／100 b'), '(near/100 a b)');
    assert.equal(tree('nearby'), 'nearby');
  });

  test('the canonical form parses back to the same query', () => {
    const sources = [
      '(鼎泰豐 OR "din tai fung" OR 鼎泰丰) AND (食安 OR 蟑螂 OR 拉肚子 OR "food poisoning") NOT 徵才',
      '"鼎泰豐" NEAR/10 (蟑螂 OR 食物中毒)',
      'apple AND (iphone OR ipad) -fruit',
      'a OR b c OR NOT NOT d',
      '-(a OR b) c NEAR/2 "x y"',
      '「say "hi"」 appl*',
    ];
    for (const s of sources) {
      const once = canon(s);
      assert.equal(canon(once), once, s);
      assert.equal(shape(parse(once).root), tree(s), s);
    }
    assert.equal(canon('a -(b c) OR d'), 'a AND NOT (b AND c) OR d');
  });

  test('topicTerms lists positive terms once, as written, without excluded ones', () => {
    const terms = topicTerms(parse('(鼎泰豐 OR 鼎泰丰 OR "din tai fung") NEAR/5 appl* NOT 徵才'));
    assert.deepEqual(terms, [
      { text: '鼎泰豐', value: '鼎泰丰', phrase: false, prefix: false },
      { text: 'din tai fung', value: 'din tai fung', phrase: true, prefix: false },
      { text: 'appl', value: 'appl', phrase: false, prefix: true },
    ]);
  });
});

describe('topic search plan', () => {
  const plan = (s: string) => searchPlan(parse(s));
  test('keeps AND/OR, drops NOT, turns NEAR into AND; terms are their bigrams and words', () => {
    assert.equal(plan('鼎泰豐 食安'), "('鼎泰' & '泰丰') & '食安'");
    assert.equal(plan('apple -fruit'), "'apple'");
    assert.equal(plan('(鼎 OR 豐) NOT 徵才'), "'鼎':* | '丰':*");
    assert.equal(plan('"鼎泰豐" NEAR/10 (蟑螂 OR "food poisoning")'), "('鼎泰' & '泰丰') & ('蟑螂' | ('food' & 'poisoning'))");
  });

  test('words with joiners stay whole lexemes (the index holds heads before joiners); prefix terms are prefixes', () => {
    assert.equal(plan("7-11 apple's co_op"), "'7-11' & 'apple''s' & 'co_op'");
    assert.equal(plan('買iPhone'), "'买':* & 'iphone'");
    assert.equal(plan('appl* 鼎泰'), "'appl':* & '鼎泰'");
    assert.deepEqual(indexTokens("apple's 7-11-eleven"), ["apple's", 'apple', '7-11-eleven', '7', '7-11']);
  });

  test('is null when no positive term gives tokens', () => {
    assert.equal(plan('"😀"'), null);
    assert.equal(plan('apple OR "!!!"'), null);
    assert.equal(plan('apple "!!!"'), "'apple'");
  });
});

describe('topic query errors', () => {
  const cases: Array<[string, string, number, number]> = [
    ['', 'EMPTY_QUERY', 0, 0],
    ['   ', 'EMPTY_QUERY', 0, 3],
    [`${'x'.repeat(2000)}yz`, 'QUERY_TOO_LONG', 2000, 2],
    ['a AND (b OR c', 'UNBALANCED_OPEN', 6, 1],
    ['((a)', 'UNBALANCED_OPEN', 0, 1],
    ['a AND (', 'UNBALANCED_OPEN', 6, 1],
    ['a OR b)', 'UNBALANCED_CLOSE', 6, 1],
    [')a', 'UNBALANCED_CLOSE', 0, 1],
    ['a ()', 'EMPTY_GROUP', 2, 2],
    ['a AND', 'MISSING_OPERAND', 2, 3],
    ['a AND OR b', 'MISSING_OPERAND', 2, 3],
    ['(a OR) b', 'MISSING_OPERAND', 3, 2],
    ['a NOT', 'MISSING_OPERAND', 2, 3],
    ['a - b', 'MISSING_OPERAND', 2, 1],
    ['a 或', 'MISSING_OPERAND', 2, 1],
    ['OR a', 'DANGLING_OPERATOR', 0, 2],
    ['(AND a)', 'DANGLING_OPERATOR', 1, 3],
    ['NEAR/3 a', 'DANGLING_OPERATOR', 0, 6],
    ['a ""', 'EMPTY_PHRASE', 2, 2],
    ['「 　」', 'EMPTY_PHRASE', 0, 4],
    ['a "b c', 'UNTERMINATED_PHRASE', 2, 4],
    ['鼎泰豐 「食安', 'UNTERMINATED_PHRASE', 4, 3],
    ['a」', 'UNEXPECTED_QUOTE', 1, 1],
    ['a NEAR b', 'NEAR_DISTANCE_MISSING', 2, 4],
    ['a NEAR/ b', 'NEAR_DISTANCE_MISSING', 2, 5],
    ['a NEAR/0 b', 'NEAR_DISTANCE_RANGE', 2, 6],
    ['a NEAR/101 b', 'NEAR_DISTANCE_RANGE', 2, 8],
    ['a NEAR/x b', 'NEAR_DISTANCE_RANGE', 2, 6],
    ['a NEAR/5 (b AND c)', 'NEAR_OPERAND', 9, 9],
    ['a NEAR/5 b NEAR/5 c', 'NEAR_OPERAND', 0, 10],
    ['a NEAR/5 -b', 'NEAR_OPERAND', 9, 2],
    ['*a', 'WILDCARD_POSITION', 0, 2],
    ['a*b', 'WILDCARD_POSITION', 0, 3],
    ['鼎泰豐*', 'WILDCARD_POSITION', 0, 4],
    ['x y*', 'PREFIX_TOO_SHORT', 2, 2],
    ['!!!', 'NO_SEARCHABLE_TEXT', 0, 3],
    ['a 😀', 'NO_SEARCHABLE_TEXT', 2, 2],
    ['NOT a', 'ONLY_NOT', 0, 3],
    ['-a -b', 'ONLY_NOT', 0, 1],
    ['a OR -b', 'ONLY_NOT', 5, 1],
    ['(NOT a) OR b', 'ONLY_NOT', 1, 3],
  ];
  for (const [source, code, offset, length] of cases) {
    test(`${JSON.stringify(source.length > 30 ? `${source.slice(0, 10)}…` : source)} → ${code} at ${offset}+${length}`, () => {
      const r = parseTopicQuery(source);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.deepEqual({ ...r.errors[0], message: undefined }, { code, offset, length, message: undefined });
      assert.match(r.errors[0].message, /^[\x20-\x7e–“”或]+$/); // English, quoting what was typed
    });
  }

  test('too many terms points at the first one over the limit', () => {
    const words = Array.from({ length: MAX_TERMS + 5 }, (_, i) => `t${i}`);
    const source = words.join(' OR ');
    const r = parseTopicQuery(source);
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual([r.errors[0].code, r.errors[0].offset], ['TOO_MANY_TERMS', source.indexOf(` t${MAX_TERMS} `) + 1]);
    assert.equal(parseTopicQuery(words.slice(0, MAX_TERMS).join(' OR ')).ok, true);
  });

  test('nesting deeper than 20 points at the bracket or NOT that goes too deep', () => {
    assert.equal(parseTopicQuery(`${'('.repeat(20)}a${')'.repeat(20)}`).ok, true);
    const parens = parseTopicQuery(`${'('.repeat(21)}a${')'.repeat(21)}`);
    assert.deepEqual(parens.ok ? null : parens.errors[0].code, 'TOO_DEEP');
    assert.deepEqual(parens.ok ? null : [parens.errors[0].offset, parens.errors[0].length], [20, 1]);
    const nots = parseTopicQuery(`x ${'NOT '.repeat(21)}a`);
    assert.deepEqual(nots.ok ? null : [nots.errors[0].code, nots.errors[0].offset, nots.errors[0].length], ['TOO_DEEP', 82, 3]);
  });

  test('several lexical errors are reported together; every code is listed', () => {
    const r = parseTopicQuery('a "" NEAR/0 b 」');
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.code), ['EMPTY_PHRASE', 'NEAR_DISTANCE_RANGE', 'UNEXPECTED_QUOTE']);
    for (const [source, code] of cases.map(([s, c]) => [s, c])) assert.ok(TOPIC_QUERY_ERROR_CODES.includes(code as never), `${source}`);
  });
});
