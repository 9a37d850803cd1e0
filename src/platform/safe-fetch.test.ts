// safeFetch refuses private targets before connecting, follows a bounded number of checked redirects,
// and stops huge, compressed-bomb and trickling bodies early. Only loopback servers started here are contacted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { TLSSocket } from 'node:tls';
import zlib from 'node:zlib';
import { blockedReason, isAllowListed, SafeFetchError, safeFetch } from './safe-fetch.ts';

const allow = ['127.0.0.1'];
let server: http.Server;
let base = '';
let hits = 0;
let streamed = 0;
const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));

before(async () => {
  server = http.createServer((req, res) => {
    hits++;
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    if (p === '/ok') {
      res.setHeader('content-type', 'text/plain');
      res.end(`hello ${req.headers['user-agent']} ${req.headers.host}`);
    } else if (p.startsWith('/loop/')) {
      res.writeHead(302, { location: `/loop/${Number(p.slice(6)) + 1}` }).end();
    } else if (p === '/to') {
      res.writeHead(301, { location: url.searchParams.get('u') ?? '/' }).end();
    } else if (p === '/huge') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (streamed < 100 * 1024 * 1024 && !res.destroyed) {
          streamed += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.destroy());
      pump();
    } else if (p === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a');
      const t = setInterval(() => res.write('b'), 2000);
      res.on('close', () => clearInterval(t));
    } else if (p === '/bomb') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length }).end(bomb);
    } else if (p === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync('compressed hello'));
    } else if (p === '/etag') {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Wed, 01 Jan 2025 00:00:00 GMT') {
        res.writeHead(304).end();
      } else res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' }).end('body');
    } else if (p === '/busy') {
      res.writeHead(503, { 'retry-after': '120' }).end('busy');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function failsWith(p: Promise<unknown>, code: string): Promise<SafeFetchError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SafeFetchError, `not a SafeFetchError: ${e}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected ${code}`);
}

test('classifier: private, loopback, link-local, CGNAT, reserved and their IPv6 forms are blocked', () => {
  for (const a of [
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.8.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::1',
    '::',
    'fd12::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:101::1',
  ]) {
    assert.ok(blockedReason(a), a);
  }
  for (const a of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(blockedReason(a), null, a);
  assert.equal(blockedReason('example.com'), 'not an IP address');
  assert.ok(isAllowListed('h', '10.1.2.3', ['10.0.0.0/8']));
  assert.ok(isAllowListed('Feeds.Internal.', '10.1.2.3', ['feeds.internal']));
  assert.ok(isAllowListed('h', '::ffff:127.0.0.1', ['127.0.0.1']));
  assert.ok(!isAllowListed('h', '10.1.2.3', ['127.0.0.1', '10.0.0.0/16x']));
});

test('private targets are refused before any connection', async () => {
  const port = (server.address() as AddressInfo).port;
  const before = hits;
  for (const host of ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '169.254.169.254', '[::ffff:127.0.0.1]', '2130706433']) {
    await failsWith(safeFetch(`http://${host}:${port}/ok`, { timeoutMs: 1000 }), 'blocked_address');
  }
  // A name that resolves to one public and one private address is refused (no connection is tried).
  const resolve = async () => [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.7', family: 4 },
  ];
  await failsWith(safeFetch('http://mixed.example/', { resolve, timeoutMs: 1000 }), 'blocked_address');
  assert.equal(hits, before);
});

test('bad URLs are refused', async () => {
  for (const u of ['file:///etc/passwd', 'ftp://example.com/', 'http://user:pw@example.com/', 'not a url', 'gopher://x']) {
    await failsWith(safeFetch(u), 'bad_url');
  }
});

test('allow-listed loopback is fetched, with our User-Agent, on the checked address (no second lookup)', async () => {
  const r = await safeFetch(`${base}/ok`, { allowPrivate: allow });
  assert.equal(r.status, 200);
  assert.match(r.body.toString(), /^hello Firebreak\/0\.1 \(\+self-hosted reputation monitoring\)/);
  // feed.invalid does not exist in DNS: the request can only reach the server through the checked address.
  const port = (server.address() as AddressInfo).port;
  let lookups = 0;
  const resolve = async () => {
    lookups++;
    return [{ address: '127.0.0.1', family: 4 }];
  };
  const viaName = await safeFetch(`http://feed.invalid:${port}/ok`, { allowPrivate: allow, resolve });
  assert.match(viaName.body.toString(), new RegExp(`feed\\.invalid:${port}$`));
  assert.equal(lookups, 1);
  const gz = await safeFetch(`${base}/gzip`, { allowPrivate: allow });
  assert.equal(gz.body.toString(), 'compressed hello');
});

