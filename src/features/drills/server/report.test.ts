// The report services: two generations at once make one report of version 2; another organisation's admin gets
// 404; a session acting inside the sandbox reads the report as the real person; the PDF follows the
// organisation's language and is rendered again (new hash) when the team's words or an action change.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import type { Principal } from '../../../platform/http.ts';
import type { DrillDeps } from './deps.ts';
import { addAction, drillTrends, generateReport, getReport, getReportPdf, updateAction, updateReportText } from './report.ts';
import { type BuiltDrill, buildDrill, declare, endDrill, fireAlert, inside, ok, type ReportOrg, reportOrg } from './report-fixtures.ts';
import { reportFont } from './report-pdf.ts';

const MIN = 60_000;

describe('after-action report services', () => {
  const clock = createTestClock(new Date('2026-05-04T01:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: ReportOrg;
  let d: BuiltDrill;
  let deps: DrillDeps;
  let adminP: Extract<Principal, { kind: 'user' }>;

  before(async () => {
    ctx = await startTestServer({ clock });
    deps = { db: ctx.server.db, clock, scenariosDir: '' };
    org = await reportOrg(ctx, 'Bubble Tea Co');
    await ctx.server.db.execute(sql`UPDATE organisations SET default_locale = 'en', time_zone = 'Europe/London' WHERE id = ${org.orgId}`);
    d = await buildDrill(ctx, clock, org, [
      { person: org.admin, role: 'admin', as: 'facilitator' },
      { person: org.player, role: 'manager', as: 'player' },
    ]);
    const c = await inside(ctx, d, org.player);
    clock.advance(MIN);
    const alertId = await fireAlert(ctx, clock, d.sandboxOrgId, 'plasticiser');
    clock.advance(2 * MIN);
    await declare(c, alertId, '珍奶塑化劑 Plasticiser scare', { legal: d.copyOf(org.player), pr: d.copyOf(org.player) });
    clock.advance(10 * MIN);
    await endDrill(ctx, clock, d);
    adminP = {
      kind: 'user',
      userId: org.admin.id,
      orgId: org.orgId,
      role: 'admin',
      label: 'Ada Admin',
      sessionHash: 'x',
      csrfToken: 'x',
      secondFactor: 'ok',
    };
  });

  test('two generations at once: one report, version 2, two events', async () => {
    const both = await Promise.all([generateReport(deps, adminP, d.drillId), generateReport(deps, adminP, d.drillId)]);
    assert.ok(both.every((r) => r.version >= 1));
    const rows = await ctx.server.db.execute<{ version: number }>(sql`SELECT version FROM drill_reports WHERE drill_id = ${d.drillId}`);
    assert.equal(rows.rows.length, 1);
    assert.equal(rows.rows[0].version, 2);
    const ev = await ctx.server.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM events WHERE type = 'drill.report_generated' AND subject_id = ${d.drillId}`,
    );
    assert.equal(ev.rows[0].n, 2);
  });

  test('another organisation’s admin: 404; a token: refused', async () => {
    const stranger: Principal = { ...adminP, userId: crypto.randomUUID(), orgId: crypto.randomUUID() };
    await assert.rejects(getReport(deps, stranger, d.drillId), { code: 'not_found' });
    await assert.rejects(generateReport(deps, stranger, d.drillId), { code: 'not_found' });
    await assert.rejects(drillTrends(deps, { kind: 'token', tokenId: 't', orgId: org.orgId, scopes: [], label: 't' }), {
      code: 'forbidden',
    });
    assert.deepEqual(await drillTrends(deps, stranger), { drills: [] });
  });

  test('a session inside the sandbox reads the report as the real person', async () => {
    const c = await inside(ctx, d, org.player);
    const r = await ok(c.get(`/api/drills/${d.drillId}/report`));
    assert.equal(r.drillId, d.drillId);
  });

  test('the PDF is in the organisation’s language and follows the words and the actions', {
    skip: reportFont() ? false : 'no CJK font',
  }, async () => {
    const first = await getReportPdf(deps, adminP, d.drillId);
    const text = async (bytes: Uint8Array) =>
      (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ');
    const t1 = await text(first.bytes);
    assert.match(t1, /After-action report/);
    assert.match(t1, /Response clocks/);
    assert.ok(t1.includes('珍奶塑化劑 Plasticiser scare'), 'the Chinese crisis title in an English report');
    const cur = await getReport(deps, adminP, d.drillId);
    const upd = await updateReportText(deps, adminP, d.drillId, {
      wentWell: 'Fast to acknowledge.',
      toImprove: '',
      expectedVersion: cur.version,
    });
    const second = await getReportPdf(deps, adminP, d.drillId);
    assert.notEqual(second.sha256, first.sha256);
    assert.ok((await text(second.bytes)).includes('Fast to acknowledge.'));
    const action = await addAction(deps, adminP, d.drillId, {
      title: 'Rehearse the holding statement',
      assigneeId: org.player.id,
      dueOn: null,
    });
    const third = await getReportPdf(deps, adminP, d.drillId);
    assert.notEqual(third.sha256, second.sha256);
    assert.ok((await text(third.bytes)).includes('Rehearse the holding statement'));
    await updateAction(deps, adminP, d.drillId, action.id, { done: true, expectedVersion: action.version });
    const fourth = await getReportPdf(deps, adminP, d.drillId);
    assert.match(await text(fourth.bytes), /Done \d/);
    assert.equal((await getReport(deps, adminP, d.drillId)).version, upd.version, 'actions do not change the report’s version');
  });
});
