// Topic matching semantics: normalisation, word boundaries, phrases, NEAR, highlight ranges, hostile
// input, and the search plan never excluding a text the matcher accepts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalise } from '../../platform/text/normalise.ts';
import { indexTokens } from '../../platform/text/tokenise.ts';
import { matchRanges, matchTopic, parseTopicQuery, searchPlan, type TopicQuery, topicMatcher } from './topic-query.ts';

function parse(source: string): TopicQuery {
  const r = parseTopicQuery(source);
  if (!r.ok) assert.fail(`${source}: ${JSON.stringify(r.errors)}`);
  return r.query;
}
const matches = (query: string, text: string) => matchTopic(parse(query), normalise(text));
function yes(query: string, ...texts: string[]): void {
  for (const t of texts) assert.equal(matches(query, t), true, `${query} ~ ${t}`);
}
function no(query: string, ...texts: string[]): void {
  for (const t of texts) assert.equal(matches(query, t), false, `${query} !~ ${t}`);
}

describe('topic matching', () => {
  test('Traditional/Simplified, full/half width and case are equivalent', () => {
    yes('鼎泰豐', '鼎泰丰好吃', '我愛鼎泰豐');
    yes('鼎泰丰', '鼎泰豐的小籠包');
    yes('ＡＰＰＬＥ', 'apple', 'APPLE', 'Ａｐｐｌｅ');
    yes('"Food Poisoning"', 'ＦＯＯＤ　ＰＯＩＳＯＮＩＮＧ');
    yes('iphone15', 'ｉＰｈｏｎｅ１５');
  });

  test('CJK terms match as substrings, Latin terms as whole words', () => {
    yes('食安', '重視食安問題', '食安');
    yes('apple', "Apple's new phone", 'apple-pie', 'apple_pie', '買apple手機', '(apple)', 'APPLE!');
    no('apple', 'pineapple', 'apples', 'apple2', 'snapple', 'x-apple', "l'apple");
    yes('7-11', '7-11門市', 'at 7-11.');
    no('7-11', '17-11', '7-111');
  });

  test('prefix* matches word beginnings only', () => {
    yes('appl*', 'Applesauce', 'apple', "apple's");
    no('appl*', 'pineapple', 'app');
  });

  test('phrases: words in order, any whitespace run between them, optional next to CJK', () => {
    yes('"food poisoning"', 'got food poisoning', 'food\n\n  poisoning', 'FOOD\tPOISONING!');
    no('"food poisoning"', 'food-poisoning', 'foodpoisoning', 'poisoning food', 'seafood poisoning', 'food poisonings');
    yes('「鼎泰 豐」', '鼎泰丰', '鼎泰 丰', '鼎泰　豐');
    no('「鼎泰豐」', '鼎泰 豐');
    yes('買iPhone', '買 iPhone 15', '买iphone', '買iPhone');
    no('買iPhone', '買iPhones', '買 the iPhone');
  });

  test('AND, OR, NOT, -word and implicit AND', () => {
    const q = '(鼎泰豐 OR "din tai fung") AND (食安 OR 蟑螂 OR "food poisoning") NOT 徵才';
    yes(q, '鼎泰豐的湯裡有蟑螂', 'Din Tai Fung food poisoning case');
    no(q, '鼎泰豐徵才，食安第一', '鼎泰豐好好吃', '蟑螂');
    yes('apple (iphone OR ipad) -fruit', 'apple iPad review');
    no('apple (iphone OR ipad) -fruit', 'apple fruit iphone', 'apple watch');
    yes('全聯 且 (漲價 或 缺貨)', '全联又涨价了');
    no('全聯 且 (漲價 或 缺貨)', '全聯週年慶');
    yes('或許', '或許明天'); // a term, not an operator
  });

  test('NEAR/n: at most n tokens between the sides, in either order', () => {
    yes('a NEAR/2 b', 'a x y b', 'b x y a', 'a b', 'b a');
    no('a NEAR/2 b', 'a x y z b', 'b x y z a', 'a only');
    yes('鼎泰豐 NEAR/3 蟑螂', '鼎泰丰的湯有蟑螂', '蟑螂在鼎泰豐');
    no('鼎泰豐 NEAR/3 蟑螂', '鼎泰丰的湯裡有蟑螂');
    yes('apple NEAR/1 iphone', 'apple new iphone', 'iPhone by Apple', 'apple, , , iphone');
    no('apple NEAR/1 iphone', 'apple, the new iphone');
    yes('"鼎泰豐" NEAR/10 (蟑螂 OR 食物中毒)', '鼎泰豐今天被爆出食物中毒');
    yes('x NEAR/1 y', 'x a b c d y and later x y'); // a later pair is close enough
    yes('鼎泰 NEAR/1 泰豐', '鼎泰豐'); // overlapping sides count as near
    yes('"din tai fung" NEAR/2 (蟑螂 OR cockroach)', 'Din Tai Fung 有蟑螂', 'cockroach at din tai fung');
  });

  test('matchRanges gives positive matches as offsets into the original text', () => {
    const original = '我在鼎泰豐吃到蟑螂，Din  Tai Fung 要道歉';
    const q = parse('(鼎泰豐 OR "din tai fung") AND (蟑螂 OR 食安) NOT 徵才');
    const ranges = matchRanges(q, normalise(original));
    assert.deepEqual(
      ranges.map(([s, e]) => original.slice(s, e)),
      ['鼎泰豐', '蟑螂', 'Din  Tai Fung'],
    );
    assert.deepEqual(matchRanges(q, normalise('鼎泰豐徵才 蟑螂')), []);
    assert.deepEqual(matchRanges(parse('(a AND zzz) OR b'), 'a b'), [[2, 3]]);
    assert.deepEqual(matchRanges(parse('appl* -pie'), 'applesauce, apples'), [
      [0, 10],
      [12, 18],
    ]);
    assert.deepEqual(matchRanges(parse('鼎泰 OR 泰豐'), normalise('鼎泰豐')), [[0, 3]]); // merged
  });

  test('a query survives a JSON round trip and topicMatcher gives the same answers', () => {
    const q = parse('(鼎泰豐 OR "din tai fung") NEAR/3 蟑螂');
    const copy = JSON.parse(JSON.stringify(q)) as TopicQuery;
    const m = topicMatcher(q);
    for (const t of ['鼎泰丰有蟑螂', 'din tai fung 蟑螂', '蟑螂']) assert.equal(matchTopic(copy, normalise(t)), m(normalise(t)));
  });
});

