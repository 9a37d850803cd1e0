// Templates and approval chains: the shipped templates pass the checker with no findings and fill their fields;
// organisation templates are added, changed (a new body clears legal sign-off), signed off by an admin and
// archived; chains are listed with defaults marked and replaced under a version guard, with roles and backups
// checked, and a custom chain with a backup decides a real statement.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { checkStatement } from '../checker/index.ts';
import { statementKinds, textToDoc } from '../contract.ts';
import { fillTemplate, shippedTemplates, templateFields } from '../templates.ts';

describe('shipped templates', () => {
  test('one per kind and language, ids builtin:<kind>:<language>, every field filled, no finding from the checker', () => {
    assert.equal(shippedTemplates.length, statementKinds.length * 2);
    for (const t of shippedTemplates) {
      assert.equal(t.id, `builtin:${t.kind}:${t.language}`);
      const fields = templateFields(t.body);
      for (const f of ['company', 'incident']) assert.ok(fields.includes(f) || t.kind === 'update', `${t.id} has {{${f}}}`);
      assert.ok(fields.includes('contact') || fields.includes('next_update'), `${t.id} says when or where more comes`);
      const filled = fillTemplate(t.body, Object.fromEntries(fields.map((f) => [f, t.language === 'en' ? 'Acme Foods' : '測試內容'])));
      assert.doesNotMatch(filled, /\{\{|【[a-z_]+】/);
      for (const text of [t.body, filled]) {
        const r = checkStatement(text, { lang: t.language });
        assert.deepEqual(
          r.findings.map((f) => `${f.category} ${f.rule} “${f.excerpt}”`),
          [],
          `${t.id} must pass the checker`,
        );
      }
    }
  });

  test('unfilled fields stay visible as 【field】', () => {
    assert.equal(fillTemplate('{{company}} 於 {{ date }} 說明', { company: 'Acme', date: '  ' }), 'Acme 於 【date】 說明');
  });
});

describe('templates and chains over HTTP', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: { client: Client; id: string };
  let member: { client: Client; id: string };
  let backup: { client: Client; id: string };
  let reporter: { client: Client; id: string };

  before(async () => {
    ctx = await startTestServer();
    org = await setUpOrg(ctx.url);
    manager = await org.userWithRole('manager', '經理 周');
    member = await org.userWithRole('member', '組員 吳');
    backup = await org.userWithRole('manager', '備援 鄭');
    reporter = await org.userWithRole('reporter');
  });

  test('templates: shipped and own; admins add, change, sign off and archive; a new body clears the sign-off', async () => {
    const api = await member.client.get('/api/openapi.json');
    assert.equal(api.status, 200);
    assert.ok(
      Object.keys(api.body.paths).some((x) => x.includes('statement-templates')),
      'the routes are documented',
    );
    const list = await member.client.get('/api/statement-templates');
    assert.equal(list.status, 200);
    assert.equal(list.body.templates.filter((t: { builtin: boolean }) => t.builtin).length, 16);
    assert.equal((await reporter.client.get('/api/statement-templates')).status, 403);
    const input = {
      kind: 'holding',
      language: 'zh-TW',
      crisisType: 'product_quality',
      name: '食安初步聲明',
      body: '{{company}}已得知{{incident}}，{{date}}前說明。',
    };
    assert.equal((await manager.client.post('/api/statement-templates', input)).status, 403, 'admins only');
    const made = await org.admin.post('/api/statement-templates', input);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual(made.body.fields, ['company', 'incident', 'date']);
    assert.equal(made.body.legalSignedAt, null);
    const signed = await org.admin.post(`/api/statement-templates/${made.body.id}/legal-signoff`);
    assert.equal(signed.status, 200);
    assert.equal(signed.body.legalSignedBy.name, 'Ada Admin');
    assert.ok(signed.body.legalSignedAt);
    const renamed = await org.admin.patch(`/api/statement-templates/${made.body.id}`, {
      name: '食安初步聲明（新）',
      version: signed.body.version,
    });
    assert.ok(renamed.body.legalSignedAt, 'a new name keeps the sign-off');
    assert.equal((await org.admin.patch(`/api/statement-templates/${made.body.id}`, { name: 'x', version: 1 })).status, 409);
    const rewritten = await org.admin.patch(`/api/statement-templates/${made.body.id}`, {
      body: '{{company}}正在了解{{incident}}。',
      version: renamed.body.version,
    });
    assert.equal(rewritten.body.legalSignedAt, null, 'legal signed other words');
    assert.equal(rewritten.body.legalSignedBy, null);
    assert.equal((await org.admin.patch('/api/statement-templates/builtin:holding:zh-TW', { name: 'x', version: 1 })).status, 400);
    assert.equal((await org.admin.post('/api/statement-templates/builtin:holding:zh-TW/legal-signoff')).status, 400);
    // Used to start a statement.
    const crisis = (await org.admin.post('/api/crises', { title: '測試', type: 'product_quality', severity: 'L3' })).body;
    const s = await org.admin.post(`/api/crises/${crisis.id}/statements`, {
      kind: 'holding',
      language: 'zh-TW',
      title: 't',
      templateId: made.body.id,
      fields: { company: 'Acme' },
    });
    assert.equal(s.status, 201);
    assert.equal(s.body.headVersion.text, 'Acme正在了解【incident】。');
    assert.equal((await org.admin.del(`/api/statement-templates/${made.body.id}`)).status, 204);
    const after = await org.admin.get('/api/statement-templates');
    assert.ok(!after.body.templates.some((t: { id: string }) => t.id === made.body.id), 'archived: not offered');
    const fromArchived = await org.admin.post(`/api/crises/${crisis.id}/statements`, {
      kind: 'holding',
      language: 'zh-TW',
      title: 't',
      templateId: made.body.id,
    });
    assert.equal(fromArchived.status, 400);
  });

  test('chains: defaults marked; replaced under a version guard; roles and backups checked; a backup decides', async () => {
    const list = await member.client.get('/api/statement-chains');
    assert.equal(list.status, 200);
    assert.equal(list.body.chains.length, 8);
    const l1 = list.body.chains.find((c: { severity: string; kindGroup: string }) => c.severity === 'L1' && c.kindGroup === 'external');
    assert.deepEqual(
      l1.steps.map((s: { role: string }) => s.role),
      ['pr_lead', 'legal_counsel', 'executive_sponsor'],
    );
    assert.equal(l1.custom, false);
    const l4 = list.body.chains.find((c: { severity: string; kindGroup: string }) => c.severity === 'L4' && c.kindGroup === 'external');
    assert.deepEqual(
      l4.steps.map((s: { role: string }) => s.role),
      ['pr_lead'],
    );
    assert.ok(
      list.body.chains
        .filter((c: { kindGroup: string }) => c.kindGroup === 'internal')
        .every((c: { steps: { role: string }[] }) => c.steps.length === 1 && c.steps[0].role === 'pr_lead'),
    );

    const url = '/api/statement-chains/L3/external';
    assert.equal((await manager.client.request('PUT', url, { steps: [{ role: 'pr_lead' }], version: 0 })).status, 403);
    const badRole = await org.admin.request('PUT', url, { steps: [{ role: 'janitor' }], version: 0 });
    assert.equal(badRole.status, 400);
    assert.equal(badRole.body.errors[0].path, 'steps.0.role');
    const badBackup = await org.admin.request('PUT', url, { steps: [{ role: 'pr_lead', backups: [reporter.id] }], version: 0 });
    assert.equal(badBackup.status, 400);
    assert.equal(badBackup.body.errors[0].path, 'steps.0.backups.0');
    const saved = await org.admin.request('PUT', url, {
      steps: [{ role: 'pr_lead', backups: [backup.id] }, { role: 'legal_counsel' }],
      version: 0,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.custom, true);
    assert.equal(saved.body.version, 1);
    assert.deepEqual(saved.body.steps[0].backups, [{ id: backup.id, name: '備援 鄭' }]);
    assert.equal((await org.admin.request('PUT', url, { steps: [{ role: 'pr_lead' }], version: 0 })).status, 409);

    // An L3 crisis with nobody as PR lead: the named backup decides step 1.
    const crisis = (await org.admin.post('/api/crises', { title: '客服爭議', type: 'service_failure', severity: 'L3' })).body;
    let s = (
      await org.admin.post(`/api/crises/${crisis.id}/statements`, {
        kind: 'update',
        language: 'en',
        title: 'u',
        body: textToDoc('Our next update comes at 5 pm.'),
      })
    ).body;
    s = (await org.admin.post(`/api/statements/${s.id}/submit`, { head: 1 })).body;
    assert.equal(s.chain[0].holder, null);
    const d = await backup.client.post(`/api/statements/${s.id}/decisions`, {
      versionNumber: 1,
      contentHash: s.headVersion.contentHash,
      decision: 'approved',
    });
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.equal(d.body.approvals[0].asBackup, true);
    assert.equal(d.body.chain[1].state, 'current');
    const rej = await org.admin.post(`/api/statements/${s.id}/decisions`, {
      versionNumber: 1,
      contentHash: s.headVersion.contentHash,
      decision: 'rejected',
      comment: 'x',
    });
    assert.equal(rej.status, 403, 'admins decide only as role holders or backups');

    // Back to the shipped chain: a stale version is a 409; the right one removes the organisation's steps and backups.
    assert.equal((await org.admin.request('DELETE', `${url}?version=0`)).status, 409);
    assert.equal((await manager.client.request('DELETE', `${url}?version=1`)).status, 403);
    const reset = await org.admin.request('DELETE', `${url}?version=1`);
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.deepEqual([reset.body.custom, reset.body.version], [false, 0]);
    assert.deepEqual(
      reset.body.steps.map((x: { role: string; backups: unknown[] }) => [x.role, x.backups.length]),
      [
        ['pr_lead', 0],
        ['legal_counsel', 0],
      ],
    );
    assert.equal((await org.admin.request('DELETE', `${url}?version=0`)).status, 200, 'resetting a default changes nothing');
    const events = await org.admin.get('/api/audit?type=statement.chain_reset');
    assert.equal(events.status, 200, JSON.stringify(events.body));
    assert.equal(JSON.stringify(events.body).split('"statement.chain_reset"').length - 1, 1, 'one reset recorded');
  });
});
