// On-call rotation arithmetic: hand-overs in the schedule's own time zone, coverage gaps, overrides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageOf, onCallAt, type Schedule, scheduleInput } from './oncall.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const weekly: Schedule = {
  name: '公關值班',
  timeZone: 'Asia/Taipei',
  participants: [A, B, C],
  startDate: '2026-11-30', // a Monday
  handoffTime: '09:00',
  lengthDays: 7,
  overrides: [],
};
const at = (iso: string) => Date.parse(iso);

test('a weekly rotation hands over on Monday 09:00 Taipei time and cycles through everyone', () => {
  assert.equal(onCallAt(weekly, at('2026-11-30T00:59:00Z')), null, '08:59 Taipei: before the first hand-over');
  assert.equal(onCallAt(weekly, at('2026-11-30T01:00:00Z')), A, '09:00 Taipei');
  assert.equal(onCallAt(weekly, at('2026-12-07T00:59:00Z')), A, 'the next Monday 08:59');
  assert.equal(onCallAt(weekly, at('2026-12-07T01:00:00Z')), B);
  assert.equal(onCallAt(weekly, at('2026-12-14T01:00:00Z')), C);
  assert.equal(onCallAt(weekly, at('2026-12-21T01:00:00Z')), A);
});

test('hand-overs stay at local time across a daylight-saving change', () => {
  const ny: Schedule = { ...weekly, timeZone: 'America/New_York', startDate: '2026-10-26', lengthDays: 7 };
  // 2026-11-01 clocks go back: the 2 Nov hand-over is at 09:00 EST = 14:00Z (the first was 13:00Z).
  assert.equal(onCallAt(ny, at('2026-10-26T13:00:00Z')), A);
  assert.equal(onCallAt(ny, at('2026-11-02T13:30:00Z')), A, '08:30 EST, still A');
  assert.equal(onCallAt(ny, at('2026-11-02T14:00:00Z')), B, '09:00 EST');
});

test('business-hours coverage leaves gaps; an overnight range spans midnight; overrides win', () => {
  const office: Schedule = { ...weekly, coverage: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }] };
  assert.equal(onCallAt(office, at('2026-12-01T02:00:00Z')), A, 'Tuesday 10:00');
  assert.equal(onCallAt(office, at('2026-12-01T11:00:00Z')), null, 'Tuesday 19:00: a gap');
  assert.equal(onCallAt(office, at('2026-12-05T02:00:00Z')), null, 'Saturday: a gap');
  const night: Schedule = { ...weekly, coverage: [{ days: [5], from: '22:00', to: '06:00' }] };
  assert.equal(onCallAt(night, at('2026-12-04T15:00:00Z')), A, 'Friday 23:00');
  assert.equal(onCallAt(night, at('2026-12-04T21:00:00Z')), A, 'Saturday 05:00, the same night');
  assert.equal(onCallAt(night, at('2026-12-04T23:00:00Z')), null, 'Saturday 07:00');
  const swapped: Schedule = { ...weekly, overrides: [{ userId: C, start: '2026-12-02T00:00:00+08:00', end: '2026-12-03T00:00:00+08:00' }] };
  assert.equal(onCallAt(swapped, at('2026-12-02T04:00:00Z')), C);
  assert.equal(onCallAt(swapped, at('2026-12-03T04:00:00Z')), A);
});

test('coverage over a week: segments with the gaps marked', () => {
  const office: Schedule = { ...weekly, coverage: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }] };
  const segs = coverageOf(office, at('2026-11-30T16:00:00Z'), at('2026-12-07T16:00:00Z'));
  const covered = segs.filter((s) => s.userId !== null);
  assert.equal(covered.length, 5, 'one covered stretch per weekday');
  assert.ok(
    segs.every((s, i) => i === 0 || s.start === segs[i - 1].end),
    'contiguous',
  );
  assert.equal(covered[0].start, '2026-12-01T01:00:00.000Z');
  assert.equal(covered[0].end, '2026-12-01T10:00:00.000Z');
});

test('schedule input is validated with clear messages', () => {
  const bad = scheduleInput.safeParse({ ...weekly, timeZone: 'Mars/Olympus', handoffTime: '25:00' });
  assert.equal(bad.success, false);
  const paths = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  assert.ok(paths.includes('timeZone: Unknown time zone'), paths.join('; '));
  assert.ok(paths.includes('handoffTime: Use HH:MM (24-hour)'), paths.join('; '));
  assert.equal(
    scheduleInput.safeParse({ ...weekly, overrides: [{ userId: A, start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' }] }).success,
    false,
  );
});