describe('hostile input', () => {
  const hostile = [
    '('.repeat(1999),
    ')'.repeat(1999),
    'NOT '.repeat(499),
    '"'.repeat(1999),
    '-'.repeat(1999),
    '*'.repeat(1999),
    'a '.repeat(999),
    `${'(a OR '.repeat(300)}b`,
    '\uD800\uDC00\uD800 \uDFFF 鼎\u0000泰\u202E豐\u200B',
    '👨‍👩‍👧‍👦 OR "👨‍👩‍👧‍👦"',
    'NEAR/99999999999999999999 a',
    'near/-1 a',
    '「」「」「」',
    '\u0301\u0301a',
    'x'.repeat(1_000_000),
  ];
  test('parsing never throws and always answers ok or errors', () => {
    for (const s of hostile) {
      const r = parseTopicQuery(s);
      assert.ok(r.ok || (r.errors.length > 0 && r.errors.every((e) => e.offset >= 0 && e.offset + e.length <= s.length)), s.slice(0, 40));
    }
    for (const s of [undefined, null] as unknown as string[]) assert.equal(parseTopicQuery(s).ok, false);
  });

  test('random syntax soup never throws', () => {
    const alphabet = [
      '(',
      ')',
      '"',
      '「',
      '」',
      ' ',
      'AND',
      'OR',
      'NOT',
      '-',
      '*',
      'NEAR/3',
      'a',
      '鼎',
      '\uD800',
      '或',
      '&&',
      '||',
      '，',
      '😀',
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]).join(rand(2) ? ' ' : '');
      const r = parseTopicQuery(s);
      if (r.ok) for (const t of ['', 'a 鼎 b', s]) matchRanges(r.query, normalise(t));
    }
  });

  test('matching odd and huge texts is safe and quick', () => {
    const q = parse('(a OR 鼎泰豐 OR "x y") NEAR/2 (b OR 蟑螂) OR appl*');
    const texts = ['', '\uD800', '\uDC00a b', 'a'.repeat(100_000), `${'a '.repeat(50_000)}b`, `${'鼎泰豐 '.repeat(30_000)}蟑螂`];
    const t0 = performance.now();
    for (const t of texts) {
      matchTopic(q, normalise(t));
      matchRanges(q, normalise(t));
    }
    assert.ok(performance.now() - t0 < 2000);
  });
});

