// The monitoring frame: a tab per area the user may use, above the chosen page.
import { Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../web/session.ts';

const areas = [
  { key: 'dashboard', path: '/monitoring', permission: 'mention.read' },
  { key: 'mentions', path: '/monitoring/mentions', permission: 'mention.read' },
  { key: 'topics', path: '/monitoring/topics', permission: 'topic.read' },
  { key: 'sources', path: '/monitoring/sources', permission: 'source.read' },
  { key: 'import', path: '/monitoring/import', permission: 'mention.import' },
] as const;

/** The monitoring layout with its tabs. */
export function MonitoringLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = areas.find((a) => a.key !== 'dashboard' && pathname.startsWith(a.path))?.key ?? 'dashboard';
  const visible = areas.filter((a) => session.permissions.includes(a.permission));
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        {t('monitoring.title')}
      </Title>
      <Tabs
        value={current}
        onChange={(v) => {
          const area = areas.find((a) => a.key === v);
          if (area) void navigate({ to: area.path });
        }}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {visible.map((a) => (
            <Tabs.Tab key={a.key} value={a.key} style={{ flex: 'none' }}>
              {t(`monitoring.nav.${a.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
