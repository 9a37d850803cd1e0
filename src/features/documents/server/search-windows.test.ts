// Mention candidates are read in time windows (search.ts, `mentionCandidates`): whatever the windows' sizes, the
// candidates must be exactly the newest COUNT_CAP + 1 matches that one plain query would return, date filters
// included. Checked on 4,000 mentions over 60 days with words of very different frequency, and windows from
// 50 rows (three windows, the third unbounded) to larger than the table (one query).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { mentionCandidates } from './search.ts';
import { parseSearch } from './search-query.ts';
import { mentionsDatabase, plainMentionIds } from './search-testkit.ts';

let db: Db;
let orgId: string;
const N = 4000;
const START = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

/** Mention i: published at a pseudo-random time (not in insertion order) with words by frequency. */
function mention(i: number) {
  const at = START + ((i * 7919) % N) * ((60 * DAY) / N);
  const words = ['客服'];
  if (i % 2 === 0) words.push('態度');
  if (i % 5 === 0) words.push('退款');
  if (i % 97 === 0) words.push('蟑螂');
  if (i === 11) words.push('最舊的詞');
  // 10 % of the "late" words sit in the oldest sixth only: a window has to reach far back for them.
  if (at < START + 10 * DAY && i % 3 === 0) words.push('很久以前');
  return { at: i === 11 ? START - DAY : at, text: `${words.join('，')}，第${i}篇` };
}

before(async () => {
  ({ db, orgId } = await mentionsDatabase(
    '窗',
    Array.from({ length: N }, (_, i) => mention(i)),
  ));
});

const plain = (plan: string, from?: string, to?: string) => plainMentionIds(db, orgId, plan, from, to);

describe('mention candidates in time windows', () => {
  const cases: Array<[string, string?, string?]> = [
    ['客服'], // every mention: the first window is enough for the cap
    ['態度'],
    ['退款'], // 800 matches: all of them, over three windows
    ['蟑螂'], // rare
    ['最舊的詞'], // one mention, older than all others: only the last, unbounded window finds it
    ['很久以前'], // only in the oldest days: the first windows find nothing
    ['不存在'],
    ['態度', new Date(START + 20 * DAY).toISOString(), new Date(START + 30 * DAY).toISOString()],
    ['客服 退款', new Date(START + 50 * DAY).toISOString()],
  ];
  for (const [q, from, to] of cases)
    test(`${q}${from ? ` from ${from.slice(0, 10)}` : ''}${to ? ` to ${to.slice(0, 10)}` : ''}`, async () => {
      const s = parseSearch(q);
      assert.ok(s);
      const expected = await plain(s.plan, from, to);
      for (const first of [50, 400, 3000, 1_000_000]) {
        const got = await mentionCandidates({ db }, { orgId }, { from, to }, s, first);
        assert.deepEqual(
          got.map((r) => r.id),
          expected,
          `first window of ${first} rows`,
        );
      }
    });

  test('an organisation without mentions has no candidates', async () => {
    const other = (await db.execute<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('空') RETURNING id`)).rows[0].id;
    const s = parseSearch('客服');
    assert.ok(s);
    assert.deepEqual(await mentionCandidates({ db }, { orgId: other }, {}, s, 50), []);
  });
});
