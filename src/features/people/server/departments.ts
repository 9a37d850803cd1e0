// Departments: the default set (PR, marketing, legal, CS, executive office, IT, other) is editable.
import { and, asc, eq, sql } from 'drizzle-orm';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Department } from '../contract.ts';
import { actorOf, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { departments, users } from './schema.ts';

/** Lists departments with their active member counts. */
export async function listDepartments(deps: PeopleDeps, p: Principal): Promise<Department[]> {
  const rows = await deps.db
    .select({
      d: departments,
      memberCount: sql<number>`(SELECT count(*)::int FROM users u WHERE u.department_id = "departments"."id" AND u.status <> 'deactivated')`,
    })
    .from(departments)
    .where(eq(departments.orgId, p.orgId))
    .orderBy(asc(departments.position), asc(departments.createdAt), asc(departments.id));
  return rows.map(({ d, memberCount }) => ({
    id: d.id,
    kind: d.kind as Department['kind'],
    name: d.name,
    archived: d.archived,
    memberCount,
    version: d.version,
  }));
}

/** Adds a custom department. */
export async function createDepartment(deps: PeopleDeps, p: Principal, name: string, meta: RequestMeta) {
  return deps.db.transaction(async (tx) => {
    const [d] = await tx.insert(departments).values({ orgId: p.orgId, name }).returning();
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'department.created',
      actor: actorOf(p),
      subjectType: 'department',
      subjectId: d.id,
      data: { after: { name } },
    });
    return d;
  });
}

/** Renames (null restores the translated default name) or archives a department. */
export async function updateDepartment(
  deps: PeopleDeps,
  p: Principal,
  id: string,
  input: { name?: string | null; archived?: boolean },
  meta: RequestMeta,
) {
  const [before] = await deps.db
    .select()
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.orgId, p.orgId)));
  if (!before) throw notFound('No such department.');
  return deps.db.transaction(async (tx) => {
    const [d] = await tx
      .update(departments)
      .set({ ...input, version: sql`${departments.version} + 1` })
      .where(eq(departments.id, id))
      .returning();
    if (input.archived) await tx.update(users).set({ departmentId: null }).where(eq(users.departmentId, id));
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'department.updated',
      actor: actorOf(p),
      subjectType: 'department',
      subjectId: id,
      data: { before: { name: before.name, archived: before.archived }, after: { name: d.name, archived: d.archived } },
    });
    return d;
  });
}
