// Attachments through the real server: every accepted type by its bytes (and its extracted text in search),
// 415 for HTML/SVG/executables, a PNG+HTML polyglot stored as PNG and only ever downloaded, a zip bomb 422,
// cleaned names, a 2 GB Content-Length refused before the body is read, a chunked 150 MiB stream cut at the
// cap without the server's memory growing, removal as a new version, guests' watermarked copies (PNG differs,
// staff get the original bytes, every PDF page carries the overlay) and the read events.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import type { Client } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { declare, documentsOrg } from './documents-fixtures.ts';

const png = (w = 64, h = 48) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();

async function pdfOf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 14, font });
  return Buffer.from(await doc.save());
}

function docxOf(paragraphs: string[], extra: Record<string, Uint8Array> = {}): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
      ...extra,
    }),
  );
}

/** The ZIP with entry `name`'s uncompressed size rewritten to `size` in its local and central headers. */
function lieAboutSizes(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).toString() === name) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).toString() === name) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

describe('document attachments', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof documentsOrg>>;
  let crisisId: string;
  let csrf: string;
  before(async () => {
    ctx = await startTestServer();
    org = await documentsOrg(ctx.url, ctx.server.db);
    crisisId = await declare(org.admin);
    csrf = (await org.admin.get('/api/session')).body.csrfToken;
  });

  const newDoc = async (body: Record<string, unknown> = {}) =>
    (await org.admin.post('/api/documents', { kind: 'legal_document', classification: 'confidential', title: '附件', crisisId, ...body }))
      .body;

  const upload = async (docId: string, bytes: Buffer, name = 'file.bin', type = 'application/octet-stream') => {
    const res = await fetch(`${ctx.url}/api/documents/${docId}/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie: org.admin.cookie, 'x-csrf-token': csrf, 'content-type': type },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: await res.json() };
  };

  const download = async (c: Client, docId: string, attId: string, which = 'file') => {
    const res = await fetch(`${ctx.url}/api/documents/${docId}/attachments/${attId}/${which}`, { headers: { cookie: c.cookie } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  test('each accepted type by its bytes; PDF, DOCX and text are extracted into search', async () => {
    const d = await newDoc();
    const cases: [string, Buffer, string, string][] = [
      ['a.png', await png(), 'image/png', 'none'],
      [
        'a.jpg',
        await sharp(await png())
          .jpeg()
          .toBuffer(),
        'image/jpeg',
        'none',
      ],
      [
        'a.gif',
        await sharp(await png())
          .gif()
          .toBuffer(),
        'image/gif',
        'none',
      ],
      [
        'a.webp',
        await sharp(await png())
          .webp()
          .toBuffer(),
        'image/webp',
        'none',
      ],
      ['a.pdf', await pdfOf(['Recall notice page one', 'second page zebra']), 'application/pdf', 'ok'],
      [
        'a.docx',
        docxOf(['媒體聲明草稿', 'tomato &amp; basil']),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'ok',
      ],
      ['a.txt', Buffer.from('\uFEFF客服話術\r\n第二行\tTab'), 'text/plain', 'ok'],
    ];
    let version = d.currentVersion;
    for (const [name, bytes, type, status] of cases) {
      const r = await upload(d.id, bytes, name, 'image/png');
      assert.equal(r.status, 201, `${name}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.attachment.contentType, type, name);
      assert.equal(r.body.attachment.textStatus, status, name);
      assert.equal(r.body.attachment.hasPreview, type.startsWith('image/'), name);
      assert.equal(r.body.document.currentVersion, ++version, `${name} makes a version`);
    }
    const entries = await ctx.server.db.execute<{ title: string; body: string; parent_id: string; crisis_id: string }>(sql`
      SELECT title, body, parent_id, crisis_id FROM search_entries WHERE kind = 'attachment' AND parent_id = ${d.id} ORDER BY title`);
    assert.deepEqual(
      entries.rows.map((e) => e.title),
      ['a.docx', 'a.pdf', 'a.txt'],
    );
    assert.match(entries.rows[0].body, /媒體聲明草稿\ntomato & basil/);
    assert.match(entries.rows[1].body, /Recall notice page one[\s\S]*second page zebra/);
    assert.equal(entries.rows[2].body, '客服話術\r\n第二行\tTab');
    assert.equal(entries.rows[0].crisis_id, crisisId);
    // A damaged PDF is still a PDF: kept, its text `failed`.
    const broken = await upload(d.id, Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), 'broken.pdf');
    assert.equal(broken.status, 201, JSON.stringify(broken.body));
    assert.equal(broken.body.attachment.textStatus, 'failed');
    const txt = (await org.admin.get(`/api/documents/${d.id}`)).body.attachments.find((a: { name: string }) => a.name === 'a.txt');
    const dl = await download(org.admin, d.id, txt.id);
    assert.equal(dl.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename="D-\d+-a\.txt"$/);
  });

  test('HTML, SVG, executables and other ZIPs are 415; a PNG+HTML polyglot is a PNG that is only downloaded', async () => {
    const d = await newDoc();
    const refused: [string, Buffer][] = [
      ['page.png', Buffer.from('<!doctype html><script>alert(1)</script>')],
      ['icon.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['tool.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
      ['nul.txt', Buffer.from('text\u0000with nul')],
      ['bad.txt', Buffer.from([0x61, 0x62, 0xc3, 0x28, 0x61])],
      ['other.zip', Buffer.from(zipSync({ 'a.txt': strToU8('hello') }))],
    ];
    for (const [name, bytes] of refused) {
      const r = await upload(d.id, bytes, name, 'image/png');
      assert.equal(r.status, 415, `${name}: ${JSON.stringify(r.body)}`);
    }
    const poly = Buffer.concat([await png(), Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const r = await upload(d.id, poly, 'poly.html', 'text/html');
    assert.equal(r.status, 201);
    assert.equal(r.body.attachment.contentType, 'image/png');
    const dl = await download(org.admin, d.id, r.body.attachment.id);
    assert.equal(dl.headers.get('content-type'), 'image/png');
    assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(dl.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename="D-\d+-poly\.png"$/);
    const preview = await download(org.admin, d.id, r.body.attachment.id, 'preview');
    assert.equal(preview.status, 200);
    assert.ok(!preview.bytes.includes(Buffer.from('<script')), 'the preview is re-encoded, never the original bytes');
    assert.equal((await sharp(preview.bytes).metadata()).format, 'png');
  });

  test('a zip bomb is 422; names with traversal, NUL, RTL override and 500 characters are cleaned', async () => {
    const d = await newDoc();
    const bomb = docxOf(['x'], { 'word/media/zeros.bin': new Uint8Array(60 * 1024 * 1024) });
    assert.ok(bomb.length < 1024 * 1024);
    const r = await upload(d.id, bomb, 'bomb.docx');
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'unprocessable_file');
    // Under the total but compressed 1,000×: refused by ratio.
    const dense = await upload(d.id, docxOf(['x'], { 'word/media/z.bin': new Uint8Array(20 * 1024 * 1024) }), 'dense.docx');
    assert.equal(dense.status, 422);
    // Headers that lie (the entry declares 100 bytes): caught while inflating, not by trusting them.
    const liar = lieAboutSizes(docxOf(['x'], { 'word/media/z.bin': new Uint8Array(4 * 1024 * 1024) }), 'word/media/z.bin', 100);
    const lied = await upload(d.id, liar, 'liar.docx');
    assert.equal(lied.status, 422, JSON.stringify(lied.body));
    const name = `../../etc/passwd\u0000\u202Egnp.${'長'.repeat(500)}.png`;
    const ok = await upload(d.id, await png(), name);
    assert.equal(ok.status, 201);
    const shown: string = ok.body.attachment.name;
    assert.ok(!shown.includes('/') && !shown.includes('\u0000') && !shown.includes('\u202E') && shown.length <= 200, shown);
    const dl = await download(org.admin, d.id, ok.body.attachment.id);
    const cd = dl.headers.get('content-disposition') ?? '';
    assert.match(cd, /^attachment; filename="D-\d+-passwdgnp\.png"$/);
    // A name in Chinese keeps its characters in filename* with an ASCII fallback.
    const zh = await upload(d.id, await png(), '聲明 草稿/../最終版.png');
    const zcd = (await download(org.admin, d.id, zh.body.attachment.id)).headers.get('content-disposition') ?? '';
    assert.match(zcd, /^attachment; filename="D-\d+-[_a-zA-Z0-9-]*\.png"; filename\*=UTF-8''/);
    assert.equal(decodeURIComponent(zcd.split("''")[1]), `D-${d.number}-最終版.png`);
  });

  test('a 2 GB Content-Length is 413 before the body is read; a chunked 150 MiB stream is cut at 100 MiB in bounded memory', async () => {
    const d = await newDoc();
    const u = new URL(`${ctx.url}/api/documents/${d.id}/attachments?name=big.pdf`);
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(u, {
        method: 'POST',
        headers: { cookie: org.admin.cookie, 'x-csrf-token': csrf, 'content-length': String(2 * 1024 ** 3) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write(Buffer.from('%PDF-1.7\n'));
    });
    assert.equal(status, 413);
    assert.ok(Date.now() - started < 3000, 'answered without waiting for the body');

    const tmpDir = path.join(ctx.config.dataDir, 'files', 'tmp');
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    chunk.write('%PDF-1.7\n');
    const body = Readable.from(
      (function* () {
        yield chunk;
        const rest = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 1; i < 150; i++) yield rest;
      })(),
    );
    const res = await fetch(u, {
      method: 'POST',
      headers: { cookie: org.admin.cookie, 'x-csrf-token': csrf },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit).catch((e: Error) => ({ status: -1, e }));
    clearInterval(sampler);
    assert.equal(res.status, 413);
    assert.ok(peak - rss0 < 60 * 1024 * 1024, `RSS grew by ${Math.round((peak - rss0) / 1024 / 1024)} MB`);
    // The partial file is removed as the cut upload unwinds, which may finish just after the 413 is sent.
    const leftover = () => (fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir) : []);
    for (let i = 0; i < 50 && leftover().length; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(leftover(), [], 'no partial file left');
  });

  test('removing an attachment makes a version without it; earlier versions keep it and its bytes', async () => {
    const d = await newDoc();
    const a = await upload(d.id, await png(), 'keep.png');
    const removed = await org.admin.del(`/api/documents/${d.id}/attachments/${a.body.attachment.id}?version=${a.body.document.version}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal(removed.body.attachments.length, 0);
    const versions = (await org.admin.get(`/api/documents/${d.id}/versions`)).body.items;
    assert.deepEqual(
      versions.map((v: { attachmentIds: string[] }) => v.attachmentIds.length),
      [0, 1, 0],
    );
    assert.equal((await download(org.admin, d.id, a.body.attachment.id)).status, 200);
    const stale = await org.admin.del(`/api/documents/${d.id}/attachments/${a.body.attachment.id}?version=${a.body.document.version}`);
    assert.equal(stale.status, 409);
  });

  test('guests get watermarked PNGs and PDFs (overlay on every page), staff the original bytes; reads are events', async () => {
    const d = await newDoc({ classification: 'confidential' });
    const original = await png(400, 300);
    const img = await upload(d.id, original, 'photo.png');
    const pdf = await upload(d.id, await pdfOf(['one', 'two', 'three']), 'brief.pdf');
    const guest = await org.guest(crisisId, ['confidential'], { name: '王小明 <script>&' });
    const staffCopy = await download(org.admin, d.id, img.body.attachment.id);
    assert.ok(staffCopy.bytes.equals(original), 'staff download is byte-identical');
    const guestCopy = await download(guest.client, d.id, img.body.attachment.id);
    assert.equal(guestCopy.status, 200);
    assert.ok(!guestCopy.bytes.equals(original), 'the guest copy differs');
    const raw = await sharp(guestCopy.bytes).raw().toBuffer();
    const plain = await sharp(original).raw().toBuffer();
    assert.ok(
      raw.some((b, i) => b !== plain[i]),
      'pixels carry the overlay',
    );
    const preview = await download(guest.client, d.id, img.body.attachment.id, 'preview');
    assert.equal(preview.status, 200);
    const gp = await download(guest.client, d.id, pdf.body.attachment.id);
    assert.equal(gp.status, 200);
    const parsed = await PDFDocument.load(gp.bytes);
    assert.equal(parsed.getPageCount(), 3);
    for (const page of parsed.getPages()) {
      const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      const images = (xobjects?.keys() ?? [])
        .map((k) => xobjects?.lookup(k))
        .filter((o) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
      assert.equal(images.length, 1, 'every page draws the overlay image');
    }
    const ev = await ctx.server.db.execute<{ data: { attachmentId: string; sha256: string; preview: boolean; watermarked: boolean } }>(sql`
      SELECT data FROM events WHERE subject_id = ${d.id} AND type = 'document.downloaded' AND actor_id = ${guest.id} ORDER BY id`);
    assert.equal(ev.rows.length, 3);
    assert.equal(ev.rows[0].data.attachmentId, img.body.attachment.id);
    assert.equal(ev.rows[0].data.sha256, img.body.attachment.sha256);
    assert.equal(ev.rows[0].data.watermarked, true);
    const staffEvents = await ctx.server.db.execute(sql`
      SELECT 1 FROM events WHERE subject_id = ${d.id} AND type = 'document.downloaded' AND actor_id = ${org.adminId}`);
    assert.equal(staffEvents.rows.length, 0, 'staff reads of ordinary documents are not logged');
    // Evidence: every download by anyone is on the chain of custody.
    const e = await newDoc({ kind: 'evidence' });
    const shot = await upload(e.id, await png(), 'shot.png');
    await download(org.admin, e.id, shot.body.attachment.id);
    const custody = await ctx.server.db.execute<{ data: { sha256: string } }>(sql`
      SELECT data FROM events WHERE subject_id = ${e.id} AND type = 'document.downloaded' AND actor_id = ${org.adminId}`);
    assert.equal(custody.rows[0]?.data.sha256, shot.body.attachment.sha256);
  });
});
