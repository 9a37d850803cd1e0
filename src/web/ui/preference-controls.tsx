// Language and colour-scheme pickers used on the sign-in pages and in settings.
import { ActionIcon, SegmentedControl, Select, Tooltip, useComputedColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Locale, locales, toLocale } from '../i18n/index.ts';
import { type SchemePref, usePreferences } from '../preferences.ts';

/** A compact language picker (changes the interface at once). */
export function LanguageSelect({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const prefs = usePreferences();
  return (
    <Select
      size={size}
      w={size === 'xs' ? 130 : undefined}
      label={size === 'xs' ? undefined : t('language.label')}
      aria-label={t('language.label')}
      data={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      value={prefs.locale}
      allowDeselect={false}
      onChange={(v) => v && prefs.setLocale(toLocale(v) as Locale)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A three-way colour-scheme switch: follow system, light, dark. */
export function ColorSchemeControl() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  return (
    <SegmentedControl
      aria-label={t('colorScheme.label')}
      value={prefs.colorScheme}
      onChange={(v) => prefs.setColorScheme(v as SchemePref)}
      data={(['auto', 'light', 'dark'] as const).map((s) => ({ value: s, label: t(`colorScheme.${s}`) }))}
    />
  );
}

/** A one-click light/dark switch for the sign-in pages (remembered on this device). */
export function ColorSchemeToggle() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = next === 'dark' ? t('colorScheme.toDark') : t('colorScheme.toLight');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => prefs.setColorScheme(next)}>
        {computed === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}
