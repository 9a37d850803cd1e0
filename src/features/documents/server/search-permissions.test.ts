// Search is permission-aware to the letter: for every classification × reader, a document (and its attachment)
// appears in the hits or not, and the total and every facet count it or not — a document a reader may not open
// never changes a number they see. Documents of crisis X, of crisis Y, and without a crisis.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { type Classification, classifications } from '../contract.ts';
import { attachmentEntry, document, externalOrg, grant, guest } from './search-testkit.ts';

type Scope = 'x' | 'y' | 'n';
const DAY = 86_400_000;
const marker = (s: Scope, c: Classification) => `${s}${c.replace('_', '')}`;
const next = (c: Classification) => classifications[(classifications.indexOf(c) + 1) % classifications.length];

// Who may open a document of scope (crisis X, crisis Y, no crisis) and classification — the table of access.ts.
// Staff here own nothing (the admin owns every document); `on` is on crisis X's team; `legal` is in the legal
// department but on no team. Guests are decided per case below.
const staffSees: Record<string, (s: Scope, c: Classification) => boolean> = {
  admin: () => true,
  manager: (_s, c) => c !== 'legal_privileged',
  memberOn: (s, c) => (s === 'n' ? c === 'public' || c === 'internal' : s === 'x' && c !== 'legal_privileged'),
  memberOff: (s, c) => s === 'n' && (c === 'public' || c === 'internal'),
  memberLegal: (s, c) => s === 'n' && c !== 'confidential',
};
const crisesSeen: Record<string, number> = { admin: 2, manager: 2, memberOn: 1, memberOff: 0, memberLegal: 0 };