/** A tiny tsquery evaluator (quoted lexemes, :* prefixes, & | and parentheses) over a set of tokens. */
function evalTsquery(plan: string, tokens: Set<string>): boolean {
  const parts = plan.match(/'(?:[^']|'')*'(?::\*)?|[&|()]/g) ?? [];
  let i = 0;
  const atom = (): boolean => {
    const p = parts[i++];
    if (p === '(') {
      const v = or();
      i++; // ')'
      return v;
    }
    const prefix = p.endsWith(':*');
    const lex = p.slice(1, prefix ? -3 : -1).replaceAll("''", "'");
    return prefix ? [...tokens].some((t) => t.startsWith(lex)) : tokens.has(lex);
  };
  const and = (): boolean => {
    let v = atom();
    while (parts[i] === '&') {
      i++;
      v = atom() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (parts[i] === '|') {
      i++;
      v = and() || v;
    }
    return v;
  };
  return or();
}

describe('search plan is a safe pre-filter', () => {
  test('for random queries and texts, every text the query matches satisfies the plan', () => {
    const words = [
      'apple',
      "apple's",
      'pineapple',
      'iphone',
      '7-11',
      '鼎泰豐',
      '鼎泰丰',
      '蟑螂',
      '鼎',
      '豐',
      'food',
      'poisoning',
      'co-op',
      '買iphone',
    ];
    const leaves = [...words, '"food poisoning"', '「鼎泰 豐」', 'appl*', 'co*', '"apple 鼎"', 'op'];
    const seps = [' ', '', '-', "'", ', ', '的', '\n', '_'];
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const gen = (depth: number): string => {
      if (depth === 0 || rand(3) === 0) return leaves[rand(leaves.length)];
      const op = ['AND', 'OR', 'NOT', 'NEAR/2', ''][rand(5)];
      if (op === 'NOT') return `${gen(depth - 1)} NOT ${gen(depth - 1)}`;
      if (op === 'NEAR/2')
        return `${leaves[rand(leaves.length)]} NEAR/2 (${leaves[rand(leaves.length)]} OR ${leaves[rand(leaves.length)]})`;
      return `(${gen(depth - 1)} ${op} ${gen(depth - 1)})`;
    };
    let checked = 0;
    for (let k = 0; k < 400; k++) {
      const r = parseTopicQuery(gen(3));
      if (!r.ok) continue;
      const plan = searchPlan(r.query);
      for (let j = 0; j < 40; j++) {
        const text = normalise(Array.from({ length: 1 + rand(8) }, () => words[rand(words.length)] + seps[rand(seps.length)]).join(''));
        if (!matchTopic(r.query, text)) continue;
        checked++;
        if (plan !== null) assert.ok(evalTsquery(plan, new Set(indexTokens(text))), `${r.query.source} | ${plan} | ${text}`);
      }
    }
    assert.ok(checked > 1000, `only ${checked} matches checked`);
  });
});
