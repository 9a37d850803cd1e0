// Every default playbook is valid and keeps the response-time norms; its notification plan covers the team once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crisisTypes, playbook, severities } from './contract.ts';
import { defaultPlaybook, playbookFor } from './playbooks.ts';

const statementDue = { L1: 60, L2: 120, L3: 240, L4: 1440 };
const updateEvery = { L1: 2, L2: 4, L3: 8, L4: 24 };

test('every type × level has a valid playbook that keeps the clocks', () => {
  for (const type of crisisTypes) {
    for (const severity of severities) {
      const p = defaultPlaybook(type, severity);
      const where = `${type} ${severity}`;
      assert.deepEqual(playbook.parse(p), p, where);
      assert.deepEqual(playbookFor(type, severity), p);
      assert.equal(new Set(p.tasks.map((t) => t.key)).size, p.tasks.length, `${where}: keys are unique`);
      assert.equal(new Set(p.roles).size, p.roles.length, `${where}: roles are unique`);
      assert.ok(p.roles.includes('commander') && p.roles.includes('pr_lead') && p.roles.includes('scribe'), where);
      for (const t of p.tasks) assert.ok(p.roles.includes(t.role), `${where}: ${t.key} falls to a role the team fills`);
      const due = (key: string) => p.tasks.find((t) => t.key === key)?.dueMinutes ?? Number.NaN;
      assert.equal(due('holding_statement'), statementDue[severity], `${where}: holding statement`);
      assert.ok(due('confirm_facts') <= due('holding_statement'), `${where}: facts first`);
      assert.ok(due('legal_review') < due('holding_statement'), `${where}: legal review before any statement`);
      for (const key of ['cs_script', 'employee_briefing', 'situation_update']) assert.ok(Number.isFinite(due(key)), `${where}: ${key}`);
      assert.equal(p.updateEveryHours, updateEvery[severity]);
      const n = p.notify ?? { page: [], inform: [] };
      assert.deepEqual([...n.page, ...n.inform].sort(), [...p.roles].sort(), `${where}: everyone on the team is paged or informed, once`);
      assert.ok(n.page.includes('commander'), `${where}: the commander is paged`);
      for (const t of p.tasks)
        for (const c of t.checklist ?? []) assert.ok(c['zh-TW'] && c.en, `${where}: ${t.key} checklist in both languages`);
      const dues = p.tasks.map((t) => t.dueMinutes);
      assert.deepEqual(
        dues,
        [...dues].sort((a, b) => a - b),
        `${where}: in due order`,
      );
    }
  }
  assert.equal(defaultPlaybook('other', 'L1').roles.length, 8, 'L1 fills the whole team');
  assert.deepEqual(defaultPlaybook('other', 'L4').roles, ['commander', 'pr_lead', 'scribe']);
  assert.equal(defaultPlaybook('other', 'L1').tasks.find((t) => t.key === 'confirm_facts')?.dueMinutes, 15);
  assert.ok((defaultPlaybook('other', 'L1').tasks.find((t) => t.key === 'holding_statement')?.checklist?.length ?? 0) >= 3);
  assert.deepEqual(defaultPlaybook('other', 'L4').notify, { page: ['commander'], inform: ['pr_lead', 'scribe'] });
  assert.ok(defaultPlaybook('other', 'L1').notify?.page.includes('executive_sponsor'), 'L1 pages the executive sponsor');
});

test('type-specific tasks', () => {
  const keys = (type: (typeof crisisTypes)[number]) => defaultPlaybook(type, 'L1').tasks.map((t) => t.key);
  for (const k of ['scope_breach', 'notify_regulator', 'notify_data_subjects']) assert.ok(keys('data_breach').includes(k), k);
  for (const k of ['pull_product', 'contact_health_authority']) assert.ok(keys('product_quality').includes(k), k);
  for (const k of ['collect_evidence', 'fact_check_post']) assert.ok(keys('misinformation').includes(k), k);
  assert.ok(keys('misconduct').includes('hr_investigation'));
  assert.ok(defaultPlaybook('data_breach', 'L4').roles.includes('legal_counsel'), 'a breach needs counsel at any level');
  const regulator = defaultPlaybook('data_breach', 'L4').tasks.find((t) => t.key === 'notify_regulator');
  assert.ok((regulator?.dueMinutes ?? Infinity) <= 72 * 60, 'within the 72 hours the PDPA rules allow');
});
