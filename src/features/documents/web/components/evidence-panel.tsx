// What an evidence document proves: where it came from (the source URL as text — never a live link, never
// fetched), when it was captured (UTC and local), by whom, the SHA-256 of the captured text and of each file,
// the captured text itself, and the chain of custody from the hash-chained event spine.
import { Box, Code, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import type { DocumentView, Evidence } from '../../contract.ts';
import { flatten } from '../files.ts';
import { custodyQuery } from '../queries.ts';

/** An ISO time as exact UTC (evidence wants the second, not "5 minutes ago"). */
export function utcText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : `${d
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')} UTC`;
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Box style={{ overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>{children}</Box>
    </Stack>
  );
}

/** The chain of custody table (scrolls sideways on a phone, inside its own box). */
function CustodyTable({ docId }: { docId: string }) {
  const { t } = useTranslation();
  const custody = useQuery(custodyQuery(docId));
  return (
    <Stack gap="xs" data-testid="custody">
      <Title order={4} size="h6">
        {t('documents.evidence.custody.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('documents.evidence.custody.intro')}
      </Text>
      <QueryState query={custody}>
        {(rows) =>
          rows.length === 0 ? (
            <Text size="sm">{t('documents.evidence.custody.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped withTableBorder fz="xs" data-testid="custody-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('documents.evidence.custody.eventId')}</Table.Th>
                    <Table.Th>{t('documents.evidence.custody.at')}</Table.Th>
                    <Table.Th>{t('documents.evidence.custody.type')}</Table.Th>
                    <Table.Th>{t('documents.evidence.custody.actor')}</Table.Th>
                    <Table.Th>{t('documents.evidence.custody.ip')}</Table.Th>
                    <Table.Th>{t('documents.evidence.custody.hash')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.eventId} data-testid="custody-row" data-type={r.type}>
                      <Table.Td>{r.eventId}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{utcText(r.at)}</Table.Td>
                      <Table.Td>{t(`documents.custodyTypes.${r.type}`, { defaultValue: r.type })}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {r.actor.label ?? (r.actor.type === 'system' ? t('documents.evidence.custody.system') : (r.actor.id ?? '—'))}
                      </Table.Td>
                      <Table.Td>{r.ip ?? '—'}</Table.Td>
                      <Table.Td>
                        <Text ff="monospace" size="xs" title={r.hash}>
                          {r.hash.slice(0, 16)}…
                        </Text>
                      </Table.Td>
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

/** The evidence panel of an evidence document. */
export function EvidencePanel({ d, e }: { d: DocumentView; e: Evidence }) {
  const { t } = useTranslation();
  const files = d.attachments.filter((a) => a.removedInVersion === null);
  return (
    <Paper withBorder p="md" radius="md" data-testid="evidence-panel">
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('documents.evidence.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('documents.evidence.sourceUrl')} testId="evidence-source">
            {e.sourceUrl ? (
              <>
                {/* Text, not a link: opening it is a deliberate copy-and-paste, and nothing here fetches it. */}
                <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.sourceUrl}</Code>
                <Text size="xs" c="dimmed">
                  {t('documents.evidence.sourceUrlHint')}
                </Text>
              </>
            ) : (
              t('documents.evidence.noSource')
            )}
          </Field>
          {e.mentionId !== null ? <Field label={t('documents.evidence.mention')}>{e.mentionId}</Field> : null}
          <Field label={t('documents.evidence.capturedAt')} testId="evidence-captured-at">
            <Text size="sm" ff="monospace">
              {utcText(e.capturedAt)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('documents.evidence.local')}: {formatDateTime(e.capturedAt)}
            </Text>
          </Field>
          <Field label={t('documents.evidence.capturedBy')}>{e.capturedBy ?? '—'}</Field>
        </SimpleGrid>
        <Field label={t('documents.evidence.textSha256')} testId="evidence-sha256">
          <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{e.textSha256}</Code>
        </Field>
        {files.length > 0 ? (
          <Field label={t('documents.evidence.fileHashes')} testId="evidence-file-hashes">
            <Stack gap={4}>
              {files.map((a) => (
                <Box key={a.id}>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {a.name ?? t('documents.attachments.unnamed')}
                  </Text>
                  <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{a.sha256}</Code>
                </Box>
              ))}
            </Stack>
          </Field>
        ) : null}
        {Object.keys(e.metadata).length > 0 ? (
          <Field label={t('documents.evidence.metadata')} testId="evidence-metadata">
            <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) 1fr', gap: '2px 12px' }}>
              {flatten(e.metadata).map(([k, v]) => (
                <Fragment key={k}>
                  <Text component="dt" size="xs" c="dimmed" ff="monospace">
                    {k}
                  </Text>
                  <Text component="dd" size="xs" m={0} ff="monospace" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                    {v}
                  </Text>
                </Fragment>
              ))}
            </Box>
          </Field>
        ) : null}
        <Field label={t('documents.evidence.capturedText')}>
          <Box
            p="sm"
            style={{
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-sm)',
              maxHeight: '40vh',
              overflowY: 'auto',
            }}
            data-testid="evidence-text"
          >
            {e.capturedText}
          </Box>
        </Field>
        <CustodyTable docId={d.id} />
      </Stack>
    </Paper>
  );
}
