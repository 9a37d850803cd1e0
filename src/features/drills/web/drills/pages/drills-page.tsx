// /drills: every drill of the organisation (status, my part, scenario, dates, report link), 「新增演練」 for those
// who may plan one, and trends across ended drills. Live drill.* events refresh it.
import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../../web/session.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { DrillCard } from '../components/drill-card.tsx';
import { TrendsPanel } from '../components/trends-panel.tsx';
import { drillsQuery, trendsQuery, useDrillsLive } from '../queries.ts';

function Empty() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="drills-empty">
      <Stack gap={6} align="flex-start">
        <ThemeIcon variant="light" color="grape" size="xl" radius="xl">
          <IconTargetArrow size={22} />
        </ThemeIcon>
        <Text fw={600}>{t('drills.list.empty')}</Text>
        <Text size="sm" c="dimmed">
          {t('drills.list.emptyExplain')}
        </Text>
      </Stack>
    </Paper>
  );
}

function DrillsList() {
  useDrillsLive();
  const list = useQuery(drillsQuery);
  const trends = useQuery(trendsQuery);
  return (
    <Stack gap="lg">
      <QueryState query={list}>
        {(drills) =>
          drills.length === 0 ? (
            <Empty />
          ) : (
            <Stack gap="sm" data-testid="drills-list">
              {drills.map((d) => (
                <DrillCard key={d.id} drill={d} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <QueryState query={trends}>{(data) => <TrendsPanel data={data} />}</QueryState>
    </Stack>
  );
}

/** The drills list with trends. */
export function DrillsPage() {
  const { t } = useTranslation();
  const canManage = useCan('drill.manage');
  return (
    <RequirePermission permission="drill.read">
      <PageHeader
        title={t('drills.title')}
        description={t('drills.intro')}
        actions={
          canManage ? (
            <Button component={Link} to="/drills/new" leftSection={<IconPlus size={16} />} data-testid="new-drill">
              {t('drills.newDrill')}
            </Button>
          ) : null
        }
      />
      <DrillsList />
    </RequirePermission>
  );
}
