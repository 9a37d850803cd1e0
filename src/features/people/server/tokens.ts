// Machine API tokens: named, scoped, shown once, stored hashed, revocable.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { ApiToken } from '../contract.ts';
import { actorOf, type PeopleDeps, type RequestMeta, randomSecret, record, sha256 } from './deps.ts';
import { apiTokens, users } from './schema.ts';
import { tokenView } from './views.ts';

/** Lists the organisation's tokens, newest first (revoked ones too, for the record). */
export async function listTokens(deps: PeopleDeps, p: Principal): Promise<ApiToken[]> {
  const rows = await deps.db
    .select({ t: apiTokens, by: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.orgId, p.orgId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => tokenView(r.t, r.by));
}

/** Creates a token; the secret is returned this once and never stored. */
export async function createToken(
  deps: PeopleDeps,
  p: Principal,
  input: { name: string; scopes: string[]; expiresInDays?: number | null },
  meta: RequestMeta,
) {
  const secret = `fbk_${randomSecret()}`;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [t] = await tx
      .insert(apiTokens)
      .values({
        orgId: p.orgId,
        name: input.name,
        prefix: secret.slice(0, 10),
        tokenHash: sha256(secret),
        scopes: [...new Set(input.scopes)],
        createdBy: p.kind === 'user' ? p.userId : null,
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'token.created',
      actor: actorOf(p),
      subjectType: 'token',
      subjectId: t.id,
      data: { after: { name: t.name, scopes: t.scopes, expiresAt: t.expiresAt?.toISOString() ?? null } },
    });
    return { token: tokenView(t, p.label), secret };
  });
}

/** Revokes a token; it stops working on its next request. */
export async function revokeToken(deps: PeopleDeps, p: Principal, id: string, meta: RequestMeta) {
  const [t] = await deps.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, p.orgId)));
  if (!t) throw notFound('No such token.');
  if (t.revokedAt) return;
  await deps.db.transaction(async (tx) => {
    await tx
      .update(apiTokens)
      .set({ revokedAt: deps.clock.now() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'token.revoked',
      actor: actorOf(p),
      subjectType: 'token',
      subjectId: id,
      data: { name: t.name },
    });
  });
}
