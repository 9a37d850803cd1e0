// Dry-run counts and the rejected rows (row number and reason, as text).
import { Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DryRunResult, Rejection } from '../../../import-contract.ts';

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/** The four dry-run counts. */
export function DryRunCounts({ result }: { result: DryRunResult }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
      <Stat label={t('monitoring.import.dryRun.rows')} value={result.rows} testId="dry-rows" />
      <Stat label={t('monitoring.import.dryRun.accepted')} value={result.accepted} testId="dry-accepted" />
      <Stat label={t('monitoring.import.dryRun.duplicate')} value={result.duplicate} testId="dry-duplicate" />
      <Stat label={t('monitoring.import.dryRun.rejected')} value={result.rejected} testId="dry-rejected" />
    </SimpleGrid>
  );
}

/** The first rejections: which row and why. */
export function RejectionsTable({ rejections }: { rejections: Rejection[] }) {
  const { t } = useTranslation();
  if (rejections.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('monitoring.import.rejections.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('monitoring.import.rejections.title')}
      </Text>
      <Table.ScrollContainer minWidth={300} mah={360} type="native">
        <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="rejections">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('monitoring.import.rejections.row')}</Table.Th>
              <Table.Th>{t('monitoring.import.rejections.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejections.map((r) => (
              <Table.Tr key={`${r.row}-${r.reason}`} data-row={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
