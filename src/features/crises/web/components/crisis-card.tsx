// One crisis in the list: #number and title (a link to its room), severity, state and type, when and by whom it
// was declared (relative, and exact in the organisation's zone), and its next deadline with the overdue count.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { severityColor } from '../../../warnings/web/components/alert-badges.tsx';
import type { CrisisSummary } from '../../contract.ts';
import { CrisisSeverityBadge, CrisisStatusBadge, CrisisTypeBadge } from './badges.tsx';
import { Deadline } from './deadline.tsx';
import { When } from './when.tsx';

const dot = (
  <Text size="xs" c="dimmed" aria-hidden>
    ·
  </Text>
);

/** Deadlines of an open crisis: the next one counting down, and how many have passed. */
function Deadlines({ crisis: c }: { crisis: CrisisSummary }) {
  const { t } = useTranslation();
  if (c.status === 'closed') return null;
  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
      {c.nextDueAt ? (
        <Deadline dueAt={c.nextDueAt} prefix={(time) => t('crises.list.nextDue', { time })} testId="crisis-next-due" />
      ) : (
        <Text size="sm" c="dimmed">
          {t('crises.list.noDeadline')}
        </Text>
      )}
      {c.overdueTasks > 0 ? (
        <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} />} data-testid="crisis-overdue">
          {t('crises.list.overdue', { count: c.overdueTasks })}
        </Badge>
      ) : null}
      {c.openTasks > 0 ? (
        <Text size="sm" c="dimmed">
          {t('crises.list.openTasks', { count: c.openTasks })}
        </Text>
      ) : null}
    </Group>
  );
}

/** A crisis as a card linking to its room. */
export function CrisisCard({ crisis: c }: { crisis: CrisisSummary }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const closed = c.status === 'closed';
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="crisis-card"
      data-crisis-id={c.id}
      style={{ borderLeft: `4px solid var(--mantine-color-${closed ? 'gray' : severityColor[c.severity]}-6)` }}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text fw={700} c="dimmed" style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
            {t('crises.number', { number: c.number })}
          </Text>
          <Anchor
            component={Link}
            to={`/crises/${c.id}`}
            fw={600}
            c="var(--mantine-color-text)"
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
          >
            {c.title}
          </Anchor>
        </Group>
        <Group gap={6} wrap="wrap">
          <CrisisSeverityBadge severity={c.severity} />
          <CrisisStatusBadge status={c.status} />
          <CrisisTypeBadge type={c.type} />
        </Group>
        <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
          <When iso={c.declaredAt} phrase={(time) => t('crises.list.declaredAgo', { time })} />
          {dot}
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('crises.list.declaredBy', { name: c.declaredBy })}
          </Text>
          {closed && c.closedAt ? (
            <>
              {dot}
              <Text size="xs" c="dimmed">
                {t('crises.list.closedAt', { time: formatDateTime(c.closedAt, zone) })}
              </Text>
            </>
          ) : null}
        </Group>
        <Deadlines crisis={c} />
      </Stack>
    </Paper>
  );
}
