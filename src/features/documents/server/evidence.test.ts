// The evidence locker end to end: capture (mention, fetched URL, text as seen), the chain of custody, the bundle
// export and `firebreak evidence verify` on what was exported — real server, real database, a loopback web server
// for the fetch, and the real CLI as a child process.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { recordEvent } from '../../../platform/events.ts';
import { createFileStore, saveUpload } from '../../../platform/files.ts';
import { bundleManifest } from './bundle-manifest.ts';
import { custodyEntryHash } from './evidence-custody.ts';
import { insertDocument } from './store.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const main = path.join(root, 'src/cli/main.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-evidence-test-'));
const exec = promisify(execFile);
const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');
const story = '信義店小籠包吃到異物，店員說是我們自己帶進去的。已經報衛生局了。';
const page = `<!doctype html><html><head><title>爆料 &amp; 回應</title><style>body{color:red}</style>
</head><body><h1>Visible headline</h1><script>alert('stolen cookie')</script><style>p{color:red}</style><p>First &lt;b&gt; para&nbsp;graph &#x4E2D;&#25991;</p>
<noscript>enable js</noscript><div onclick="evil()">Second <a href="/x">link</a> line</div><!-- hidden comment --></body></html>`;

async function verify(args: string[]) {
  try {
    const r = await exec(process.execPath, [main, 'evidence', 'verify', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://nowhere.invalid/none' },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

describe('evidence locker', () => {
  const clock = createTestClock(new Date('2026-12-01T05:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let web: http.Server;
  let webUrl: string;
  let hits = 0;
  let member: Awaited<ReturnType<Awaited<ReturnType<typeof setUpOrg>>['userWithRole']>>;
  const ids: Record<string, string> = {};

  const download = async (c: Client, body: unknown) => {
    const s = await c.get('/api/session');
    const res = await fetch(`${ctx.url}/api/evidence/export`, {
      method: 'POST',
      headers: { cookie: c.cookie, 'x-csrf-token': s.body.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  before(async () => {
    web = http.createServer((req, res) => {
      hits++;
      if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end(page);
      if (req.url === '/plain') return res.writeHead(200, { 'content-type': 'text/plain' }).end('line 1\r\nline\u0000 2');
      if (req.url === '/moved') return res.writeHead(302, { location: '/page.html' }).end();
      if (req.url === '/image') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      res.writeHead(404).end();
    });
    // On every interface, so a refused 127.0.0.2 is refused by the rules, not by an unreachable server.
    await new Promise<void>((r) => web.listen(0, '0.0.0.0', r));
    webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
    ctx = await startTestServer({ clock, env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
    org = await setUpOrg(ctx.url);
    member = await org.userWithRole('member');
  });
  after(() => new Promise<void>((r) => web.close(() => r())));

  test('captures a stored mention: its text, URL, author and metrics, hashed, at the clock’s time', async () => {
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
    const machine = createClient(ctx.url);
    machine.useToken(t.body.secret);
    const m = await machine.post('/api/mentions', {
      mentions: [
        {
          source: 'ptt',
          externalId: 'M.7',
          url: 'https://www.ptt.cc/bbs/Food/M.7.html',
          author: 'foodie',
          authorFollowers: 1200,
          text: story,
          publishedAt: '2026-11-30T12:00:00Z',
          metrics: { likes: 30, shares: 4 },
        },
      ],
    });
    const mentionId = m.body.items[0].id;
    const r = await org.admin.post('/api/evidence', { kind: 'social_post_capture', title: 'PTT 爆料文', mentionId });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.mention = r.body.id;
    assert.equal(r.body.kind, 'social_post_capture');
    assert.equal(r.body.classification, 'confidential');
    const ev = r.body.evidence;
    assert.equal(ev.capturedText, story);
    assert.equal(ev.textSha256, sha(story));
    assert.equal(ev.sourceUrl, 'https://www.ptt.cc/bbs/Food/M.7.html');
    assert.equal(ev.mentionId, mentionId);
    assert.equal(ev.capturedAt, '2026-12-01T05:00:00.000Z');
    assert.equal(ev.capturedBy, 'Ada Admin');
    assert.equal(ev.metadata.method, 'mention');
    assert.equal(ev.metadata.mention.author, 'foodie');
    assert.equal(ev.metadata.mention.authorFollowers, 1200);
    assert.equal(ev.metadata.mention.source.name, 'ptt');
    assert.equal(ev.metadata.mention.publishedAt, '2026-11-30T12:00:00.000Z');
    assert.deepEqual([ev.metadata.mention.metrics.likes, ev.metadata.mention.metrics.shares], [30, 4]);
    const missing = await org.admin.post('/api/evidence', { title: 'x', mentionId: 999_999 });
    assert.equal(missing.status, 404);
  });

  test('captures a URL fetched now: the stored text has no markup, script or style, and the fetch is described', async () => {
    clock.advance(1000);
    const before = hits;
    const r = await org.admin.post('/api/evidence', { title: '官網聲明頁', sourceUrl: `${webUrl}/moved`, fetch: true, tags: ['官網'] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.fetched = r.body.id;
    assert.equal(hits, before + 2, 'the redirect and the page');
    const text: string = r.body.evidence.capturedText;
    assert.match(text, /Visible headline/);
    assert.match(text, /First <b> para graph 中文/);
    assert.match(text, /Second link line/);
    for (const bad of ['alert', 'stolen', 'color:red', '{', 'enable js', 'hidden comment', 'onclick', '<h1', '<p>', '&lt;']) {
      assert.ok(!text.includes(bad), `stored text must not contain ${bad}: ${text}`);
    }
    assert.equal(r.body.evidence.textSha256, sha(text));
    assert.equal(r.body.body, text);
    const f = r.body.evidence.metadata.fetch;
    assert.equal(f.status, 200);
    assert.equal(f.finalUrl, `${webUrl}/page.html`);
    assert.equal(f.contentType, 'text/html; charset=utf-8');
    assert.equal(f.pageTitle, '爆料 & 回應');
    assert.equal(f.headers.etag, '"v1"');
    assert.equal(f.fetchedAt, '2026-12-01T05:00:01.000Z');
    assert.equal(f.bodySha256, sha(page));
    assert.equal(r.body.evidence.sourceUrl, `${webUrl}/moved`);
    const plain = await org.admin.post('/api/evidence', { title: '純文字', sourceUrl: `${webUrl}/plain`, fetch: true });
    assert.equal(plain.status, 201, JSON.stringify(plain.body));
    assert.equal(plain.body.evidence.capturedText, 'line 1\nline 2', 'line ends unified, NUL dropped');
    assert.equal(plain.body.evidence.metadata.fetch.bodySha256, sha('line 1\r\nline\u0000 2'));
  });

  test('captures text as given, the URL only a claim (nothing is fetched)', async () => {
    clock.advance(1000);
    const before = hits;
    const title = '<img src=x onerror=alert(1)> 轉貼截圖';
    const text = '看到有人轉貼：<script>alert(1)</script> 店家回應很差\n第二行';
    const r = await org.admin.post('/api/evidence', { title, text, sourceUrl: `${webUrl}/page.html` });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.manual = r.body.id;
    assert.equal(hits, before);
    assert.equal(r.body.evidence.capturedText, text, 'a person’s text is kept exactly (it is only ever shown as text)');
    assert.equal(r.body.evidence.textSha256, sha(text));
    assert.deepEqual(r.body.evidence.metadata, { method: 'manual', sourceUrlIsClaim: true });
  });

  test('refuses private addresses without the allowance, other types, and unclear requests', async () => {
    const before = hits;
    const port = new URL(webUrl).port;
    const count = async () => (await ctx.server.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM documents`)).rows[0].n;
    const docs = await count();
    for (const host of ['127.0.0.2', '[::1]', '10.0.0.1']) {
      const r = await org.admin.post('/api/evidence', { title: 'inside', sourceUrl: `http://${host}:${port}/page.html`, fetch: true });
      assert.equal(r.status, 400, host);
      assert.equal(r.body.errors[0].path, 'sourceUrl');
      assert.equal(r.body.errors[0].code, 'blocked_address', `${host}: ${JSON.stringify(r.body)}`);
    }
    assert.equal(hits, before, 'no request reached the private server');
    const image = await org.admin.post('/api/evidence', { title: 'img', sourceUrl: `${webUrl}/image`, fetch: true });
    assert.equal(image.status, 422);
    assert.equal(image.body.code, 'unprocessable_file');
    const unclear = [
      { title: 'x' },
      { title: 'x', fetch: true },
      { title: 'x', mentionId: 1, text: 'both' },
      { title: 'x', sourceUrl: `${webUrl}/page.html`, fetch: true, text: 'both' },
      { title: 'x', sourceUrl: 'javascript:alert(1)', text: 'y' },
    ];
    for (const b of unclear) assert.equal((await org.admin.post('/api/evidence', b)).status, 400, JSON.stringify(b));
    const reporter = await org.userWithRole('reporter');
    assert.equal((await reporter.client.post('/api/evidence', { title: 'x', text: 'y' })).status, 403);
    assert.equal(await count(), docs, 'nothing was created');
  });

  test('custody lists capture, attachment, view, download and their hashes; a member who cannot see it gets 404', async () => {
    // The documents routes write these for evidence; here they are written as those routes do.
    const db = ctx.server.db;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4000)]);
    ids.pngSha = sha(png);
    const store = createFileStore(path.join(ctx.config.dataDir, 'files'));
    const file = await saveUpload(db, clock, store, {
      orgId: org.orgId,
      uploadedBy: org.adminId,
      displayName: '截圖 1.png',
      source: Readable.from([png]),
    });
    fs.writeFileSync(path.join(tmp, 'png-probe.bin'), png.subarray(100, 164));
    await db.transaction(async (tx) => {
      const actor = { type: 'user' as const, id: org.adminId, label: 'Ada Admin' };
      await tx.execute(sql`INSERT INTO document_attachments (org_id, document_id, file_id, added_in_version, created_by, created_at)
        VALUES (${org.orgId}, ${ids.mention}, ${file.id}, 1, ${org.adminId}, ${clock.now().toISOString()})`);
      for (const type of ['document.attachment_added', 'document.viewed', 'document.downloaded'])
        await recordEvent(tx, clock, {
          orgId: org.orgId,
          type,
          actor,
          subjectType: 'document',
          subjectId: ids.mention,
          ip: '203.0.113.9',
          data: { fileId: file.id },
        });
    });
    const r = await org.admin.get(`/api/documents/${ids.mention}/custody`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.entries.map((e: { type: string }) => e.type),
      ['document.created', 'evidence.captured', 'document.attachment_added', 'document.viewed', 'document.downloaded'],
    );
    const captured = r.body.entries[1];
    assert.equal(captured.data.textSha256, sha(story));
    assert.equal(captured.actor.label, 'Ada Admin');
    assert.equal(captured.ip, '127.0.0.1');
    assert.equal(captured.at, '2026-12-01T05:00:00.000Z');
    assert.equal(r.body.entries[3].ip, '203.0.113.9');
    for (const e of r.body.entries) {
      assert.match(e.hash, /^[0-9a-f]{64}$/);
      assert.equal(custodyEntryHash(org.orgId, ids.mention, e), e.hash, 'each entry recomputes to its hash');
    }
    // Confidential, no crisis, not theirs: the member may not open it, so its custody does not exist for them.
    assert.equal((await member.client.get(`/api/documents/${ids.mention}/custody`)).status, 404);
    assert.equal((await org.admin.get(`/api/documents/${randomUUID()}/custody`)).status, 404);
    const own = await member.client.post('/api/evidence', { title: 'member’s own', text: '自己保全的' });
    assert.equal(own.status, 201);
    assert.equal((await member.client.get(`/api/documents/${own.body.id}/custody`)).status, 200);
  });

  test('export: a streamed ZIP of files, captured texts and manifests, recorded on every item’s custody', async () => {
    clock.advance(60_000);
    const r = await download(org.admin, { documentIds: [ids.manual, ids.mention, ids.fetched] });
    assert.equal(r.status, 200, strFromU8(r.bytes));
    assert.equal(r.headers.get('content-type'), 'application/zip');
    assert.match(r.headers.get('content-disposition') ?? '', /^attachment; filename="evidence-20261201-[0-9a-f]{8}\.zip"$/);
    fs.writeFileSync(path.join(tmp, 'bundle.zip'), r.bytes);
    const zip = unzipSync(r.bytes);
    const m = bundleManifest.parse(JSON.parse(strFromU8(zip['manifest.json'])));
    assert.equal(m.bundleId, r.headers.get('x-bundle-id'));
    assert.equal(m.organisation.id, org.orgId);
    assert.equal(m.createdAt, '2026-12-01T05:01:02.000Z');
    assert.deepEqual(
      m.items.map((i) => i.documentId),
      [ids.mention, ids.fetched, ids.manual],
      'in document number order',
    );
    const [mention] = m.items;
    assert.equal(mention.text.path, `captures/D-${mention.number}.txt`);
    assert.equal(strFromU8(zip[mention.text.path]), story);
    assert.equal(mention.text.sha256, sha(story));
    assert.equal(mention.files.length, 1);
    assert.equal(mention.files[0].sha256, ids.pngSha);
    assert.equal(mention.files[0].originalName, '截圖 1.png');
    assert.equal(mention.files[0].path, `files/D-${mention.number}-${ids.pngSha.slice(0, 16)}.png`);
    assert.equal(sha(zip[mention.files[0].path]), ids.pngSha);
    for (const item of m.items) {
      const last = item.custody.at(-1);
      assert.equal(last?.type, 'evidence.exported');
      assert.equal(last?.data.bundleId, m.bundleId);
      assert.equal(item.custody[1].type, 'evidence.captured');
    }
    assert.deepEqual(
      Object.keys(zip).sort(),
      [mention.files[0].path, ...m.items.map((i) => i.text.path), 'manifest.html', 'manifest.json'].sort(),
    );
    const html = strFromU8(zip['manifest.html']);
    assert.match(html, /證據包/);
    assert.match(html, /Evidence bundle/);
    assert.ok(!html.includes('<img') && !html.includes('<script'), 'user text is escaped in manifest.html');
    assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;/);
    const after = await org.admin.get(`/api/documents/${ids.fetched}/custody`);
    assert.equal(after.body.entries.at(-1).type, 'evidence.exported');
  });

  test('export refuses what it may not: members, unseen or missing documents, documents that are not evidence', async () => {
    assert.equal((await download(member.client, { documentIds: [ids.mention] })).status, 403);
    const manager = await org.userWithRole('manager');
    assert.equal((await download(org.admin, { documentIds: [randomUUID()] })).status, 404);
    // Legal-privileged evidence: a manager who is no privileged reader may not open it, so may not export it.
    const privileged = await org.admin.post('/api/evidence', { title: '律師意見', text: '特權內容', classification: 'legal_privileged' });
    assert.equal(privileged.status, 201);
    assert.equal((await download(manager.client, { documentIds: [privileged.body.id] })).status, 404);
    assert.equal((await download(manager.client, { documentIds: [ids.mention] })).status, 200);
    const other = await ctx.server.db.transaction((tx) =>
      insertDocument(
        tx,
        clock,
        {
          orgId: org.orgId,
          kind: 'press_release',
          classification: 'internal',
          title: '新聞稿',
          body: 'b',
          ownerId: org.adminId,
          crisisId: null,
          tags: [],
          createdBy: org.adminId,
        },
        { actor: { type: 'user', id: org.adminId, label: 'Ada Admin' } },
      ),
    );
    const notEvidence = await download(org.admin, { documentIds: [ids.mention, other.id] });
    assert.equal(notEvidence.status, 400);
    assert.equal(JSON.parse(strFromU8(notEvidence.bytes)).errors[0].path, 'documentIds.1');
    assert.equal((await download(manager.client, { documentIds: [] })).status, 400);
    assert.equal((await download(manager.client, { documentIds: [ids.mention], crisisId: randomUUID() })).status, 400);
  });

  test('export by crisis: every evidence document of the crisis the exporter may open', async () => {
    const c = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L2' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const made: string[] = [];
    for (const n of [1, 2]) {
      const e = await org.admin.post('/api/evidence', { title: `證據 ${n}`, text: `內容 ${n}`, crisisId: c.body.id });
      assert.equal(e.status, 201);
      made.push(e.body.id);
    }
    // A screen recording-sized file: many chunks, so the stream waits for the response to drain.
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(8 * 1024 * 1024)]);
    const store = createFileStore(path.join(ctx.config.dataDir, 'files'));
    const file = await saveUpload(ctx.server.db, clock, store, { orgId: org.orgId, uploadedBy: org.adminId, source: Readable.from([big]) });
    await ctx.server.db.execute(sql`INSERT INTO document_attachments (org_id, document_id, file_id, added_in_version, created_at)
      VALUES (${org.orgId}, ${made[0]}, ${file.id}, 1, ${clock.now().toISOString()})`);
    const r = await download(org.admin, { crisisId: c.body.id });
    assert.equal(r.status, 200);
    const zip = unzipSync(r.bytes);
    const m = bundleManifest.parse(JSON.parse(strFromU8(zip['manifest.json'])));
    assert.equal(m.items[0].files[0].size, big.length);
    assert.equal(sha(zip[m.items[0].files[0].path]), sha(big));
    assert.deepEqual(
      m.items.map((i) => i.title),
      ['證據 1', '證據 2'],
    );
    assert.ok(m.items.every((i) => i.crisisId === c.body.id));
    assert.equal((await download(org.admin, { crisisId: randomUUID() })).status, 404);
    // Bytes changed in the store behind the database's back: the download is broken off, never a bundle that lies.
    const stored = path.join(store.root, file.storageKey);
    fs.chmodSync(stored, 0o600);
    const changed = Buffer.from(big);
    changed[1000] ^= 0xff;
    fs.writeFileSync(stored, changed);
    await assert.rejects(download(org.admin, { crisisId: c.body.id }));
  });

  test('firebreak evidence verify: exit 0 on the exported bundle, 1 after any change, 2 for usage errors', async () => {
    const good = path.join(tmp, 'bundle.zip');
    const ok = await verify([good]);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /Everything matches: 4 file\(s\) verified/);
    const json = await verify([good, '--json']);
    assert.equal(json.code, 0);
    assert.equal(JSON.parse(json.out).ok, true);

    // One byte of the stored screenshot, changed in the ZIP itself.
    const raw = fs.readFileSync(good);
    const at = raw.indexOf(fs.readFileSync(path.join(tmp, 'png-probe.bin')));
    assert.ok(at > 0);
    raw[at + 10] ^= 0xff;
    fs.writeFileSync(path.join(tmp, 'byte.zip'), raw);
    const byte = await verify([path.join(tmp, 'byte.zip')]);
    assert.equal(byte.code, 1, byte.out);
    assert.match(byte.out, /MISMATCH\s+files\/D-\d+-[0-9a-f]{16}\.png: SHA-256 differs/);

    const files = unzipSync(fs.readFileSync(good));
    const rewrite = (name: string, change: (f: Record<string, Uint8Array>) => void) => {
      const copy = { ...files };
      change(copy);
      const f = path.join(tmp, name);
      fs.writeFileSync(f, zipSync(copy));
      return f;
    };
    const text = Object.keys(files).find((n) => n.startsWith('captures/')) as string;
    const removed = await verify([rewrite('removed.zip', (f) => delete f[text])]);
    assert.equal(removed.code, 1);
    assert.match(removed.out, /MISSING\s+captures\/D-\d+\.txt is listed in the manifest but not in the bundle/);
    const added = await verify([rewrite('added.zip', (f) => (f['files/extra.png'] = new Uint8Array([1, 2, 3])))]);
    assert.equal(added.code, 1);
    assert.match(added.out, /UNLISTED\s+files\/extra\.png/);
    const edited = await verify([
      rewrite('custody.zip', (f) => {
        const m = JSON.parse(strFromU8(f['manifest.json']));
        m.items[0].custody[1].ip = '198.51.100.1';
        f['manifest.json'] = new TextEncoder().encode(JSON.stringify(m));
      }),
    ]);
    assert.equal(edited.code, 1);
    assert.match(edited.out, /CUSTODY\s+D-\d+: custody event \d+ \(evidence\.captured\) does not match its hash/);

    assert.equal((await verify([])).code, 2);
    assert.equal((await verify([path.join(tmp, 'nope.zip')])).code, 2);
    assert.equal((await verify([good, good])).code, 2);
    fs.writeFileSync(path.join(tmp, 'not.zip'), 'hello');
    const notZip = await verify([path.join(tmp, 'not.zip')]);
    assert.equal(notZip.code, 1);
    assert.match(notZip.out, /REFUSED: This is not a ZIP file/);
  });

  test('a zip bomb given to verify is refused before it is inflated', async () => {
    // A listed file (one captured text) replaced by 64 MiB of zeros that deflate to a few kilobytes.
    const files = unzipSync(fs.readFileSync(path.join(tmp, 'bundle.zip')));
    const text = Object.keys(files).find((n) => n.startsWith('captures/')) as string;
    const bomb = zipSync({ ...files, [text]: new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 200_000, `a bomb: ${bomb.length} bytes`);
    fs.writeFileSync(path.join(tmp, 'bomb.zip'), bomb);
    const r = await verify([path.join(tmp, 'bomb.zip')]);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /REFUSED: captures\/D-\d+\.txt inflates more than 200 times its compressed size: refused as a zip bomb/);
  });
});
