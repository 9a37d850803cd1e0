// The dashboard's refetch guard: a burst of live invalidations becomes at most two fetches, spaced apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coalesced } from './queries.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a burst of calls makes one fetch now and one after it, never closer than the interval', async () => {
  const starts: number[] = [];
  let n = 0;
  const fetcher = async () => {
    starts.push(Date.now());
    await sleep(30);
    return ++n;
  };
  const first = coalesced('burst', fetcher, 150);
  await sleep(5);
  // 20 invalidations while the first fetch is in flight (each one cancels and refetches in TanStack Query).
  const burst = await Promise.all(Array.from({ length: 20 }, () => coalesced('burst', fetcher, 150)));
  assert.equal(await first, 1);
  assert.deepEqual(new Set(burst), new Set([2]), 'every later call gets the fetch that started after them');
  assert.equal(starts.length, 2);
  assert.ok(starts[1] - starts[0] >= 145, `spaced ${starts[1] - starts[0]} ms`);
});

test('views are independent, and a quiet view fetches at once', async () => {
  const t0 = Date.now();
  const [a, b] = await Promise.all([coalesced('a', async () => 'a', 1000), coalesced('b', async () => 'b', 1000)]);
  assert.deepEqual([a, b], ['a', 'b']);
  assert.ok(Date.now() - t0 < 200);
});

test('a failed fetch reaches its callers and does not block the next one', async () => {
  await assert.rejects(
    coalesced(
      'err',
      async () => {
        throw new Error('boom');
      },
      10,
    ),
    /boom/,
  );
  assert.equal(await coalesced('err', async () => 'ok', 10), 'ok');
});
