// The organisation's crisis type and team role names (類型與角色), app-wide: useCrisisLabels (called once by the
// shell) loads them and writes them over the shipped `crises.type.*` / `crises.role.*` messages, so every
// existing t(`crises.type.${x}`) shows the organisation's names; removing a name brings the shipped one back.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import type { CrisisLists } from '../../lists-contract.ts';
import { en, zhTW } from '../messages.ts';

const URL = '/api/crisis-config/lists';
const locales = ['zh-TW', 'en'] as const;

/** The shipped names, kept apart so a removed custom name can be restored. */
export const shipped = {
  'zh-TW': { type: { ...zhTW.type }, role: { ...zhTW.role } },
  en: { type: { ...en.type }, role: { ...en.role } },
};

/** The lists: names (empty = shipped), hidden types, version. */
export const crisisListsQuery = queryOptions({
  queryKey: ['crisis-config', 'lists'],
  queryFn: ({ signal }) => api<CrisisLists>('GET', URL, undefined, { signal }),
  staleTime: 5 * 60_000,
});

/** Saves the lists (guarded by the version seen: 409 when someone else saved them first). */
export function useSaveCrisisLists() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<CrisisLists, 'version'> & { version: number }) => api<CrisisLists>('PUT', URL, body),
    onSuccess: (data) => qc.setQueryData(crisisListsQuery.queryKey, data),
    onSettled: () => qc.invalidateQueries({ queryKey: crisisListsQuery.queryKey }),
  });
}

/** The type and role messages of one language with the organisation's names over the shipped ones. */
export function labelsFor(lists: Pick<CrisisLists, 'types' | 'roles'> | null, lng: (typeof locales)[number]) {
  const type: Record<string, string> = { ...shipped[lng].type };
  const role: Record<string, string> = { ...shipped[lng].role };
  for (const x of lists?.types ?? []) if (x.label[lng]?.trim()) type[x.id] = x.label[lng].trim();
  for (const x of lists?.roles ?? []) if (x.label[lng]?.trim()) role[x.id] = x.label[lng].trim();
  return { type, role };
}

let applied = '';

/** Writes the names into i18next (both languages, shipped where not renamed); re-renders only on a change. */
export function applyCrisisLabels(i18n: I18n, lists: Pick<CrisisLists, 'types' | 'roles'> | null): void {
  const bundles = locales.map((lng) => [lng, labelsFor(lists, lng)] as const);
  const key = JSON.stringify(bundles);
  if (key === applied) return;
  const first = applied === '';
  applied = key;
  for (const [lng, crises] of bundles) i18n.addResourceBundle(lng, 'translation', { crises }, true, true);
  // Components re-render on languageChanged; the shipped names are already shown, so nothing to do at first
  // unless something was renamed.
  const renamed = JSON.stringify(locales.map((lng) => [lng, labelsFor(null, lng)])) !== key;
  if (!first || renamed) void i18n.changeLanguage(i18n.language);
}

/** Keeps the interface's crisis type and role names in step with the organisation's (call once, signed in). */
export function useCrisisLabels(): void {
  const { i18n } = useTranslation();
  const lists = useQuery(crisisListsQuery).data;
  useEffect(() => {
    if (lists) applyCrisisLabels(i18n, lists);
  }, [lists, i18n]);
}
