// Employee reports (通報) on a real server and database: a reporter files one with screenshots, anonymity hides
// the name from triagers but the audit event keeps the reporter, the queue order and counts, attaching and
// closing (409 when already triaged or stale), the reporter following the status live, and who may see which
// report and screenshot (others and other organisations: 404).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { hashPassword } from '../../people/server/deps.ts';
import { organisations, users } from '../../people/server/schema.ts';
import { reportQueue, reportView } from '../report-contract.ts';

/** A small solid-colour PNG of the given size (real bytes, so the store sniffs it as an image). */
function pngOf(width = 4, height = 4): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((1 + width * 3) * height, 200);
  for (let y = 0; y < height; y++) raw[y * (1 + width * 3)] = 0;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function upload(url: string, client: Client, bytes: Buffer) {
  const s = await client.get('/api/session');
  const res = await fetch(`${url}/api/reports/files`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': s.body.csrfToken, 'content-type': 'image/png' },
    body: new Uint8Array(bytes),
  });
  assert.equal(res.status, 201);
  return ((await res.json()) as { id: string }).id;
}

const fileStatus = async (url: string, client: Client, id: string) =>
  (await fetch(`${url}/api/reports/files/${id}`, { headers: { cookie: client.cookie } })).status;

describe('employee reports', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-reports-'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: { client: Client; id: string };
  let member: { client: Client; id: string };
  let reporter: { client: Client; id: string };
  let other: { client: Client; id: string };
  let anonId: string;
  let anonFiles: string[];
  let openId: string;

  before(async () => {
    ctx = await startTestServer({ env: { FIREBREAK_DATA_DIR: dataDir } });
    org = await setUpOrg(ctx.url);
    manager = await org.userWithRole('manager', '王經理');
    member = await org.userWithRole('member', '林組員');
    reporter = await org.userWithRole('reporter', '張小明');
    other = await org.userWithRole('reporter', '李小華');
  });

  test('a reporter files an anonymous report with screenshots; triagers do not see the name, the audit does', async () => {
    anonFiles = [await upload(ctx.url, reporter.client, pngOf(4, 4)), await upload(ctx.url, reporter.client, pngOf(6, 3))];
    const live = openLive(ctx.url, manager.client.cookie);
    await live.subscribe([`org:${org.orgId}`]);
    const r = await reporter.client.post('/api/reports', {
      what: 'Dcard 有人貼出疑似我們門市的食物異物照片，留言很多',
      links: ['https://www.dcard.tw/f/food/p/123'],
      whereSeen: 'Dcard 美食版',
      urgency: 'high',
      anonymous: true,
      fileIds: anonFiles,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const mine = reportView.parse(r.body);
    anonId = mine.id;
    assert.equal(mine.number, 1);
    assert.equal(mine.status, 'new');
    assert.equal(mine.mine, true);
    assert.equal(mine.reporterName, '張小明', 'the reporter sees their own name');
    assert.deepEqual(mine.files.map((f) => f.id).sort(), [...anonFiles].sort());

    // The triage queue refreshes live; the notice says only that a report changed.
    const notice = await live.next((m) => m.type === 'event' && m.event.type === 'report.created');
    assert.deepEqual(Object.keys(notice.event).sort(), ['id', 'subject', 'type', 'version']);
    assert.equal(notice.event.id, anonId);
    live.ws.close();

    const seen = await manager.client.get(`/api/reports/${anonId}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.anonymous, true);
    assert.equal(seen.body.reporterName, null);
    assert.equal(seen.body.reporterId, null);
    assert.doesNotMatch(JSON.stringify(seen.body), /張小明|reporter-/);
    const ev = await ctx.server.db.execute<{ actor_id: string; data: Record<string, unknown> }>(
      sql`SELECT actor_id, data FROM events WHERE type = 'report.created' AND subject_id = ${anonId}`,
    );
    assert.equal(ev.rows[0].actor_id, reporter.id, 'the audit keeps who reported');
    assert.equal(ev.rows[0].data.anonymous, true);
    assert.equal(JSON.stringify(ev.rows[0].data).includes('Dcard'), false, 'no report content in the event');
    for (const f of anonFiles) assert.equal(await fileStatus(ctx.url, manager.client, f), 200, 'triagers open the screenshots');
  });

  test('bad input: non-http links, too many files, someone else’s or an already attached file', async () => {
    const bad = await reporter.client.post('/api/reports', { what: 'x', urgency: 'low', links: ['javascript:alert(1)'] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'links.0');
    assert.equal((await reporter.client.post('/api/reports', { what: '   ', urgency: 'low' })).status, 400);
    assert.equal((await reporter.client.post('/api/reports', { what: 'x', urgency: 'panic' })).status, 400);
    const reused = await reporter.client.post('/api/reports', { what: 'again', urgency: 'low', fileIds: [anonFiles[0]] });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.errors[0].path, 'fileIds');
    const theirs = await upload(ctx.url, other.client, pngOf());
    const stolen = await reporter.client.post('/api/reports', { what: 'mine now', urgency: 'low', fileIds: [theirs] });
    assert.equal(stolen.status, 400);
    const six = Array.from({ length: 6 }, () => theirs);
    assert.equal((await other.client.post('/api/reports', { what: 'x', urgency: 'low', fileIds: six })).status, 400);
  });

  test('reporters see only their own reports and screenshots; another organisation sees nothing', async () => {
    assert.equal((await other.client.get(`/api/reports/${anonId}`)).status, 404);
    assert.equal(await fileStatus(ctx.url, other.client, anonFiles[0]), 404);
    assert.equal(await fileStatus(ctx.url, member.client, anonFiles[0]), 404, 'a member not on a linked crisis');
    assert.equal((await member.client.get(`/api/reports/${anonId}`)).status, 404);
    assert.equal((await reporter.client.get('/api/reports')).status, 403, 'the queue is for triagers');
    assert.equal((await other.client.get('/api/reports/mine')).body.reports.length, 0);

    const [o] = await ctx.server.db.insert(organisations).values({ name: 'Other Co' }).returning();
    const passwordHash = await hashPassword(ctx.server.deps, 'other org password');
    await ctx.server.db
      .insert(users)
      .values({ orgId: o.id, email: 'x@other.example', name: 'X', role: 'admin', status: 'active', passwordHash });
    const admin2 = createClient(ctx.url);
    await admin2.signIn('x@other.example', 'other org password');
    assert.equal((await admin2.get(`/api/reports/${anonId}`)).status, 404);
    assert.equal(await fileStatus(ctx.url, admin2, anonFiles[0]), 404);
    assert.equal((await admin2.get('/api/reports')).body.reports.length, 0);
  });

  test('the queue: new first, most urgent first, with counts', async () => {
    const low = await other.client.post('/api/reports', { what: 'LINE 群組有人在傳謠言', urgency: 'low' });
    const critical = await other.client.post('/api/reports', { what: '新聞台記者來電詢問', urgency: 'critical' });
    assert.equal(low.status, 201);
    openId = low.body.id;
    const q = reportQueue.parse((await manager.client.get('/api/reports')).body);
    assert.deepEqual(
      q.reports.map((r) => r.urgency),
      ['critical', 'high', 'low'],
    );
    assert.equal(q.reports[0].id, critical.body.id);
    assert.equal(q.reports[0].reporterName, '李小華', 'a named report shows its reporter');
    assert.deepEqual(q.counts, { new: 3, accepted: 0, attached: 0, closed: 0 });
  });

  test('attach to an open crisis: the reporter is told live, the crisis team sees it; 409 when stale or already triaged', async () => {
    const crisis = await org.admin.post('/api/crises', { title: '門市異物事件', type: 'product_quality', severity: 'L2' });
    assert.equal(crisis.status, 201);
    const live = openLive(ctx.url, reporter.client.cookie);
    await live.subscribe([`user:${reporter.id}`]);
    const stale = await manager.client.post(`/api/reports/${anonId}/attach`, { crisisId: crisis.body.id, version: 7 });
    assert.equal(stale.status, 409);
    const unknown = await manager.client.post(`/api/reports/${anonId}/attach`, { crisisId: anonId, version: 1 });
    assert.equal(unknown.status, 400);
    const r = await manager.client.post(`/api/reports/${anonId}/attach`, { crisisId: crisis.body.id, version: 1 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.status, 'attached');
    assert.equal(r.body.crisisNumber, crisis.body.number);
    const note = await live.next((m) => m.type === 'event' && m.event.type === 'report.attached');
    assert.equal(note.room, `user:${reporter.id}`);
    live.ws.close();
    const again = await manager.client.post(`/api/reports/${anonId}/close`, { reason: 'dup', version: 2 });
    assert.equal(again.status, 409);
    assert.match(again.body.detail, /already been triaged/);

    const room = await org.admin.get(`/api/crises/${crisis.body.id}`);
    const entry = room.body.timeline.find((e: { type: string }) => e.type === 'report.attached');
    assert.ok(entry, 'the report shows in the crisis timeline');

    // A member put on the team now sees the report (still anonymous) and its screenshots.
    const put = await org.admin.request('PUT', `/api/crises/${crisis.body.id}/team`, { role: 'pr_lead', userId: member.id });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const asTeam = await member.client.get(`/api/reports/${anonId}`);
    assert.equal(asTeam.status, 200);
    assert.equal(asTeam.body.reporterName, null);
    assert.equal(await fileStatus(ctx.url, member.client, anonFiles[1]), 200);

    const mine = await reporter.client.get('/api/reports/mine');
    assert.equal(mine.body.reports[0].status, 'attached');
    assert.equal(mine.body.reports[0].crisisNumber, crisis.body.number);

    const closedCrisis = await org.admin.post('/api/crises', { title: '舊事件', type: 'other', severity: 'L4' });
    await org.admin.post(`/api/crises/${closedCrisis.body.id}/status`, { status: 'closed', version: closedCrisis.body.version });
    const toClosed = await manager.client.post(`/api/reports/${openId}/attach`, { crisisId: closedCrisis.body.id, version: 1 });
    assert.equal(toClosed.status, 409);
  });

  test('close with a reason: the reporter sees it; accepting as a new crisis goes through the declare route', async () => {
    assert.equal((await manager.client.post(`/api/reports/${openId}/close`, { reason: ' ', version: 1 })).status, 400);
    const r = await manager.client.post(`/api/reports/${openId}/close`, { reason: '已查證為舊聞，不構成危機', version: 1 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const mine = await other.client.get('/api/reports/mine');
    const closed = mine.body.reports.find((x: { id: string }) => x.id === openId);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closeReason, '已查證為舊聞，不構成危機');
    assert.equal((await reporter.client.post(`/api/reports/${openId}/close`, { reason: 'x', version: 2 })).status, 403);

    const critical = (await manager.client.get('/api/reports?status=new')).body.reports[0];
    const declared = await manager.client.post('/api/crises', {
      title: '記者詢問',
      type: 'other',
      severity: 'L3',
      reportId: critical.id,
    });
    assert.equal(declared.status, 201);
    const after = await other.client.get(`/api/reports/${critical.id}`);
    assert.equal(after.body.status, 'accepted');
    assert.equal(after.body.crisisNumber, declared.body.number);
    const q = reportQueue.parse((await manager.client.get('/api/reports?status=all')).body);
    assert.deepEqual(q.counts, { new: 0, accepted: 1, attached: 1, closed: 1 });
  });
});
