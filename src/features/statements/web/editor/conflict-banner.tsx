// "Someone saved version N while you were editing": the local text stays in the editor; the choices are to compare
// it with theirs, keep mine (saved as the next version after theirs), or take theirs.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiffView } from './diff-view.tsx';

type Props = {
  /** The version someone else saved. */
  number: number;
  /** Its text, when it has arrived (null while it is being fetched). */
  theirs: string | null;
  /** The text in the editor now. */
  mine: () => string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

/** The conflict banner with its diff dialog. */
export function ConflictBanner({ number, theirs, mine, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useTranslation();
  const [diffOf, setDiffOf] = useState<string | null>(null);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title={t('statementEditor.conflict.title', { number })}
      role="alert"
      data-testid="conflict-banner"
    >
      <Stack gap="xs">
        <Text size="sm">{t('statementEditor.conflict.body')}</Text>
        <Group gap="xs" wrap="wrap">
          <Button size="xs" variant="default" disabled={theirs === null} onClick={() => setDiffOf(mine())}>
            {t('statementEditor.conflict.view')}
          </Button>
          <Button size="xs" color="orange" onClick={onKeepMine}>
            {t('statementEditor.conflict.keepMine')}
          </Button>
          <Button size="xs" variant="outline" color="gray" disabled={theirs === null} onClick={onTakeTheirs}>
            {t('statementEditor.conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={diffOf !== null} onClose={() => setDiffOf(null)} title={t('statementEditor.conflict.diffTitle', { number })} size="xl">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('statementEditor.conflict.direction', { number })}
          </Text>
          {diffOf !== null && theirs !== null ? <DiffView older={theirs} newer={diffOf} /> : null}
        </Stack>
      </Modal>
    </Alert>
  );
}
