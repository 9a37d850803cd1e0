// Every route × every role, allowed and denied, written out as an explicit table
// (not derived from policies.ts, so a change to either shows up here).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Client, createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { enrolTotp } from '../../../../test/helpers/totp.ts';
import { crises, crisisTasks } from '../../crises/server/schema.ts';
import { sources, topics } from '../../monitoring/server/schema.ts';
import { alertRules, alerts, notificationChannels, oncallSchedules } from '../../warnings/server/schema.ts';
import { hashPassword } from './deps.ts';
import { apiTokens, departments, organisations, users } from './schema.ts';

type Who = 'anonymous' | 'admin' | 'manager' | 'member' | 'reporter' | 'guest' | 'token';
const people: Who[] = ['admin', 'manager', 'member', 'reporter', 'guest'];
const all: Who[] = ['anonymous', ...people, 'token'];
const staff: Who[] = ['admin', 'manager', 'member'];

/** route → who may call it. Everyone else: 401 when anonymous (or a token on a people route), 403 otherwise. */
const table: Record<string, Who[]> = {
  'GET /api/health': all,
  'GET /api/version': all,
  'GET /api/openapi.json': all,
  'GET /api/setup': all,
  'POST /api/setup': all,
  'POST /api/session': all,
  'GET /api/invites/:token': all,
  'POST /api/invites/:token/accept': all,
  'GET /api/session': people,
  'DELETE /api/session': people,
  'PATCH /api/me': people,
  'POST /api/me/password': people,
  'GET /api/org': people,
  'PATCH /api/org': ['admin'],
  'GET /api/users': staff,
  'POST /api/users': ['admin'],
  'GET /api/users/:id': staff,
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/deactivate': ['admin'],
  'POST /api/users/:id/reactivate': ['admin'],
  'POST /api/users/:id/invite': ['admin'],
  'GET /api/departments': staff,
  'POST /api/departments': ['admin'],
  'PATCH /api/departments/:id': ['admin'],
  'GET /api/tokens': ['admin'],
  'POST /api/tokens': ['admin'],
  'DELETE /api/tokens/:id': ['admin'],
  'GET /api/token': ['token'],
  'GET /api/audit': ['admin'],
  'GET /api/audit/verify': ['admin'],
  'POST /api/mentions': ['token'],
  'GET /api/mentions': [...staff, 'token'],
  'GET /api/mentions/:id': [...staff, 'token'],
  'POST /api/mentions/:id/sentiment': staff,
  'GET /api/topics': staff,
  'POST /api/topics': ['admin', 'manager'],
  'PATCH /api/topics/:id': ['admin', 'manager'],
  'POST /api/topics/:id/reapply': ['admin', 'manager'],
  'POST /api/topics/preview': staff,
  'GET /api/connectors': staff,
  'GET /api/sources': staff,
  'GET /api/sources/:id': staff,
  'POST /api/sources': ['admin', 'manager'],
  'PATCH /api/sources/:id': ['admin', 'manager'],
  'POST /api/sources/:id/run': ['admin', 'manager'],
  'DELETE /api/sources/:id': ['admin', 'manager'],
  'GET /api/monitoring/dashboard': [...staff, 'token'],
  'POST /api/imports': staff,
  'GET /api/imports': staff,
  'GET /api/imports/:id': staff,
  'PATCH /api/imports/:id': staff,
  'POST /api/imports/:id/dry-run': staff,
  'POST /api/imports/:id/start': staff,
  'POST /api/imports/:id/cancel': staff,
  'GET /api/alerts': staff,
  'GET /api/alerts/:id': staff,
  'POST /api/alerts/:id/acknowledge': staff,
  'POST /api/alerts/:id/dismiss': staff,
  'GET /api/warnings/settings': staff,
  'PUT /api/warnings/settings': ['admin'],
  'POST /api/warnings/settings/escalation/test': ['admin'],
  'GET /api/alert-rules': staff,
  'POST /api/alert-rules': ['admin', 'manager'],
  'PATCH /api/alert-rules/:id': ['admin', 'manager'],
  'DELETE /api/alert-rules/:id': ['admin', 'manager'],
  'GET /api/me/notification-preferences': people,
  'PUT /api/me/notification-preferences': people,
  'GET /api/oncall-schedules': staff,
  'POST /api/oncall-schedules': ['admin', 'manager'],
  'PUT /api/oncall-schedules/:id': ['admin', 'manager'],
  'DELETE /api/oncall-schedules/:id': ['admin', 'manager'],
  'GET /api/oncall-schedules/:id/coverage': staff,
  'GET /api/notification-channels': ['admin', 'manager'],
  'POST /api/notification-channels': ['admin'],
  'PATCH /api/notification-channels/:id': ['admin'],
  'DELETE /api/notification-channels/:id': ['admin'],
  'POST /api/notification-channels/:id/test': ['admin'],
  'GET /api/notification-channels/:id/deliveries': ['admin', 'manager'],
  // Crises: members pass the route's check; which crises they may read or manage is the services' (404 off the team).
  'GET /api/crises': staff,
  'POST /api/crises': ['admin', 'manager'],
  'GET /api/crises/playbook': ['admin', 'manager'],
  'GET /api/crises/:id': staff,
  'POST /api/crises/:id/status': staff,
  'POST /api/crises/:id/severity': staff,
  'PUT /api/crises/:id/team': staff,
  'POST /api/crises/:id/tasks': staff,
  'PATCH /api/crises/:id/tasks/:taskId': staff,
  'POST /api/crises/:id/notes': staff,
  'POST /api/crises/:id/decisions': staff,
  'POST /api/crises/:id/tasks/:taskId/comments': staff,
  'POST /api/crises/:id/decisions/:decisionId/signoff': staff,
  'POST /api/crises/:id/timeline/:eventId/star': staff,
  'DELETE /api/crises/:id/timeline/:eventId/star': staff,
  'POST /api/crises/:id/sitreps': staff,
  'GET /api/crises/:id/sitreps': staff,
  'GET /api/crises/:id/metrics': staff,
  'GET /api/crises/:id/presence': staff,
  // Crisis configuration: declarers read (preview, grade); only admins change.
  'GET /api/crisis-config/playbooks': ['admin', 'manager'],
  'GET /api/crisis-config/playbooks/export': ['admin'],
  'POST /api/crisis-config/playbooks/import': ['admin'],
  'GET /api/crisis-config/playbooks/:type/:severity': ['admin', 'manager'],
  'PUT /api/crisis-config/playbooks/:type/:severity': ['admin'],
  'DELETE /api/crisis-config/playbooks/:type/:severity': ['admin'],
  'GET /api/crisis-config/grading': ['admin', 'manager'],
  'PUT /api/crisis-config/grading': ['admin'],
  'DELETE /api/crisis-config/grading': ['admin'],
  'GET /api/crisis-config/lists': people,
  'PUT /api/crisis-config/lists': ['admin'],
  // Employee reports (通報): anyone but guests reports and follows their own; triage is for managers.
  'POST /api/reports/files': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/reports/files/:id': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/reports': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/reports/mine': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/reports': ['admin', 'manager'],
  'GET /api/reports/:id': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/reports/:id/attach': ['admin', 'manager'],
  'POST /api/reports/:id/close': ['admin', 'manager'],
  // Statements (聲明稿): crisis rights decide which crises; named approvers and the commander are checked by the services.
  'GET /api/crises/:id/plan': staff,
  'PUT /api/crises/:id/plan': staff,
  'POST /api/crises/:id/plan/audiences': staff,
  'PATCH /api/crises/:id/plan/audiences/:audienceId': staff,
  'DELETE /api/crises/:id/plan/audiences/:audienceId': staff,
  'GET /api/crises/:id/facts': staff,
  'POST /api/crises/:id/facts': staff,
  'PATCH /api/crises/:id/facts/:factId': staff,
  'GET /api/crises/:id/statements': staff,
  'POST /api/crises/:id/statements': staff,
  'GET /api/statements': staff,
  'GET /api/statements/:statementId': staff,
  'PATCH /api/statements/:statementId': staff,
  'PUT /api/statements/:statementId/text': staff,
  'GET /api/statements/:statementId/versions/:n': staff,
  'POST /api/statements/:statementId/versions/:n/accepted': staff,
  'POST /api/statements/:statementId/submit': staff,
  'POST /api/statements/:statementId/decisions': staff,
  'POST /api/statements/:statementId/override': staff,
  'POST /api/statements/:statementId/publications': staff,
  'GET /api/statements/:statementId/variants': staff,
  'POST /api/statements/:statementId/variants': staff,
  'PUT /api/statements/:statementId/variants/:channel': staff,
  'DELETE /api/statements/:statementId/variants/:channel': staff,
  'POST /api/statements/:statementId/answers': staff,
  'GET /api/crises/:id/answers': staff,
  'POST /api/statements/:statementId/briefings': staff,
  'POST /api/briefings/:id/remind': staff,
  'GET /api/statements/:statementId/comments': staff,
  'POST /api/statements/:statementId/comments': staff,
  'POST /api/statements/:statementId/comments/:commentId/replies': staff,
  'POST /api/statements/:statementId/comments/:commentId/resolve': staff,
  'POST /api/statements/:statementId/comments/:commentId/reopen': staff,
  'GET /api/crises/:id/briefings': staff,
  // Employee briefings (對外口徑) reach every employee, reporters included; never guests.
  'GET /api/briefings/mine': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/briefings/:id': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/briefings/:id/ack': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/statement-templates': staff,
  'POST /api/statement-templates': ['admin'],
  'PATCH /api/statement-templates/:id': ['admin'],
  'DELETE /api/statement-templates/:id': ['admin'],
  'POST /api/statement-templates/:id/legal-signoff': ['admin'],
  'GET /api/statement-chains': staff,
  'PUT /api/statement-chains/:severity/:group': ['admin'],
  'DELETE /api/statement-chains/:severity/:group': ['admin'],
  // The second factor (TOTP): everyone enrols and answers it; the organisation's policy is the admins'.
  'POST /api/profile/totp': people,
  'POST /api/profile/totp/confirm': people,
  'DELETE /api/profile/totp': people,
  'POST /api/session/second-factor': people,
  'GET /api/org/security': ['admin'],
  'PATCH /api/org/security': ['admin'],
  // External organisations, their guests, grants and the access report (外部協力); a guest's own view and NDA.
  'GET /api/external-orgs': ['admin', 'manager'],
  'POST /api/external-orgs': ['admin', 'manager'],
  'GET /api/external-orgs/:id': ['admin', 'manager'],
  'PATCH /api/external-orgs/:id': ['admin', 'manager'],
  'GET /api/external-orgs/:id/guests': ['admin', 'manager'],
  'POST /api/external-orgs/:id/guests': ['admin', 'manager'],
  'POST /api/external-orgs/:id/guests/:guestId/invite': ['admin', 'manager'],
  'POST /api/external-orgs/:id/guests/:guestId/deactivate': ['admin', 'manager'],
  'POST /api/external-orgs/:id/guests/:guestId/reactivate': ['admin', 'manager'],
  'GET /api/external-orgs/:id/access-report': ['admin', 'manager'],
  'GET /api/guest-grants': ['admin', 'manager'],
  'POST /api/guest-grants': ['admin', 'manager'],
  'PATCH /api/guest-grants/:id': ['admin', 'manager'],
  'DELETE /api/guest-grants/:id': ['admin', 'manager'],
  'GET /api/guest/me': ['guest'],
  'POST /api/guest/nda': ['guest'],
  // The evidence locker (證據保全): capture is staff work; bundles for counsel are for admins and managers; the chain
  // of custody for whoever may open the document (guests through their grants).
  // Documents (文件): which ones each person sees is the documents' own rule (classification, team, owner, legal
  // department; guests through grants) — here, who may call the route at all.
  'GET /api/documents': ['admin', 'manager', 'member', 'guest'],
  'POST /api/documents': staff,
  'GET /api/documents/:id': ['admin', 'manager', 'member', 'guest'],
  'PATCH /api/documents/:id': staff,
  'DELETE /api/documents/:id': staff,
  'GET /api/documents/:id/versions': ['admin', 'manager', 'member', 'guest'],
  'GET /api/documents/:id/versions/:number': ['admin', 'manager', 'member', 'guest'],
  'POST /api/documents/:id/attachments': staff,
  'DELETE /api/documents/:id/attachments/:attachmentId': staff,
  'GET /api/documents/:id/attachments/:attachmentId/file': ['admin', 'manager', 'member', 'guest'],
  'GET /api/documents/:id/attachments/:attachmentId/preview': ['admin', 'manager', 'member', 'guest'],
  'POST /api/documents/:id/holds': ['admin', 'manager'],
  'DELETE /api/documents/:id/holds/:holdId': ['admin', 'manager'],
  'GET /api/crises/:id/holds': ['admin', 'manager'],
  'POST /api/crises/:id/holds': ['admin', 'manager'],
  'DELETE /api/crises/:id/holds/:holdId': ['admin', 'manager'],
  // One search box; each hit, count and facet only for what the person may open.
  'GET /api/search': ['admin', 'manager', 'member', 'guest'],
  // Drills and the demo. Which drill is decided per drill (participants; all for admins and managers): a drill
  // id that is not theirs is 404, which counts as allowed here (the route's permission let them through).
  'GET /api/scenarios': ['admin', 'manager'],
  'GET /api/scenarios/:id': ['admin', 'manager'],
  'POST /api/scenarios/validate': ['admin', 'manager'],
  'GET /api/scenario-room': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/scenario-room/control': ['admin', 'manager'],
  'GET /api/drills': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/drills': ['admin', 'manager'],
  'GET /api/drills/trends': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/drills/:id': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/drills/:id/control': ['admin', 'manager'],
  'POST /api/drills/:id/enter': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/drill-session/leave': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/drills/:id/observations': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/drills/:id/report': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/drills/:id/report': ['admin', 'manager'],
  'PUT /api/drills/:id/report': ['admin', 'manager'],
  'GET /api/drills/:id/report.pdf': ['admin', 'manager', 'member', 'reporter'],
  'GET /api/drills/:id/actions': ['admin', 'manager', 'member', 'reporter'],
  'POST /api/drills/:id/actions': ['admin', 'manager'],
  'PATCH /api/drills/:id/actions/:actionId': ['admin', 'manager', 'member', 'reporter'],
  // Public before anyone has an account; once a real organisation exists (this table's), opening is 409 and
  // signing in is refused the same way — still not a 401/403.
  'GET /api/demo': all,
  'POST /api/demo': all,
  'POST /api/demo/sign-in': all,
  'POST /api/evidence': staff,
  'GET /api/evidence/capabilities': staff,
  'GET /api/documents/:id/custody': ['admin', 'manager', 'member', 'guest'],
  'POST /api/evidence/export': ['admin', 'manager'],
};

