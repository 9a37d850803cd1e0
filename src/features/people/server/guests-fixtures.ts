// Test fixtures for the guest tests (imported only by *.test.ts): an external organisation, a guest invited
// through the API who accepts the link and sets up their second factor, a crisis, and "may this principal read
// that document" through the one visibility rule.
import { sql } from 'drizzle-orm';
import { type Client, createClient, PASSWORD } from '../../../../test/helpers/client.ts';
import { enrolTotp } from '../../../../test/helpers/totp.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/http.ts';
import { documentVisibleSql } from '../../documents/server/access.ts';

/** An NDA text long enough to pass validation. */
export const NDA_TEXT = '本人同意對於危機處理期間所知悉之一切資訊負保密義務，不得對外揭露。';

let seq = 0;

/** Creates an external organisation through the API; returns its body. */
export async function makeExternalOrg(admin: Client, extra: Record<string, unknown> = {}) {
  seq += 1;
  const r = await admin.post('/api/external-orgs', { name: `公關公司 ${seq}`, kind: 'agency', ndaText: NDA_TEXT, ...extra });
  if (r.status !== 201) throw new Error(`external org: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; version: number; ndaText: string };
}

/** The invite token of an invite URL. */
export const tokenOf = (inviteUrl: string) => inviteUrl.split('/invite/')[1];

/** Invites a guest, accepts the link, sets up the second factor; returns the signed-in guest client and id. */
export async function makeGuest(url: string, admin: Client, externalOrgId: string, clock?: Clock, name = '外部 顧問') {
  seq += 1;
  const email = `guest-${seq}-${Math.random().toString(36).slice(2, 8)}@agency.example`;
  const inv = await admin.post(`/api/external-orgs/${externalOrgId}/guests`, { email, name, locale: 'zh-TW' });
  if (inv.status !== 201) throw new Error(`invite: ${inv.status} ${JSON.stringify(inv.body)}`);
  const client = createClient(url);
  const acc = await client.post(`/api/invites/${tokenOf(inv.body.inviteUrl)}/accept`, { password: PASSWORD });
  if (acc.status !== 201) throw new Error(`accept: ${acc.status} ${JSON.stringify(acc.body)}`);
  const s = await client.refreshSession();
  // Guests must set up a second factor before anything else (where the TOTP feature is in place).
  if (s.body?.secondFactor?.state && s.body.secondFactor.state !== 'ok') await enrolTotp(client, clock);
  else if ((await client.get('/api/guest/me')).body?.code === 'second_factor_required') await enrolTotp(client, clock);
  return { client, id: inv.body.guest.id as string, email };
}

/** The guest accepts the current NDA text. */
export async function acceptCurrentNda(guest: Client) {
  const me = await guest.get('/api/guest/me');
  const r = await guest.post('/api/guest/nda', { sha256: me.body.nda.sha256 });
  if (r.status !== 201) throw new Error(`nda: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Declares a crisis; returns its id. */
export async function makeCrisis(admin: Client, title = '門市食安事件') {
  const r = await admin.post('/api/crises', { title, type: 'product_quality', severity: 'L3' });
  if (r.status !== 201) throw new Error(`crisis: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

/** The principal of a guest as the services see it (for calling the gate and the visibility rule directly). */
export function guestPrincipal(orgId: string, userId: string): Principal {
  return { kind: 'user', userId, orgId, role: 'guest', label: 'guest', sessionHash: '', csrfToken: '', secondFactor: 'ok' } as Principal;
}

/** Whether the principal may open the document now, by the one visibility rule. */
export async function canRead(db: Db, p: Principal, now: Date, documentId: string): Promise<boolean> {
  const r = await db.execute(sql`SELECT 1 FROM documents d WHERE d.id = ${documentId} AND ${documentVisibleSql(p, now, 'd')}`);
  return r.rows.length === 1;
}
