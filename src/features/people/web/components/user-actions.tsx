// The per-user action menu: edit, new invite link, deactivate or reactivate.
import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconEdit, IconLink, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../model.ts';

/** The "..." menu on a user row or card (administrators only). */
export function UserActions({
  user,
  onEdit,
  onToggle,
  onReinvite,
}: {
  user: User;
  onEdit: () => void;
  onToggle: () => void;
  onReinvite: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: user.name })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEdit size={14} />} onClick={onEdit}>
          {t('common.edit')}
        </Menu.Item>
        {user.status === 'invited' ? (
          <Menu.Item leftSection={<IconLink size={14} />} onClick={onReinvite}>
            {t('users.regenerate')}
          </Menu.Item>
        ) : null}
        {user.status === 'deactivated' ? (
          <Menu.Item leftSection={<IconUserCheck size={14} />} onClick={onToggle}>
            {t('users.reactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserOff size={14} />} color="red" onClick={onToggle}>
            {t('users.deactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
