// File import through the real HTTP API and PostgreSQL: upload, mapping, dry run, run, re-import,
// resume after a crash, the per-import lock, cancel, and hostile files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures/import');
const csv = fs.readFileSync(path.join(fixtures, 'posts.csv'));
const ndjson = fs.readFileSync(path.join(fixtures, 'posts.ndjson'));
type Res = { status: number; body: any };

/** Uploads bytes as the web app does: raw body, file name and source in the query, CSRF header. */
async function upload(url: string, c: Client, name: string, source: string, body: Buffer, type = 'text/csv'): Promise<Res> {
  const s = await c.get('/api/session');
  const res = await fetch(`${url}/api/imports?${new URLSearchParams({ name, source })}`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'x-csrf-token': s.body.csrfToken, 'content-type': type },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Polls the import until it leaves `running` (bounded; the run takes a few batches at most). */
async function settle(c: Client, id: string) {
  for (let i = 0; i < 600; i++) {
    const r = await c.get(`/api/imports/${id}`);
    if (r.body.status !== 'running') return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('import did not finish');
}

describe('file import', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let admin: Client;
  const clock = createTestClock(new Date('2026-12-01T00:00:00Z'));
  const q = async <R extends pg.QueryResultRow = any>(text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: ctx.databaseUrl });
    await c.connect();
    try {
      return (await c.query<R>(text, values)).rows;
    } finally {
      await c.end();
    }
  };

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    admin = org.admin;
  });

  test('CSV with BOM and quoted multi-line fields: preview, suggested mapping, dry run, run', async () => {
    const up = await upload(ctx.url, admin, 'posts.csv', 'Excel 匯出', csv);
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const imp = up.body;
    assert.equal(imp.format, 'csv');
    assert.equal(imp.status, 'uploaded');
    assert.equal(imp.sizeBytes, csv.length);
    assert.match(imp.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(imp.preview.headers, ['內容', '發布時間', '作者', '網址', '讚', '分享', '留言'], 'BOM stripped');
    assert.equal(imp.preview.rows[1][0], '第一行\n第二行，有逗號, 還有 "引號"');
    assert.deepEqual(imp.mapping.columns, {
      text: '內容',
      publishedAt: '發布時間',
      author: '作者',
      url: '網址',
      likes: '讚',
      shares: '分享',
      comments: '留言',
    });
    assert.equal(imp.mapping.timeZone, 'Asia/Taipei');

    const dry = await admin.post(`/api/imports/${imp.id}/dry-run`);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.status, 'checked');
    const { rows, accepted, duplicate, rejected, rejections } = dry.body.dryRun;
    assert.deepEqual({ rows, accepted, duplicate, rejected }, { rows: 7, accepted: 4, duplicate: 1, rejected: 2 });
    assert.deepEqual(
      rejections.map((r: { row: number }) => r.row),
      [4, 5],
    );
    assert.match(rejections[0].reason, /text is empty/);
    assert.match(rejections[1].reason, /publishedAt: not a date we can read: "昨天下午"/);
    assert.deepEqual(
      rejections.map((r: { code: string; field: string }) => [r.code, r.field]),
      [
        ['text_empty', 'text'],
        ['bad_date', 'publishedAt'],
      ],
      'each rejection has a code and field to translate it by',
    );
    assert.equal((await q('SELECT count(*)::int AS n FROM mentions'))[0].n, 0, 'a dry run stores nothing');

    const started = await admin.post(`/api/imports/${imp.id}/start`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const done = await settle(admin, imp.id);
    assert.equal(done.status, 'done', JSON.stringify(done));
    assert.deepEqual(
      { rowsTotal: done.rowsTotal, rowsDone: done.rowsDone, accepted: done.accepted, duplicate: done.duplicate, rejected: done.rejected },
      { rowsTotal: 7, rowsDone: 7, accepted: 4, duplicate: 1, rejected: 2 },
    );
    assert.deepEqual(done.rejections, rejections, 'the run keeps the same rejections as the dry run');
    const stored = await q<{ text: string; author: string; published_at: Date; likes: number; external_key: string; kind: string }>(
      `SELECT m.text, m.author, m.published_at, m.likes, m.external_key, s.kind FROM mentions m JOIN sources s ON s.id = m.source_id ORDER BY m.id`,
    );
    assert.equal(stored.length, 4);
    assert.ok(
      stored.every((m) => m.kind === 'import'),
      'stored into an import source, which stays one',
    );
    assert.equal(stored[0].published_at.toISOString(), '2026-11-30T06:05:00.000Z', '14:05 in Asia/Taipei');
    assert.equal(stored[0].likes, 1234);
    assert.equal(stored[1].text, '第一行\n第二行，有逗號, 還有 "引號"');
    assert.equal(stored[1].likes, 12000);
    assert.equal(stored[2].text, '<script>alert(1)</script><b>粗體</b>', 'HTML is stored as text, verbatim');
    assert.equal(stored[2].author, '<img src=x onerror=alert(2)>');
    assert.equal(stored[3].published_at.toISOString(), '2026-11-27T00:30:00.000Z', 'ROC year 115 = 2026');
    assert.match(stored[3].external_key, /^content:[0-9a-f]{32}$/, 'a row without id or URL gets a content key');
    const events = await q(`SELECT type FROM events WHERE subject_id = $1 ORDER BY id`, [imp.id]);
    assert.deepEqual(
      events.map((e) => e.type),
      ['import.created', 'import.started', 'import.finished'],
    );
  });

  test('re-importing the same file into the same source stores nothing twice', async () => {
    const up = await upload(ctx.url, admin, 'posts-again.csv', 'Excel 匯出', csv);
    assert.equal(up.status, 201);
    const dry = await admin.post(`/api/imports/${up.body.id}/dry-run`);
    assert.deepEqual(
      { accepted: dry.body.dryRun.accepted, duplicate: dry.body.dryRun.duplicate, rejected: dry.body.dryRun.rejected },
      { accepted: 0, duplicate: 5, rejected: 2 },
    );
    await admin.post(`/api/imports/${up.body.id}/start`);
    const done = await settle(admin, up.body.id);
    assert.deepEqual([done.status, done.accepted, done.duplicate, done.rejected], ['done', 0, 5, 2]);
    assert.equal((await q('SELECT count(*)::int AS n FROM mentions'))[0].n, 4);
  });

  test('NDJSON: each line a mention (source ignored), bad lines rejected with their line numbers', async () => {
    const up = await upload(ctx.url, admin, 'feed.ndjson', 'ndjson 匯入', ndjson, 'application/x-ndjson');
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.equal(up.body.format, 'ndjson');
    assert.equal(up.body.mapping, null);
    await admin.post(`/api/imports/${up.body.id}/start`);
    const done = await settle(admin, up.body.id);
    assert.deepEqual([done.status, done.rowsDone, done.accepted, done.rejected], ['done', 5, 2, 3]);
    assert.deepEqual(
      done.rejections.map((r: { row: number }) => r.row),
      [4, 5, 6],
    );
    assert.match(done.rejections[0].reason, /not valid JSON/);
    assert.match(done.rejections[1].reason, /needs externalId or url/);
    assert.match(done.rejections[2].reason, /publishedAt/);
    assert.deepEqual(
      done.rejections.map((r: { code: string; field?: string }) => [r.code, r.field]),
      [
        ['bad_json', undefined],
        ['missing_id', 'externalId'],
        ['bad_date', 'publishedAt'],
      ],
    );
    const src = await q(
      `SELECT s.name FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.external_key = 'https://example.com/n2'`,
    );
    assert.equal(src[0].name, 'ndjson 匯入');
  });

  test('mapping: text and publishedAt must be mapped to existing columns', async () => {
    const up = await upload(ctx.url, admin, 'posts.csv', 'mapping test', csv);
    const bad = await admin.patch(`/api/imports/${up.body.id}`, {
      mapping: { columns: { publishedAt: '發布時間' }, timeZone: 'Asia/Taipei' },
    });
    assert.equal(bad.status, 200);
    for (const r of [await admin.post(`/api/imports/${up.body.id}/dry-run`), await admin.post(`/api/imports/${up.body.id}/start`)]) {
      assert.equal(r.status, 400);
      assert.equal(r.body.errors[0].code, 'mapping_required');
      assert.match(r.body.detail, /text/);
    }
    const unknown = await admin.patch(`/api/imports/${up.body.id}`, { mapping: { columns: { text: 'nope', publishedAt: '發布時間' } } });
    assert.equal(unknown.status, 200);
    const r = await admin.post(`/api/imports/${up.body.id}/dry-run`);
    assert.equal(r.body.errors[0].code, 'unknown_column');
    const zone = await admin.patch(`/api/imports/${up.body.id}`, {
      mapping: { columns: { text: '內容', publishedAt: '發布時間' }, timeZone: 'Mars/Base' },
    });
    assert.equal(zone.status, 400);
    const utc = await admin.patch(`/api/imports/${up.body.id}`, {
      mapping: { columns: { text: '內容', publishedAt: '發布時間' }, timeZone: 'UTC' },
    });
    assert.equal(utc.status, 200);
    const dry = await admin.post(`/api/imports/${up.body.id}/dry-run`);
    assert.equal(dry.body.dryRun.accepted, 4, 'mentions from another source are not duplicates here');
    const moved = await admin.patch(`/api/imports/${up.body.id}`, {
      source: 'Excel 匯出',
      mapping: { columns: { text: '內容', publishedAt: '發布時間', url: '網址' }, timeZone: 'Asia/Taipei' },
    });
    assert.equal(moved.body.source.name, 'Excel 匯出');
    assert.equal(moved.body.dryRun, null, 'a new target makes the dry run stale');
    const recheck = await admin.post(`/api/imports/${up.body.id}/dry-run`);
    // Into the first test's source all are stored already, but for the row with no URL: its content key
    // covers the author, which this mapping leaves out.
    assert.deepEqual([recheck.body.dryRun.accepted, recheck.body.dryRun.duplicate], [1, 4]);
  });

  test('hostile files: invalid UTF-8 (Big5), UTF-16, empty, no header, oversize, wrong type, another kind of source', async () => {
    const big5 = Buffer.from([0xa4, 0xba, 0xae, 0x65, 0x2c, 0xae, 0xc9, 0xb6, 0xa1, 0x0a, 0xa6, 0x6e, 0x2c, 0x31, 0x0a]); // 內容,時間 / 好,1
    const r1 = await upload(ctx.url, admin, 'big5.csv', 'hostile', big5);
    assert.equal(r1.status, 400);
    assert.equal(r1.body.code, 'invalid_utf8');
    assert.equal(r1.body.errors[0].code, 'big5');
    assert.match(r1.body.detail, /Big5/);
    const r2 = await upload(ctx.url, admin, 'u16.csv', 'hostile', Buffer.from('\ufeffa,b\n', 'utf16le'));
    assert.equal(r2.body.errors[0].code, 'utf16');
    const r3 = await upload(ctx.url, admin, 'empty.csv', 'hostile', Buffer.alloc(0));
    assert.equal(r3.body.errors[0].code, 'empty_file');
    const r4 = await upload(ctx.url, admin, 'data.csv', 'hostile', Buffer.from('好吃,2026/11/30 14:05,https://x.example/1\n'));
    assert.equal(r4.status, 400);
    assert.equal(r4.body.errors[0].code, 'no_header');
    const r5 = await upload(ctx.url, admin, 'x.json', 'hostile', Buffer.from('{}'), 'application/json');
    assert.equal(r5.status, 415);
    await q(`INSERT INTO sources (org_id, kind, name) VALUES ($1, 'rss', 'A feed')`, [org.orgId]);
    const r6 = await upload(ctx.url, admin, 'posts.csv', 'A feed', csv);
    assert.equal(r6.status, 409);
    assert.equal(r6.body.errors[0].code, 'source_kind');
    assert.equal(
      (await q(`SELECT count(*)::int AS n FROM imports WHERE file_name IN ('big5.csv','u16.csv','empty.csv','data.csv')`))[0].n,
      0,
    );

    // Without the session's CSRF token (a cross-site form post) the upload is refused.
    const forged = await fetch(`${ctx.url}/api/imports?name=x.csv&source=hostile`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'text/csv' },
      body: csv,
    });
    assert.equal(forged.status, 403);
    assert.equal((await forged.json()).code, 'csrf_failed');

    // Over 100 MB by Content-Length: refused before a byte is stored.
    const s = await admin.get('/api/session');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${ctx.url}/api/imports?name=big.csv&source=hostile`, {
        method: 'POST',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': s.body.csrfToken,
          'content-type': 'text/csv',
          'content-length': String(101 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('a,b\n');
    });
    assert.equal(status, 413);
  });

  test('resume after a crash: from rows_done, nothing counted or stored twice; the lock keeps a second runner out', async () => {
    const up = await upload(ctx.url, admin, 'posts.csv', 'resume', csv);
    const id = up.body.id;
    await admin.post(`/api/imports/${id}/start`);
    assert.equal((await settle(admin, id)).accepted, 4);
    // As if the process died after committing the first three rows: status running, later rows not stored.
    const [src] = await q(`SELECT source_id FROM imports WHERE id = $1`, [id]);
    await q(`DELETE FROM mentions WHERE source_id = $1 AND external_key NOT IN ('https://example.com/p/1', 'https://example.com/p/2')`, [
      src.source_id,
    ]);
    await q(
      `UPDATE imports SET status = 'running', rows_done = 3, accepted = 2, duplicate = 0, rejected = 1, rejections = $2 WHERE id = $1`,
      [id, JSON.stringify([{ row: 4, reason: 'text: text is empty' }])],
    );

    // Another process holds the import's lock: starting it here is refused.
    const holder = new pg.Client({ connectionString: ctx.databaseUrl });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(715010, hashtext($1))', [id]);
    const refused = await admin.post(`/api/imports/${id}/start`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.errors[0].code, 'already_running');
    await holder.query('SELECT pg_advisory_unlock(715010, hashtext($1))', [id]); // that process lets go (or dies)
    await holder.end();

    // A restarted server resumes imports left running.
    const second = await startTestServer({ databaseUrl: ctx.databaseUrl, clock });
    const done = await settle(admin, id);
    await second.close();
    assert.equal(done.status, 'done');
    assert.deepEqual([done.rowsDone, done.accepted, done.duplicate, done.rejected], [7, 4, 1, 2]);
    assert.deepEqual(
      done.rejections.map((r: { row: number }) => r.row),
      [4, 5],
    );
    const n = await q(`SELECT count(*)::int AS n, count(DISTINCT external_key)::int AS d FROM mentions WHERE source_id = $1`, [
      src.source_id,
    ]);
    assert.deepEqual(n[0], { n: 4, d: 4 });
  });

  test('cancel: a cancelled import cannot start; finished ones cannot be cancelled', async () => {
    const up = await upload(ctx.url, admin, 'posts.csv', 'cancel', csv);
    const c = await admin.post(`/api/imports/${up.body.id}/cancel`);
    assert.equal(c.status, 200);
    assert.equal(c.body.status, 'cancelled');
    const s = await admin.post(`/api/imports/${up.body.id}/start`);
    assert.equal(s.status, 409);
    const again = await admin.post(`/api/imports/${up.body.id}/cancel`);
    assert.equal(again.status, 409);
    const events = await q(`SELECT type FROM events WHERE subject_id = $1 ORDER BY id`, [up.body.id]);
    assert.deepEqual(
      events.map((e) => e.type),
      ['import.created', 'import.cancelled'],
    );
  });

  test('list and permissions: people with mention.import only', async () => {
    const list = await admin.get('/api/imports');
    assert.equal(list.status, 200);
    assert.ok(list.body.imports.length >= 5);
    assert.ok(list.body.sources.some((s: { name: string }) => s.name === 'Excel 匯出'));
    assert.ok(!list.body.sources.some((s: { name: string }) => s.name === 'A feed'), 'only import sources');
    const reporter = await org.userWithRole('reporter');
    assert.equal((await reporter.client.get('/api/imports')).status, 403);
    const member = await org.userWithRole('member');
    assert.equal((await member.client.get('/api/imports')).status, 200);
  });
});
