// The header's user menu: who is signed in, language, colour scheme, settings and sign-out.
import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { IconCheck, IconLanguage, IconLogout, IconPalette, IconSettings } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { locales } from '../i18n/index.ts';
import { usePreferences } from '../preferences.ts';
import { useSession } from '../session.ts';

/** Initials for the avatar (first letters of up to two words, or the first character). */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return (words[0][0] + words[1][0]).toUpperCase();
  return Array.from(name.trim()).slice(0, 1).join('').toUpperCase();
}

/** The avatar button and its menu. */
export function UserMenu({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const prefs = usePreferences();
  const navigate = useNavigate();
  const check = (on: boolean) => (on ? <IconCheck size={14} /> : <span style={{ width: 14, display: 'inline-block' }} />);
  return (
    <Menu position="bottom-end" width={230} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.userMenu')} data-testid="user-menu">
          <Avatar radius="xl" color="orange" size={34}>
            {initials(session.user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.name}</Menu.Label>
        <Menu.Label style={{ paddingTop: 0 }}>{session.user.email}</Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <IconLanguage size={12} /> {t('language.label')}
        </Menu.Label>
        {locales.map((l) => (
          <Menu.Item
            key={l}
            leftSection={check(prefs.locale === l)}
            onClick={() => prefs.setLocale(l)}
            lang={l === 'en' ? 'en' : 'zh-Hant-TW'}
          >
            {t(`language.${l}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>
          <IconPalette size={12} /> {t('colorScheme.label')}
        </Menu.Label>
        {(['auto', 'light', 'dark'] as const).map((s) => (
          <Menu.Item key={s} leftSection={check(prefs.colorScheme === s)} onClick={() => prefs.setColorScheme(s)}>
            {t(`colorScheme.${s}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={14} />} onClick={() => void navigate({ to: '/settings/profile' })}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={onSignOut}>
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