describe('search: the permission table', () => {
  const clock = createTestClock(new Date('2026-06-01T00:00:00Z'));
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let server: Awaited<ReturnType<typeof startTestServer>>['server'];
  const staff: Record<string, Client> = {};
  let reporter: Client;
  const guests: Record<string, { id: string; client: Client }> = {};
  let crisisX = '';
  let crisisY = '';
  const docs = new Map<string, string>();
  const attachmentId = randomUUID();

  const search = (c: Client, q: string, extra = '') => c.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  const setGuestGrants = async (okClasses: Classification[], otherClasses: Classification[]) => {
    const future = new Date(clock.now().getTime() + 30 * DAY);
    const base = { orgId: org.orgId, crisisId: crisisX };
    await grant(server.db, { ...base, guestId: guests.ok.id, classifications: okClasses, expiresAt: future });
    await grant(server.db, { ...base, guestId: guests.other.id, classifications: otherClasses, expiresAt: future });
    await grant(server.db, {
      ...base,
      guestId: guests.expired.id,
      classifications: [...classifications],
      expiresAt: new Date(clock.now().getTime() - DAY),
    });
    await grant(server.db, {
      ...base,
      guestId: guests.revoked.id,
      classifications: [...classifications],
      expiresAt: future,
      revoked: true,
    });
    await grant(server.db, { ...base, guestId: guests.noNda.id, classifications: [...classifications], expiresAt: future });
  };

  before(async () => {
    const started = await startTestServer({ clock });
    server = started.server;
    org = await setUpOrg(started.url);
    await server.db.execute(sql`UPDATE organisations SET totp_required_roles = '{}' WHERE id = ${org.orgId}`);
    staff.admin = org.admin;
    staff.manager = (await org.userWithRole('manager')).client;
    const on = await org.userWithRole('member', 'On Team');
    staff.memberOn = on.client;
    staff.memberOff = (await org.userWithRole('member', 'Off Team')).client;
    const legal = await org.userWithRole('member', 'Legal');
    staff.memberLegal = legal.client;
    reporter = (await org.userWithRole('reporter')).client;
    const dep = await server.db.execute<{ id: string }>(
      sql`INSERT INTO departments (org_id, kind) VALUES (${org.orgId}, 'legal') RETURNING id`,
    );
    await server.db.execute(sql`UPDATE users SET department_id = ${dep.rows[0].id} WHERE id = ${legal.id}`);

    const x = await org.admin.post('/api/crises', { title: '資料外洩事件 X', type: 'data_breach', severity: 'L2' });
    const y = await org.admin.post('/api/crises', { title: '資料外洩事件 Y', type: 'data_breach', severity: 'L3' });
    assert.equal(x.status, 201, JSON.stringify(x.body));
    crisisX = x.body.id;
    crisisY = y.body.id;
    const role = await org.admin.request('PUT', `/api/crises/${crisisX}/team`, { role: 'pr_lead', userId: on.id });
    assert.ok(role.status < 300, JSON.stringify(role.body));

    for (const s of ['x', 'y', 'n'] as const)
      for (const c of classifications) {
        const crisisId = s === 'x' ? crisisX : s === 'y' ? crisisY : null;
        const d = await document(server.db, clock, {
          orgId: org.orgId,
          ownerId: org.adminId,
          crisisId,
          classification: c,
          title: `文件 ${marker(s, c)}`,
          body: `關於資料外洩的說明 ${marker(s, c)}`,
        });
        docs.set(marker(s, c), d.id);
      }
    // One attachment, of crisis X's confidential document: it follows its document's visibility.
    await attachmentEntry(server.db, clock, {
      orgId: org.orgId,
      id: attachmentId,
      documentId: docs.get('xconfidential') as string,
      crisisId: crisisX,
      text: '附件：資料外洩鑑識報告 xconfidential',
    });

    const ext = await externalOrg(server.db, org.orgId, clock);
    for (const name of ['ok', 'other', 'expired', 'revoked']) guests[name] = await guest(server, started.url, org.orgId, ext, clock, name);
    guests.noNda = await guest(server, started.url, org.orgId, ext, clock, 'noNda', false);
  });

  test('every classification × reader: the hit, the total and the facets agree with access.ts', async () => {
    for (const c of classifications) {
      await setGuestGrants([c], [next(c)]);
      for (const s of ['x', 'y', 'n'] as const) {
        const m = marker(s, c);
        const withAttachment = m === 'xconfidential';
        const expect: Record<string, boolean> = {};
        for (const [name, sees] of Object.entries(staffSees)) expect[name] = sees(s, c);
        expect.guestOk = s === 'x';
        expect.guestOther = false;
        expect.guestExpired = false;
        expect.guestRevoked = false;
        const clients: Record<string, Client> = {
          ...staff,
          guestOk: guests.ok.client,
          guestOther: guests.other.client,
          guestExpired: guests.expired.client,
          guestRevoked: guests.revoked.client,
        };
        for (const [name, client] of Object.entries(clients)) {
          const r = await search(client, `資料外洩 ${m}`);
          const what = `${name} × ${m}`;
          assert.equal(r.status, 200, `${what}: ${JSON.stringify(r.body)}`);
          const ids = r.body.hits.map((h: { id: string }) => h.id);
          const n = expect[name] ? (withAttachment ? 2 : 1) : 0;
          assert.deepEqual(ids.includes(docs.get(m)), expect[name], `${what}: the document`);
          if (withAttachment) assert.equal(ids.includes(attachmentId), expect[name], `${what}: the attachment`);
          assert.equal(ids.length, n, `${what}: hits ${JSON.stringify(ids)}`);
          assert.equal(r.body.total, n, `${what}: total`);
          assert.equal(r.body.facets.kind.document ?? 0, expect[name] ? 1 : 0, `${what}: kind facet`);
          assert.equal(r.body.facets.kind.attachment ?? 0, withAttachment && expect[name] ? 1 : 0, `${what}: attachment facet`);
          assert.equal(r.body.facets.classification[c] ?? 0, n, `${what}: classification facet`);
          const others = Object.entries(r.body.facets.classification).filter(([k, v]) => k !== c && v !== 0);
          assert.deepEqual(others, [], `${what}: other classifications`);
        }
      }
    }
  });

  test('reporters may not search, and a guest who has not accepted the NDA is stopped before anything is read', async () => {
    await setGuestGrants([...classifications], [...classifications]);
    assert.equal((await search(reporter, '資料外洩')).status, 403);
    const r = await search(guests.noNda.client, '資料外洩');
    assert.equal(r.status, 403);
    assert.equal(r.body.code, 'nda_required');
  });

  test('the totals and facets of a broad search count exactly what each reader may open', async () => {
    await setGuestGrants(['public', 'internal'], ['confidential']);
    const expected = (name: string) => {
      const kind: Record<string, number> = {};
      const cls: Record<string, number> = {};
      for (const s of ['x', 'y', 'n'] as const)
        for (const c of classifications) {
          const sees =
            name in staffSees
              ? staffSees[name](s, c)
              : name === 'guestOk'
                ? s === 'x' && (c === 'public' || c === 'internal')
                : name === 'guestOther' && s === 'x' && c === 'confidential';
          if (!sees) continue;
          kind.document = (kind.document ?? 0) + 1;
          cls[c] = (cls[c] ?? 0) + 1;
          if (s === 'x' && c === 'confidential') {
            kind.attachment = 1;
            cls[c] += 1;
          }
        }
      if (crisesSeen[name]) kind.crisis = crisesSeen[name];
      return { kind, cls, total: Object.values(kind).reduce((a, b) => a + b, 0) };
    };
    const clients: Record<string, Client> = { ...staff, guestOk: guests.ok.client, guestOther: guests.other.client };
    for (const [name, client] of Object.entries(clients)) {
      const r = await search(client, '資料外洩', '&limit=50&kinds=crisis,document,attachment');
      assert.equal(r.status, 200);
      const e = expected(name);
      assert.deepEqual(r.body.facets.kind, e.kind, `${name}: kinds`);
      assert.deepEqual(r.body.facets.classification, e.cls, `${name}: classifications`);
      assert.equal(r.body.total, e.total, `${name}: total`);
      assert.equal(r.body.hits.length, e.total, `${name}: hits`);
    }
    // A confidential document of crisis Y changes nothing a guest of crisis X sees.
    const before = (await search(guests.ok.client, '資料外洩')).body;
    await document(server.db, clock, {
      orgId: org.orgId,
      ownerId: org.adminId,
      crisisId: crisisY,
      classification: 'confidential',
      title: '另一份資料外洩報告',
      body: '資料外洩 機密',
    });
    const after = (await search(guests.ok.client, '資料外洩')).body;
    assert.deepEqual([after.total, after.facets], [before.total, before.facets]);
    // Filters narrow within what may be opened; a guest asking for crises or mentions gets nothing more.
    const onlyCrises = await search(guests.ok.client, '資料外洩', '&kinds=crisis,mention,task');
    assert.deepEqual([onlyCrises.body.total, onlyCrises.body.hits], [0, []]);
    const conf = await search(staff.manager, '資料外洩', '&classification=confidential');
    assert.deepEqual(conf.body.facets.kind, { document: 4, attachment: 1 });
    const inX = await search(staff.memberOn, '資料外洩', `&crisisId=${crisisX}&kinds=crisis,document,attachment`);
    assert.deepEqual(inX.body.facets.kind, { crisis: 1, document: 3, attachment: 1 });
  });

  test('guests’ searches are reads on the record: search.performed with the query and total', async () => {
    await search(guests.ok.client, '資料外洩 xpublic');
    const ev = await server.db.execute<{ actor_id: string; data: { query: string; total: number } }>(sql`
      SELECT actor_id, data FROM events WHERE type = 'search.performed' ORDER BY id DESC LIMIT 1`);
    assert.equal(ev.rows[0].actor_id, guests.ok.id);
    assert.deepEqual(ev.rows[0].data, { query: '資料外洩 xpublic', total: 1 });
  });
});
