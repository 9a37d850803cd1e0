// Configuration: the private-address allow-list for connector fetches (FIREBREAK_FETCH_ALLOW_PRIVATE).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('FIREBREAK_FETCH_ALLOW_PRIVATE: empty by default; comma-separated hosts, addresses and CIDRs', () => {
  assert.deepEqual(loadConfig({}).fetchAllowPrivate, []);
  assert.deepEqual(
    loadConfig({ FIREBREAK_FETCH_ALLOW_PRIVATE: ' 127.0.0.1, rsshub.internal ,10.0.0.0/8,::1,fd00::/8,' }).fetchAllowPrivate,
    ['127.0.0.1', 'rsshub.internal', '10.0.0.0/8', '::1', 'fd00::/8'],
  );
});

test('FIREBREAK_FETCH_ALLOW_PRIVATE: a bad entry is named', () => {
  for (const bad of ['10.0.0.0/33', 'http://x', 'a b', '::1/129', '1.2.3.4/x']) {
    assert.throws(
      () => loadConfig({ FIREBREAK_FETCH_ALLOW_PRIVATE: bad }),
      (e: Error) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message, /FIREBREAK_FETCH_ALLOW_PRIVATE/);
        return true;
      },
    );
  }
});
