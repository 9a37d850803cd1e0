// The authenticated application shell: header, navigation (a burger drawer on phones) and the page.
import { AppShell, Badge, Burger, Button, Group, Indicator, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlame, IconHome, IconSearch, IconSettings, IconSpeakerphone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCrisisLabels } from '../../features/crises/web/config/labels.ts';
import { reportQueueQuery, useReportsLive } from '../../features/crises/web/reports/queries.ts';
import { ScenarioBanner } from '../../features/drills/web/demo/components/scenario-banner.tsx';
import { useScenarioNav } from '../../features/drills/web/demo/scenario-live.tsx';
import { AccessRemovedBanner, useGuestLive } from '../../features/people/web/guests/guest-live.tsx';
import { useAlertNotifications } from '../../features/warnings/web/alert-notifier.ts';
import { OpenAlertsBadge, useOpenAlertCount } from '../../features/warnings/web/components/open-alerts-badge.tsx';
import { startLive } from '../live.ts';
import { reportLinks, sections } from '../sections.ts';
import { useSession } from '../session.ts';
import { LiveIndicator } from './live-indicator.tsx';
import { usePreferenceSync } from './preference-sync.ts';
import { SearchLauncher } from './search-launcher.tsx';
import { UserMenu } from './user-menu.tsx';

type NavItem = { to: string; label: string; icon: ReactNode; exact?: boolean; badge?: ReactNode };

/** The header, navigation and page outlet for signed-in users. */
export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  usePreferenceSync(session.user);
  useCrisisLabels();
  const readsAlerts = session.permissions.includes('alert.read');
  const openAlerts = useOpenAlertCount(readsAlerts);
  useAlertNotifications(readsAlerts);
  const may = (permission: string) => session.permissions.includes(permission);
  const reports = may('report.create');
  // Triagers see how many reports wait; report.* events refresh it (and every report screen) live.
  const triages = may('report.triage');
  const waiting = useQuery({ ...reportQueueQuery('new'), enabled: triages, select: (q) => q.counts.new }).data ?? 0;
  useReportsLive();
  // Guests: grant changes refresh what is on screen (and say when access went); an unaccepted NDA routes to it.
  const guest = may('guest.self');
  const guestLive = useGuestLive(guest);
  // In a demo or a drill sandbox: 情境訊息 with its unseen count, and a notice when one arrives.
  const scenario = useScenarioNav(session);

  useEffect(() => {
    startLive({ userId: session.user.id, orgId: session.org.id });
  }, [session.user.id, session.org.id]);

  // A phone's navigation drawer closes once the user has picked a page.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={18} />, exact: true },
    ...(scenario ? [scenario] : []),
    ...reportLinks
      .filter((l) => may(l.permission))
      .map((l) => ({
        to: l.path,
        label: t(`reports.nav.${l.key}`),
        icon: <l.icon size={18} />,
        exact: true,
        badge:
          l.key === 'queue' && waiting > 0 ? (
            <Badge color="red" size="sm" circle data-testid="report-queue-count">
              {waiting}
            </Badge>
          ) : undefined,
      })),
    ...sections
      .filter((s) => may(s.permission))
      .map((s) => ({
        to: s.path,
        label: t(`nav.${s.key}`),
        icon: <s.icon size={18} />,
        badge: s.key === 'alerts' && readsAlerts ? <OpenAlertsBadge count={openAlerts} /> : undefined,
      })),
    ...(may('search.use') ? [{ to: '/search', label: t('search.title'), icon: <IconSearch size={18} /> }] : []),
    { to: '/settings/profile', label: t('nav.settings'), icon: <IconSettings size={18} /> },
  ];
  const isActive = (item: NavItem) =>
    item.exact ? pathname === item.to : pathname.startsWith(item.to === '/settings/profile' ? '/settings' : item.to);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            {/* On a phone the navigation is folded away: a dot on the menu button says alerts are waiting. */}
            <Indicator
              color="red"
              size={9}
              offset={4}
              disabled={opened || ((!readsAlerts || openAlerts === 0) && waiting === 0 && !scenario?.unseen)}
              hiddenFrom="sm"
            >
              <Burger opened={opened} onClick={toggle} size="sm" aria-label={t('nav.openMenu')} />
            </Indicator>
            <IconFlame size={24} color="var(--mantine-color-orange-6)" aria-hidden />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" truncate visibleFrom="xs">
              {session.org.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {may('search.use') ? <SearchLauncher /> : null}
            {reports ? (
              <Button
                component={Link}
                to="/report"
                color="red"
                size="compact-md"
                leftSection={<IconSpeakerphone size={16} />}
                aria-label={t('reports.nav.reportCta')}
                title={t('reports.nav.reportCta')}
                data-testid="header-report"
              >
                {t('reports.nav.report')}
              </Button>
            ) : null}
            <LiveIndicator />
            <UserMenu onSignOut={onSignOut} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              label={item.label}
              leftSection={item.icon}
              rightSection={item.badge}
              active={isActive(item)}
              aria-current={isActive(item) ? 'page' : undefined}
              renderRoot={(props) => <Link to={item.to} {...props} />}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <ScenarioBanner session={session} />
        {guest && guestLive.removed ? <AccessRemovedBanner removed={guestLive.removed} onDismiss={guestLive.dismiss} /> : null}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
