// "Test against the last 7 days": how many stored mentions the draft query matches, and the newest ones.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../../web/ui/query-state.tsx';
import { MentionItem } from '../../mentions/components/mention-item.tsx';
import { fullNumber } from '../../mentions/format.ts';
import { usePreviewTopic } from '../queries.ts';

const SHOWN = 8;

/** The preview card: a button, then the count and sample mentions with the matches marked. */
export function TopicPreview({ query, valid }: { query: string; valid: boolean }) {
  const { t } = useTranslation();
  const preview = usePreviewTopic();
  const [tested, setTested] = useState<string | null>(null);
  const run = () => {
    setTested(query);
    preview.mutate(query);
  };
  const result = preview.data;
  return (
    <Paper withBorder p="md" data-testid="topic-preview">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Title order={3} size="h5">
            {t('monitoring.topics.preview.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('monitoring.topics.preview.intro')}
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconFlask size={16} />} onClick={run} disabled={!valid} loading={preview.isPending}>
          {result ? t('monitoring.topics.preview.rerun') : t('monitoring.topics.preview.run')}
        </Button>
      </Group>
      {!valid ? (
        <Text size="sm" c="dimmed">
          {t('monitoring.topics.preview.invalid')}
        </Text>
      ) : null}
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {result && !preview.isPending ? (
        <Stack gap="sm" data-testid="topic-preview-result" data-count={result.count}>
          {tested !== query ? (
            <Alert color="yellow" p="xs">
              {t('monitoring.topics.preview.stale')}
            </Alert>
          ) : null}
          <Text fw={600}>
            {result.count
              ? t('monitoring.topics.preview.count', { count: result.count, formatted: fullNumber(result.count) })
              : t('monitoring.topics.preview.none')}
          </Text>
          {result.capped ? (
            <Text size="xs" c="orange">
              {t('monitoring.topics.preview.capped')}
            </Text>
          ) : null}
          {result.sample.length ? (
            <>
              <Text size="sm" c="dimmed">
                {t('monitoring.topics.preview.sample', { count: Math.min(SHOWN, result.sample.length) })}
              </Text>
              {result.sample.slice(0, SHOWN).map((m) => (
                <MentionItem key={m.id} m={m} dense={false} />
              ))}
            </>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
