// The Jetstream connector against a loopback server that speaks the /subscribe protocol: wantedCollections,
// wantedDids and cursor are read from the query, events after the cursor are replayed, and identity/account
// events, updates, deletes and junk are mixed in. The loopback address is allow-listed as an admin would.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { WebSocketServer } from 'ws';
import { createTestClock } from '../../../../platform/clock.ts';
import { checkTarget, SafeFetchError, safeFetch } from '../../../../platform/safe-fetch.ts';
import {
  DEFAULT_JETSTREAM,
  type JetstreamBatch,
  type JetstreamConfig,
  type JetstreamTuning,
  jetstreamConnector,
  streamJetstream,
  subscribeUrl,
} from './jetstream.ts';
import { connectorFor } from './registry.ts';
import type { StreamContext } from './types.ts';

const clock = createTestClock(new Date('2024-09-10T00:00:00Z'));
const T0 = 1725911162329308; // 2024-09-09T19:46:02.329308Z
const ALICE = 'did:plc:alice0000000000000000000';
const BOB = 'did:plc:bob00000000000000000000000';
const POST = 'app.bsky.feed.post';

/** One entry of the server's log: `pos` orders it against cursors; `frame` is what goes on the wire. */
type Entry = { pos: number; did?: string; collection?: string; frame: string | Buffer; binary?: boolean };
const post = (pos: number, did: string, rkey: string, record: Record<string, unknown>, operation = 'create'): Entry => ({
  pos,
  did,
  collection: POST,
  frame: JSON.stringify({
    did,
    time_us: pos,
    kind: 'commit',
    commit: { rev: `rev${pos}`, operation, collection: POST, rkey, record: { $type: POST, ...record }, cid: `bafy${pos}` },
  }),
});
const text = (pos: number, t: string, more: Record<string, unknown> = {}, did = ALICE) =>
  post(pos, did, `3l${pos.toString(36)}`, { text: t, createdAt: '2024-09-09T19:46:02.102Z', langs: ['zh-Hant'], ...more });
const raw = (pos: number, frame: string | Buffer, binary = false): Entry => ({ pos, frame, binary });

let log: Entry[] = [];
let dropAfter = Number.POSITIVE_INFINITY;
let honourDids = true;
const connections: URLSearchParams[] = [];
let server: http.Server;
let wss: WebSocketServer;
let endpoint = '';

before(async () => {
  wss = new WebSocketServer({ noServer: true });
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/subscribe')
      return void socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\nConnection: close\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => replay(ws, url.searchParams));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  for (const c of wss.clients) c.terminate();
  wss.close();
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  log = [];
  dropAfter = Number.POSITIVE_INFINITY;
  honourDids = true;
  connections.length = 0;
});

/** What Jetstream does on connect: filter by collection and DID, replay after the cursor, then stay open. */
function replay(ws: import('ws').WebSocket, q: URLSearchParams) {
  connections.push(q);
  const collections = q.getAll('wantedCollections');
  const dids = q.getAll('wantedDids');
  const cursor = q.has('cursor') ? Number(q.get('cursor')) : Number.NEGATIVE_INFINITY;
  const due = log.filter(
    (e) =>
      e.pos > cursor &&
      !(e.collection && collections.length && !collections.includes(e.collection)) &&
      !(honourDids && e.did && dids.length && !dids.includes(e.did)),
  );
  // A drop: the connection is cut right after the last frame was written.
  due.slice(0, dropAfter).forEach((e, i) => {
    ws.send(e.frame, { binary: !!e.binary }, () => i + 1 === dropAfter && ws.terminate());
  });
}

const ctx = (config: Partial<JetstreamConfig>, cursor?: string, allowPrivate = ['127.0.0.1']): StreamContext<JetstreamConfig> => ({
  config: jetstreamConnector.configSchema.parse({ endpoint, wantedDids: [ALICE, BOB], ...config }),
  ...(cursor ? { cursor } : {}),
  clock,
  checkTarget: (url, protocols) => checkTarget(url, { allowPrivate, protocols }),
  fetch: (url, o) => safeFetch(url, { ...o, allowPrivate }),
});

