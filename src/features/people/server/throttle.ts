// Sign-in throttling per account and per IP, kept in PostgreSQL so every app process sees it.
import { sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import type { PeopleDeps } from './deps.ts';

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
const IP_FACTOR = 5; // an office NAT shares one IP: allow several accounts' worth of failures

/** Throws too_many_attempts while either key is locked. */
export async function assertNotThrottled(deps: PeopleDeps, email: string, ip: string) {
  const now = deps.clock.now();
  const res = await deps.db.execute<{ locked_until: Date }>(sql`
    SELECT locked_until FROM throttles
    WHERE key IN (${`login:account:${email}`}, ${`login:ip:${ip}`}) AND locked_until > ${now.toISOString()}
    ORDER BY locked_until DESC LIMIT 1`);
  const until = res.rows[0]?.locked_until;
  if (until) {
    const retry = Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 1000));
    throw new AppError('too_many_attempts', 'Too many failed sign-in attempts. Try again later.', { retryAfterSeconds: retry });
  }
}

/** Counts a failure against the account and the IP, locking either past its limit. */
export async function recordFailure(deps: PeopleDeps, email: string, ip: string) {
  const now = deps.clock.now();
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const lockUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  const limits: Array<[string, number]> = [
    [`login:account:${email}`, deps.settings.loginMaxFailures],
    [`login:ip:${ip}`, deps.settings.loginMaxFailures * IP_FACTOR],
  ];
  for (const [key, max] of limits) {
    await deps.db.execute(sql`
      INSERT INTO throttles (key, count, window_start) VALUES (${key}, 1, ${now.toISOString()})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN throttles.window_start < ${windowStart} THEN 1 ELSE throttles.count + 1 END,
        window_start = CASE WHEN throttles.window_start < ${windowStart} THEN ${now.toISOString()}::timestamptz ELSE throttles.window_start END,
        locked_until = CASE WHEN (CASE WHEN throttles.window_start < ${windowStart} THEN 1 ELSE throttles.count + 1 END) >= ${max}
          THEN ${lockUntil}::timestamptz ELSE throttles.locked_until END`);
  }
}

/** A successful sign-in clears the account's counter (not the IP's). */
export async function clearAccount(deps: PeopleDeps, email: string) {
  await deps.db.execute(sql`DELETE FROM throttles WHERE key = ${`login:account:${email}`}`);
}
