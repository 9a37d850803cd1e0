// /reports/mine: the reports I filed and what became of them (waiting, declared a crisis, added to one, closed
// with a reason), refreshed live when a triager acts.
import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { myReportsQuery, useReportsLive } from './queries.ts';
import { ReportCard } from './report-card.tsx';

/** My reports. */
export function MyReportsPage() {
  const { t } = useTranslation();
  useReportsLive();
  const mine = useQuery(myReportsQuery);
  return (
    <RequirePermission permission="report.create">
      <Stack maw={720} gap="md">
        <PageHeader
          title={t('reports.mine.title')}
          description={t('reports.mine.intro')}
          actions={
            <Button component={Link} to="/report" color="red" leftSection={<IconSpeakerphone size={16} />}>
              {t('reports.mine.reportNow')}
            </Button>
          }
        />
        <QueryState query={mine}>
          {(data) =>
            data.reports.length === 0 ? (
              <Paper withBorder p="lg" radius="md" data-testid="reports-empty">
                <Text>{t('reports.mine.empty')}</Text>
              </Paper>
            ) : (
              <Stack gap="sm" data-testid="my-reports">
                {data.reports.map((r) => (
                  <ReportCard key={r.id} report={r} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
