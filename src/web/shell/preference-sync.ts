// Applies the signed-in user's saved language and colour scheme when they load or change elsewhere.
import { useMantineColorScheme } from '@mantine/core';
import { useIsMutating } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { User } from '../../features/people/contract.ts';
import { applyLocale } from '../i18n/index.ts';

/** Keeps the interface in step with the user's saved preferences (not while the user's own change is being saved). */
export function usePreferenceSync(user: Pick<User, 'locale' | 'colorScheme'>): void {
  const { setColorScheme } = useMantineColorScheme();
  // While a change of our own is in flight, the cached session may still hold the previous value.
  const saving = useIsMutating({ mutationKey: ['me'] }) > 0;
  useEffect(() => {
    if (!saving) applyLocale(user.locale);
  }, [user.locale, saving]);
  useEffect(() => {
    if (!saving) setColorScheme(user.colorScheme);
  }, [user.colorScheme, saving, setColorScheme]);
}
