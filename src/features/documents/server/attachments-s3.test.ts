// Attachments kept in an S3-compatible bucket (s3rver on loopback) through the real server: uploads land in the
// bucket under the prefix and never under <dataDir>/files (no temp file left either), come back byte-identical,
// previews, extracted text, guests' watermarked copies and evidence bundles read them from the bucket; files
// stored on disk before the bucket was configured stay readable; a bucket that stops answering fails an upload
// without a row; and `firebreak start` refuses a bucket that does not exist before it touches the database.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
// @ts-expect-error s3rver ships no type declarations (and there is no @types package installed)
import S3rverUntyped from 's3rver';
import sharp from 'sharp';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { startFirebreak } from '../../../cli/start.ts';
import { systemClock } from '../../../platform/clock.ts';
import { ConfigError, configVariables, loadConfig } from '../../../platform/config.ts';
import { createFileStore, fileStoreFor, openStored, saveUpload } from '../../../platform/files.ts';
import { verifyBundle } from './bundle-verify.ts';
import { declare, documentsOrg } from './documents-fixtures.ts';

type S3rver = { run(): Promise<{ port: number }>; close(): Promise<void> };
const S3rver = S3rverUntyped as new (opts: { port: number; address: string; silent: boolean; directory: string }) => S3rver;

const BUCKET = 'firebreak-attachments';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const keyOf = (hash: string) => `fb/sha256/${hash.slice(0, 2)}/${hash}`;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() ? [path.join(e.parentPath, e.name)] : []));
}

/** A PNG no other test stores (content-addressed keys: a shared copy would hide where this one went). */
const uniquePng = () =>
  sharp({
    create: {
      width: 320,
      height: 200,
      channels: 3,
      background: { r: Math.floor(Math.random() * 256), g: Math.floor(Math.random() * 256), b: Math.floor(Math.random() * 256) },
    },
  })
    .png()
    .toBuffer();

async function pdfOf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 14, font });
  return Buffer.from(await doc.save());
}

