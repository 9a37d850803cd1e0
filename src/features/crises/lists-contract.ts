// The organisation's crisis type and team role lists (類型與角色): the shipped ids never change, but an admin can
// rename each (a zh-TW and an English label; empty = the shipped name) and hide crisis types the organisation
// does not use (not offered when declaring; existing crises keep their type). Roles can be renamed, not hidden.
import { z } from 'zod';
import { crisisTypes, teamRoles } from './contract.ts';

/** A custom name: empty (or absent) means the shipped name. */
const name = z.string().trim().max(40).default('');
/** A custom name in both languages of the app (each may be empty). */
export const listLabel = z.strictObject({ 'zh-TW': name, en: name });
export type ListLabel = { 'zh-TW': string; en: string };

/** One crisis type as the organisation names and uses it. */
export const crisisTypeEntry = z.strictObject({
  id: z.enum(crisisTypes),
  label: listLabel,
  /** Not offered when declaring (existing crises keep showing it). */
  hidden: z.boolean(),
});
/** One team role as the organisation names it. */
export const teamRoleEntry = z.strictObject({ id: z.enum(teamRoles), label: listLabel });

/** The lists as they apply: every shipped type and role, in the shipped order, with its version (0: never saved). */
export const crisisLists = z.object({
  types: z.array(crisisTypeEntry),
  roles: z.array(teamRoleEntry),
  version: z.number().int(),
});
export type CrisisLists = z.infer<typeof crisisLists>;
export type CrisisTypeEntry = CrisisLists['types'][number];
export type TeamRoleEntry = CrisisLists['roles'][number];

/** Saving: the entries to change (those left out keep the shipped name and stay visible) and the version seen. */
export const crisisListsInput = z
  .strictObject({
    types: z.array(crisisTypeEntry).max(crisisTypes.length),
    roles: z.array(teamRoleEntry).max(teamRoles.length),
    version: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    v.types.forEach((x, i) => {
      if (v.types.findIndex((y) => y.id === x.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['types', i, 'id'], message: `The crisis type ${x.id} is listed twice.` });
    });
    v.roles.forEach((x, i) => {
      if (v.roles.findIndex((y) => y.id === x.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['roles', i, 'id'], message: `The role ${x.id} is listed twice.` });
    });
    const hidden = new Set(v.types.filter((x) => x.hidden).map((x) => x.id));
    if (crisisTypes.every((x) => hidden.has(x)))
      ctx.addIssue({ code: 'custom', path: ['types'], message: 'At least one crisis type must stay visible (offered when declaring).' });
  });
export type CrisisListsInput = z.input<typeof crisisListsInput>;

/** The shipped lists: shipped names, nothing hidden. */
export const defaultCrisisLists = (): CrisisLists => ({
  types: crisisTypes.map((id) => ({ id, label: { 'zh-TW': '', en: '' }, hidden: false })),
  roles: teamRoles.map((id) => ({ id, label: { 'zh-TW': '', en: '' } })),
  version: 0,
});

/** Merges stored (possibly partial or outdated) entries into the shipped lists; anything unreadable is ignored. */
export function mergeCrisisLists(types: unknown, roles: unknown, version: number): CrisisLists {
  const base = defaultCrisisLists();
  const pick = <T extends { id: string }>(raw: unknown, schema: z.ZodType<T>) => {
    const found = new Map<string, T>();
    for (const item of Array.isArray(raw) ? raw : []) {
      const r = schema.safeParse(item);
      if (r.success && !found.has(r.data.id)) found.set(r.data.id, r.data);
    }
    return found;
  };
  const t = pick(types, crisisTypeEntry);
  const r = pick(roles, teamRoleEntry);
  return {
    types: base.types.map((x) => t.get(x.id) ?? x),
    roles: base.roles.map((x) => r.get(x.id) ?? x),
    version,
  };
}

/** The ids of the types offered when declaring (never empty: with every type hidden, all are offered). */
export function visibleTypes(lists: Pick<CrisisLists, 'types'> | undefined | null): (typeof crisisTypes)[number][] {
  const shown = crisisTypes.filter((id) => !lists?.types.find((x) => x.id === id)?.hidden);
  return shown.length ? shown : [...crisisTypes];
}
