// Row → API shape conversions.
import type { ApiToken, User } from '../contract.ts';
import { iso } from './deps.ts';
import type { apiTokens, users } from './schema.ts';

/** A user as the API shows it (never the password hash). */
export function userView(u: typeof users.$inferSelect): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as User['role'],
    departmentId: u.departmentId,
    title: u.title,
    phone: u.phone,
    status: u.status as User['status'],
    locale: u.locale as User['locale'],
    colorScheme: u.colorScheme as User['colorScheme'],
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: iso(u.lastSignInAt),
  };
}

/** An API token as the API shows it (never the secret or its hash). */
export function tokenView(t: typeof apiTokens.$inferSelect, createdByName: string | null): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes as ApiToken['scopes'],
    createdAt: t.createdAt.toISOString(),
    createdByName,
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}
