// Automatic evidence screenshots with a real headless Chromium: the PNG attached to the capture (its SHA-256 the
// same in the database, in the stored bytes, on the custody and in the bundle) shows the page; a hostile page
// reaches nothing the address rules refuse — a second loopback server (127.0.0.2, not on the allow-list, which
// names only 127.0.0.1) counts every TCP connection and UDP datagram and must see none, through <img>, <iframe>,
// fetch, a worker, a beacon, a preconnect, a WebSocket, WebRTC or a redirect; a missing browser is a recorded
// failure with the text capture intact; with no browser configured nothing is queued.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { onCleanup } from '../../../../test/helpers/db.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { ScreenshotError, takeScreenshot } from './evidence-screenshot.ts';

const chromium = process.env.FIREBREAK_TEST_CHROMIUM ?? '/usr/bin/chromium';
const skip = fs.existsSync(chromium) ? false : `no Chromium at ${chromium}`;
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
type Entry = { type: string; data: Record<string, unknown>; actor: { label: string | null } };

const listen = (s: http.Server | net.Server, host: string) =>
  new Promise<number>((r) => s.listen(0, host, () => r((s.address() as net.AddressInfo).port)));

/** Waits (bounded) for the screenshot's outcome on the document's chain of custody. */
async function outcome(c: Client, id: string, within = 60_000): Promise<{ entry: Entry; entries: Entry[] }> {
  const until = Date.now() + within;
  for (;;) {
    const r = await c.get(`/api/documents/${id}/custody`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const entries = r.body.entries as Entry[];
    const entry = entries.find((e) => e.type === 'evidence.screenshot_captured' || e.type === 'evidence.screenshot_failed');
    if (entry) return { entry, entries };
    if (Date.now() > until) throw new Error(`no screenshot outcome within ${within} ms: ${entries.map((e) => e.type).join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('automatic evidence screenshots', { skip }, () => {
  const clock = createTestClock(new Date('2026-12-01T06:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  // The page server (allow-listed), and the forbidden one on another loopback address with its TCP and UDP counts.
  let site: http.Server;
  let siteUrl = '';
  const siteHits: string[] = [];
  let forbidden: http.Server;
  let forbiddenPort = 0;
  let forbiddenConnections = 0;
  let udp: dgram.Socket;
  let udpPort = 0;
  let datagrams = 0;

  const hostile = () => `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title>
<link rel="preconnect" href="http://127.0.0.2:${forbiddenPort}"><link rel="stylesheet" href="http://127.0.0.2:${forbiddenPort}/s.css">
</head><body style="margin:0;background:#fff">
<div style="height:500px;background:rgb(0,160,60)"></div>
<img src="http://127.0.0.2:${forbiddenPort}/img.png"><img src="/to-forbidden"><img src="http://169.254.169.254/latest/meta-data/">
<iframe src="http://127.0.0.2:${forbiddenPort}/frame"></iframe>
<script>
fetch('http://127.0.0.2:${forbiddenPort}/fetch').catch(() => {});
fetch('/same.json').catch(() => {});
fetch('/post', { method: 'POST', body: 'x' }).catch(() => {});
navigator.sendBeacon('http://127.0.0.2:${forbiddenPort}/beacon', 'x');
try { new WebSocket('ws://127.0.0.2:${forbiddenPort}/ws'); } catch {}
try { new Worker(URL.createObjectURL(new Blob(["fetch('http://127.0.0.2:${forbiddenPort}/worker').catch(() => {})"]))); } catch {}
try {
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.2:${udpPort}' },
    { urls: ['turn:127.0.0.2:${udpPort}?transport=udp', 'turn:127.0.0.2:${forbiddenPort}?transport=tcp'], username: 'a', credential: 'b' }] });
  pc.createDataChannel('x');
  pc.createOffer().then((o) => pc.setLocalDescription(o));
} catch {}
</script></body></html>`;

  before(async () => {
    site = http.createServer((req, res) => {
      siteHits.push(`${req.method} ${req.url}`);
      if (req.url === '/red.html')
        return res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<!doctype html><html><head><meta charset="utf-8"><title>紅色</title><link rel="stylesheet" href="/style.css"></head>' +
              '<body style="margin:0;background:#fff"><div class="block"></div><h1>門市聲明 紅色區塊</h1><p>本頁用於測試自動截圖。</p></body></html>',
          );
      if (req.url === '/style.css')
        return res.writeHead(200, { 'content-type': 'text/css' }).end('.block{width:100%;height:600px;background:rgb(220,20,60)}');
      if (req.url === '/hostile.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostile());
      if (req.url === '/spin.html')
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>spinning</p><script>for (;;) {}</script>');
      if (req.url === '/same.json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (req.url === '/to-forbidden') return res.writeHead(302, { location: `http://127.0.0.2:${forbiddenPort}/redirected` }).end();
      res.writeHead(404).end();
    });
    forbidden = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('secret'));
    forbidden.on('connection', () => forbiddenConnections++);
    udp = dgram.createSocket('udp4');
    udp.on('message', () => datagrams++);
    await new Promise<void>((r) => udp.bind(0, '127.0.0.2', r));
    udpPort = udp.address().port;
    siteUrl = `http://127.0.0.1:${await listen(site, '127.0.0.1')}`;
    forbiddenPort = await listen(forbidden, '127.0.0.2');
    ctx = await startTestServer({
      clock,
      env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1', FIREBREAK_CAPTURE_BROWSER: chromium },
    });
    org = await setUpOrg(ctx.url);
  });
  after(async () => {
    await new Promise<void>((r) => site.close(() => r()));
    await new Promise<void>((r) => forbidden.close(() => r()));
    udp.close();
  });

  test('a fetched page gets a PNG attachment that shows it, hashed alike in the database, the bytes, the custody and the bundle', async (t) => {
    const caps = await org.admin.get('/api/evidence/capabilities');
    assert.deepEqual([caps.status, caps.body], [200, { screenshot: true }]);
    const r = await org.admin.post('/api/evidence', { title: '門市聲明頁', sourceUrl: `${siteUrl}/red.html`, fetch: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.match(r.body.evidence.capturedText, /門市聲明 紅色區塊/);
    const id: string = r.body.id;
    const { entry, entries } = await outcome(org.admin, id);
    assert.equal(entry.type, 'evidence.screenshot_captured', JSON.stringify(entry.data));
    const types = entries.map((e) => e.type);
    assert.deepEqual(
      types.filter((x) => x.startsWith('evidence.') || x === 'document.attachment_added'),
      ['evidence.captured', 'evidence.screenshot_requested', 'document.attachment_added', 'evidence.screenshot_captured'],
    );
    assert.equal(entry.actor.label, 'Ada Admin', 'attached as the person who captured');
    assert.equal(entry.data.url, `${siteUrl}/red.html`);
    assert.match(String(entry.data.browser), /^Chromium \d+\./);
    t.diagnostic(`one capture took ${entry.data.durationMs} ms (browser start to PNG)`);

    const doc = await org.admin.get(`/api/documents/${id}`);
    const [att] = doc.body.attachments;
    assert.equal(doc.body.attachments.length, 1);
    assert.equal(att.contentType, 'image/png');
    assert.equal(att.hasPreview, true);
    assert.equal(att.sha256, entry.data.sha256);
    assert.equal(att.sha256, entry.data.pngSha256);
    const row = await ctx.server.db.execute<{ sha256: string; size: number }>(sql`SELECT sha256, size FROM files WHERE id = ${att.fileId}`);
    assert.equal(row.rows[0].sha256, att.sha256);
    const file = await fetch(`${ctx.url}/api/documents/${id}/attachments/${att.id}/file`, { headers: { cookie: org.admin.cookie } });
    assert.equal(file.status, 200);
    const png = Buffer.from(await file.arrayBuffer());
    assert.equal(sha(png), att.sha256, 'the stored bytes are the hashed bytes');
    assert.equal(Number(row.rows[0].size), png.length);

    // The PNG really shows the page: 1280 px wide, the red block at the top, the white page below it.
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.equal(info.width, 1280);
    assert.ok(info.height >= 800, `height ${info.height}`);
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    assert.deepEqual(px(100, 100), [220, 20, 60]);
    assert.deepEqual(px(1200, 590), [220, 20, 60]);
    assert.deepEqual(px(1200, 780), [255, 255, 255]);
    assert.ok(siteHits.includes('GET /style.css'), 'the stylesheet came through the safe fetcher');

    // The bundle carries it under its hash.
    const s = await org.admin.get('/api/session');
    const zip = await fetch(`${ctx.url}/api/evidence/export`, {
      method: 'POST',
      headers: { cookie: org.admin.cookie, 'x-csrf-token': s.body.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ documentIds: [id] }),
    });
    assert.equal(zip.status, 200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const pngs = Object.entries(files).filter(([name]) => name.startsWith('files/') && name.endsWith('.png'));
    assert.equal(pngs.length, 1);
    assert.equal(sha(pngs[0][1]), att.sha256);
  });

  test('a hostile page reaches nothing the rules refuse (subresources, fetch, worker, beacon, WebSocket, WebRTC, redirect) and still renders', async () => {
    const before = siteHits.length;
    const r = await org.admin.post('/api/evidence', { title: '惡意頁面', sourceUrl: `${siteUrl}/hostile.html`, fetch: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const { entry } = await outcome(org.admin, r.body.id);
    assert.equal(entry.type, 'evidence.screenshot_captured', JSON.stringify(entry.data));
    // Let anything that escaped arrive before counting.
    await new Promise((res) => setTimeout(res, 500));
    assert.equal(forbiddenConnections, 0, 'the forbidden server saw no connection at all');
    assert.equal(datagrams, 0, 'no STUN/TURN datagram reached the forbidden address');
    const hits = siteHits.slice(before);
    assert.ok(hits.includes('GET /same.json'), `same-site fetch served: ${hits.join(', ')}`);
    assert.ok(hits.includes('GET /to-forbidden'), 'the redirect was fetched, its target refused');
    assert.ok(!hits.some((h) => h.startsWith('POST')), 'no POST passed the browser');
    const req = entry.data.requests as { blockedAddress: number; refused: number; webSockets: number };
    // img, stylesheet, iframe, fetch, metadata address and the redirect's target at least (beacon/POST are refused by method).
    assert.ok(req.blockedAddress >= 5, JSON.stringify(req));
    assert.equal(req.webSockets, 1);
    const doc = await org.admin.get(`/api/documents/${r.body.id}`);
    const att = doc.body.attachments[0];
    const png = Buffer.from(
      await (
        await fetch(`${ctx.url}/api/documents/${r.body.id}/attachments/${att.id}/file`, { headers: { cookie: org.admin.cookie } })
      ).arrayBuffer(),
    );
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const i = (100 * info.width + 100) * 3;
    assert.deepEqual([...data.subarray(i, i + 3)], [0, 160, 60], 'the page itself rendered');
  });

  test('a mention whose URL redirects to a refused address: screenshot_failed (blocked_address), the text capture intact', async () => {
    const token = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
    const machine = createClient(ctx.url);
    machine.useToken(token.body.secret);
    const text = '這間店把過期食材重新標價販售，大家小心。';
    const m = await machine.post('/api/mentions', {
      mentions: [{ source: 'dcard', externalId: 'D.1', url: `${siteUrl}/to-forbidden`, text, publishedAt: '2026-12-01T01:00:00Z' }],
    });
    assert.equal(m.status, 200, JSON.stringify(m.body));
    const r = await org.admin.post('/api/evidence', { kind: 'social_post_capture', title: 'Dcard 爆料', mentionId: m.body.items[0].id });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const { entry } = await outcome(org.admin, r.body.id);
    assert.equal(entry.type, 'evidence.screenshot_failed');
    assert.equal(entry.data.reason, 'blocked_address');
    assert.equal(forbiddenConnections, 0);
    const doc = await org.admin.get(`/api/documents/${r.body.id}`);
    assert.equal(doc.body.evidence.capturedText, text);
    assert.equal(doc.body.evidence.textSha256, sha(text));
    assert.equal(doc.body.attachments.length, 0);
  });

  test('when a screenshot is asked for and when not: explicit false, pasted text, and no URL', async () => {
    const off = await org.admin.post('/api/evidence', {
      title: '不截圖',
      sourceUrl: `${siteUrl}/red.html`,
      fetch: true,
      screenshot: false,
    });
    assert.equal(off.status, 201);
    const pasted = await org.admin.post('/api/evidence', { title: '貼上', sourceUrl: `${siteUrl}/red.html`, text: '所見文字' });
    assert.equal(pasted.status, 201);
    for (const id of [off.body.id, pasted.body.id]) {
      const c = await org.admin.get(`/api/documents/${id}/custody`);
      assert.ok(!c.body.entries.some((e: Entry) => e.type.startsWith('evidence.screenshot')), 'nothing requested');
    }
    const jobs = await ctx.server.db.execute<{ n: string }>(
      sql`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key IN (${`evidence:screenshot:${off.body.id}`}, ${`evidence:screenshot:${pasted.body.id}`})`,
    );
    assert.equal(Number(jobs.rows[0].n), 0);
    const noUrl = await org.admin.post('/api/evidence', { title: '無網址', text: '所見文字', screenshot: true });
    assert.equal(noUrl.status, 400);
    assert.equal(noUrl.body.errors[0].path, 'screenshot');
    assert.equal(noUrl.body.errors[0].code, 'no_url');
    const reporter = (await org.userWithRole('reporter')).client;
    assert.equal((await reporter.get('/api/evidence/capabilities')).status, 403);
  });

  test('a page that never stops running script: timeout at the deadline, the browser and its profile gone', async () => {
    // Its own folder for the profile: other captures (another test file's) may be running at the same time.
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-shot-test-'));
    onCleanup(async () => fs.rmSync(tmpDir, { recursive: true, force: true }));
    const started = Date.now();
    await assert.rejects(
      takeScreenshot({ executablePath: chromium, url: `${siteUrl}/spin.html`, allowPrivate: ['127.0.0.1'], deadlineMs: 6_000, tmpDir }),
      (e: unknown) => e instanceof ScreenshotError && e.reason === 'timeout',
    );
    const took = Date.now() - started;
    // The deadline holds; the upper bound only says it did not wait for the page (generous: CI machines are busy).
    assert.ok(took >= 6_000 && took < 20_000, `gave up after ${took} ms`);
    const left = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes(tmpDir));
    for (let i = 0; i < 50 && left().length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(left(), [], 'no browser process left');
    assert.deepEqual(fs.readdirSync(tmpDir), [], 'the throwaway profile is removed');
  });

  test('a configured browser that does not exist: screenshot_failed (browser_missing), the capture stored', async () => {
    const other = await startTestServer({
      clock,
      env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1', FIREBREAK_CAPTURE_BROWSER: '/nonexistent/chromium' },
    });
    const o = await setUpOrg(other.url);
    assert.deepEqual((await o.admin.get('/api/evidence/capabilities')).body, { screenshot: true });
    const r = await o.admin.post('/api/evidence', { title: '門市聲明頁', sourceUrl: `${siteUrl}/red.html`, fetch: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const { entry } = await outcome(o.admin, r.body.id);
    assert.equal(entry.type, 'evidence.screenshot_failed');
    assert.equal(entry.data.reason, 'browser_missing');
    assert.match(String(entry.data.message), /\/nonexistent\/chromium/);
    const doc = await o.admin.get(`/api/documents/${r.body.id}`);
    assert.match(doc.body.evidence.capturedText, /門市聲明 紅色區塊/);
    await other.close();
  });

  test('no browser configured: nothing is offered or queued, and asking for one is a 400', async () => {
    const plain = await startTestServer({ clock, background: false, env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
    const o = await setUpOrg(plain.url);
    assert.deepEqual((await o.admin.get('/api/evidence/capabilities')).body, { screenshot: false });
    const r = await o.admin.post('/api/evidence', { title: '門市聲明頁', sourceUrl: `${siteUrl}/red.html`, fetch: true });
    assert.equal(r.status, 201);
    const c = await o.admin.get(`/api/documents/${r.body.id}/custody`);
    assert.deepEqual(
      c.body.entries.map((e: Entry) => e.type),
      ['document.created', 'evidence.captured'],
    );
    const jobs = await plain.server.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM graphile_worker.jobs`);
    assert.equal(Number(jobs.rows[0].n), 0);
    const asked = await o.admin.post('/api/evidence', { title: 'x', sourceUrl: `${siteUrl}/red.html`, fetch: true, screenshot: true });
    assert.equal(asked.status, 400);
    assert.equal(asked.body.errors[0].code, 'unavailable');
    await plain.close();
  });
});
