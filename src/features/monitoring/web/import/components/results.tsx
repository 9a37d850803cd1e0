// Dry-run counts and the rejected rows (row number and reason, as text): the reason translated by its
// code, with the English detail (which quotes the offending value) dimmed below it.
import { Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { rejectionCodes } from '../../../contract.ts';
import { type DryRunResult, type MappableField, mappableFields, type Rejection } from '../../../import-contract.ts';

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

function fieldName(field: string, t: TFunction): string {
  const name = field.startsWith('metrics.') ? field.slice('metrics.'.length) : field;
  if ((mappableFields as readonly string[]).includes(name)) return t(`monitoring.import.mapping.field.${name as MappableField}`);
  if (name === 'source' || name === 'metrics' || name === 'raw') return t(`monitoring.import.rejections.field.${name}`);
  return name; // an unknown key, shown as sent
}

// Codes whose message names the field: without a field they fall back to the English reason.
const namesField = new Set<string>(['unknown_field', 'missing_field', 'text_too_long', 'invalid_unicode', 'bad_number', 'invalid']);

/** The translated reason of a rejection, or null when its code is unknown (then the English reason is shown). */
export function rejectionMessage(r: Rejection, t: TFunction): string | null {
  const code = r.code as string | undefined;
  if (!code || !(rejectionCodes as readonly string[]).includes(code) || (namesField.has(code) && !r.field)) return null;
  return t(`monitoring.import.rejections.code.${code as NonNullable<Rejection['code']>}`, { field: r.field ? fieldName(r.field, t) : '' });
}

function Reason({ r }: { r: Rejection }) {
  const { t } = useTranslation();
  const message = rejectionMessage(r, t);
  if (message === null) return <>{r.reason}</>;
  return (
    <>
      <Text size="sm" data-testid="rejection-message">
        {message}
      </Text>
      <Text size="xs" c="dimmed">
        {r.reason}
      </Text>
    </>
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
              <Table.Tr key={`${r.row}-${r.reason}`} data-row={r.row} data-code={r.code}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Reason r={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
