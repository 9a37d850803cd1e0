// Uploaded scenario files are parsed on a worker thread with a deadline: a hostile file gets one clear problem
// while the server's event loop keeps answering, and the next file is read by a fresh worker.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseUploadedScenario } from './parse-off-thread.ts';
import { parseScenario } from './scenarios.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const real = fs.readFileSync(path.join(root, 'scenarios/zh-TW/drinks-food-safety.yaml'), 'utf8');
// The same scenario with 300 kB of comments: past the inline size, so it is read on the worker.
const large = `${real}\n${`# ${'註'.repeat(100)}\n`.repeat(3000)}`;

/** Runs `f` while a 10 ms timer ticks; returns f's result and the longest the timer waited past its time. */
async function withLag<T>(f: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let lag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await f(), lagMs: lag };
  } finally {
    clearInterval(timer);
  }
}

test('a large file is read on the worker, to exactly what the inline reader gives', async () => {
  const off = await parseUploadedScenario(large);
  assert.equal(off.ok, true, JSON.stringify(!off.ok && off.issues.slice(0, 2)));
  assert.deepEqual(off, parseScenario(large));
  const broken = large.replace('perHour: 4', 'perHour: many');
  const issues = await parseUploadedScenario(broken);
  assert.deepEqual(issues, parseScenario(broken), 'its problems too, at the same lines');
  assert.equal(issues.ok, false);
});

test('a hostile file past the deadline gets one problem, the event loop keeps going, and the next file is read', async () => {
  // 1.9 million '[' within the 2 MB cap: read inline, this held the event loop for about 15 s.
  const { result, lagMs } = await withLag(() => parseUploadedScenario('['.repeat(1_900_000), 300));
  assert.equal(result.ok, false);
  assert.equal(result.ok ? 0 : result.issues.length, 1);
  assert.match(result.ok ? '' : result.issues[0].message, /could not be read within 0\.3 s/);
  assert.ok(lagMs < 1000, `the event loop was held ${Math.round(lagMs)} ms`);
  const next = await parseUploadedScenario(large);
  assert.equal(next.ok, true, 'a fresh worker reads the next file');
});

test('files queue: three at once are each answered with their own outcome', async () => {
  const [a, b, c] = await Promise.all([
    parseUploadedScenario(large),
    parseUploadedScenario('- '.repeat(900_000), 300),
    parseUploadedScenario(large.replace('perHour: 4', 'perHour: -1')),
  ]);
  assert.equal(a.ok, true);
  assert.match(b.ok ? '' : b.issues[0].message, /could not be read within/);
  assert.equal(c.ok, false);
  assert.ok(!c.ok && c.issues.some((i) => i.path.includes('perHour')), JSON.stringify(!c.ok && c.issues));
});