const tokenOnly = new Set(
  Object.entries(table)
    .filter(([, w]) => w.length === 1 && w[0] === 'token')
    .map(([k]) => k),
);

describe('permission table', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  const clients = {} as Record<Who, Client>;
  let victimId = '';
  let deptId = '';
  let tokenId = '';
  let other = {
    userId: '',
    deptId: '',
    tokenId: '',
    topicId: '',
    sourceId: '',
    alertId: '',
    channelId: '',
    ruleId: '',
    scheduleId: '',
    crisisId: '',
    taskId: '',
  };
  let crisisId = '';
  let taskId = '';
  let externalOrgId = '';
  let alertId = '';
  let channelId = '';
  let ruleId = '';
  let scheduleId = '';
  let schedule: (orgId: string, who: string) => { orgId: string; name: string; settings: Record<string, unknown> } = () => {
    throw new Error('set in before()');
  };
  let topicId = '';
  let sourceId = '';
  let mentionId = 0;

  before(async () => {
    ctx = await startTestServer();
    org = await setUpOrg(ctx.url);
    clients.anonymous = createClient(ctx.url);
    clients.admin = org.admin;
    for (const role of ['manager', 'member', 'reporter', 'guest'] as const) clients[role] = (await org.userWithRole(role)).client;
    // The table's guest is a real one: of a law firm, second factor set up, NDA accepted — so a 403 in its row is
    // the route's permission, not the guest gates in front of everything.
    const firm = await org.admin.post('/api/external-orgs', {
      name: '理律法律事務所',
      kind: 'law_firm',
      ndaText: '本人同意對於本案所知悉之一切資訊負保密義務。',
    });
    externalOrgId = firm.body.id;
    const guestId = (await clients.guest.get('/api/session')).body.user.id;
    await ctx.server.db.update(users).set({ externalOrgId }).where(eq(users.id, guestId));
    await enrolTotp(clients.guest);
    const me = await clients.guest.get('/api/guest/me');
    assert.equal((await clients.guest.post('/api/guest/nda', { sha256: me.body.nda.sha256 })).status, 201);
    const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write', 'mentions:read'] });
    clients.token = createClient(ctx.url);
    clients.token.useToken(t.body.secret);
    victimId = (await org.admin.post('/api/users', { email: 'victim@example.com', name: 'Victim', role: 'member' })).body.user.id;
    deptId = (await org.admin.get('/api/departments')).body[0].id;
    tokenId = (await org.admin.post('/api/tokens', { name: 'to revoke', scopes: ['mentions:read'] })).body.token.id;
    const pushed = await clients.token.post('/api/mentions', {
      mentions: [{ source: 'collector', externalId: 'p-1', text: '鼎泰豐 服務很好', publishedAt: new Date().toISOString() }],
    });
    mentionId = pushed.body.items[0].id;
    sourceId = (await org.admin.get('/api/sources')).body[0].id;
    topicId = (await org.admin.post('/api/topics', { name: '品牌', query: '鼎泰豐' })).body.id;
    // A second organisation, made directly in the database (setup is closed after the first).
    const db = ctx.server.db;
    const alertRow = (orgId: string, topic: string) => ({
      orgId,
      topicId: topic,
      risk: 50,
      severity: 'L3',
      signals: [],
      drivers: { mentions: 0, negativeMentions: 0, reach: 0, clusters: [], authors: [], negatives: [] },
      windowStart: new Date(),
      windowEnd: new Date(),
      openedAt: new Date(),
      lastFiredAt: new Date(),
    });
    alertId = (await db.insert(alerts).values(alertRow(org.orgId, topicId)).returning())[0].id;
    const channel = (name: string, orgId: string) => ({
      orgId,
      kind: 'slack',
      name,
      config: { kind: 'slack', url: 'https://hooks.slack.example/T/B/x' },
    });
    channelId = (await db.insert(notificationChannels).values(channel('ops', org.orgId)).returning())[0].id;
    const rule = (orgId: string, topic: string) => ({
      orgId,
      topicId: topic,
      name: 'r',
      config: { kind: 'threshold', signal: 'negative', count: 5, minutes: 10 },
    });
    ruleId = (await db.insert(alertRules).values(rule(org.orgId, topicId)).returning())[0].id;
    schedule = (orgId: string, who: string) => ({
      orgId,
      name: '值班',
      settings: {
        name: '值班',
        timeZone: 'Asia/Taipei',
        participants: [who],
        startDate: '2026-01-05',
        handoffTime: '09:00',
        lengthDays: 7,
        overrides: [],
      },
    });
    scheduleId = (await db.insert(oncallSchedules).values(schedule(org.orgId, org.adminId)).returning())[0].id;
    const [o] = await db.insert(organisations).values({ name: 'Other Co' }).returning();
    const [d] = await db.insert(departments).values({ orgId: o.id, kind: 'pr' }).returning();
    const passwordHash = await hashPassword(ctx.server.deps, 'other org password');
    const [u] = await db
      .insert(users)
      .values({ orgId: o.id, email: 'x@other.example', name: 'X', role: 'admin', status: 'active', passwordHash })
      .returning();
    const [tk] = await db
      .insert(apiTokens)
      .values({
        orgId: o.id,
        name: 'theirs',
        prefix: 'fbk_xxxxxx',
        tokenHash: 'h'.repeat(64),
        scopes: ['mentions:read'],
        createdAt: new Date(),
      })
      .returning();
    const [ot] = await db.insert(topics).values({ orgId: o.id, name: 'theirs', query: '鼎泰豐' }).returning();
    const [os] = await db.insert(sources).values({ orgId: o.id, kind: 'push', name: 'theirs' }).returning();
    const [oa] = await db.insert(alerts).values(alertRow(o.id, ot.id)).returning();
    const [oc] = await db.insert(notificationChannels).values(channel('theirs', o.id)).returning();
    const [or] = await db.insert(alertRules).values(rule(o.id, ot.id)).returning();
    const [os2] = await db.insert(oncallSchedules).values(schedule(o.id, u.id)).returning();
    const declared = await org.admin.post('/api/crises', { title: '門市食安事件', type: 'product_quality', severity: 'L2' });
    crisisId = declared.body.id;
    taskId = declared.body.tasks[0].id;
    const [oc2] = await db
      .insert(crises)
      .values({ orgId: o.id, number: 1, title: 'theirs', type: 'other', severity: 'L3', declaredAt: new Date(), declaredByLabel: 'X' })
      .returning();
    const [ot2] = await db
      .insert(crisisTasks)
      .values({ crisisId: oc2.id, orgId: o.id, title: 'theirs', createdAt: new Date() })
      .returning();
    other = {
      userId: u.id,
      deptId: d.id,
      tokenId: tk.id,
      topicId: ot.id,
      sourceId: os.id,
      alertId: oa.id,
      channelId: oc.id,
      ruleId: or.id,
      scheduleId: os2.id,
      crisisId: oc2.id,
      taskId: ot2.id,
    };
  });

  test('the table lists exactly the registered routes', () => {
    const registered = ctx.server.router.routes.map((r) => `${r.method} ${r.url}`).sort();
    assert.deepEqual(registered, Object.keys(table).sort());
  });

  test('every route declares a permission', () => {
    for (const r of ctx.server.router.routes) assert.ok(r.permission, `${r.method} ${r.url}`);
  });

  const idFor = (url: string) => {
    if (url.includes('/users/')) return victimId;
    if (url.includes('/departments/')) return deptId;
    if (url.includes('/mentions/')) return String(mentionId);
    if (url.includes('/topics/')) return topicId;
    if (url.includes('/sources/')) return sourceId;
    if (url.includes('/alerts/')) return alertId;
    if (url.includes('/notification-channels/')) return channelId;
    if (url.includes('/alert-rules/')) return ruleId;
    if (url.includes('/oncall-schedules/')) return scheduleId;
    if (url.includes('/crises/')) return crisisId;
    if (url.includes('/external-orgs/')) return externalOrgId;
    if (url.includes('/documents/')) return '00000000-0000-4000-8000-000000000003';
    if (url.includes('/guest-grants/')) return '00000000-0000-4000-8000-000000000002';
    return tokenId;
  };
  const fill = (url: string) =>
    url
      .replace(':id', idFor(url))
      .replace(':taskId', taskId)
      .replace(':decisionId', '00000000-0000-4000-8000-000000000000')
      .replace(':guestId', '00000000-0000-4000-8000-000000000001')
      .replace(':attachmentId', '00000000-0000-4000-8000-000000000004')
      .replace(':holdId', '00000000-0000-4000-8000-000000000005')
      .replace(':actionId', '00000000-0000-4000-8000-000000000006')
      .replace(':number', '1')
      .replace(':eventId', '1')
      .replace(':type', 'other')
      .replace(':severity', 'L4')
      .replace(':token', 'x'.repeat(43));

  for (const who of all) {
    test(`${who}: allowed and denied`, async () => {
      // Sign-out last: it ends the session the other rows use.
      const keys = Object.keys(table).sort((a, b) => Number(a === 'DELETE /api/session') - Number(b === 'DELETE /api/session'));
      const failures: string[] = [];
      for (const key of keys) {
        const [method, url] = key.split(' ');
        const res = await clients[who].request(method, fill(url), method === 'GET' || method === 'DELETE' ? undefined : {});
        const allowed = table[key].includes(who);
        // A principal of a kind the route does not accept (a token on a people route, a person on a
        // machine route) is no principal there: 401, like anonymous. Otherwise a denial is 403.
        const kindAccepted = who === 'token' ? table[key].includes('token') : !tokenOnly.has(key);
        const expected = allowed ? 'allowed' : who === 'anonymous' || !kindAccepted ? 401 : 403;
        const got = res.status === 401 || res.status === 403 ? res.status : 'allowed';
        const ok = expected === got;
        if (!ok) failures.push(`${key} → ${res.status} (expected ${expected}) ${JSON.stringify(res.body).slice(0, 120)}`);
      }
      assert.deepEqual(failures, []);
    });
  }

  test('things in another organisation are 404, not 403', async () => {
    const admin = createClient(ctx.url);
    await admin.signIn(org.adminEmail, 'correct horse battery staple');
    const checks: Array<[string, string, unknown?]> = [
      ['GET', `/api/users/${other.userId}`],
      ['PATCH', `/api/users/${other.userId}`, { name: 'Hijack' }],
      ['POST', `/api/users/${other.userId}/deactivate`],
      ['POST', `/api/users/${other.userId}/reactivate`],
      ['POST', `/api/users/${other.userId}/invite`],
      ['PATCH', `/api/departments/${other.deptId}`, { name: 'Hijack' }],
      ['DELETE', `/api/tokens/${other.tokenId}`],
      ['PATCH', `/api/topics/${other.topicId}`, { name: 'Hijack' }],
      ['POST', `/api/topics/${other.topicId}/reapply`],
      ['PATCH', `/api/sources/${other.sourceId}`, { status: 'paused' }],
      ['GET', `/api/sources/${other.sourceId}`],
      ['POST', `/api/sources/${other.sourceId}/run`],
      ['DELETE', `/api/sources/${other.sourceId}`],
      ['GET', `/api/mentions/${mentionId + 1000}`],
      ['GET', `/api/alerts/${other.alertId}`],
      ['POST', `/api/alerts/${other.alertId}/acknowledge`, {}],
      ['POST', `/api/alerts/${other.alertId}/dismiss`, { reason: 'false_alarm' }],
      ['PATCH', `/api/notification-channels/${other.channelId}`, { enabled: false }],
      ['POST', `/api/notification-channels/${other.channelId}/test`],
      ['GET', `/api/notification-channels/${other.channelId}/deliveries`],
      ['DELETE', `/api/notification-channels/${other.channelId}`],
      ['PATCH', `/api/alert-rules/${other.ruleId}`, { enabled: false }],
      ['DELETE', `/api/alert-rules/${other.ruleId}`],
      ['PUT', `/api/oncall-schedules/${other.scheduleId}`, schedule(org.orgId, org.adminId).settings],
      ['GET', `/api/oncall-schedules/${other.scheduleId}/coverage`],
      ['DELETE', `/api/oncall-schedules/${other.scheduleId}`],
      ['GET', `/api/crises/${other.crisisId}`],
      ['POST', `/api/crises/${other.crisisId}/status`, { status: 'responding', version: 1 }],
      ['POST', `/api/crises/${other.crisisId}/severity`, { severity: 'L1', reason: 'x', version: 1 }],
      ['PUT', `/api/crises/${other.crisisId}/team`, { role: 'pr_lead', userId: org.adminId }],
      ['POST', `/api/crises/${other.crisisId}/tasks`, { title: 'x' }],
      ['PATCH', `/api/crises/${other.crisisId}/tasks/${other.taskId}`, { version: 1, status: 'done' }],
      ['POST', `/api/crises/${other.crisisId}/notes`, { text: 'x' }],
      ['POST', `/api/crises/${other.crisisId}/decisions`, { decision: 'x' }],
    ];
    for (const [method, url, body] of checks) {
      const r = await admin.request(method, url, body);
      assert.equal(r.status, 404, `${method} ${url}`);
      assert.equal(r.body.code, 'not_found');
    }
    const crisisList = await admin.get('/api/crises');
    assert.equal(
      crisisList.body.crises.some((c: { id: string }) => c.id === other.crisisId),
      false,
    );
    const list = await admin.get('/api/users');
    assert.equal(
      list.body.some((u: { id: string }) => u.id === other.userId),
      false,
    );
    const audit = await admin.get('/api/audit?limit=200');
    assert.equal(
      audit.body.events.some((e: { subjectId: string }) => e.subjectId === other.userId),
      false,
    );
  });
});
