// Shows a freshly made invite link once, with a copy button.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { CopyField } from '../../../../web/ui/copy-field.tsx';
import { useLastDefined } from '../../../../web/ui/use-last.ts';
import type { Invite } from '../queries.ts';

/** The invite link dialog (the link is not stored anywhere it could be shown again). */
export function InviteLinkModal({ invite, onClose }: { invite: Invite | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useLastDefined(invite);
  return (
    <Modal opened={invite !== null} onClose={onClose} title={t('users.inviteTitle')} centered size="lg">
      {shown ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />}>
            <Text size="sm">{t('users.inviteBody', { name: shown.user.name, expires: formatDateTime(shown.expiresAt) })}</Text>
          </Alert>
          <CopyField label={t('users.inviteLink')} value={shown.inviteUrl} testId="invite-link" />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
