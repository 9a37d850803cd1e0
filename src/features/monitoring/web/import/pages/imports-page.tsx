// The import page: upload a new file, and the history of past imports with their progress.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import type { ImportOut } from '../../../import-contract.ts';
import { ImportStatusBadge, percentDone } from '../components/import-status.tsx';
import { UploadCard } from '../components/upload-card.tsx';
import { importsQuery } from '../queries.ts';

function HistoryItem({ imp }: { imp: ImportOut }) {
  const { t } = useTranslation();
  const rows =
    imp.rowsTotal !== null
      ? t('monitoring.import.history.rows', { done: imp.rowsDone, total: imp.rowsTotal })
      : imp.rowsDone > 0
        ? t('monitoring.import.history.rowsUnknown', { done: imp.rowsDone })
        : null;
  return (
    <Paper withBorder p="sm" data-testid="import-row" data-file={imp.fileName}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/monitoring/import/${imp.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {imp.fileName}
          </Anchor>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {[imp.source.name, imp.format.toUpperCase(), rows].filter(Boolean).join(' · ')}
            {imp.status === 'running' ? ` · ${percentDone(imp)}%` : ''}
          </Text>
          {imp.rowsDone > 0 ? (
            <Text size="sm">
              {t('monitoring.import.history.counts', { accepted: imp.accepted, duplicate: imp.duplicate, rejected: imp.rejected })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {imp.createdBy
              ? t('monitoring.import.history.by', { time: formatDateTime(imp.createdAt), name: imp.createdBy })
              : t('monitoring.import.history.byCli', { time: formatDateTime(imp.createdAt) })}
          </Text>
        </Stack>
        <ImportStatusBadge status={imp.status} />
      </Group>
    </Paper>
  );
}

/** /monitoring/import */
export function ImportsPage() {
  const { t } = useTranslation();
  const list = useQuery(importsQuery);
  return (
    <RequirePermission permission="mention.import">
      <Stack>
        <PageHeader title={t('monitoring.import.title')} description={t('monitoring.import.intro')} />
        <QueryState query={list}>
          {(data) => (
            <Stack gap="lg">
              <UploadCard sources={data.sources} />
              <Stack gap="xs">
                <Title order={3} size="h4">
                  {t('monitoring.import.history.title')}
                </Title>
                {data.imports.length === 0 ? (
                  <Text c="dimmed">{t('monitoring.import.history.empty')}</Text>
                ) : (
                  data.imports.map((imp) => <HistoryItem key={imp.id} imp={imp} />)
                )}
              </Stack>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