/** Reads batches until `done` says so (then aborts), or until the stream throws; bounded in time. */
async function collect(c: StreamContext<JetstreamConfig>, done: (b: JetstreamBatch[]) => boolean, tuning: JetstreamTuning = {}) {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 5000);
  const batches: JetstreamBatch[] = [];
  let error: unknown;
  try {
    for await (const b of streamJetstream(c, ac.signal, { windowMs: 30, cursorEveryMs: 30, ...tuning })) {
      batches.push(b);
      if (done(batches)) ac.abort();
    }
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }
  return { batches, error };
}
const lastCursor = (bs: JetstreamBatch[]) => bs.findLast((b) => b.cursor)?.cursor;
const ids = (bs: JetstreamBatch[]) => bs.flatMap((b) => b.items.map((i) => i.externalId));

test('posts become mentions; a topic query keeps only matching posts; everything else is skipped', async () => {
  const ev = (pos: number, kind: string, extra: object) => raw(pos, JSON.stringify({ did: BOB, time_us: pos, kind, ...extra }));
  log = [
    text(T0, '今天去鼎泰豐吃小籠包，排了兩小時'),
    ev(T0 + 1, 'identity', { identity: { did: BOB, handle: 'bob.bsky.social', seq: 1, time: '2024-09-09T19:46:02Z' } }),
    ev(T0 + 2, 'account', { account: { active: false, did: BOB, seq: 2, status: 'deactivated', time: '2024-09-09T19:46:02Z' } }),
    text(T0 + 3, 'Had dinner at DIN  TAI FUNG tonight', { langs: ['en'], createdAt: '2024-09-09T19:47:00+08:00' }, BOB),
    text(T0 + 4, '鼎泰丰的小笼包', { langs: ['not a tag!'], createdAt: 'yesterday' }),
    text(T0 + 5, 'an unrelated cat picture', { langs: ['en'] }),
    post(T0 + 6, ALICE, '3lupdate', { text: '鼎泰豐 edited' }, 'update'),
    raw(
      T0 + 7,
      JSON.stringify({
        did: ALICE,
        time_us: T0 + 7,
        kind: 'commit',
        commit: { rev: 'r', operation: 'delete', collection: POST, rkey: '3l' },
      }),
    ),
    { ...text(T0 + 8, '鼎泰豐 like'), collection: 'app.bsky.feed.like' }, // the server filters it out
    raw(T0 + 9, '{"did": "did:plc:x", "time_us": 1725911162329317, "kind": "commit", "commit": {'),
    raw(T0 + 9, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), // invalid UTF-8 in a text frame
    raw(T0 + 9, Buffer.from('{"kind":"commit"}'), true),
    raw(T0 + 9, '[]'),
    raw(T0 + 9, JSON.stringify({ kind: 'commit', commit: {} })),
    text(T0 + 10, '鼎泰豐\u0000hidden'),
    raw(
      T0 + 11,
      `{"did":"${ALICE}","time_us":${T0 + 11},"kind":"commit","commit":{"operation":"create","collection":"${POST}","rkey":"3lx","record":{"text":"\\ud800 鼎泰豐"}}}`,
    ),
    text(T0 + 12, `鼎泰豐 ${'長'.repeat(70_000)}`),
    text(5, '鼎泰豐 from the distant past'),
    text(T0 + 13, '鼎泰豐', {}, 'did:evil<script>'),
    post(T0 + 14, ALICE, '../../etc', { text: '鼎泰豐' }),
    post(T0 + 15, ALICE, '3lnotext', { text: 42 }),
    text(T0 + 16, '   '),
    text(T0 + 17, '鼎泰豐 absurd dates', { createdAt: '0001-01-01T00:00:00Z' }),
    text(T0 + 18, '鼎泰豐 from the future', { createdAt: '2099-01-01T00:00:00Z' }),
    ev(T0 + 19, 'identity', { identity: { did: BOB } }),
  ];
  const c = ctx({ wantedDids: undefined, query: '鼎泰豐 OR "din tai fung"' });
  const { batches, error } = await collect(c, (bs) => lastCursor(bs) === String(T0 + 19));
  assert.equal(error, undefined, String(error));
  assert.deepEqual(
    ids(batches),
    [T0, T0 + 3, T0 + 4, T0 + 17, T0 + 18].map((p, i) => `at://${i === 1 ? BOB : ALICE}/${POST}/3l${p.toString(36)}`),
  );
  const items = batches.flatMap((b) => b.items);
  assert.deepEqual(items[0], {
    externalId: `at://${ALICE}/${POST}/3l${T0.toString(36)}`,
    url: `https://bsky.app/profile/${ALICE}/post/3l${T0.toString(36)}`,
    author: ALICE,
    text: '今天去鼎泰豐吃小籠包，排了兩小時',
    publishedAt: '2024-09-09T19:46:02.102Z',
    lang: 'zh-Hant',
  });
  assert.equal(items[1].publishedAt, '2024-09-09T11:47:00.000Z');
  assert.equal(items[1].lang, 'en');
  assert.equal(items[2].lang, undefined, 'an invalid language tag is dropped');
  for (const i of [2, 3, 4]) assert.equal(items[i].publishedAt.slice(0, 19), '2024-09-09T19:46:02', 'falls back to time_us');
  // Junk ×5, NUL, lone surrogate, oversize, time_us 5, bad did, bad rkey, text not a string.
  assert.equal(
    batches.reduce((n, b) => n + b.skipped, 0),
    12,
  );
  assert.equal(connections.length, 1);
  assert.deepEqual(connections[0].getAll('wantedCollections'), [POST]);
  assert.equal(connections[0].has('cursor'), false);
  assert.equal(connections[0].get('maxMessageSizeBytes'), '65536');
});

