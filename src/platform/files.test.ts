// The file store through a real upload route (report screenshots): a PNG is stored with its SHA-256 and served
// with safe headers; content that lies about its type (HTML or SVG named .png, sent as image/png) is 415; an
// 11 MiB upload is 413 with no partial file on disk and no row; the sniffer on its own; screenshots stay images
// only now that the store also knows DOCX and text; ZIP inspection's own byte counting.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { type Client, setUpOrg } from '../../test/helpers/client.ts';
import { startTestServer } from '../../test/helpers/server.ts';
import { cleanDisplayName, DOCX_LIMITS, inspectZip, sniffType } from './files.ts';

/** A real (tiny, solid-colour) PNG. */
function pngOf(width = 4, height = 4, rgb: [number, number, number] = [220, 40, 40]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Uploads raw bytes as `client` would from the browser. */
async function upload(url: string, client: Client, bytes: Buffer, contentType: string, name = 'shot.png') {
  const s = await client.get('/api/session');
  const res = await fetch(`${url}/api/reports/files?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': s.body.csrfToken, 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() ? [path.join(e.parentPath, e.name)] : []));
}

describe('file store', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-files-'));
  const root = path.join(dataDir, 'files');
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let reporter: { client: Client; id: string };
  const rowCount = async () => (await ctx.server.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`)).rows[0].n;

  before(async () => {
    ctx = await startTestServer({ env: { FIREBREAK_DATA_DIR: dataDir } });
    org = await setUpOrg(ctx.url);
    reporter = await org.userWithRole('reporter', '張小明');
  });

  test('a PNG is stored under a server-chosen key with its SHA-256, fsynced, and served with safe headers', async () => {
    const png = pngOf();
    const r = await upload(ctx.url, reporter.client, png, 'application/octet-stream', '../../etc/passwd');
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.contentType, 'image/png');
    assert.equal(r.body.size, png.length);
    assert.equal(r.body.sha256, crypto.createHash('sha256').update(png).digest('hex'));
    const row = (await ctx.server.db.execute<Record<string, string>>(sql`SELECT * FROM files WHERE id = ${r.body.id}`)).rows[0];
    assert.equal(row.storage_key, `sha256/${r.body.sha256.slice(0, 2)}/${r.body.sha256}`);
    assert.equal(row.display_name, 'passwd', 'the client name is only a cleaned display name');
    assert.equal(row.uploaded_by, reporter.id);
    assert.deepEqual(fs.readFileSync(path.join(root, row.storage_key)), png);
    assert.deepEqual(filesUnder(path.join(root, 'tmp')), [], 'no temporary file left');

    const res = await fetch(`${ctx.url}/api/reports/files/${r.body.id}`, { headers: { cookie: reporter.client.cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.match(res.headers.get('content-disposition') ?? '', /^inline; filename="report-[0-9a-f]{8}\.png"$/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
    assert.match(res.headers.get('cache-control') ?? '', /no-store|private/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), png);
  });

  test('HTML named .png and sent as image/png is 415, and nothing is kept', async () => {
    const before = await rowCount();
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const r = await upload(ctx.url, reporter.client, html, 'image/png', 'cute-cat.png');
    assert.equal(r.status, 415);
    assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(r.body.code, 'unsupported_media_type');
    assert.match(r.body.detail, /HTML/);
    assert.equal(await rowCount(), before);
    assert.deepEqual(filesUnder(path.join(root, 'tmp')), []);
  });

  test('SVG (with script) sent as image/png is 415', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const r = await upload(ctx.url, reporter.client, svg, 'image/png', 'chart.png');
    assert.equal(r.status, 415);
    assert.match(r.body.detail, /SVG/);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(64)]);
    const z = await upload(ctx.url, reporter.client, zip, 'image/png');
    assert.equal(z.status, 415);
    assert.match(z.body.detail, /ZIP/);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    assert.equal((await upload(ctx.url, reporter.client, pdf, 'image/png')).status, 415, 'screenshots are images only');
  });

  test('11 MiB is 413: no partial file on disk, no row', async () => {
    const before = await rowCount();
    const onDisk = filesUnder(root).length;
    const big = Buffer.concat([pngOf(), crypto.randomBytes(11 * 1024 * 1024)]);
    const r = await upload(ctx.url, reporter.client, big, 'image/png');
    assert.equal(r.status, 413);
    assert.equal(r.body.code, 'payload_too_large');
    assert.equal(await rowCount(), before);
    assert.equal(filesUnder(root).length, onDisk);
    // Streamed without a length (chunked): refused while streaming, the partial file deleted.
    const s = await reporter.client.get('/api/session');
    const chunks = (async function* () {
      yield new Uint8Array(pngOf());
      for (let i = 0; i < 11; i++) yield new Uint8Array(crypto.randomBytes(1024 * 1024));
    })();
    const res = await fetch(`${ctx.url}/api/reports/files`, {
      method: 'POST',
      headers: { cookie: reporter.client.cookie, 'x-csrf-token': s.body.csrfToken, 'content-type': 'image/png' },
      body: Readable.toWeb(Readable.from(chunks)),
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(await rowCount(), before);
    assert.equal(filesUnder(root).length, onDisk);
  });

  test('a client that disconnects mid-upload leaves no partial file and no row', async () => {
    const before = await rowCount();
    const s = await reporter.client.get('/api/session');
    const { port } = new URL(ctx.url);
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/reports/files',
      headers: {
        cookie: reporter.client.cookie,
        'x-csrf-token': s.body.csrfToken,
        'content-type': 'image/png',
        'content-length': String(1024 * 1024),
      },
    });
    req.on('error', () => {});
    req.write(pngOf());
    req.write(crypto.randomBytes(64 * 1024));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(filesUnder(path.join(root, 'tmp')).length, 1, 'the upload is being written');
    req.destroy();
    const end = Date.now() + 5000;
    while (filesUnder(path.join(root, 'tmp')).length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(filesUnder(path.join(root, 'tmp')), []);
    assert.equal(await rowCount(), before);
  });

  test('empty bodies are refused; sniffing and names on their own', async () => {
    assert.equal((await upload(ctx.url, reporter.client, Buffer.alloc(0), 'image/png')).status, 400);
    assert.equal(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0])), 'image/jpeg');
    assert.equal(sniffType(Buffer.from('GIF89a......')), 'image/gif');
    assert.equal(sniffType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(sniffType(Buffer.from('RIFF\0\0\0\0WAVEfmt ')), null);
    assert.equal(sniffType(Buffer.from('<html>')), null);
    assert.equal(cleanDisplayName('C:\\Users\\me\\a\u202Egnp.exe'), 'agnp.exe');
    assert.equal(cleanDisplayName(''), null);
  });

  test('screenshot uploads stay images only: text, DOCX and PDF the documents accept are 415 here', async () => {
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    for (const bytes of [Buffer.from('plain words, valid UTF-8'), docx, Buffer.from('%PDF-1.7\n')]) {
      assert.equal((await upload(ctx.url, reporter.client, bytes, 'image/png')).status, 415);
    }
  });

  test('ZIP inspection counts inflated bytes itself: declared and actual sizes, ratio', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-'));
    const write = (name: string, files: Record<string, Uint8Array>) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, zipSync(files));
      return f;
    };
    const ok = await inspectZip(write('ok.zip', { 'a.xml': strToU8('<a>一</a>') }), DOCX_LIMITS, ['a.xml']);
    assert.equal(ok.collected.get('a.xml')?.toString('utf8'), '<a>一</a>');
    const limits = { maxTotal: 1024 * 1024, maxRatio: 100, maxEntries: 10 };
    await assert.rejects(inspectZip(write('big.zip', { z: new Uint8Array(2 * 1024 * 1024) }), limits), /unprocessable|cannot be accepted/);
    await assert.rejects(
      inspectZip(write('many.zip', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, strToU8('x')]))), limits),
      /entries/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
