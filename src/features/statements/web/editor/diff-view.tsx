// A word-level difference shown as text: insertions on green, deletions struck through in red. React elements
// only (the texts are user content), line breaks kept.
import { Box, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffStats, diffTexts } from '../../diff.ts';

const insStyle = {
  background: 'var(--mantine-color-green-light)',
  color: 'var(--mantine-color-green-light-color)',
  textDecoration: 'none',
  borderRadius: 2,
};
const delStyle = { background: 'var(--mantine-color-red-light)', color: 'var(--mantine-color-red-light-color)', borderRadius: 2 };

/** The difference from `older` to `newer`, with a one-line summary. */
export function DiffView({ older, newer }: { older: string; newer: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffTexts(older, newer), [older, newer]);
  const stats = diffStats(parts);
  return (
    <Box data-testid="diff-view">
      <Text size="xs" c="dimmed" mb={4} data-testid="diff-stats">
        {stats.inserted || stats.deleted ? t('statementEditor.versions.stats', stats) : t('statementEditor.versions.same')} ·{' '}
        {t('statementEditor.diff.legend')}
      </Text>
      <Box
        p="sm"
        style={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
          lineHeight: 1.8,
          maxHeight: '60vh',
          overflowY: 'auto',
        }}
      >
        {parts.map((p, i) =>
          p.op === 'equal' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence for these two texts
            <span key={i}>{p.text}</span>
          ) : p.op === 'insert' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <ins key={i} style={insStyle} data-op="insert">
              {p.text}
            </ins>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <del key={i} style={delStyle} data-op="delete">
              {p.text}
            </del>
          ),
        )}
      </Box>
    </Box>
  );
}
