// A document's versions: each with its number, note, author and time; view an old version's text, or compare any
// two with the word-level, CJK-aware difference the statement history uses (texts as text, never HTML).
import { Badge, Box, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { DiffView } from '../../../statements/web/editor/diff-view.tsx';
import type { DocumentView } from '../../contract.ts';
import { type DocumentVersion, versionQuery, versionsQuery } from '../queries.ts';

const textBox = {
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  border: '1px solid var(--mantine-color-default-border)',
  borderRadius: 'var(--mantine-radius-sm)',
  maxHeight: '60vh',
  overflowY: 'auto',
} as const;

/** One version's title and text. */
function VersionText({ docId, n }: { docId: string; n: number }) {
  const v = useQuery(versionQuery(docId, n));
  return (
    <QueryState query={v}>
      {(x) => (
        <Stack gap="xs" data-testid="version-text">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {x.title}
          </Text>
          <Box p="sm" style={textBox}>
            {x.body}
          </Box>
        </Stack>
      )}
    </QueryState>
  );
}

/** The difference between two versions' texts (the title too, when it changed). */
function VersionDiff({ docId, from, to }: { docId: string; from: number; to: number }) {
  const a = useQuery(versionQuery(docId, from));
  const b = useQuery(versionQuery(docId, to));
  return (
    <QueryState query={a}>
      {(older) => (
        <QueryState query={b}>
          {(newer) => (
            <Stack gap="xs">
              {older.title !== newer.title ? <DiffView older={older.title} newer={newer.title} /> : null}
              <DiffView older={older.body} newer={newer.body} />
            </Stack>
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

/** Compare any two versions (from older to newer). */
function CompareModal({
  d,
  versions,
  from,
  onClose,
}: {
  d: DocumentView;
  versions: DocumentVersion[];
  from: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const left = a ?? from ?? Math.max(1, d.currentVersion - 1);
  const right = b ?? d.currentVersion;
  const options = versions.map((v) => ({ value: String(v.number), label: t('documents.versions.numbered', { number: v.number }) }));
  return (
    <Modal opened={from !== null} onClose={onClose} title={t('documents.versions.comparing', { from: left, to: right })} size="xl" centered>
      <Stack gap="sm">
        <Group gap="xs" grow>
          <Select
            aria-label={t('documents.versions.from')}
            data={options}
            value={String(left)}
            onChange={(v) => v && setA(Number(v))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="compare-from"
          />
          <Select
            aria-label={t('documents.versions.to')}
            data={options}
            value={String(right)}
            onChange={(v) => v && setB(Number(v))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="compare-to"
          />
        </Group>
        <VersionDiff docId={d.id} from={left} to={right} />
      </Stack>
    </Modal>
  );
}

/** The versions panel of a document. */
export function VersionsPanel({ d }: { d: DocumentView }) {
  const { t } = useTranslation();
  const versions = useQuery(versionsQuery(d.id));
  const [viewing, setViewing] = useState<number | null>(null);
  const [comparing, setComparing] = useState<number | null>(null);
  return (
    <Paper withBorder p="md" radius="md" data-testid="versions-panel">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('documents.versions.title')}
        </Title>
        <QueryState query={versions}>
          {(rows) => (
            <Stack gap="xs">
              {rows.map((v) => (
                <Paper key={v.number} withBorder p="xs" radius="sm" data-testid="version-row" data-number={v.number}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                      <Group gap="xs">
                        <Text fw={600} size="sm">
                          {t('documents.versions.numbered', { number: v.number })}
                        </Text>
                        {v.number === d.currentVersion ? (
                          <Badge size="xs" variant="light">
                            {t('documents.versions.current')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }} c={v.note ? undefined : 'dimmed'}>
                        {v.note ?? t('documents.versions.noNote')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('documents.versions.by', { name: v.createdBy ?? '—', time: formatDateTime(v.createdAt) })} ·{' '}
                        {t('documents.versions.files', { count: v.attachmentIds.length })}
                      </Text>
                    </Stack>
                    <Group gap={4}>
                      <Button size="compact-sm" variant="default" onClick={() => setViewing(v.number)} data-testid="version-view">
                        {t('documents.versions.view')}
                      </Button>
                      {v.number !== d.currentVersion ? (
                        <Button size="compact-sm" variant="light" onClick={() => setComparing(v.number)} data-testid="version-compare">
                          {t('documents.versions.compareWith')}
                        </Button>
                      ) : null}
                    </Group>
                  </Group>
                </Paper>
              ))}
              <Modal
                opened={viewing !== null}
                onClose={() => setViewing(null)}
                title={t('documents.versions.viewing', { number: viewing ?? 0 })}
                size="xl"
                centered
              >
                {viewing !== null ? <VersionText docId={d.id} n={viewing} /> : null}
              </Modal>
              {comparing !== null ? <CompareModal d={d} versions={rows} from={comparing} onClose={() => setComparing(null)} /> : null}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
