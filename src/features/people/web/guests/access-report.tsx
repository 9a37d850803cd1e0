// The access report of an external organisation: every read by its guests from the audit log, with filters and
// a CSV download (the server escapes cells against spreadsheet formula injection).
import { Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { crisesQuery } from '../../../crises/web/queries.ts';
import type { ExternalOrg } from '../../guest-contract.ts';
import { type AccessFilter, accessReportQuery, accessReportUrl, orgGuestsQuery } from './queries.ts';

/** A day's start or end in the browser's zone as an ISO instant. */
const bound = (day: string, end: boolean) => (day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);

/** The access report section of an organisation's page. */
export function AccessReport({ org }: { org: ExternalOrg }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [guestId, setGuestId] = useState<string | null>(null);
  const filter: AccessFilter = { from: bound(from, false), to: bound(to, true), guestId: guestId ?? undefined };
  const report = useQuery(accessReportQuery(org.id, filter));
  const guests = useQuery(orgGuestsQuery(org.id));
  const crises = useQuery(crisesQuery('all'));
  const crisisName = (id: string | null) => {
    const c = id ? crises.data?.crises.find((x) => x.id === id) : undefined;
    return c ? `#${c.number} ${c.title}` : (id ?? t('common.none'));
  };
  const actionName = (a: string) => (i18n.exists(`guests.action.${a}`) ? t(`guests.action.${a}` as 'guests.action.search.performed') : a);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2} style={{ flex: '1 1 16rem' }}>
          <Text fw={600} size="lg">
            {t('guests.report')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('guests.reportIntro')}
          </Text>
        </Stack>
        <Button
          component="a"
          href={accessReportUrl(org.id, filter, 'csv')}
          download
          variant="default"
          size="sm"
          leftSection={<IconDownload size={16} />}
          data-testid="access-csv"
        >
          {t('guests.downloadCsv')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <TextInput type="date" label={t('guests.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('guests.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Select
          label={t('guests.guest')}
          placeholder={t('guests.allGuests')}
          data={(guests.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={guestId}
          onChange={setGuestId}
          clearable
        />
      </SimpleGrid>
      <QueryState query={report}>
        {({ rows }) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('guests.reportEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" striped data-testid="access-report">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('guests.col.at')}</Table.Th>
                    <Table.Th>{t('guests.col.guest')}</Table.Th>
                    <Table.Th>{t('guests.col.action')}</Table.Th>
                    <Table.Th>{t('guests.col.what')}</Table.Th>
                    <Table.Th>{t('guests.col.crisis')}</Table.Th>
                    <Table.Th>{t('guests.col.ip')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no id of their own; the list is replaced whole
                    <Table.Tr key={`${r.at}-${i}`} data-testid="access-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.guestName}</Table.Td>
                      <Table.Td>{actionName(r.action)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {r.subjectTitle ?? (r.subjectType === 'document' ? r.subjectId : null) ?? t('common.none')}
                      </Table.Td>
                      <Table.Td>{r.crisisId ? crisisName(r.crisisId) : t('common.none')}</Table.Td>
                      <Table.Td ff="monospace">{r.ip ?? t('common.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
