// Test fixtures of the documents tests: an organisation with a crisis, people in every position the visibility
// rule distinguishes, and guests made by inserting their rows directly (the guests API is another feature's).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Client, createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import type { Db } from '../../../platform/db.ts';

/** Declares a crisis as `admin`; returns its id. */
export async function declare(admin: Client, title = '信義店食安事件'): Promise<string> {
  const r = await admin.post('/api/crises', { title, type: 'product_quality', severity: 'L2', summary: '測試', reason: '測試' });
  if (r.status !== 201) throw new Error(`declare failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** An organisation set up for document tests (second factor not required, so guests can sign in with a password). */
export async function documentsOrg(url: string, db: Db) {
  const org = await setUpOrg(url);
  await db.execute(sql`UPDATE organisations SET totp_required_roles = '{}' WHERE id = ${org.orgId}`);
  const external = await db.execute<{ id: string }>(sql`
    INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at)
    VALUES (${org.orgId}, '正義法律事務所', 'law_firm', '保密協議：不得外流。', now(), now()) RETURNING id`);
  const externalOrgId = external.rows[0].id;
  /**
   * A signed-in person of `role`, inserted with the admin's password hash (same password): many people per
   * test without the invite route's rate limit.
   */
  const person = async (role: string, name = `${role} user`) => {
    const email = `${role}-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const r = await db.execute<{ id: string }>(sql`
      INSERT INTO users (org_id, email, name, role, status, password_hash)
      SELECT ${org.orgId}, ${email}, ${name}, ${role}, 'active', password_hash FROM users WHERE id = ${org.adminId}
      RETURNING id`);
    const client = createClient(url);
    await client.signIn(email, PASSWORD);
    return { client, id: r.rows[0].id, email };
  };
  /** A guest (a member made guest by rows) with a grant on `crisisId`; `nda` false leaves the NDA unaccepted. */
  const guest = async (
    crisisId: string,
    classifications: string[],
    o: { expired?: boolean; revoked?: boolean; nda?: boolean; name?: string } = {},
  ) => {
    const u = await person('member', o.name ?? '陳律師 <Guest>');
    await db.execute(sql`UPDATE users SET role = 'guest', external_org_id = ${externalOrgId} WHERE id = ${u.id}`);
    await db.execute(sql`
      INSERT INTO guest_grants (org_id, guest_id, crisis_id, classifications, expires_at, created_at, revoked_at)
      VALUES (${org.orgId}, ${u.id}, ${crisisId}, ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(classifications)}::jsonb)),
        ${o.expired ? sql`now() - interval '1 day'` : sql`now() + interval '30 days'`}, now(), ${o.revoked ? sql`now()` : null})`);
    if (o.nda !== false) {
      const sha = createHash('sha256').update('保密協議：不得外流。', 'utf8').digest('hex');
      await db.execute(sql`INSERT INTO nda_acceptances (user_id, external_org_id, nda_sha256, accepted_at)
        VALUES (${u.id}, ${externalOrgId}, ${sha}, now())`);
    }
    return u;
  };
  /** A member in the legal department. */
  const lawyer = async () => {
    const u = await person('member', '法務 Lin');
    const d = await db.execute<{ id: string }>(sql`INSERT INTO departments (org_id, kind) VALUES (${org.orgId}, 'legal') RETURNING id`);
    await db.execute(sql`UPDATE users SET department_id = ${d.rows[0].id} WHERE id = ${u.id}`);
    return u;
  };
  return { ...org, externalOrgId, guest, lawyer, person };
}

/** Puts `userId` on the crisis team in `role`. */
export async function joinTeam(admin: Client, crisisId: string, userId: string, role = 'pr_lead') {
  const r = await admin.request('PUT', `/api/crises/${crisisId}/team`, { role, userId });
  if (r.status >= 300) throw new Error(`team failed: ${r.status} ${JSON.stringify(r.body)}`);
}