test('a dropped connection ends the stream with an error after the last batch; the cursor resumes without gaps', async () => {
  log = Array.from({ length: 10 }, (_, i) => text(T0 + i * 1000, `post ${i}`));
  dropAfter = 4;
  const first = await collect(ctx({}), () => false, { batchSize: 3, windowMs: 2000 });
  assert.ok(first.error instanceof SafeFetchError, String(first.error));
  assert.equal(first.error.code, 'network');
  assert.deepEqual(
    first.batches.map((b) => b.items.length),
    [3, 1],
    'a full batch, then what was pending when the connection dropped',
  );
  assert.equal(lastCursor(first.batches), String(T0 + 3000));

  dropAfter = Number.POSITIVE_INFINITY;
  const second = await collect(ctx({}, lastCursor(first.batches)), (bs) => lastCursor(bs) === String(T0 + 9000), { batchSize: 4 });
  assert.equal(second.error, undefined, String(second.error));
  assert.equal(connections[1].get('cursor'), String(T0 + 3000));
  assert.deepEqual(
    [...ids(first.batches), ...ids(second.batches)],
    log.map((_, i) => `at://${ALICE}/${POST}/3l${(T0 + i * 1000).toString(36)}`),
    'every post once, in order',
  );
});

test('without posts, the cursor moves now and then, and before the stream ends', async () => {
  log = Array.from({ length: 5 }, (_, i) =>
    raw(T0 + i, JSON.stringify({ did: BOB, time_us: T0 + i, kind: 'identity', identity: { did: BOB } })),
  );
  dropAfter = 5;
  const { batches, error } = await collect(ctx({}), () => false, { cursorEveryMs: 60_000 });
  assert.ok(error instanceof SafeFetchError);
  assert.deepEqual(batches, [{ items: [], skipped: 0, cursor: String(T0 + 4) }]);
});

test('wantedDids go to the server, and are enforced here too', async () => {
  log = [text(T0, 'from alice'), text(T0 + 1, 'from bob', {}, BOB)];
  const { batches } = await collect(ctx({ wantedDids: [BOB, BOB] }), (bs) => lastCursor(bs) === String(T0 + 1));
  assert.deepEqual(connections[0].getAll('wantedDids'), [BOB]);
  assert.deepEqual(
    batches.flatMap((b) => b.items.map((i) => i.author)),
    [BOB],
  );
  // A server that ignores wantedDids: the connector drops the other accounts' posts itself.
  honourDids = false;
  const ignoring = await collect(ctx({ wantedDids: [BOB] }), (bs) => lastCursor(bs) === String(T0 + 1));
  assert.equal(ignoring.error, undefined, String(ignoring.error));
  assert.deepEqual(ids(ignoring.batches), [`at://${BOB}/${POST}/3l${(T0 + 1).toString(36)}`]);
  const url = new URL(subscribeUrl(ctx({ wantedDids: [ALICE] }).config, String(T0)));
  assert.deepEqual([url.pathname, url.searchParams.get('cursor')], ['/subscribe', String(T0)]);
  assert.equal(new URL(subscribeUrl(ctx({}).config, 'not-a-cursor')).searchParams.has('cursor'), false);
});

