// The two notices every configuration editor shows: someone else saved meanwhile (reload), and what is wrong
// with the edits before they can be saved.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "Someone else changed this meanwhile", with a reload button. */
export function ConflictAlert({ message, onReload, testId }: { message: string; onReload: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" data-testid={testId}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onReload}>
          {t('crisisConfig.editor.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The problems that keep the edits from being saved (nothing when there are none). */
export function ProblemsAlert({ problems, testId }: { problems: string[]; testId?: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('crisisConfig.editor.problems')} data-testid={testId}>
      <Stack gap={2}>
        {problems.map((p) => (
          <Text key={p} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {p}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
