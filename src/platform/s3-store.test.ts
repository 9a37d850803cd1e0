// The S3 object store against s3rver (a local S3-compatible server) on loopback: streamed uploads come back
// byte-identical, missing keys are told apart from failures, unsafe keys never leave the process, and a dead or
// silent endpoint is a clear error within the time bounds that names the endpoint and never the credentials.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
// @ts-expect-error s3rver ships no type declarations (and there is no @types package installed)
import S3rverUntyped from 's3rver';
import { AppError } from './errors.ts';
import { createS3Store, isSafeKey, loadS3Settings, type S3Settings, type S3Store, type S3Timeouts } from './s3-store.ts';

/** The part of s3rver used here. */
type S3rver = { run(): Promise<{ port: number }>; close(): Promise<void> };
const S3rver = S3rverUntyped as new (opts: { port: number; address: string; silent: boolean; directory: string }) => S3rver;

const BUCKET = 'firebreak-test';
const SECRET = 'S3RVER';
const fast: S3Timeouts = { connectMs: 1_000, idleMs: 1_000, callMs: 2_000, minBytesPerSecond: 1024 * 1024 };
const servers: S3rver[] = [];
const stores: S3Store[] = [];
let dir = '';
let endpoint = '';
let store: S3Store;
let raw: S3Client;
let bigFile = '';
let bigHash = '';

async function startS3rver() {
  const srv = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: fs.mkdtempSync(path.join(dir, 's3rver-')) });
  servers.push(srv);
  const { port } = await srv.run();
  return { srv, endpoint: `http://127.0.0.1:${port}` };
}

function settings(over: Partial<S3Settings> = {}): S3Settings {
  return {
    endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    prefix: 'fb/',
    accessKeyId: 'S3RVER',
    secretAccessKey: SECRET,
    forcePathStyle: true,
    ...over,
  };
}

function open(s: S3Settings, t: S3Timeouts = fast) {
  const st = createS3Store(s, t);
  stores.push(st);
  return st;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const keyOf = (hash: string) => `sha256/${hash.slice(0, 2)}/${hash}`;

async function readAll(body: Readable) {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** Asserts `p` rejects with an AppError of `code` whose message matches `message`, and returns it. */
async function rejectsWith(p: Promise<unknown>, code: string, message: RegExp) {
  let caught: unknown;
  await p.catch((e) => {
    caught = e;
  });
  assert.ok(caught instanceof AppError, `expected an AppError, got ${String(caught)}`);
  assert.equal(caught.code, code);
  assert.match(caught.message, message);
  return caught;
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-s3-'));
  ({ endpoint } = await startS3rver());
  raw = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: SECRET },
  });
  await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
  store = open(settings());
  const bytes = randomBytes(5 * 1024 * 1024);
  bigFile = path.join(dir, 'upload.bin');
  fs.writeFileSync(bigFile, bytes);
  bigHash = sha256(bytes);
});

after(async () => {
  for (const s of stores) s.close();
  raw?.destroy();
  for (const s of servers) await s.close().catch(() => {});
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a 5 MiB file goes up streamed and comes back byte-identical, under the prefix, with its SHA-256', async () => {
  const key = keyOf(bigHash);
  assert.equal(await store.exists(key), false);
  await store.put(key, bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash });
  assert.equal(await store.exists(key), true);

  const got = await store.get(key);
  assert.equal(got.size, 5 * 1024 * 1024);
  const back = await readAll(got.body);
  assert.equal(back.length, 5 * 1024 * 1024);
  assert.equal(sha256(back), bigHash);

  // Where it landed, seen by a plain client: the prefix, the type and the hex digest as metadata.
  const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `fb/${key}` }));
  assert.equal(head.ContentLength, 5 * 1024 * 1024);
  assert.equal(head.ContentType, 'application/pdf');
  assert.equal(head.Metadata?.sha256, bigHash);

  // Uploading the same bytes again (content-addressed keys) is harmless.
  await store.put(key, bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash });
  assert.equal(sha256(await readAll((await store.get(key)).body)), bigHash);
});

