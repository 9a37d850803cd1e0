// What every people service function needs, and small helpers shared between them.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { type EventInput, recordEvent } from '../../../platform/events.ts';

/** Dependencies of the people services. */
export type PeopleDeps = {
  db: Db;
  clock: Clock;
  settings: {
    sessionIdleMs: number;
    sessionMaxMs: number;
    loginMaxFailures: number;
    publicUrl?: string;
    /** Lower argon2 cost for tests only; production uses the OWASP baseline. */
    fastHashing?: boolean;
  };
};

/** Request metadata recorded with events. */
export type RequestMeta = { requestId?: string; ip?: string; userAgent?: string; baseUrl?: string };

/** A 256-bit random secret, URL-safe. */
export function randomSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The stored form of a bearer secret: sha256, hex. */
export function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

/** argon2id with OWASP's minimum (19 MiB, t=2, p=1). */
export function hashPassword(deps: PeopleDeps, password: string): Promise<string> {
  return deps.settings.fastHashing
    ? hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 })
    : hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

// A real hash to verify against when the e-mail is unknown, so timing does not reveal which e-mails exist.
let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash, burns the same time and returns false. */
export async function verifyPassword(deps: PeopleDeps, stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(deps, 'firebreak-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** The event actor for a principal. */
export { actorOf } from '../../../platform/http.ts';

/** ISO string or null. */
export function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

/** Records an event of this feature with the request's id and IP, in the caller's transaction. */
export function record(tx: Executor, deps: Pick<PeopleDeps, 'clock'>, meta: RequestMeta, event: Omit<EventInput, 'requestId' | 'ip'>) {
  return recordEvent(tx, deps.clock, { ...event, requestId: meta.requestId, ip: meta.ip });
}
