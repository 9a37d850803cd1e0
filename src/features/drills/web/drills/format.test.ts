// The duration format of the after-action report and the trends table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSeconds, wholeMinute } from './format.ts';

test('seconds are shown as m:ss below an hour and h:mm:ss from an hour', () => {
  assert.equal(formatSeconds(0), '0:00');
  assert.equal(formatSeconds(9), '0:09');
  assert.equal(formatSeconds(75), '1:15');
  assert.equal(formatSeconds(59.6), '1:00');
  assert.equal(formatSeconds(3599), '59:59');
  assert.equal(formatSeconds(3600), '1:00:00');
  assert.equal(formatSeconds(3725), '1:02:05');
  assert.equal(formatSeconds(90_061), '25:01:01');
  assert.equal(formatSeconds(-5), '0:00');
});

test('scenario minutes are whole minutes, never negative', () => {
  assert.equal(wholeMinute(12.9), 12);
  assert.equal(wholeMinute(-0.1), 0);
});