test('redirects: chain limited, each hop re-checked', async () => {
  const e = await failsWith(safeFetch(`${base}/loop/0`, { allowPrivate: allow, maxRedirects: 3 }), 'too_many_redirects');
  assert.match(e.message, /3 redirects/);
  const ok = await safeFetch(`${base}/to?u=/ok`, { allowPrivate: allow });
  assert.equal(ok.finalUrl, `${base}/ok`);
  for (const target of [
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://10.0.0.1/admin',
    'http://[::ffff:a9fe:a9fe]/',
  ]) {
    await failsWith(safeFetch(`${base}/to?u=${encodeURIComponent(target)}`, { allowPrivate: allow }), 'blocked_address');
  }
  await failsWith(safeFetch(`${base}/to?u=${encodeURIComponent('file:///etc/passwd')}`, { allowPrivate: allow }), 'bad_url');
});

test('a 100 MB body is aborted as soon as the limit is passed', async () => {
  streamed = 0;
  const t0 = Date.now();
  await failsWith(safeFetch(`${base}/huge`, { allowPrivate: allow, maxBytes: 256 * 1024 }), 'too_large');
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(streamed < 16 * 1024 * 1024, `server sent ${streamed} bytes`);
  assert.ok(Date.now() - t0 < 2000);
});

test('a gzip bomb is refused by the decompressed size', async () => {
  const t0 = Date.now();
  await failsWith(safeFetch(`${base}/bomb`, { allowPrivate: allow, maxBytes: 1024 * 1024 }), 'too_large');
  assert.ok(Date.now() - t0 < 2000);
});

test('a slowloris server is cut off by the idle limit, then by the total limit', async () => {
  const t0 = Date.now();
  const e = await failsWith(safeFetch(`${base}/slow`, { allowPrivate: allow, idleTimeoutMs: 500, timeoutMs: 2000 }), 'timeout');
  assert.match(e.message, /stopped sending/);
  assert.ok(Date.now() - t0 < 1500);
  const e2 = await failsWith(safeFetch(`${base}/slow`, { allowPrivate: allow, idleTimeoutMs: 5000, timeoutMs: 800 }), 'timeout');
  assert.match(e2.message, /within 0.8 s/);
  // Headers trickled one byte at a time are cut off by the header limit.
  const trickle = net.createServer((socket) => {
    socket.write('HTTP/1.1 200 OK\r\n');
    const t = setInterval(() => socket.write('X'), 100);
    socket.on('close', () => clearInterval(t));
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => trickle.listen(0, '127.0.0.1', r));
  const port = (trickle.address() as AddressInfo).port;
  const e3 = await failsWith(safeFetch(`http://127.0.0.1:${port}/`, { allowPrivate: allow, headersTimeoutMs: 400 }), 'timeout');
  assert.match(e3.message, /No response/);
  trickle.close();
});

test('conditional GET: a matching ETag or date gives notModified', async () => {
  const first = await safeFetch(`${base}/etag`, { allowPrivate: allow });
  assert.equal(first.notModified, false);
  assert.equal(first.headers.etag, '"v1"');
  const second = await safeFetch(`${base}/etag`, { allowPrivate: allow, etag: first.headers.etag });
  assert.deepEqual([second.status, second.notModified, second.body.length], [304, true, 0]);
  const third = await safeFetch(`${base}/etag`, { allowPrivate: allow, lastModified: first.headers['last-modified'] });
  assert.equal(third.notModified, true);
});

test('HTTP errors, refused connections and cancellation are SafeFetchErrors', async () => {
  const e = await failsWith(safeFetch(`${base}/busy`, { allowPrivate: allow }), 'http_error');
  assert.equal(e.status, 503);
  assert.equal(e.retryAfterMs, 120_000);
  await failsWith(safeFetch(`${base}/missing`, { allowPrivate: allow }), 'http_error');
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  closed.close();
  await failsWith(safeFetch(`http://127.0.0.1:${port}/`, { allowPrivate: allow }), 'network');
  await failsWith(safeFetch(`${base}/slow`, { allowPrivate: allow, signal: AbortSignal.timeout(100) }), 'network');
});

test('https: the checked address is dialled, SNI and the certificate are for the host name', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-fetch-tls-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=feed.test',
    '-addext',
    'subjectAltName=DNS:feed.test',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) return t.skip('openssl is not available');
  const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  let sni: string | false | null = null;
  const tlsServer = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    sni = (req.socket as TLSSocket).servername;
    res.end('secure');
  });
  await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', r));
  t.after(() => tlsServer.close());
  const port = (tlsServer.address() as AddressInfo).port;
  const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
  const ok = await safeFetch(`https://feed.test:${port}/`, { allowPrivate: allow, resolve, ca: cert });
  assert.equal(ok.body.toString(), 'secure');
  assert.equal(sni, 'feed.test');
  // Same address, another name: the certificate does not match, so the fetch fails.
  await failsWith(safeFetch(`https://other.test:${port}/`, { allowPrivate: allow, resolve, ca: cert }), 'network');
  // An untrusted (self-signed) certificate fails.
  await failsWith(safeFetch(`https://feed.test:${port}/`, { allowPrivate: allow, resolve }), 'network');
});