test('exists is false and get is not_found for a missing key; remove deletes, and removing again is fine', async () => {
  const bytes = Buffer.from('short evidence note\n');
  const file = path.join(dir, 'note.txt');
  fs.writeFileSync(file, bytes);
  const key = keyOf(sha256(bytes));
  await rejectsWith(store.get(key), 'not_found', /No such file/);
  await store.put(key, file, { size: bytes.length, contentType: 'text/plain', sha256: sha256(bytes) });
  assert.equal(await store.exists(key), true);
  assert.deepEqual(await readAll((await store.get(key)).body), bytes);
  await store.remove(key);
  assert.equal(await store.exists(key), false);
  await rejectsWith(store.get(key), 'not_found', /No such file/);
  await store.remove(key);
  // The same key without the prefix was never written: a store without one does not see it.
  await store.put(key, file, { size: bytes.length, contentType: 'text/plain', sha256: sha256(bytes) });
  assert.equal(await open(settings({ prefix: '' })).exists(key), false);
  assert.equal(await open(settings({ prefix: 'fb' })).exists(key), true);
});

test('put refuses a size that does not match the file and a missing digest, before sending anything', async () => {
  const hash = sha256(fs.readFileSync(bigFile));
  await rejectsWith(
    store.put(keyOf(hash), bigFile, { size: 1024, contentType: 'application/pdf', sha256: hash }),
    'internal',
    /changed size/,
  );
  await rejectsWith(
    store.put(keyOf(hash), bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: 'abc' }),
    'internal',
    /SHA-256/,
  );
});

test('unsafe keys are refused without a request (the endpoint here does not even exist)', async () => {
  const bad = [
    '../etc/passwd',
    'sha256/../../x',
    '/sha256/aa/x',
    'sha256//x',
    'sha256/aa/',
    'sha256/./x',
    'SHA256/aa/x',
    'sha256/aa/x?acl',
    'a b',
    'ä',
    'a\\b',
    '',
    '..',
  ];
  for (const key of bad) assert.equal(isSafeKey(key), false, key);
  assert.equal(isSafeKey(keyOf(bigHash)), true);
  assert.equal(isSafeKey('tmp/2026-12-01_upload.part'), true);
  const nowhere = open(settings({ endpoint: 'http://127.0.0.1:9' }));
  for (const key of bad) {
    await rejectsWith(nowhere.exists(key), 'internal', /unsafe/);
    await rejectsWith(nowhere.get(key), 'internal', /unsafe/);
    await rejectsWith(nowhere.remove(key), 'internal', /unsafe/);
    await rejectsWith(
      nowhere.put(key, bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash }),
      'internal',
      /unsafe/,
    );
  }
});

test('wrong credentials and a missing bucket are clear errors that do not quote the secret', async () => {
  await store.check();
  const wrong = open(settings({ accessKeyId: 'NOT-S3RVER', secretAccessKey: 'hunter2-very-secret' }));
  const e = await rejectsWith(wrong.exists(keyOf(bigHash)), 'internal', /refused Firebreak's credentials for bucket "firebreak-test"/);
  assert.doesNotMatch(e.message, /hunter2|NOT-S3RVER/);
  await rejectsWith(wrong.check(), 'internal', /refused/);

  const missing = open(settings({ bucket: 'no-such-bucket' }));
  await rejectsWith(missing.check(), 'internal', /bucket "no-such-bucket" does not exist at http:\/\/127\.0\.0\.1:\d+/);
  // The store refuses while the body is still being sent (often seen only as a broken pipe): still named right.
  for (let i = 0; i < 4; i++) {
    await rejectsWith(
      missing.put(keyOf(bigHash), bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash }),
      'internal',
      /bucket "no-such-bucket" does not exist/,
    );
  }
  const e2 = await rejectsWith(
    wrong.put(keyOf(bigHash), bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash }),
    'internal',
    /refused Firebreak's credentials/,
  );
  assert.doesNotMatch(e2.message, /hunter2|NOT-S3RVER/);
});

test('a stopped server is a clear error within the time bounds, naming the endpoint, not the credentials', async () => {
  const other = await startS3rver();
  const secret = 'another-secret-value';
  const s = open({ ...settings({ endpoint: other.endpoint }), secretAccessKey: secret, accessKeyId: 'S3RVER' });
  await s.exists(keyOf(bigHash)).catch(() => {}); // a kept-alive connection now exists
  await other.srv.close();
  const started = Date.now();
  for (const call of [() => s.exists(keyOf(bigHash)), () => s.get(keyOf(bigHash)), () => s.remove(keyOf(bigHash)), () => s.check()]) {
    const e = await rejectsWith(call(), 'internal', /object store at http:\/\/127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)/);
    assert.ok(e.message.includes(other.endpoint));
    assert.doesNotMatch(e.message, new RegExp(secret));
  }
  await rejectsWith(
    s.put(keyOf(bigHash), bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash }),
    'internal',
    /could not be reached/,
  );
  assert.ok(Date.now() - started < 5 * fast.callMs, `took ${Date.now() - started} ms`);
});

