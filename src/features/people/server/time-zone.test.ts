// The organisation's time zone as other features read it: orgTimeZone(), and notification text rendered in it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { canonicalTimeZone, isIanaTimeZone, timeZoneChoices } from '../../../platform/time-zone.ts';
import type { AlertDetail } from '../../warnings/contract.ts';
import { type Message, textOf } from '../../warnings/server/notify-send.ts';
import { orgTimeZone } from './org.ts';

const alert = {
  topicName: '鼎泰豐食安',
  severity: 'L1',
  risk: 87,
  windowStart: '2026-11-30T06:00:00.000Z',
  windowEnd: '2026-11-30T06:30:00.000Z',
  signals: [{ signal: 'volume', observed: 240, expected: 40, low: 20, high: 60, deviation: 9 }],
} as unknown as AlertDetail;

const message = (timeZone: string | undefined, locale: 'zh-TW' | 'en'): Message => ({
  event: 'alert.opened',
  deliveryId: 'd1',
  idempotencyKey: 'k1',
  alert,
  link: null,
  locale,
  orgName: 'Acme',
  timeZone,
});

describe('orgTimeZone', () => {
  test('reads the organisation’s zone: Asia/Taipei until an admin changes it', async () => {
    const { url, server } = await startTestServer();
    const { admin, orgId } = await setUpOrg(url);
    assert.equal(await orgTimeZone(server.db, orgId), 'Asia/Taipei');
    await admin.patch('/api/org', { timeZone: 'Europe/London' });
    assert.equal(await orgTimeZone(server.db, orgId), 'Europe/London');
    assert.equal(await orgTimeZone(server.db, crypto.randomUUID()), 'Asia/Taipei', 'unknown organisation: the default');
  });
});

describe('notification text in the organisation’s zone', () => {
  test('the summary’s times follow the message’s zone; Asia/Taipei when it has none', () => {
    // 06:00–06:30 UTC is 14:00–14:30 in Taipei and 06:00–06:30 in London (GMT in November).
    assert.match(textOf(message(undefined, 'zh-TW')), /在 11\/30\s14:00 至 11\/30\s14:30 間/);
    assert.match(textOf(message('Asia/Taipei', 'zh-TW')), /在 11\/30\s14:00 至 11\/30\s14:30 間/);
    assert.match(textOf(message('Europe/London', 'zh-TW')), /在 11\/30\s06:00 至 11\/30\s06:30 間/);
    assert.match(textOf(message('Europe/London', 'en')), /30 Nov, 06:00 to 30 Nov, 06:30/);
  });
});

describe('time zone names', () => {
  test('IANA names only, in the runtime’s spelling; Asia/Taipei and UTC first in the pick-list', () => {
    for (const tz of ['Asia/Taipei', 'UTC', 'Europe/London', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8'])
      assert.ok(isIanaTimeZone(tz), tz);
    for (const tz of ['Mars/Olympus', '+08:00', '', 'Asia/Taipei ', '../etc/passwd', 'x'.repeat(65)]) assert.ok(!isIanaTimeZone(tz), tz);
    assert.equal(canonicalTimeZone('asia/taipei'), 'Asia/Taipei');
    const list = timeZoneChoices();
    assert.deepEqual(list.slice(0, 2), ['Asia/Taipei', 'UTC']);
    assert.ok(list.includes('Europe/London'));
    assert.equal(new Set(list).size, list.length, 'no duplicates');
    assert.equal(timeZoneChoices('Asia/Taipei').length, list.length);
  });
});
