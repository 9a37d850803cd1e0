// Mention candidates chosen by statistics (search-mentions.ts): read whole when few mentions match, in windows when
// many do — either way exactly the newest COUNT_CAP + 1 matches of the plain query, date filters included. The
// whole read gives up (null) past its bound rather than read on; the estimate takes each term's rarest lexeme.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { expectedMatches, mentionCandidates, termLexemes, wholeRead, wholeReadLimit } from './search-mentions.ts';
import { parseSearch } from './search-query.ts';
import { mentionsDatabase, plainMentionIds } from './search-testkit.ts';

let db: Db;
let orgId: string;
const N = 4000;
const START = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

/** Mention i at a scrambled time: 客服 in all, 態度 in half, 退款 in a fifth, 蟑螂 in 1/97, 鼎泰豐 in 1/7. */
function mention(i: number) {
  const words = ['客服'];
  if (i % 2 === 0) words.push('態度');
  if (i % 5 === 0) words.push('退款');
  if (i % 97 === 0) words.push('蟑螂');
  if (i % 7 === 0) words.push('鼎泰豐');
  return { at: START + ((i * 7919) % N) * ((60 * DAY) / N), text: `${words.join('，')}，第${i}篇` };
}

before(async () => {
  ({ db, orgId } = await mentionsDatabase(
    '統計',
    Array.from({ length: N }, (_, i) => mention(i)),
  ));
});

const plain = (plan: string, from?: string, to?: string) => plainMentionIds(db, orgId, plan, from, to);

/** What the statistics expect for a query, and the most the whole read takes. */
async function estimate(q: string) {
  const s = parseSearch(q);
  assert.ok(s);
  const lexemes = termLexemes(s.terms);
  const r = await db.execute<{ elem: string; freq: number; min_freq: number }>(sql`
    SELECT x.elem, x.freq, s.most_common_elem_freqs[array_length(s.most_common_elem_freqs, 1) - 2] AS min_freq
    FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(elem, freq)
    WHERE s.tablename = 'mentions' AND s.attname = 'search' AND x.elem = ANY(${sql.param(lexemes.flat())}::text[])`);
  const n = Number((await db.execute<{ n: number }>(sql`SELECT reltuples AS n FROM pg_class WHERE oid = 'mentions'::regclass`)).rows[0].n);
  const freq = new Map(r.rows.map((x) => [x.elem, Number(x.freq)]));
  return { expected: expectedMatches(lexemes, freq, Number(r.rows[0]?.min_freq ?? 0), n), limit: wholeReadLimit(n) };
}

describe('mention candidates chosen by statistics', () => {
  test('the estimate takes the rarest lexeme of each term and multiplies terms', () => {
    const s = parseSearch('鼎泰豐 蟑螂 apple');
    assert.ok(s);
    const lexemes = termLexemes(s.terms);
    assert.deepEqual(lexemes, [['鼎泰', '泰丰'], ['蟑螂'], ['apple']]);
    const freq = new Map([
      ['鼎泰', 0.2],
      ['泰丰', 0.1],
      ['蟑螂', 0.5],
    ]);
    // min(0.2, 0.1) × 0.5 × (apple: not among the common lexemes, at most 0.01) × 1.5 together × 1,000,000 rows.
    assert.equal(Math.round(expectedMatches(lexemes, freq, 0.01, 1_000_000)), 750);
    // A one-character term is a prefix lexeme only: no estimate, so it counts as matching everything.
    const single = parseSearch('蟑');
    assert.ok(single);
    assert.deepEqual(termLexemes(single.terms), [[]]);
    assert.equal(expectedMatches(termLexemes(single.terms), freq, 0.01, 1000), 1000);
    // A quote in a lexeme comes back unescaped (the plan writes it doubled).
    const odd = parseSearch("it's");
    assert.ok(odd);
    assert.deepEqual(termLexemes(odd.terms), [["it's"]]);
  });

  test('the fixture sends rare queries to the whole read and frequent ones to windows', async () => {
    const rare = await estimate('蟑螂');
    assert.ok(rare.expected <= rare.limit, JSON.stringify(rare));
    const frequent = await estimate('客服');
    assert.ok(frequent.expected > frequent.limit, JSON.stringify(frequent));
  });

  const cases: Array<[string, string?, string?]> = [
    ['客服'],
    ['態度'],
    ['退款'],
    ['蟑螂'],
    ['鼎泰豐'],
    ['鼎泰豐 蟑螂'],
    ['不存在'],
    ['態度', new Date(START + 20 * DAY).toISOString(), new Date(START + 30 * DAY).toISOString()],
    ['蟑螂', new Date(START + 30 * DAY).toISOString()],
  ];
  for (const [q, from, to] of cases)
    test(`${q}${from ? ` from ${from.slice(0, 10)}` : ''}${to ? ` to ${to.slice(0, 10)}` : ''}: the plain query's rows`, async () => {
      const s = parseSearch(q);
      assert.ok(s);
      const got = await mentionCandidates({ db }, { orgId }, { from, to }, s);
      assert.deepEqual(
        got.map((r) => r.id),
        await plain(s.plan, from, to),
      );
      assert.ok(got.every((r) => r.kind === 'mention' && typeof r.body === 'string' && !('matches' in r)));
    });

  test('the whole read returns the plain rows within its bound and gives up past it', async () => {
    for (const q of ['客服', '退款', '蟑螂']) {
      const s = parseSearch(q);
      assert.ok(s);
      const expected = await plain(s.plan);
      const matches = Number(
        (
          await db.execute<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM mentions WHERE org_id = ${orgId} AND search @@ ${s.plan}::tsquery`,
          )
        ).rows[0].n,
      );
      const whole = await wholeRead(db, orgId, s.plan, [], matches + 1);
      assert.deepEqual(
        whole?.map((r) => r.id),
        expected,
        q,
      );
      assert.equal(await wholeRead(db, orgId, s.plan, [], matches), null, `${q}: ${matches} matches reach a bound of ${matches}`);
    }
  });
});