test('an endpoint that accepts connections but never answers is cut off by the deadline', async () => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume(); // read everything, answer nothing
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  try {
    const port = (silent.address() as AddressInfo).port;
    const s = open(settings({ endpoint: `http://127.0.0.1:${port}` }), {
      connectMs: 500,
      idleMs: 60_000,
      callMs: 800,
      minBytesPerSecond: 64 * 1024 * 1024,
    });
    for (const call of [() => s.exists(keyOf(bigHash)), () => s.get(keyOf(bigHash))]) {
      const started = Date.now();
      await rejectsWith(call(), 'internal', new RegExp(`object store at http://127\\.0\\.0\\.1:${port} did not answer within 1 s`));
      const took = Date.now() - started;
      assert.ok(took >= 700 && took < 3_000, `took ${took} ms`);
    }
    // An upload's budget grows with its size (here 0.8 s + 5 MiB at 64 MiB/s): still bounded.
    const started = Date.now();
    await rejectsWith(
      s.put(keyOf(bigHash), bigFile, { size: 5 * 1024 * 1024, contentType: 'application/pdf', sha256: bigHash }),
      'internal',
      /did not answer within 1 s/,
    );
    assert.ok(Date.now() - started < 3_000);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => silent.close(r));
  }
});

test('on the wire (a recording fake S3): the upload is one streamed PUT with its length and SHA-256; downloads are checked and bounded', async () => {
  const bytes = fs.readFileSync(bigFile);
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; received: number }[] = [];
  let answer: 'good' | 'corrupt' | 'stall' = 'good';
  const fake = http.createServer((req, res) => {
    let received = 0;
    req.on('data', (c: Buffer) => {
      received += c.length;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, received });
      if (req.method === 'PUT') return void res.writeHead(200, { etag: '"x"' }).end();
      const sum = answer === 'corrupt' ? sha256(Buffer.from('other bytes')) : bigHash;
      res.writeHead(200, {
        'content-length': bytes.length,
        'content-type': 'application/pdf',
        'x-amz-checksum-sha256': Buffer.from(sum, 'hex').toString('base64'),
        'x-amz-checksum-type': 'FULL_OBJECT',
      });
      if (answer === 'stall') res.write(bytes.subarray(0, 1024 * 1024));
      else res.end(bytes);
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  try {
    const port = (fake.address() as AddressInfo).port;
    const s = open(settings({ endpoint: `http://127.0.0.1:${port}`, prefix: '' }), { ...fast, idleMs: 500 });
    await s.put(keyOf(bigHash), bigFile, { size: bytes.length, contentType: 'application/pdf', sha256: bigHash });
    const put = seen.find((r) => r.method === 'PUT');
    assert.ok(put);
    assert.equal(put.url.split('?')[0], `/${BUCKET}/${keyOf(bigHash)}`);
    assert.equal(put.headers['content-length'], String(bytes.length));
    assert.equal(put.received, bytes.length);
    assert.equal(put.headers['transfer-encoding'], undefined);
    assert.equal(put.headers['x-amz-checksum-sha256'], Buffer.from(bigHash, 'hex').toString('base64'));
    assert.equal(put.headers['x-amz-meta-sha256'], bigHash);
    assert.match(String(put.headers.authorization), /^AWS4-HMAC-SHA256 Credential=S3RVER\//);

    // A body matching the stored checksum reads through; a corrupt one fails at its end instead of passing as good.
    assert.equal(sha256(await readAll((await s.get(keyOf(bigHash))).body)), bigHash);
    assert.equal(seen.at(-1)?.headers['x-amz-checksum-mode'], 'ENABLED');
    answer = 'corrupt';
    await assert.rejects(readAll((await s.get(keyOf(bigHash))).body), /checksum/i);
    // A body that stops arriving is ended by the idle timeout, not left hanging.
    answer = 'stall';
    const started = Date.now();
    const got = await s.get(keyOf(bigHash));
    await assert.rejects(readAll(got.body));
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  } finally {
    fake.closeAllConnections();
    await new Promise((r) => fake.close(r));
  }
});

test('settings: absent bucket is the disk store; defaults; every bad variable is named', () => {
  assert.equal(loadS3Settings({}), null);
  assert.equal(loadS3Settings({ FIREBREAK_S3_BUCKET: '' }), null);
  assert.deepEqual(loadS3Settings({ FIREBREAK_S3_BUCKET: 'firebreak-files' }), {
    endpoint: undefined,
    region: 'us-east-1',
    bucket: 'firebreak-files',
    prefix: '',
    accessKeyId: undefined,
    secretAccessKey: undefined,
    forcePathStyle: false,
  });
  assert.deepEqual(
    loadS3Settings({
      FIREBREAK_S3_BUCKET: 'firebreak-files',
      FIREBREAK_S3_ENDPOINT: 'https://minio.internal:9000/',
      FIREBREAK_S3_REGION: 'ap-northeast-1',
      FIREBREAK_S3_PREFIX: '/prod/files/',
      FIREBREAK_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      FIREBREAK_S3_SECRET_ACCESS_KEY: 'secret',
    }),
    {
      endpoint: 'https://minio.internal:9000',
      region: 'ap-northeast-1',
      bucket: 'firebreak-files',
      prefix: 'prod/files/',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    },
  );
  assert.equal(
    loadS3Settings({ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_ENDPOINT: 'http://s3.local', FIREBREAK_S3_FORCE_PATH_STYLE: 'false' })
      ?.forcePathStyle,
    false,
  );
  assert.equal(loadS3Settings({ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_FORCE_PATH_STYLE: 'yes' })?.forcePathStyle, true);

  class ConfigError extends Error {}
  const bad: [Record<string, string>, RegExp][] = [
    [{ FIREBREAK_S3_BUCKET: 'Bad_Bucket' }, /FIREBREAK_S3_BUCKET: must be a bucket name/],
    [{ FIREBREAK_S3_BUCKET: 'ab' }, /FIREBREAK_S3_BUCKET/],
    [{ FIREBREAK_S3_BUCKET: '192.168.1.1' }, /FIREBREAK_S3_BUCKET/],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_ENDPOINT: 'minio:9000' }, /FIREBREAK_S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_ENDPOINT: 'ftp://minio' }, /FIREBREAK_S3_ENDPOINT: must be an http/],
    [
      { FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_ENDPOINT: 'https://key:topsecret@minio' },
      /FIREBREAK_S3_ENDPOINT: must not contain credentials/,
    ],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_ENDPOINT: 'https://minio/?x=1' }, /FIREBREAK_S3_ENDPOINT: must not have a query/],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_REGION: 'US East' }, /FIREBREAK_S3_REGION: must be a region name/],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_PREFIX: 'a/../b' }, /FIREBREAK_S3_PREFIX: must be a path/],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_PREFIX: 'files?x' }, /FIREBREAK_S3_PREFIX/],
    [{ FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_FORCE_PATH_STYLE: 'maybe' }, /FIREBREAK_S3_FORCE_PATH_STYLE: must be true or false/],
    [
      { FIREBREAK_S3_BUCKET: 'abc', FIREBREAK_S3_ACCESS_KEY_ID: 'AKIA' },
      /FIREBREAK_S3_ACCESS_KEY_ID and FIREBREAK_S3_SECRET_ACCESS_KEY must be set together/,
    ],
    [{ FIREBREAK_S3_ENDPOINT: 'https://minio' }, /FIREBREAK_S3_BUCKET: must be set when FIREBREAK_S3_ENDPOINT is set/],
  ];
  for (const [env, message] of bad) {
    assert.throws(
      () => loadS3Settings(env, (m) => new ConfigError(m)),
      (e: Error) => {
        assert.ok(e instanceof ConfigError);
        assert.match(e.message, /^Invalid configuration:\n {2}FIREBREAK_S3_/);
        assert.match(e.message, message);
        assert.doesNotMatch(e.message, /topsecret/);
        return true;
      },
      JSON.stringify(env),
    );
  }
  // Several bad variables are all named at once.
  assert.throws(
    () => loadS3Settings({ FIREBREAK_S3_BUCKET: 'A', FIREBREAK_S3_REGION: '!' }),
    /FIREBREAK_S3_BUCKET[\s\S]*FIREBREAK_S3_REGION/,
  );
});
