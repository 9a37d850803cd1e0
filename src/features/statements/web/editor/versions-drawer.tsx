// The version history: every saved version with its author, time, length and findings; pick any two to see what
// changed between them, word by word.
import { Drawer, Group, Loader, NativeSelect, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { ErrorAlert } from '../../../../web/ui/query-state.tsx';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { StatementDetail } from '../../contract.ts';
import { DiffView } from './diff-view.tsx';
import { versionQuery } from './queries.ts';

function Compare({ statementId, from, to }: { statementId: string; from: number; to: number }) {
  const a = useQuery(versionQuery(statementId, from));
  const b = useQuery(versionQuery(statementId, to));
  if (a.error || b.error) return <ErrorAlert error={a.error ?? b.error} />;
  if (!a.data || !b.data) return <Loader size="sm" />;
  return <DiffView older={a.data.text} newer={b.data.text} />;
}

/** The drawer listing the versions, with the diff of the two chosen. */
export function VersionsDrawer({ detail, opened, onClose }: { detail: StatementDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const versions = [...detail.versions].sort((x, y) => y.number - x.number);
  const head = detail.headVersion.number;
  const [from, setFrom] = useState<number>(versions[1]?.number ?? head);
  const [to, setTo] = useState<number>(head);
  const options = versions.map((v) => ({ value: String(v.number), label: t('statementEditor.versions.row', { number: v.number }) }));
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('statementEditor.versions.title')}
      data-testid="versions-drawer"
    >
      <Stack gap="md">
        <ScrollArea type="auto">
          <Table striped highlightOnHover miw={420} data-testid="versions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('statementEditor.versions.author')}</Table.Th>
                <Table.Th>{t('statementEditor.versions.time')}</Table.Th>
                <Table.Th ta="right">{t('statementEditor.versions.chars')}</Table.Th>
                <Table.Th ta="right">{t('statementEditor.versions.findings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.number} data-testid="version-row" data-number={v.number}>
                  <Table.Td>
                    {v.number}
                    {v.number === head ? (
                      <Text span size="xs" c="dimmed" ml={4}>
                        {t('statementEditor.versions.head')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{v.author?.name ?? t('statementEditor.versions.unknownAuthor')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.updatedAt, zone)}</Table.Td>
                  <Table.Td ta="right">{v.chars.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{v.findings}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {versions.length < 2 ? (
          <Text size="sm" c="dimmed">
            {t('statementEditor.versions.pickTwo')}
          </Text>
        ) : (
          <Stack gap="xs">
            <Group gap="sm" wrap="wrap" align="flex-end">
              <NativeSelect
                label={t('statementEditor.versions.from')}
                data={options}
                value={String(from)}
                onChange={(e) => setFrom(Number(e.currentTarget.value))}
              />
              <NativeSelect
                label={t('statementEditor.versions.to')}
                data={options}
                value={String(to)}
                onChange={(e) => setTo(Number(e.currentTarget.value))}
              />
            </Group>
            <Compare statementId={detail.id} from={from} to={to} />
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
