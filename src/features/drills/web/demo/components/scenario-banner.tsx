// The banner that never lets anyone forget where they are: in the demo workspace 「示範環境 — 虛構公司與資料」 with
// the scenario's clock (and controls for demo admins and managers); in a drill sandbox a differently coloured
// 「演練中：…」 with leaving the drill. It sticks under the header while the page scrolls; nothing in a live organisation.
import { Badge, Box, Button, Group, Text } from '@mantine/core';
import { IconDoorExit, IconFlask, IconPresentation } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import type { Session } from '../../../../people/contract.ts';
import { useLeaveDrill } from '../queries.ts';
import { useScenarioRoom } from '../scenario-live.tsx';
import { RunControls, ScenarioClock } from './run-controls.tsx';

// Full width of the main area (it has md padding), under the fixed header.
const stripStyle = {
  position: 'sticky',
  top: 'var(--app-shell-header-height, 56px)',
  zIndex: 150,
  margin: 'calc(var(--mantine-spacing-md) * -1) calc(var(--mantine-spacing-md) * -1) var(--mantine-spacing-md)',
} as const;

const LEFT_KEY = 'firebreak.drill-left';

/** The demo or drill banner for the signed-in session (nothing in a live organisation). */
export function ScenarioBanner({ session }: { session: Session }) {
  const { t } = useTranslation();
  // Leaving a drill reloads the app; the confirmation is shown by the fresh page, in the real organisation.
  useEffect(() => {
    try {
      if (sessionStorage.getItem(LEFT_KEY) === null) return;
      sessionStorage.removeItem(LEFT_KEY);
    } catch {
      return;
    }
    notifySuccess(t('drillDemo.banner.left'));
  }, [t]);
  if (session.org.kind === 'demo') return <DemoBanner session={session} />;
  if (session.org.kind === 'drill') return <DrillBanner session={session} />;
  return null;
}

function DemoBanner({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { room, updatedAt } = useScenarioRoom(session);
  const run = room?.run ?? null;
  const controls = session.permissions.includes('drill.manage');
  return (
    <Box
      bg="grape.8"
      c="white"
      px="md"
      py={6}
      style={stripStyle}
      role="region"
      aria-label={t('drillDemo.banner.demo')}
      data-testid="demo-banner"
    >
      <Group justify="space-between" gap="xs" wrap="wrap" style={{ rowGap: 4 }}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconPresentation size={18} aria-hidden style={{ flex: 'none' }} />
          <Badge variant="white" color="grape" radius="sm" style={{ flex: 'none' }}>
            {t('drillDemo.badge')}
          </Badge>
          <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
            {t('drillDemo.banner.demo')}
          </Text>
        </Group>
        {run ? (
          <Group gap="sm" wrap="wrap" style={{ rowGap: 4 }}>
            <ScenarioClock run={run} fetchedAt={updatedAt} />
            {controls ? <RunControls run={run} /> : null}
          </Group>
        ) : null}
      </Group>
    </Box>
  );
}

function DrillBanner({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { room, updatedAt } = useScenarioRoom(session);
  const leave = useLeaveDrill();
  const run = room?.run ?? null;
  const title = room?.drill?.title;
  const onLeave = () =>
    leave.mutate(undefined, {
      onSuccess: () => {
        try {
          sessionStorage.setItem(LEFT_KEY, '1');
        } catch {
          // without storage the reload itself (no sandbox banner) is the confirmation
        }
        // A fresh start: the session now acts as the real person again, so every cached answer is the sandbox's.
        window.location.assign('/');
      },
      onError: (err) => notifyError(err, t),
    });
  return (
    <Box
      bg="yellow.4"
      c="dark.9"
      px="md"
      py={6}
      style={stripStyle}
      role="region"
      aria-label={t('drillDemo.banner.drillUntitled')}
      data-testid="drill-banner"
    >
      <Group justify="space-between" gap="xs" wrap="wrap" style={{ rowGap: 4 }}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFlask size={18} aria-hidden style={{ flex: 'none' }} />
          <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="drill-banner-title">
            {title ? t('drillDemo.banner.drill', { title }) : t('drillDemo.banner.drillUntitled')}
          </Text>
        </Group>
        <Group gap="sm" wrap="wrap" style={{ rowGap: 4 }}>
          {run ? <ScenarioClock run={run} fetchedAt={updatedAt} /> : null}
          <Button
            size="compact-sm"
            color="dark"
            leftSection={<IconDoorExit size={16} />}
            loading={leave.isPending}
            onClick={onLeave}
            data-testid="leave-drill"
          >
            {t('drillDemo.banner.leave')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
