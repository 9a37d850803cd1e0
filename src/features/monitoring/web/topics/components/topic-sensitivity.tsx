// A saved topic's early-warning sensitivity (低 / 一般 / 高): saved at once when changed, read-only for viewers.
import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { type Sensitivity, type Topic, useSaveTopic } from '../queries.ts';

const levels: Sensitivity[] = ['low', 'normal', 'high'];

/** The card with the sensitivity select and what the chosen level means. */
export function SensitivityCard({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const canManage = useCan('topic.manage');
  const save = useSaveTopic();
  const value = topic.sensitivity ?? 'normal';
  const change = (next: string | null) => {
    if (!next || next === value) return;
    save.mutate(
      { id: topic.id, sensitivity: next as Sensitivity },
      { onSuccess: () => notifySuccess(t('monitoring.topics.sensitivity.saved')), onError: (err) => notifyError(err, t) },
    );
  };
  const shown = (save.isPending ? save.variables?.sensitivity : undefined) ?? value;
  return (
    <Paper withBorder p="md" data-testid="topic-sensitivity">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('monitoring.topics.sensitivity.title')}
        </Title>
        <Select
          label={t('monitoring.topics.sensitivity.label')}
          data={levels.map((l) => ({ value: l, label: t(`monitoring.topics.sensitivity.${l}`) }))}
          value={shown}
          onChange={change}
          allowDeselect={false}
          readOnly={!canManage}
          disabled={save.isPending}
          maw={240}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" c="dimmed">
          {t(`monitoring.topics.sensitivity.hint.${shown}`)}
        </Text>
      </Stack>
    </Paper>
  );
}
