// The answer book and employee briefings on a real server and database: answers only from an approved statement,
// linked to its approved version, retired when a newer version or a newer statement of the same kind is approved
// (and not others); briefings to chosen departments or everyone (never guests or the deactivated), each
// recipient acknowledging once, the crisis team seeing who has not; and who may read or do what. Sending e-mails
// each recipient (a loopback SMTP server receives them) with the briefing's words and link, quiet hours respected at
// any level; reminding e-mails only those who have not acknowledged, at most once per 30 minutes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { bodyOf, headerOf, type Mail, startMailbox, waitFor } from '../../../../test/helpers/mail.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { notifyCrisisPeople } from '../../crises/server/crisis-notify.ts';
import { type BriefingStatus, briefing, briefingStatus, myBriefingList } from '../briefing-contract.ts';
import { textToDoc } from '../contract.ts';

const MIN = 60_000;

describe('answer book and briefings', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  type Person = { client: Client; id: string; email: string };
  let writer: Person;
  let outsider: Person;
  let cs1: Person;
  let cs2: Person;
  let store: Person;
  let guest: Person;
  let gone: Person;
  let crisisId = '';
  let csDept = '';
  let storeDept = '';
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  const mail: Mail[] = [];
  /** The e-mails of one kind (`briefing_sent`, `briefing_reminder`) of one briefing to an address. */
  const mailsFor = (email: string, kind: string, briefingId: string) =>
    mail.filter((x) => x.to.includes(email) && headerOf(x.raw, 'Idempotency-Key').includes(`:${kind}:`) && x.raw.includes(briefingId));

  const events = async (type: string) =>
    (
      await ctx.server.db.execute<{ data: Record<string, unknown>; crisis_id: string }>(
        sql`SELECT data, crisis_id FROM events WHERE type = ${type} ORDER BY id`,
      )
    ).rows;
  /** A statement approved by the commander's override (the admin declared the crisis). */
  const approved = async (kind: string, title: string, text: string) => {
    const s = await writer.client.post(`/api/crises/${crisisId}/statements`, { kind, language: 'zh-TW', title, body: textToDoc(text) });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    const o = await org.admin.post(`/api/statements/${s.body.id}/override`, { head: 1, reason: '測試核准' });
    assert.equal(o.status, 200, JSON.stringify(o.body));
    clock.advance(MIN);
    return o.body as { id: string; head: number };
  };
  const dept = async (name: string) => {
    const r = await org.admin.post('/api/departments', { name });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const placeIn = (userId: string, deptId: string) =>
    ctx.server.db.execute(sql`UPDATE users SET department_id = ${deptId} WHERE id = ${userId}`);

  before(async () => {
    mailbox = await startMailbox(mail);
    const smtpPort = mailbox.port;
    ctx = await startTestServer({
      clock,
      env: { FIREBREAK_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, FIREBREAK_PUBLIC_URL: 'https://firebreak.example' },
    });
    org = await setUpOrg(ctx.url);
    writer = await org.userWithRole('member', '文案 張');
    outsider = await org.userWithRole('member', '路人 李');
    cs1 = await org.userWithRole('reporter', '客服 王');
    cs2 = await org.userWithRole('member', '客服 陳');
    store = await org.userWithRole('reporter', '門市 林');
    guest = await org.userWithRole('guest', '顧問 黃');
    gone = await org.userWithRole('reporter', '離職 吳');
    const r = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L2' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    crisisId = r.body.id;
    assert.equal((await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'scribe', userId: writer.id })).status, 200);
    csDept = await dept('客服部');
    storeDept = await dept('門市部');
    await placeIn(cs1.id, csDept);
    await placeIn(cs2.id, csDept);
    await placeIn(guest.id, csDept);
    await placeIn(gone.id, csDept);
    await placeIn(store.id, storeDept);
    await ctx.server.db.execute(sql`UPDATE users SET status = 'deactivated' WHERE id = ${gone.id}`);
  });

  after(async () => {
    await mailbox.close();
  });

  test('answers: only from an approved statement, linked to its approved version; team reads, others 404/403', async () => {
    const draft = await writer.client.post(`/api/crises/${crisisId}/statements`, {
      kind: 'cs_script',
      language: 'zh-TW',
      title: '草稿',
      body: textToDoc('尚未核准'),
    });
    const refused = await writer.client.post(`/api/statements/${draft.body.id}/answers`, { entries: [{ question: 'Q', answer: 'A' }] });
    assert.equal(refused.status, 409, 'a draft feeds no answer book');

    const s = await approved('holding', '初步聲明', '我們已暫停信義店營業，並全面調查。');
    const bad = await writer.client.post(`/api/statements/${s.id}/answers`, { entries: [] });
    assert.equal(bad.status, 400);
    const blank = await writer.client.post(`/api/statements/${s.id}/answers`, { entries: [{ question: '  ', answer: 'A' }] });
    assert.equal(blank.status, 400);
    const r = await writer.client.post(`/api/statements/${s.id}/answers`, {
      entries: [
        { question: '信義店還有營業嗎？', answer: '我們已暫停信義店營業，並全面調查。' },
        { question: '<script>alert(1)</script>', answer: '可以退費嗎？請洽客服。' },
      ],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.map((e: { question: string; versionNumber: number; statementId: string; retiredAt: null }) => [
        e.question,
        e.versionNumber,
        e.statementId,
        e.retiredAt,
      ]),
      [
        ['信義店還有營業嗎？', 1, s.id, null],
        ['<script>alert(1)</script>', 1, s.id, null],
      ],
    );
    const ev = await events('statement.answers_added');
    assert.equal(ev.length, 1);
    assert.equal(ev[0].crisis_id, crisisId);
    assert.equal(ev[0].data.count, 2);

    const list = await writer.client.get(`/api/crises/${crisisId}/answers`);
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 2);
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/answers`)).status, 404, 'off the team: 404');
    assert.equal(
      (await outsider.client.post(`/api/statements/${s.id}/answers`, { entries: [{ question: 'Q', answer: 'A' }] })).status,
      404,
    );
    assert.equal((await cs1.client.get(`/api/crises/${crisisId}/answers`)).status, 403, 'reporters have no crisis rights');
    assert.equal((await guest.client.get(`/api/crises/${crisisId}/answers`)).status, 403);
  });

  test('supersession: a newer version of the statement or a newer statement of the same kind retires old answers; other kinds stay', async () => {
    const a = await approved('apology', '道歉聲明 一', '我們向受影響的顧客致歉。');
    const other = await approved('clarification', '澄清', '網傳影片並非本公司門市。');
    assert.equal(
      (await writer.client.post(`/api/statements/${a.id}/answers`, { entries: [{ question: '道歉了嗎', answer: '是' }] })).status,
      201,
    );
    assert.equal(
      (await writer.client.post(`/api/statements/${other.id}/answers`, { entries: [{ question: '影片是真的嗎', answer: '不是' }] })).status,
      201,
    );
    // A new version of the same statement, approved: its version-1 answers retire.
    const put = await writer.client.request('PUT', `/api/statements/${a.id}/text`, {
      base: 1,
      body: textToDoc('我們向受影響的顧客誠摯致歉，並提供全額退費。'),
      autosave: false,
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal((await writer.client.post(`/api/statements/${a.id}/answers`, { entries: [{ question: 'x', answer: 'y' }] })).status, 409);
    const o = await org.admin.post(`/api/statements/${a.id}/override`, { head: put.body.head, reason: '再次核准' });
    assert.equal(o.status, 200, JSON.stringify(o.body));
    // The wiring may already call it from approval; calling it again must change nothing.
    const { retireSuperseded } = await import('./answers.ts');
    const st = (
      await ctx.server.db.execute<{ id: string; org_id: string; crisis_id: string; kind: string; title: string; approved_version: number }>(
        sql`SELECT id, org_id, crisis_id, kind, title, approved_version FROM statements WHERE id = ${a.id}`,
      )
    ).rows[0];
    await ctx.server.db.transaction((tx) => retireSuperseded(tx, st, { clock, actor: { type: 'system', label: 'test' } }));
    let all = (await writer.client.get(`/api/crises/${crisisId}/answers?all=true`)).body as {
      question: string;
      retiredAt: string | null;
      versionNumber: number;
    }[];
    assert.ok(all.find((e) => e.question === '道歉了嗎')?.retiredAt, 'the version-1 answer retired');
    assert.equal(all.find((e) => e.question === '影片是真的嗎')?.retiredAt, null, 'another kind stays');
    assert.equal(all.find((e) => e.question === '信義店還有營業嗎？')?.retiredAt, null, 'the holding statement stays');
    const v2 = await writer.client.post(`/api/statements/${a.id}/answers`, {
      entries: [{ question: '會退費嗎', answer: '會，全額退費。' }],
    });
    assert.equal(v2.status, 201);
    assert.equal(v2.body[0].versionNumber, 2);

    // A newer apology, approved: the older apology's answers retire, and the older one can add none.
    clock.advance(MIN);
    const b = await approved('apology', '道歉聲明 二', '我們再次致歉，並說明改善措施。');
    const st2 = (
      await ctx.server.db.execute<{ id: string; org_id: string; crisis_id: string; kind: string; title: string; approved_version: number }>(
        sql`SELECT id, org_id, crisis_id, kind, title, approved_version FROM statements WHERE id = ${b.id}`,
      )
    ).rows[0];
    const n = await ctx.server.db.transaction((tx) => retireSuperseded(tx, st2, { clock, actor: { type: 'system', label: 'test' } }));
    all = (await writer.client.get(`/api/crises/${crisisId}/answers?all=true`)).body;
    assert.ok(all.find((e) => e.question === '會退費嗎')?.retiredAt, 'the older apology’s answers retired');
    assert.equal(all.find((e) => e.question === '影片是真的嗎')?.retiredAt, null);
    assert.ok(n <= 1);
    const active = (await writer.client.get(`/api/crises/${crisisId}/answers`)).body as { question: string }[];
    assert.ok(!active.some((e) => e.question === '會退費嗎' || e.question === '道歉了嗎'), 'retired ones are not in force');
    assert.equal((await writer.client.post(`/api/statements/${a.id}/answers`, { entries: [{ question: 'x', answer: 'y' }] })).status, 409);
    const retired = await events('statement.answers_retired');
    assert.ok(retired.length >= 2);
    assert.ok(retired.every((e) => e.crisis_id === crisisId));
    const only = await writer.client.get(`/api/crises/${crisisId}/answers?statementId=${other.id}`);
    assert.deepEqual(
      only.body.map((e: { question: string }) => e.question),
      ['影片是真的嗎'],
    );
  });

  test('briefings: to a department (active employees, not guests), acknowledged once, the team sees who has not', async () => {
    const s = await approved('internal_memo', '員工說明', '請統一回覆：已暫停營業，調查中。');
    const unknown = await writer.client.post(`/api/statements/${s.id}/briefings`, {
      title: '對外口徑',
      say: '已暫停營業',
      dontSay: '猜測原因',
      departmentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.errors[0].path, 'departmentIds.0');
    const emptyDept = await dept('空部門');
    await placeIn(guest.id, emptyDept);
    const nobody = await writer.client.post(`/api/statements/${s.id}/briefings`, {
      title: 't',
      say: 's',
      dontSay: 'd',
      departmentIds: [emptyDept],
    });
    assert.equal(nobody.status, 400, 'a department with only a guest has no recipients');
    assert.equal(nobody.body.errors[0].code, 'no_recipients');
    await placeIn(guest.id, csDept);
    assert.equal(
      (await outsider.client.post(`/api/statements/${s.id}/briefings`, { title: 't', say: 's', dontSay: 'd' })).status,
      404,
      'off the team',
    );
    const r = await writer.client.post(`/api/statements/${s.id}/briefings`, {
      title: '信義店事件對外口徑',
      say: '門市已暫停營業\n正在全面調查',
      dontSay: '不要猜測原因\n不要評論供應商',
      departmentIds: [csDept],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const b: BriefingStatus = briefingStatus.parse(r.body);
    assert.deepEqual(
      [b.recipients, b.acked, b.notAcked.map((x) => x.name).sort()],
      [2, 0, ['客服 王', '客服 陳']],
      'the department’s active employees only: no guest, no deactivated person',
    );
    assert.equal(b.notAcked[0].department?.name, '客服部');
    assert.deepEqual(
      b.departments.map((d) => d.name),
      ['客服部'],
    );
    const sent = await events('statement.briefing_sent');
    assert.equal(sent.length, 1);
    assert.equal(sent[0].crisis_id, crisisId);
    assert.equal(sent[0].data.recipients, 2);

    // The recipient (a reporter, no crisis rights) reads it and acknowledges it; others may not.
    const mine = await cs1.client.get('/api/briefings/mine');
    assert.equal(mine.status, 200);
    assert.deepEqual(
      myBriefingList.parse(mine.body).map((x) => [x.title, x.ackedAt]),
      [['信義店事件對外口徑', null]],
    );
    assert.deepEqual((await store.client.get('/api/briefings/mine')).body, [], 'another department got nothing');
    assert.equal((await guest.client.get('/api/briefings/mine')).status, 403);
    const one = await cs1.client.get(`/api/briefings/${b.id}`);
    assert.equal(one.status, 200);
    const parsed = briefing.parse(one.body);
    assert.deepEqual(
      [parsed.say, parsed.dontSay, parsed.statementTitle, parsed.recipient],
      ['門市已暫停營業\n正在全面調查', '不要猜測原因\n不要評論供應商', '員工說明', true],
    );
    assert.equal((await store.client.get(`/api/briefings/${b.id}`)).status, 404, 'not a recipient, no crisis rights: 404');
    assert.equal((await outsider.client.get(`/api/briefings/${b.id}`)).status, 404);
    assert.equal((await writer.client.get(`/api/briefings/${b.id}`)).status, 200, 'the crisis team reads it');
    assert.equal((await writer.client.post(`/api/briefings/${b.id}/ack`, {})).status, 403, 'the team does not acknowledge for others');
    assert.equal((await store.client.post(`/api/briefings/${b.id}/ack`, {})).status, 404);

    clock.advance(MIN);
    const ack = await cs1.client.post(`/api/briefings/${b.id}/ack`, {});
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal(ack.body.ackedAt, clock.now().toISOString());
    clock.advance(MIN);
    const again = await cs1.client.post(`/api/briefings/${b.id}/ack`, {});
    assert.equal(again.status, 200);
    assert.equal(again.body.ackedAt, ack.body.ackedAt, 'idempotent: the first acknowledgement stands');
    assert.equal((await events('statement.briefing_acked')).length, 1, 'one event');

    const team = await writer.client.get(`/api/crises/${crisisId}/briefings?statementId=${s.id}`);
    assert.equal(team.status, 200);
    assert.deepEqual(
      team.body.map((x: BriefingStatus) => [x.recipients, x.acked, x.notAcked.map((n) => n.name)]),
      [[2, 1, ['客服 陳']]],
    );
    assert.equal((await outsider.client.get(`/api/crises/${crisisId}/briefings`)).status, 404);
    assert.equal((await cs1.client.get(`/api/crises/${crisisId}/briefings`)).status, 403);
  });

  test('briefings: everyone when no department is chosen; only from an approved statement; newest first', async () => {
    const draft = await writer.client.post(`/api/crises/${crisisId}/statements`, {
      kind: 'internal_memo',
      language: 'zh-TW',
      title: '草稿',
      body: textToDoc('x'),
    });
    assert.equal(
      (await writer.client.post(`/api/statements/${draft.body.id}/briefings`, { title: 't', say: 's', dontSay: 'd' })).status,
      409,
    );
    const s = await approved('internal_memo', '全員說明', '全員請注意。');
    const r = await writer.client.post(`/api/statements/${s.id}/briefings`, { title: '全員口徑', say: '調查中', dontSay: '不評論' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const active = await ctx.server.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM users WHERE org_id = ${org.orgId} AND status = 'active' AND role <> 'guest'`);
    assert.equal(r.body.recipients, active.rows[0].n);
    assert.ok(!r.body.notAcked.some((x: { id: string }) => x.id === guest.id || x.id === gone.id));
    const mine = (await cs1.client.get('/api/briefings/mine')).body as { title: string; ackedAt: string | null }[];
    assert.deepEqual(
      mine.map((x) => [x.title, !!x.ackedAt]),
      [
        ['全員口徑', false],
        ['信義店事件對外口徑', true],
      ],
    );
    assert.equal((await store.client.get('/api/briefings/mine')).body.length, 1);
  });

  test('sending a briefing e-mails each recipient (a reporter too) its words and a link to the briefing, never the crisis', async () => {
    // (People are made in before(): accepting invites is rate-limited per minute.)
    const s = await approved('internal_memo', '物流說明', '請統一回覆：配送照常。');
    const r = await writer.client.post(`/api/statements/${s.id}/briefings`, {
      title: '物流部對外口徑',
      say: '配送照常',
      dontSay: '不要談論門市',
      departmentIds: [storeDept, csDept],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const bid: string = r.body.id;
    for (const who of [store, cs1, cs2]) {
      const m = await waitFor(`the briefing e-mail to ${who.email}`, () => mailsFor(who.email, 'briefing_sent', bid)[0]);
      assert.equal(headerOf(m.raw, 'Subject'), '【對外口徑】物流部對外口徑');
      const text = bodyOf(m.raw);
      assert.match(text, /^文案 張發給你一份員工對外口徑「物流部對外口徑」：對外可以說什麼、不要說什麼。請閱讀後按「我已閱讀並了解」。/);
      assert.match(text, new RegExp(`開啟對外口徑: https://firebreak\\.example/briefings/${bid}\\s*$`));
      assert.doesNotMatch(text, /信義店食安事件/, 'the crisis is not named to employees off the team');
      assert.equal(headerOf(m.raw, 'Idempotency-Key').trim(), `crisis:${crisisId}:briefing_sent:user:${who.id}:${bid}`);
    }
    const rows = await ctx.server.db.execute<{ user_id: string; link: string }>(sql`
      SELECT user_id, payload->>'link' AS link FROM notification_deliveries WHERE payload->>'kind' = 'briefing_sent'
        AND idempotency_key LIKE ${`%:${bid}`} ORDER BY user_id`);
    assert.deepEqual(
      rows.rows.map((x) => [x.user_id, x.link]),
      [store.id, cs1.id, cs2.id].sort().map((id) => [id, `/briefings/${bid}`]),
      'one delivery per recipient (two reporters and a member), nobody else',
    );
    // The send event reaches each recipient's own room (the in-app side: their /briefings list refreshes).
    const ev = await ctx.server.db.execute<{ rooms: unknown }>(sql`
      SELECT data FROM events WHERE type = 'statement.briefing_sent' AND subject_id = ${bid}`);
    assert.equal(ev.rows.length, 1);
  });

  test('reminding: not within 30 minutes of the last telling (409 with the wait); after, e-mails only who has not acknowledged; who may', async () => {
    const [a1, a2] = [cs1, cs2]; // a reporter and a member off the team, both in the CS department
    const s = await approved('internal_memo', '會計說明', '請統一回覆：帳務正常。');
    const r = await writer.client.post(`/api/statements/${s.id}/briefings`, {
      title: '會計部對外口徑',
      say: '帳務正常',
      dontSay: '不要評論退款金額',
      departmentIds: [csDept],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const bid: string = r.body.id;
    assert.equal(r.body.recipients, 2);
    const remind = (who: Client = writer.client) => who.post(`/api/briefings/${bid}/remind`, {});

    // Right after sending: everyone was just told.
    clock.advance(10 * MIN);
    const early = await remind();
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.equal(early.body.code, 'conflict');
    assert.deepEqual([early.body.errors[0].code, early.body.errors[0].limit], ['remind_too_soon', 20 * 60]);
    assert.match(early.body.detail, /next reminder may go at/);

    // Who may: the crisis team only.
    assert.equal((await outsider.client.post(`/api/briefings/${bid}/remind`, {})).status, 404, 'off the team: 404');
    assert.equal((await a2.client.post(`/api/briefings/${bid}/remind`, {})).status, 403, 'a recipient off the team: 403');
    assert.equal((await a1.client.post(`/api/briefings/${bid}/remind`, {})).status, 403, 'reporters have no crisis work right');
    assert.equal((await guest.client.post(`/api/briefings/${bid}/remind`, {})).status, 403);
    assert.equal((await writer.client.post(`/api/briefings/${crypto.randomUUID()}/remind`, {})).status, 404);

    assert.equal((await a1.client.post(`/api/briefings/${bid}/ack`, {})).status, 200);
    clock.advance(21 * MIN);
    const ok = await remind();
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.reminded, 1);
    assert.equal(ok.body.nextAllowedAt, new Date(clock.now().getTime() + 30 * MIN).toISOString());
    assert.deepEqual(
      ok.body.briefing.notAcked.map((x: { name: string }) => x.name),
      ['客服 陳'],
    );
    for (const who of [a2]) {
      const m = await waitFor(`the reminder to ${who.email}`, () => mailsFor(who.email, 'briefing_reminder', bid)[0]);
      assert.equal(headerOf(m.raw, 'Subject'), '【提醒：請確認對外口徑】會計部對外口徑');
      const text = bodyOf(m.raw);
      assert.match(text, /^你還沒有確認員工對外口徑「會計部對外口徑」（2026\/03\/\d\d \d\d:\d\d 發送）。請閱讀後按「我已閱讀並了解」。/);
      assert.match(text, new RegExp(`https://firebreak\\.example/briefings/${bid}\\s*$`));
    }
    const reminders = await ctx.server.db.execute<{ user_id: string }>(sql`
      SELECT user_id FROM notification_deliveries WHERE payload->>'kind' = 'briefing_reminder' AND payload->>'link' = ${`/briefings/${bid}`}`);
    assert.deepEqual(
      reminders.rows.map((x) => x.user_id),
      [a2.id],
      'the one who acknowledged is not reminded',
    );
    await waitFor('the sent e-mail to the one who acknowledged', () => mailsFor(a1.email, 'briefing_sent', bid)[0]);
    assert.equal(mailsFor(a1.email, 'briefing_reminder', bid).length, 0);

    // On the timeline, addressed to those reminded.
    const ev = await ctx.server.db.execute<{ crisis_id: string; data: Record<string, unknown>; actor_id: string }>(sql`
      SELECT crisis_id, data, actor_id FROM events WHERE type = 'statement.briefing_reminded' AND subject_id = ${bid}`);
    assert.equal(ev.rows.length, 1);
    assert.deepEqual(
      [ev.rows[0].crisis_id, ev.rows[0].data.recipients, ev.rows[0].data.briefingTitle, ev.rows[0].actor_id],
      [crisisId, 1, '會計部對外口徑', writer.id],
    );

    // Again within 30 minutes of the reminder: 409; after it, the next one goes (to whoever is still missing).
    clock.advance(29 * MIN);
    const soon = await remind();
    assert.equal(soon.status, 409);
    assert.equal(soon.body.errors[0].limit, 60);
    clock.advance(MIN);
    const second = await remind();
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.reminded, 1);
    await waitFor('the second reminder', () => (mailsFor(a2.email, 'briefing_reminder', bid).length === 2 ? true : undefined));
    // Everyone acknowledged: nobody to remind.
    assert.equal((await a2.client.post(`/api/briefings/${bid}/ack`, {})).status, 200);
    clock.advance(31 * MIN);
    const none = await remind();
    assert.equal(none.status, 409);
    assert.equal(none.body.errors[0].code, 'nobody_to_remind');
    assert.equal(
      (await ctx.server.db.execute(sql`SELECT 1 FROM events WHERE type = 'statement.briefing_reminded' AND subject_id = ${bid}`)).rows
        .length,
      2,
    );
  });

  test('a briefing is not urgent: quiet hours hold its e-mail back, even at L1', async () => {
    const l1 = await org.admin.post('/api/crises', { title: '總部火警', type: 'product_quality', severity: 'L1' });
    assert.equal(l1.status, 201, JSON.stringify(l1.body));
    const q = await cs2.client.request('PUT', '/api/me/notification-preferences', {
      quietHours: { from: '23:00', to: '07:00', timeZone: 'Asia/Taipei' },
    });
    assert.equal(q.status, 200, JSON.stringify(q.body));
    const night = new Date('2026-03-10T18:00:00Z'); // 02:00 in Taipei
    const runAt = await ctx.server.db.transaction(async (tx) => {
      const n = await notifyCrisisPeople(tx, {
        orgId: org.orgId,
        crisisId: l1.body.id,
        kind: 'briefing_sent',
        userIds: [cs2.id],
        at: night,
        data: { briefingId: crypto.randomUUID(), briefingTitle: '夜間口徑', cause: 'night-briefing' },
      });
      assert.equal(n, 1);
      const r = await tx.execute<{ run_at: Date }>(sql`
        SELECT j.run_at FROM notification_deliveries d JOIN graphile_worker.jobs j ON j.key = 'notify:deliver:' || d.id::text
        WHERE d.idempotency_key LIKE '%:night-briefing'`);
      return new Date(r.rows[0].run_at).toISOString();
    });
    assert.equal(runAt, '2026-03-10T23:00:00.000Z', 'held until 07:00 in Taipei');
  });
});