test('a frame beyond maxPayload, an HTTP answer and a private address end the stream with an error', async () => {
  log = [text(T0, 'fine'), raw(T0 + 1, 'x'.repeat(10_000))];
  const big = await collect(ctx({}), () => false, { maxPayloadBytes: 4096, maxEventBytes: 2048 });
  assert.ok(big.error instanceof SafeFetchError && big.error.code === 'too_large', String(big.error));
  assert.deepEqual(ids(big.batches), [`at://${ALICE}/${POST}/3l${T0.toString(36)}`], 'what came before is still yielded');

  const moved = await collect(ctx({ endpoint: `${endpoint}/elsewhere` }), () => false);
  assert.ok(moved.error instanceof SafeFetchError && moved.error.code === 'http_error', String(moved.error));
  assert.equal(moved.error.status, 503);
  assert.equal(moved.error.retryAfterMs, 30_000);

  const before = connections.length;
  const blocked = await collect(ctx({}, undefined, []), () => false);
  assert.ok(blocked.error instanceof SafeFetchError && blocked.error.code === 'blocked_address', String(blocked.error));
  assert.match(blocked.error.message, /loopback/);
  assert.equal(connections.length, before, 'no connection was made');
});

test('a server that stops answering pings is given up on', async () => {
  const mute = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/subscribe', autoPong: false });
  await new Promise((r) => mute.once('listening', r));
  try {
    const c = ctx({ endpoint: `ws://127.0.0.1:${(mute.address() as AddressInfo).port}` });
    const { batches, error } = await collect(c, () => false, { heartbeatMs: 40 });
    assert.ok(error instanceof SafeFetchError && error.code === 'timeout', String(error));
    assert.deepEqual(batches, []);
  } finally {
    for (const s of mute.clients) s.terminate();
    await new Promise((r) => mute.close(r));
  }
});

test('aborting before or while connected ends the stream quietly', async () => {
  const ac = new AbortController();
  ac.abort();
  const none: JetstreamBatch[] = [];
  for await (const b of streamJetstream(ctx({}), ac.signal)) none.push(b);
  assert.equal(none.length, 0);
  assert.equal(connections.length, 0);
  log = [text(T0, 'one')];
  const live = new AbortController();
  setTimeout(() => live.abort(), 200);
  const got: JetstreamBatch[] = [];
  for await (const b of streamJetstream(ctx({}), live.signal, { windowMs: 20 })) got.push(b);
  assert.equal(ids(got).length, 1);
});

test('a slow consumer pauses the socket instead of queueing without bound; nothing is lost', async () => {
  log = Array.from({ length: 60 }, (_, i) => text(T0 + i, `post ${i}`));
  const slow = async (bs: JetstreamBatch[]) => {
    await new Promise((r) => setTimeout(r, 2));
    return bs;
  };
  const got: JetstreamBatch[] = [];
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 5000);
  for await (const b of streamJetstream(ctx({}), ac.signal, { batchSize: 1, highWater: 4 })) {
    got.push(...(await slow([b])));
    if (b.cursor === String(T0 + 59)) ac.abort();
  }
  clearTimeout(timer);
  assert.deepEqual(
    ids(got),
    log.map((_, i) => `at://${ALICE}/${POST}/3l${(T0 + i).toString(36)}`),
  );
});

test('registry and config schema', () => {
  assert.equal(connectorFor('jetstream'), jetstreamConnector);
  const schema = jetstreamConnector.configSchema;
  assert.deepEqual(schema.parse({ query: '鼎泰豐' }), { endpoint: DEFAULT_JETSTREAM, query: '鼎泰豐' });
  assert.ok(schema.safeParse({ wantedDids: [ALICE] }).success);
  assert.ok(schema.safeParse({ endpoint: 'wss://jetstream1.us-west.bsky.network/subscribe', query: '鼎泰豐 OR "din tai fung"' }).success);
  const many = Array.from({ length: 101 }, (_, i) => `did:plc:${i}`);
  for (const bad of [
    { endpoint: 'https://jetstream2.us-east.bsky.network', query: 'x' },
    { endpoint: 'wss://user:pw@example.com', query: 'x' },
    { endpoint: 'wss://example.com/?cursor=1', query: 'x' },
    { wantedDids: many },
    { wantedDids: ['alice.bsky.social'] },
    { query: '(鼎泰豐' },
    { query: 'NOT 鼎泰豐' },
    { extra: 1, query: 'x' },
    {},
    { query: '  ', wantedDids: [] },
  ]) {
    assert.ok(!schema.safeParse(bad).success, JSON.stringify(bad).slice(0, 100));
  }
});
