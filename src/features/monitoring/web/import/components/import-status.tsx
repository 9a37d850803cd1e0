// An import's status badge, its progress bar and its counts (shared by the history and the detail page).
import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportOut, ImportStatus } from '../../../import-contract.ts';

const colours: Record<ImportStatus, string> = {
  uploaded: 'gray',
  checking: 'blue',
  checked: 'blue',
  running: 'orange',
  done: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

/** The status as a coloured badge. */
export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant="light" style={{ flex: 'none' }} data-testid="import-status" data-status={status}>
      {t(`monitoring.import.status.${status}`)}
    </Badge>
  );
}

/** Percentage of rows processed (0 when the total is not known yet). */
export function percentDone(imp: Pick<ImportOut, 'rowsDone' | 'rowsTotal' | 'status'>): number {
  if (imp.status === 'done') return 100;
  if (!imp.rowsTotal) return 0;
  return Math.min(100, Math.floor((imp.rowsDone / imp.rowsTotal) * 100));
}

/** The progress bar with "done / total rows (n%)". */
export function ImportProgress({ imp, size = 'lg' }: { imp: ImportOut; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  const percent = percentDone(imp);
  return (
    <>
      <Progress
        value={percent}
        size={size}
        color={imp.status === 'failed' ? 'red' : imp.status === 'done' ? 'teal' : 'blue'}
        animated={imp.status === 'running'}
        aria-label={t('monitoring.import.run.progressLabel')}
        data-testid="import-progress"
        data-percent={percent}
      />
      <Text size="sm" c="dimmed">
        {t('monitoring.import.run.progress', { done: imp.rowsDone, total: imp.rowsTotal ?? '—', percent })}
      </Text>
    </>
  );
}

/** Stored / duplicate / rejected counts. */
export function ImportCounts({ imp }: { imp: Pick<ImportOut, 'accepted' | 'duplicate' | 'rejected'> }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" data-testid="import-counts">
      <Text size="sm">
        {t('monitoring.import.run.accepted')} <b>{imp.accepted}</b>
      </Text>
      <Text size="sm">
        {t('monitoring.import.run.duplicate')} <b>{imp.duplicate}</b>
      </Text>
      <Text size="sm">
        {t('monitoring.import.run.rejected')} <b>{imp.rejected}</b>
      </Text>
    </Group>
  );
}
