// The scenario clock between server answers, and which messages count as new.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnseen, scenarioMinute } from './run-clock.ts';

const run = { status: 'running' as const, minute: 10, speed: 60 as const, durationMinutes: 300 };

test('a playing run moves on at its speed from the minute the server gave', () => {
  assert.equal(scenarioMinute(run, 1_000, 1_000), 10);
  // 60×: one real second is one scenario minute.
  assert.equal(scenarioMinute(run, 1_000, 6_500), 15);
  assert.equal(scenarioMinute({ ...run, speed: 1 }, 0, 119_999), 11);
  assert.equal(scenarioMinute({ ...run, speed: 10 }, 0, 60_000), 20);
});

test('a paused, ready or ended run stands still; the clock never passes the end nor goes back', () => {
  assert.equal(scenarioMinute({ ...run, status: 'paused' }, 0, 600_000), 10);
  assert.equal(scenarioMinute({ ...run, status: 'ready', minute: 0 }, 0, 600_000), 0);
  assert.equal(scenarioMinute({ ...run, status: 'ended', minute: 300 }, 0, 600_000), 300);
  assert.equal(scenarioMinute(run, 0, 3_600_000), 300);
  // A clock read before the answer arrived (skew) does not rewind.
  assert.equal(scenarioMinute(run, 10_000, 5_000), 10);
  assert.equal(scenarioMinute({ ...run, minute: 12.9 }, 0, 0), 12);
});

test('messages delivered after the last one seen are new; undelivered ones never are', () => {
  const at = (iso: string | null) => ({ deliveredAt: iso });
  assert.equal(isUnseen(at('2026-12-01T10:00:00.000Z'), null), true);
  assert.equal(isUnseen(at('2026-12-01T10:00:00.000Z'), '2026-12-01T10:00:00.000Z'), false);
  assert.equal(isUnseen(at('2026-12-01T10:00:01.000Z'), '2026-12-01T10:00:00.000Z'), true);
  assert.equal(isUnseen(at('2026-12-01T09:59:59.000Z'), '2026-12-01T10:00:00.000Z'), false);
  // Offsets other than Z compare by instant, not by text.
  assert.equal(isUnseen(at('2026-12-01T18:00:01+08:00'), '2026-12-01T10:00:00.000Z'), true);
  assert.equal(isUnseen(at(null), null), false);
});