describe('document attachments in an S3-compatible bucket', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-att-s3-'));
  const dataDir = path.join(tmp, 'data');
  const root = path.join(dataDir, 'files');
  let s3rver: S3rver;
  let endpoint = '';
  let raw: S3Client;
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof documentsOrg>>;
  let crisisId: string;
  let csrf: string;
  const env = () => ({
    FIREBREAK_DATA_DIR: dataDir,
    FIREBREAK_S3_BUCKET: BUCKET,
    FIREBREAK_S3_ENDPOINT: endpoint,
    FIREBREAK_S3_PREFIX: 'fb',
    FIREBREAK_S3_ACCESS_KEY_ID: 'S3RVER',
    FIREBREAK_S3_SECRET_ACCESS_KEY: 'S3RVER',
  });

  before(async () => {
    s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(tmp, 's3rver') });
    fs.mkdirSync(path.join(tmp, 's3rver'));
    const { port } = await s3rver.run();
    endpoint = `http://127.0.0.1:${port}`;
    raw = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await raw.send(new CreateBucketCommand({ Bucket: BUCKET }));
    ctx = await startTestServer({ env: env() });
    org = await documentsOrg(ctx.url, ctx.server.db);
    crisisId = await declare(org.admin);
    csrf = (await org.admin.get('/api/session')).body.csrfToken;
  });

  after(async () => {
    await ctx?.close();
    fileStoreFor(ctx.config).s3?.close();
    raw?.destroy();
    await s3rver?.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const inBucket = async (hash: string) => {
    try {
      const h = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: keyOf(hash) }));
      return Number(h.ContentLength);
    } catch {
      return null;
    }
  };

  const upload = async (docId: string, bytes: Buffer, name: string) => {
    const res = await fetch(`${ctx.url}/api/documents/${docId}/attachments?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { cookie: org.admin.cookie, 'x-csrf-token': csrf, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: await res.json() };
  };

  const download = async (cookie: string, docId: string, attId: string, which = 'file') => {
    const res = await fetch(`${ctx.url}/api/documents/${docId}/attachments/${attId}/${which}`, { headers: { cookie } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  test('a PNG and a PDF go to the bucket (not the disk), come back byte-identical, with a preview and extracted text', async () => {
    const d = (await org.admin.post('/api/documents', { kind: 'evidence', classification: 'internal', title: '截圖', crisisId })).body;
    const png = await uniquePng();
    const pdf = await pdfOf([`Bucket notice ${sha(png).slice(0, 8)}`, 'second page walrus']);
    const img = await upload(d.id, png, 'shot.png');
    assert.equal(img.status, 201, JSON.stringify(img.body));
    assert.equal(img.body.attachment.hasPreview, true);
    const doc = await upload(d.id, pdf, 'notice.pdf');
    assert.equal(doc.status, 201, JSON.stringify(doc.body));
    assert.equal(doc.body.attachment.textStatus, 'ok');

    assert.equal(await inBucket(sha(png)), png.length, 'the PNG is in the bucket under the prefix');
    assert.equal(await inBucket(sha(pdf)), pdf.length, 'the PDF is in the bucket under the prefix');
    assert.deepEqual(filesUnder(root), [], 'nothing under <dataDir>/files: no copy, no temp file');

    const got = await download(org.admin.cookie, d.id, img.body.attachment.id);
    assert.equal(got.status, 200);
    assert.ok(got.bytes.equals(png), 'the PNG comes back byte-identical');
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.equal(got.headers.get('content-length'), String(png.length));
    assert.equal(got.headers.get('etag'), `"${sha(png)}"`);
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    const gotPdf = await download(org.admin.cookie, d.id, doc.body.attachment.id);
    assert.ok(gotPdf.bytes.equals(pdf), 'the PDF comes back byte-identical');
    assert.match(gotPdf.headers.get('content-disposition') ?? '', /^attachment; /);

    const preview = await download(org.admin.cookie, d.id, img.body.attachment.id, 'preview');
    assert.equal(preview.status, 200);
    const meta = await sharp(preview.bytes).metadata();
    assert.equal(meta.format, 'png');
    assert.equal(meta.width, 320);
    assert.notEqual(await inBucket(sha(preview.bytes)), null, 'the preview is in the bucket too');

    const entry = await ctx.server.db.execute<{ body: string }>(sql`
      SELECT body FROM search_entries WHERE kind = 'attachment' AND ref_id = ${doc.body.attachment.id}`);
    assert.match(entry.rows[0]?.body ?? '', /Bucket notice [0-9a-f]{8}[\s\S]*second page walrus/);
    const found = await org.admin.get(`/api/search?q=${encodeURIComponent('walrus')}`);
    if (found.status === 200) assert.ok(JSON.stringify(found.body).includes(d.id), 'search finds the extracted text');

    // A guest's watermarked copy is made from the bucket's bytes.
    const guest = await org.guest(crisisId, ['internal']);
    const marked = await download(guest.client.cookie, d.id, img.body.attachment.id);
    assert.equal(marked.status, 200);
    assert.ok(!marked.bytes.equals(png), 'the guest gets a watermarked copy');
    assert.equal((await sharp(marked.bytes).metadata()).width, 320);
    assert.deepEqual(filesUnder(root), [], 'reads leave no local copies behind');

    // The evidence bundle holds both files, read from the bucket and checked against their hashes.
    const res = await fetch(`${ctx.url}/api/evidence/export`, {
      method: 'POST',
      headers: { cookie: org.admin.cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ documentIds: [d.id] }),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(res.status, 200, strFromU8(bytes));
    const zip = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(zip['manifest.json'])) as { items: { files: { path: string; sha256: string }[] }[] };
    const files = manifest.items[0].files;
    assert.deepEqual(files.map((f) => f.sha256).sort(), [sha(png), sha(pdf)].sort());
    for (const f of files) assert.equal(sha(zip[f.path]), f.sha256, `${f.path} holds the stored bytes`);
    fs.writeFileSync(path.join(tmp, 'bundle.zip'), bytes);
    assert.equal((await verifyBundle(path.join(tmp, 'bundle.zip'))).ok, true, 'the bundle verifies');
    // The bundle's local copies are deleted once it has been written.
    for (let i = 0; i < 50 && filesUnder(root).length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(filesUnder(root), [], 'the bundle leaves no local copies behind');
  });

  test('a file stored on disk before the bucket was configured stays readable', async () => {
    const png = await uniquePng();
    const disk = createFileStore(root);
    const file = await saveUpload(ctx.server.db, systemClock, disk, {
      orgId: org.orgId,
      uploadedBy: org.adminId,
      source: Readable.from([png]),
    });
    assert.equal(await inBucket(sha(png)), null);
    const parts: Buffer[] = [];
    for await (const chunk of await openStored(fileStoreFor(ctx.config), file)) parts.push(chunk as Buffer);
    assert.ok(Buffer.concat(parts).equals(png));
    fs.rmSync(root, { recursive: true, force: true });
    await assert.rejects(openStored(fileStoreFor(ctx.config), file), (e: Error & { code?: string }) => e.code === 'not_found');
  });

  test('firebreak start refuses a bucket that does not exist, naming it, before it opens the database', async () => {
    const config = loadConfig({
      ...env(),
      FIREBREAK_DATA_DIR: path.join(tmp, 'other-data'),
      FIREBREAK_S3_BUCKET: 'no-such-bucket',
      FIREBREAK_S3_SECRET_ACCESS_KEY: 'secret-never-shown',
      FIREBREAK_BUILD_WEB: '0',
      FIREBREAK_LOG_LEVEL: 'silent',
    });
    await assert.rejects(
      startFirebreak(config, () => {}),
      (e: Error) => {
        assert.equal(e.constructor.name, 'StartupError');
        assert.match(e.message, /FIREBREAK_S3_.*The bucket "no-such-bucket" does not exist at http:\/\/127\.0\.0\.1:\d+/);
        assert.doesNotMatch(e.message, /secret-never-shown/);
        return true;
      },
    );
    assert.equal(fs.existsSync(path.join(tmp, 'other-data', 'firebreak.lock')), false, 'the database was not started');
  });

  test('bytes changed in the bucket are refused by the evidence export, which leaves no local copy', async () => {
    const d = (await org.admin.post('/api/documents', { kind: 'evidence', classification: 'internal', title: '竄改', crisisId })).body;
    const png = await uniquePng();
    assert.equal((await upload(d.id, png, 'tampered.png')).status, 201);
    const other = Buffer.from(png);
    other[other.length - 20] ^= 0xff;
    await raw.send(new PutObjectCommand({ Bucket: BUCKET, Key: keyOf(sha(png)), Body: other, ContentLength: other.length }));
    const res = await fetch(`${ctx.url}/api/evidence/export`, {
      method: 'POST',
      headers: { cookie: org.admin.cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ documentIds: [d.id] }),
    });
    const body = await res.json();
    assert.equal(res.status, 500, JSON.stringify(body));
    assert.deepEqual(filesUnder(root), []);
  });

  test('configuration: the S3 variables are listed, and their errors are reported with the others', () => {
    assert.ok(configVariables.includes('FIREBREAK_S3_BUCKET') && configVariables.includes('PORT'));
    assert.throws(
      () => loadConfig({ PORT: 'x', FIREBREAK_S3_BUCKET: 'Bad_Bucket', FIREBREAK_DATA_DIR: path.join(tmp, 'bad') }),
      (e: Error) => e instanceof ConfigError && /PORT: /.test(e.message) && /FIREBREAK_S3_BUCKET: must be a bucket name/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ FIREBREAK_S3_ENDPOINT: endpoint, FIREBREAK_DATA_DIR: path.join(tmp, 'bad') }),
      /FIREBREAK_S3_BUCKET: must be set/,
    );
    const plain = loadConfig({ FIREBREAK_DATA_DIR: path.join(tmp, 'plain') });
    assert.equal(plain.s3, null);
    assert.equal(fileStoreFor(plain).s3, null, 'without a bucket the bytes stay on disk');
    assert.equal(fileStoreFor(ctx.config), fileStoreFor(ctx.config), 'one store (and one S3 client) per configuration');
    assert.equal(ctx.config.s3?.bucket, BUCKET);
    assert.equal(ctx.config.s3?.prefix, 'fb/');
  });

  test('a bucket that stops answering fails the upload without a row or a temp file; downloads are a problem, not a hang', async () => {
    const d = (await org.admin.post('/api/documents', { kind: 'evidence', classification: 'internal', title: '斷線', crisisId })).body;
    const before = await upload(d.id, await uniquePng(), 'ok.png');
    assert.equal(before.status, 201);
    const rows = async () => (await ctx.server.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`)).rows[0].n;
    const count = await rows();
    await s3rver.close();
    const r = await upload(d.id, await uniquePng(), 'lost.png');
    assert.equal(r.status, 500, JSON.stringify(r.body));
    assert.equal(await rows(), count, 'no row refers to bytes that were never stored');
    assert.deepEqual(filesUnder(root), [], 'the temp file is removed');
    const got = await download(org.admin.cookie, d.id, before.body.attachment.id);
    assert.equal(got.status, 500);
    assert.match(got.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(got.headers.get('content-disposition'), null, 'no file header on the problem answer');
  });
});
