// One drill in the list: its title (a link to the drill), status, my part in it, scenario, facilitator, dates and
// a link to the after-action report once there is one.
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import type { DrillSummary } from '../../../contract.ts';
import { DrillStatusBadge, RoleBadge } from './badges.tsx';

/** The dates that matter for where the drill stands. */
function Dates({ drill: d }: { drill: DrillSummary }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const parts = [t('drills.list.created', { time: formatDateTime(d.createdAt, zone) })];
  if (d.startedAt) parts.push(t('drills.list.started', { time: formatDateTime(d.startedAt, zone) }));
  if (d.endedAt) parts.push(t('drills.list.ended', { time: formatDateTime(d.endedAt, zone) }));
  return (
    <Text size="sm" c="dimmed">
      {parts.join(' · ')}
    </Text>
  );
}

/** A drill as a card linking to it. */
export function DrillCard({ drill: d }: { drill: DrillSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="drill-card" data-drill-id={d.id} data-status={d.status}>
      <Stack gap={6}>
        <Anchor component={Link} to={`/drills/${d.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
          {d.title}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <DrillStatusBadge status={d.status} />
          {d.myRole ? <RoleBadge role={d.myRole} /> : null}
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('drills.list.scenario', { title: d.scenarioTitle })}
          </Text>
        </Group>
        <Text size="sm">{t('drills.list.facilitator', { name: d.facilitator.name })}</Text>
        <Dates drill={d} />
        {d.hasReport ? (
          <Anchor
            component={Link}
            to={`/drills/${d.id}/report`}
            size="sm"
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
            data-testid="drill-report-link"
          >
            <IconReportAnalytics size={16} aria-hidden />
            {t('drills.list.report')}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}
