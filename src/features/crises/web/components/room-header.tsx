// The top of a crisis room: #number and title, severity, state and type, a stopwatch since the declaration, the
// next deadline counting down and how many tasks are overdue, and the lifecycle actions for those who manage it.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useCan } from '../../../../web/session.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { severityColor } from '../../../warnings/web/components/alert-badges.tsx';
import type { CrisisDetail } from '../../contract.ts';
import { countdown, stopwatch, useNow } from '../clock.ts';
import { CrisisSeverityBadge, CrisisStatusBadge, CrisisTypeBadge } from './badges.tsx';
import { LifecycleActions } from './lifecycle-actions.tsx';

/** The open tasks' earliest deadline and how many deadlines have passed, at `now`. */
export function deadlines(c: CrisisDetail, now: number): { next: string | null; overdue: number } {
  const due = c.tasks.filter((x) => x.status !== 'done' && x.dueAt).map((x) => x.dueAt as string);
  due.sort((a, b) => new Date(a).getTime() - new Date(b).getTime());
  return { next: due[0] ?? null, overdue: due.filter((d) => new Date(d).getTime() < now).length };
}

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** The clocks: elapsed (ticking every second), the next deadline, the overdue count. */
function Clocks({ crisis: c }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const closed = c.status === 'closed';
  const end = closed && c.closedAt ? new Date(c.closedAt).getTime() : now;
  const d = deadlines(c, now);
  const next = d.next ? countdown(d.next, now, t) : null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="xs">
      <Figure label={t('crises.room.elapsed')} testId="crisis-elapsed">
        <Text fw={700} fz="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {stopwatch(end - new Date(c.declaredAt).getTime())}
        </Text>
      </Figure>
      {closed ? null : (
        <Figure label={t('crises.room.nextDue')} testId="crisis-next-due">
          <Text fw={600} c={next?.overdue ? 'red' : undefined}>
            {next ? next.text : t('crises.room.noDeadline')}
          </Text>
        </Figure>
      )}
      {!closed && d.overdue > 0 ? (
        <Figure label="" testId="crisis-overdue">
          <Badge color="red" variant="filled" tt="none" size="lg" leftSection={<IconAlertTriangle size={14} />}>
            {t('crises.room.overdue', { count: d.overdue })}
          </Badge>
        </Figure>
      ) : null}
    </SimpleGrid>
  );
}

/** The room's header card. */
export function RoomHeader({ crisis: c }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const canDocuments = useCan('document.read');
  const colour = c.status === 'closed' ? 'gray' : severityColor[c.severity];
  return (
    <Card withBorder radius="md" padding="md" style={{ borderTop: `4px solid var(--mantine-color-${colour}-6)` }} data-testid="room-header">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text fw={700} c="dimmed" fz="lg" style={{ flex: 'none' }}>
            {t('crises.number', { number: c.number })}
          </Text>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="crisis-title">
            {c.title}
          </Title>
        </Group>
        <Group gap={6} wrap="wrap">
          <CrisisSeverityBadge severity={c.severity} size="lg" />
          <CrisisStatusBadge status={c.status} size="lg" />
          <CrisisTypeBadge type={c.type} />
          <Anchor component={Link} to={`/crises/${c.id}/pulse`} size="sm" hiddenFrom="lg" data-testid="pulse-link">
            {t('crisisPulse.title')}
          </Anchor>
          {canDocuments ? (
            <Anchor component={Link} to="/documents" search={{ crisisId: c.id } as never} size="sm" data-testid="crisis-documents-link">
              {t('crises.room.documents')}
            </Anchor>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('crises.room.declaredAt', { name: c.declaredBy, time: formatDateTime(c.declaredAt, zone), zone })}
          {c.closedAt ? ` · ${t('crises.room.closedAt', { time: formatDateTime(c.closedAt, zone) })}` : ''}
        </Text>
        <Clocks crisis={c} />
        {c.summary ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('crises.room.summary')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="crisis-summary">
              {c.summary}
            </Text>
          </Stack>
        ) : null}
        {c.can.manage ? (
          <LifecycleActions crisis={c} />
        ) : c.can.work ? null : (
          <Text size="sm" c="dimmed">
            {t('crises.room.readOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
