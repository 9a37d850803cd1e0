// A saved topic's actions: archive / unarchive, and re-apply the saved query to stored mentions.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import { type Topic, useReapplyTopic, useSaveTopic } from '../queries.ts';

/** Archive or unarchive (archived topics are not matched against new mentions). */
export function ArchiveButton({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const save = useSaveTopic();
  const set = async (archived: boolean) => {
    try {
      await save.mutateAsync({ id: topic.id, archived });
      notifySuccess(archived ? t('monitoring.topics.archive.archived') : t('monitoring.topics.archive.unarchived'));
    } catch (err) {
      notifyError(err, t);
      throw err;
    }
  };
  if (topic.archived) {
    return (
      <Button
        variant="default"
        leftSection={<IconArchiveOff size={16} />}
        loading={save.isPending}
        onClick={() => void set(false).catch(() => {})}
      >
        {t('monitoring.topics.archive.unarchive')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      variant="default"
      color="orange"
      leftSection={<IconArchive size={16} />}
      message={t('monitoring.topics.archive.confirm', { name: topic.name })}
      onConfirm={() => set(true)}
    >
      {t('monitoring.topics.archive.archive')}
    </ConfirmButton>
  );
}

/** The "re-apply to stored mentions" card, with what it does and when to use it. */
export function ReapplyCard({ topic, unsavedQuery }: { topic: Topic; unsavedQuery: boolean }) {
  const { t } = useTranslation();
  const reapply = useReapplyTopic();
  const run = async () => {
    try {
      const r = await reapply.mutateAsync(topic.id);
      notifySuccess(t('monitoring.topics.reapply.done', { count: r.tagged }));
    } catch (err) {
      notifyError(err, t);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="topic-reapply">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('monitoring.topics.reapply.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('monitoring.topics.reapply.body')}
        </Text>
        {unsavedQuery ? (
          <Alert color="yellow" p="xs">
            {t('monitoring.topics.reapply.unsaved')}
          </Alert>
        ) : null}
        {reapply.data ? (
          <Text size="sm" c="teal" data-testid="topic-reapply-result">
            {t('monitoring.topics.reapply.done', { count: reapply.data.tagged })}
          </Text>
        ) : null}
        <Group>
          <Button variant="light" leftSection={<IconRefresh size={16} />} loading={reapply.isPending} onClick={() => void run()}>
            {t('monitoring.topics.reapply.run')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
