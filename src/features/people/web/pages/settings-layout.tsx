// Settings: a tab per area (only those the user may use) above the chosen page.
import { Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../../web/session.ts';

const areas = [
  { key: 'profile', permission: 'profile.update' },
  { key: 'password', permission: 'profile.update' },
  { key: 'security', permission: 'profile.update' },
  { key: 'users', permission: 'user.list' },
  { key: 'departments', permission: 'department.list' },
  { key: 'tokens', permission: 'token.manage' },
  { key: 'audit', permission: 'audit.read' },
  { key: 'org', permission: 'org.update' },
  { key: 'guests', permission: 'guest.manage' },
] as const;

type Area = (typeof areas)[number]['key'];

/** The settings frame with its tabs. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = pathname.split('/')[2] ?? 'profile';
  // Second factor and external partners keep their words with their features' messages.
  const tabLabel = (key: Area) =>
    key === 'security' ? t('security.title') : key === 'guests' ? t('guests.tab') : t(`settings.nav.${key}`);
  const visible = areas.filter((a) => session.permissions.includes(a.permission));
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('settings.title')}
      </Title>
      <Tabs value={current} onChange={(v) => v && void navigate({ to: `/settings/${v}` })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {visible.map((a) => (
            <Tabs.Tab key={a.key} value={a.key} style={{ flex: 'none' }}>
              {tabLabel(a.key)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
