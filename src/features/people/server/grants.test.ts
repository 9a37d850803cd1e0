// Guest grants: creation and its validation, changes with versions, revocation that reaches the guest's open
// socket at once and ends their reads, expiry by the clock, and the access report (JSON and CSV).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { recordEvent } from '../../../platform/events.ts';
import { insertDocument } from '../../documents/server/store.ts';
import { csvCell } from './access-report.ts';
import { acceptCurrentNda, canRead, guestPrincipal, makeCrisis, makeExternalOrg, makeGuest, NDA_TEXT } from './guests-fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('guest grants and the access report', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: Client;
  let memberId = '';
  let eo: { id: string };
  let guest: { client: Client; id: string };
  let crisisId = '';
  const inFuture = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  /** A document of the crisis, written the one way documents come to exist. */
  const makeDocument = (title: string, classification: 'internal' | 'confidential' | 'legal_privileged', crisis = crisisId) =>
    ctx.server.db.transaction((tx) =>
      insertDocument(
        tx,
        clock,
        {
          orgId: org.orgId,
          kind: 'other',
          classification,
          title,
          body: '內容',
          ownerId: org.adminId,
          crisisId: crisis,
          tags: [],
          createdBy: org.adminId,
        },
        { actor: { type: 'user', id: org.adminId, label: 'Ada Admin' } },
      ),
    );

  before(async () => {
    ctx = await startTestServer({ clock, env: { FIREBREAK_SESSION_IDLE_MINUTES: '10080' } });
    org = await setUpOrg(ctx.url);
    manager = (await org.userWithRole('manager', '經理 陳')).client;
    memberId = (await org.userWithRole('member', '成員 林')).id;
    eo = await makeExternalOrg(org.admin, { name: '明日公關' });
    guest = await makeGuest(ctx.url, org.admin, eo.id, clock, '顧問 周');
    await acceptCurrentNda(guest.client);
    crisisId = await makeCrisis(org.admin, '信義店食安事件');
  });
  after(async () => ctx.close());

  test('a grant is validated: future expiry within a year, a crisis of this organisation, a guest of a live external organisation', async () => {
    const base = { guestId: guest.id, crisisId, classifications: ['internal'], expiresAt: inFuture(7 * DAY) };
    const past = await manager.post('/api/guest-grants', { ...base, expiresAt: inFuture(-HOUR) });
    assert.equal(past.status, 400);
    assert.deepEqual([past.body.errors[0].path, past.body.errors[0].code], ['expiresAt', 'in_past']);
    const far = await manager.post('/api/guest-grants', { ...base, expiresAt: inFuture(400 * DAY) });
    assert.equal(far.status, 400);
    assert.equal(far.body.errors[0].code, 'too_far');
    assert.equal((await manager.post('/api/guest-grants', { ...base, classifications: [] })).status, 400);
    assert.equal((await manager.post('/api/guest-grants', { ...base, classifications: ['secret'] })).status, 400);

    // Another organisation's crisis, written directly (one server holds one set-up organisation).
    const other = (await ctx.server.db.execute<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('別家') RETURNING id`)).rows[0]
      .id;
    const theirCrisis = (
      await ctx.server.db.execute<{ id: string }>(sql`
        INSERT INTO crises (org_id, number, title, type, severity, declared_at, declared_by_label)
        VALUES (${other}, 1, '別家的事', 'other', 'L3', now(), 'x') RETURNING id`)
    ).rows[0].id;
    const foreign = await manager.post('/api/guest-grants', { ...base, crisisId: theirCrisis });
    assert.equal(foreign.status, 400);
    assert.deepEqual([foreign.body.errors[0].path, foreign.body.errors[0].code], ['crisisId', 'not_found']);

    const staff = await manager.post('/api/guest-grants', { ...base, guestId: memberId });
    assert.equal(staff.status, 400);
    assert.deepEqual([staff.body.errors[0].path, staff.body.errors[0].code], ['guestId', 'not_a_guest']);

    const archivedOrg = await makeExternalOrg(org.admin, { name: '已結束合作' });
    const old = await makeGuest(ctx.url, org.admin, archivedOrg.id, clock);
    assert.equal((await org.admin.patch(`/api/external-orgs/${archivedOrg.id}`, { version: 1, archived: true })).status, 200);
    const arch = await manager.post('/api/guest-grants', { ...base, guestId: old.id });
    assert.equal(arch.status, 400);
    assert.equal(arch.body.errors[0].code, 'archived');

    const ok = await manager.post('/api/guest-grants', { ...base, expiresAt: inFuture(365 * DAY) });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.state, 'active');
    assert.equal(ok.body.crisisTitle, '信義店食安事件');
    assert.equal(ok.body.guestName, '顧問 周');
    assert.equal(ok.body.externalOrgId, eo.id);
    const twice = await manager.post('/api/guest-grants', base);
    assert.equal(twice.status, 409, 'one live grant per guest and crisis');

    // Changes carry the version; the expiry rules hold for changes too.
    const stale = await manager.patch(`/api/guest-grants/${ok.body.id}`, { version: 7, classifications: ['internal', 'confidential'] });
    assert.equal(stale.status, 409);
    const bad = await manager.patch(`/api/guest-grants/${ok.body.id}`, { version: 1, expiresAt: inFuture(-1) });
    assert.equal(bad.status, 400);
    const changed = await manager.patch(`/api/guest-grants/${ok.body.id}`, { version: 1, classifications: ['internal', 'confidential'] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.classifications, ['internal', 'confidential']);
    assert.equal(changed.body.version, 2);

    const list = await manager.get(`/api/guest-grants?guestId=${guest.id}&crisisId=${crisisId}`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.map((g: { id: string }) => g.id),
      [ok.body.id],
    );
    assert.deepEqual((await manager.get(`/api/guest-grants?guestId=${memberId}`)).body, []);
    assert.equal((await manager.get('/api/guest-grants?guestId=nope')).status, 400);
    const me = await guest.client.get('/api/guest/me');
    assert.deepEqual(
      me.body.grants.map((g: { id: string }) => g.id),
      [ok.body.id],
    );

    // Clean up for the next test: revoke, and check the revocation is safe to repeat.
    const rev = await manager.del(`/api/guest-grants/${ok.body.id}?version=2`);
    assert.equal(rev.status, 200, JSON.stringify(rev.body));
    assert.equal(rev.body.state, 'revoked');
    const again = await manager.del(`/api/guest-grants/${ok.body.id}?version=2`);
    assert.equal(again.status, 200);
    assert.equal(again.body.revokedAt, rev.body.revokedAt);
    assert.equal((await manager.patch(`/api/guest-grants/${ok.body.id}`, { version: 3, classifications: ['public'] })).status, 409);
    const ev = await ctx.server.db.execute<{ type: string }>(
      sql`SELECT type FROM events WHERE subject_type = 'guest_grant' AND subject_id = ${ok.body.id} ORDER BY id`,
    );
    assert.deepEqual(
      ev.rows.map((r) => r.type),
      ['guest.grant_created', 'guest.grant_updated', 'guest.grant_revoked'],
    );
    assert.equal((await manager.del(`/api/guest-grants/${crisisId}?version=1`)).status, 404);
  });

  test('revocation reaches the guest’s socket within a second and their next read is refused', async () => {
    const doc = await makeDocument('門市監視器紀錄摘要', 'confidential');
    const p = guestPrincipal(org.orgId, guest.id);
    assert.equal(await canRead(ctx.server.db, p, clock.now(), doc.id), false, 'no grant, no read');
    const g = await org.admin.post('/api/guest-grants', {
      guestId: guest.id,
      crisisId,
      classifications: ['confidential'],
      expiresAt: inFuture(DAY),
    });
    assert.equal(g.status, 201, JSON.stringify(g.body));
    assert.equal(await canRead(ctx.server.db, p, clock.now(), doc.id), true);
    const internalDoc = await makeDocument('內部備忘', 'internal');
    assert.equal(await canRead(ctx.server.db, p, clock.now(), internalDoc.id), false, 'only the granted classifications');
    // Where the documents routes are in place, the same through HTTP.
    const viaHttp = (await org.admin.get(`/api/documents/${doc.id}`)).status === 200;
    if (viaHttp) assert.equal((await guest.client.get(`/api/documents/${doc.id}`)).status, 200);

    const live = openLive(ctx.url, guest.client.cookie);
    await live.subscribe([`user:${guest.id}`]);
    const started = Date.now();
    const rev = await org.admin.del(`/api/guest-grants/${g.body.id}?version=1`);
    assert.equal(rev.status, 200);
    const m = await live.next((x) => x.type === 'event' && x.event.type === 'guest.grant_revoked', 1000);
    assert.equal(m.room, `user:${guest.id}`);
    assert.equal(m.event.id, g.body.id);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
    assert.ok(!live.messages.some((x) => x.type === 'session.ended'), 'the guest stays signed in');
    assert.equal(await canRead(ctx.server.db, p, clock.now(), doc.id), false);
    if (viaHttp) assert.equal((await guest.client.get(`/api/documents/${doc.id}`)).status, 404);
    assert.deepEqual((await guest.client.get('/api/guest/me')).body.grants, []);
    live.ws.close();
  });

  test('a grant that expires mid-session ends reads at its expiry', async () => {
    const doc = await makeDocument('律師函草稿', 'confidential');
    const p = guestPrincipal(org.orgId, guest.id);
    const g = await org.admin.post('/api/guest-grants', {
      guestId: guest.id,
      crisisId,
      classifications: ['confidential'],
      expiresAt: inFuture(2 * HOUR),
    });
    assert.equal(g.status, 201);
    assert.equal(await canRead(ctx.server.db, p, clock.now(), doc.id), true);
    clock.advance(2 * HOUR + 1000);
    assert.equal(await canRead(ctx.server.db, p, clock.now(), doc.id), false);
    if ((await org.admin.get(`/api/documents/${doc.id}`)).status === 200)
      assert.equal((await guest.client.get(`/api/documents/${doc.id}`)).status, 404);
    assert.deepEqual((await guest.client.get('/api/guest/me')).body.grants, []);
    const listed = await org.admin.get(`/api/guest-grants?guestId=${guest.id}`);
    assert.equal(listed.body.find((x: { id: string }) => x.id === g.body.id).state, 'expired');
    // An expired grant may be extended (with a fresh expiry); a new grant on the crisis is also allowed now.
    const ext = await org.admin.patch(`/api/guest-grants/${g.body.id}`, { version: 1, expiresAt: inFuture(DAY) });
    assert.equal(ext.status, 200);
    assert.equal(ext.body.state, 'active');
    assert.equal(await canRead(ctx.server.db, p, clock.now(), doc.id), true);
    await org.admin.del(`/api/guest-grants/${g.body.id}?version=2`);
  });

  test('the access report lists a guest’s reads newest first, filtered, titles only where the reader may see them, CSV escaped', async () => {
    const other = await makeGuest(ctx.url, org.admin, eo.id, clock, '=HYPERLINK("http://evil.example")');
    await acceptCurrentNda(other.client);
    const secondOrg = await makeExternalOrg(org.admin, { name: '別的事務所' });
    const outsider = await makeGuest(ctx.url, org.admin, secondOrg.id, clock);
    await acceptCurrentNda(outsider.client);
    const plain = await makeDocument('+886 媒體名單, "第一版"', 'internal');
    const privileged = await makeDocument('律師意見書', 'legal_privileged');
    const view = (who: { id: string }, name: string, documentId: string, type = 'document.viewed') =>
      ctx.server.db.transaction((tx) =>
        recordEvent(tx, clock, {
          orgId: org.orgId,
          type,
          actor: { type: 'user', id: who.id, label: name },
          subjectType: 'document',
          subjectId: documentId,
          crisisId,
          ip: '203.0.113.9',
        }),
      );
    const from = new Date(clock.now().getTime() + 1000).toISOString();
    clock.advance(60_000);
    await view(guest, '顧問 周', plain.id);
    clock.advance(60_000);
    await view(other, 'other', privileged.id, 'document.downloaded');
    clock.advance(60_000);
    await view(outsider, 'outsider', plain.id);
    await view({ id: org.adminId }, 'Ada Admin', plain.id);

    const r = await org.admin.get(`/api/external-orgs/${eo.id}/access-report?from=${encodeURIComponent(from)}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.truncated, false);
    assert.deepEqual(
      r.body.rows.map((x: { action: string; guestId: string; subjectTitle: string | null }) => [x.action, x.guestId, x.subjectTitle]),
      [
        ['document.downloaded', other.id, '律師意見書'],
        ['document.viewed', guest.id, '+886 媒體名單, "第一版"'],
      ],
      'newest first; other organisations’ guests and staff left out',
    );
    assert.equal(r.body.rows[0].ip, '203.0.113.9');
    assert.equal(r.body.rows[0].crisisId, crisisId);

    // Without a period: sign-in, NDA acceptance and the rest of what the guests did are there too.
    const all = await org.admin.get(`/api/external-orgs/${eo.id}/access-report?guestId=${guest.id}`);
    const actions = new Set(all.body.rows.map((x: { action: string }) => x.action));
    for (const a of ['guest.nda_accepted', 'user.invite_accepted', 'document.viewed']) assert.ok(actions.has(a), a);
    assert.ok(all.body.rows.every((x: { guestId: string }) => x.guestId === guest.id));
    const none = await org.admin.get(`/api/external-orgs/${eo.id}/access-report?to=${encodeURIComponent('2020-01-01T00:00:00Z')}`);
    assert.deepEqual(none.body.rows, []);

    // A manager outside the legal privilege sees that the document was downloaded, not its title.
    const m = await manager.get(`/api/external-orgs/${eo.id}/access-report?from=${encodeURIComponent(from)}`);
    assert.equal(m.body.rows[0].subjectId, privileged.id);
    assert.equal(m.body.rows[0].subjectTitle, null);

    const csv = await org.admin.get(`/api/external-orgs/${eo.id}/access-report?format=csv&from=${encodeURIComponent(from)}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="access-report-/);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines[0], 'at,guestId,guestName,action,subjectType,subjectId,subjectTitle,crisisId,ip');
    assert.equal(lines.length, 3);
    assert.ok(lines[1].includes(`,"'=HYPERLINK(""http://evil.example"")",document.downloaded,`), lines[1]);
    assert.ok(lines[2].endsWith(`,"'+886 媒體名單, ""第一版""",${crisisId},203.0.113.9`), lines[2]);
    assert.equal((await org.admin.get(`/api/external-orgs/${eo.id}/access-report?format=xml`)).status, 400);
    assert.equal((await org.admin.get(`/api/external-orgs/${crisisId}/access-report`)).status, 404);
  });

  test('CSV cells: quoting and formula prefixes', () => {
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('plain 文字'), 'plain 文字');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), s);
    assert.equal(csvCell('1-2'), '1-2');
    assert.ok(NDA_TEXT.length >= 20);
  });
});
