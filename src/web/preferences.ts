// Language and colour-scheme preferences: applied at once, remembered per user when signed in.
import { useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '../features/people/contract.ts';
import { useUpdateMe } from '../features/people/web/queries.ts';
import { notifyError } from './errors.ts';
import { applyLocale, type Locale, toLocale } from './i18n/index.ts';

/** A colour scheme preference. */
export type SchemePref = 'auto' | 'light' | 'dark';

/** The current language and colour scheme, and setters that also save them to the signed-in user. */
export function usePreferences() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const qc = useQueryClient();
  const updateMe = useUpdateMe();
  const signedIn = () => qc.getQueryData<Session>(['session']) !== undefined;
  const save = (b: { locale?: Locale; colorScheme?: SchemePref }) => {
    if (signedIn()) updateMe.mutate(b, { onError: (err) => notifyError(err, t) });
  };
  return {
    locale: toLocale(i18n.language),
    colorScheme: colorScheme as SchemePref,
    setLocale(locale: Locale) {
      applyLocale(locale);
      save({ locale });
    },
    setColorScheme(scheme: SchemePref) {
      setColorScheme(scheme);
      save({ colorScheme: scheme });
    },
  };
}
