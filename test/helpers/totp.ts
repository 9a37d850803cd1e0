// Second-factor helpers for tests: the code an authenticator app would show, and enrolling a signed-in client.

import { totpCodeAt } from '../../src/features/people/server/totp.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Client } from './client.ts';

/** The six-digit code for `secret` now (by `clock` when given: the server's test clock). */
export function totpNow(secret: string, clock?: Clock): string {
  return totpCodeAt(secret, clock ? clock.now() : new Date());
}

/**
 * Enrols a signed-in client (also a guest's pending-enrolment session) and returns the secret; the client's
 * session has then passed the second factor. Pass the server's test clock when it has one.
 */
export async function enrolTotp(client: Client, clock?: Clock): Promise<string> {
  return (await enrolTotpWithCodes(client, clock)).secret;
}

/** `enrolTotp`, also answering the ten one-time recovery codes. */
export async function enrolTotpWithCodes(client: Client, clock?: Clock): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await client.post('/api/profile/totp');
  if (start.status !== 201) throw new Error(`TOTP start failed: ${start.status} ${JSON.stringify(start.body)}`);
  const secret: string = start.body.secret;
  const confirm = await client.post('/api/profile/totp/confirm', { code: totpNow(secret, clock) });
  if (confirm.status !== 200) throw new Error(`TOTP confirm failed: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  await client.refreshSession();
  return { secret, recoveryCodes: confirm.body.recoveryCodes };
}

/**
 * Gives the second step of signing in for a client whose session is pending `verify`. A code is accepted once
 * per 30-second step, so a test that signs the same person in twice within a step moves its clock on first.
 */
export async function passSecondFactor(client: Client, secret: string, clock?: Clock): Promise<void> {
  const r = await client.post('/api/session/second-factor', { code: totpNow(secret, clock) });
  if (r.status !== 204) throw new Error(`second factor failed: ${r.status} ${JSON.stringify(r.body)}`);
  await client.refreshSession();
}
