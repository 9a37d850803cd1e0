// Unit tests of the live client's pure parts: which queries an event invalidates, and the back-off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay, keysForEvent } from './live.ts';

const ev = (type: string, subject: string | null = null, id: string | null = null) => ({ type, subject, id, version: 1 });

test('every event refreshes the audit log', () => {
  for (const type of ['org.updated', 'user.signed_in', 'token.created', 'crisis.declared']) {
    assert.deepEqual(keysForEvent(ev(type), 'me')[0], ['audit']);
  }
});

test('user events refresh users, and the session only when the subject is me', () => {
  assert.deepEqual(keysForEvent(ev('user.updated', 'user', 'someone'), 'me'), [['audit'], ['users']]);
  assert.deepEqual(keysForEvent(ev('user.updated', 'user', 'me'), 'me'), [['audit'], ['users'], ['session']]);
  assert.deepEqual(keysForEvent(ev('user.updated', 'user', null), null), [['audit'], ['users']]);
});

test('department, token and org events refresh their lists', () => {
  assert.deepEqual(keysForEvent(ev('department.created'), 'me'), [['audit'], ['departments'], ['users']]);
  assert.deepEqual(keysForEvent(ev('token.revoked'), 'me'), [['audit'], ['tokens']]);
  assert.deepEqual(keysForEvent(ev('org.updated'), 'me'), [['audit'], ['org'], ['session']]);
});

test('monitoring events refresh mentions, charts, topics, sources and imports', () => {
  assert.deepEqual(keysForEvent(ev('mention.batch_ingested'), 'me'), [['audit'], ['mentions'], ['monitoring-stats'], ['sources']]);
  assert.deepEqual(keysForEvent(ev('topic.updated'), 'me'), [['audit'], ['topics'], ['mentions'], ['monitoring-stats']]);
  assert.deepEqual(keysForEvent(ev('source.created'), 'me'), [['audit'], ['sources']]);
  assert.deepEqual(keysForEvent(ev('import.finished'), 'me'), [['audit'], ['imports'], ['sources']]);
});

test('alert events refresh the alert queries, warning events the grading settings', () => {
  for (const type of ['alert.opened', 'alert.updated', 'alert.acknowledged', 'alert.dismissed']) {
    assert.deepEqual(keysForEvent(ev(type, 'alert', '0b7c6a9e-2f3d-4b8e-9c1a-5d6e7f8a9b0c'), 'me'), [['audit'], ['alerts']]);
  }
  assert.deepEqual(keysForEvent(ev('warning.settings_updated'), 'me'), [['audit'], ['warning-settings']]);
});

test('notification events refresh channels and deliveries, rule events the rules, on-call events the schedules', () => {
  const channelId = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
  for (const type of ['notification.delivered', 'notification.failed', 'notification.attempt_failed']) {
    assert.deepEqual(keysForEvent(ev(type, 'notification_channel', channelId), 'me'), [
      ['audit'],
      ['notification-channels'],
      ['notification-deliveries'],
    ]);
  }
  for (const type of ['notification_channel.created', 'notification_channel.updated', 'notification_channel.deleted']) {
    assert.deepEqual(keysForEvent(ev(type, 'notification_channel', channelId), 'me'), [
      ['audit'],
      ['notification-channels'],
      ['notification-deliveries'],
    ]);
  }
  for (const type of ['alert_rule.created', 'alert_rule.updated', 'alert_rule.deleted']) {
    assert.deepEqual(keysForEvent(ev(type, 'alert_rule', channelId), 'me'), [['audit'], ['alert-rules']]);
  }
  for (const type of ['oncall.created', 'oncall.updated', 'oncall.deleted']) {
    assert.deepEqual(keysForEvent(ev(type, 'oncall_schedule', channelId), 'me'), [['audit'], ['oncall-schedules']]);
  }
  // An escalation is an alert event: it refreshes the alerts, not the channels.
  assert.deepEqual(keysForEvent(ev('alert.escalated', 'alert', channelId), 'me'), [['audit'], ['alerts']]);
});

test('back-off doubles from 0.5 s with up to 50% jitter, never over 30 s', () => {
  assert.equal(
    backoffDelay(0, () => 0),
    500,
  );
  assert.equal(
    backoffDelay(0, () => 1),
    750,
  );
  assert.equal(
    backoffDelay(3, () => 0),
    4000,
  );
  assert.equal(
    backoffDelay(5, () => 1),
    24_000,
  );
  assert.equal(
    backoffDelay(6, () => 0),
    30_000,
  );
  assert.equal(
    backoffDelay(20, () => 1),
    30_000,
  );
});

test('crisis events refresh the crisis queries; a declaration also refreshes the alerts it may link', () => {
  const crisisId = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
  for (const type of ['crisis.status_changed', 'crisis.severity_changed', 'crisis.task_updated', 'crisis.note_added']) {
    assert.deepEqual(keysForEvent(ev(type, 'crisis', crisisId), 'me'), [['audit'], ['crises']]);
  }
  assert.deepEqual(keysForEvent(ev('crisis.declared', 'crisis', crisisId), 'me'), [['audit'], ['crises'], ['alerts']]);
});
