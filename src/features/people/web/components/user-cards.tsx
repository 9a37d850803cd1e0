// Users as stacked cards, for phones where a wide table does not fit.
import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import type { User } from '../model.ts';
import { RoleBadge, StatusBadge } from './badges.tsx';

type Props = {
  users: User[];
  meId: string;
  departmentLabel: (id: string | null) => string;
  /** The action menu for a user other than oneself (absent when read-only). */
  actions?: (user: User) => ReactNode;
};

/** One card per user: name, e-mail, role, status, department and last sign-in. */
export function UserCards({ users, meId, departmentLabel, actions }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {users.map((u) => (
        <Paper key={u.id} withBorder p="sm" data-testid="user-card" data-email={u.email}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={500} size="sm">
                {u.id === meId ? t('users.nameYou', { name: u.name }) : u.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {u.email}
              </Text>
            </Stack>
            {actions && u.id !== meId ? actions(u) : null}
          </Group>
          <Group gap="xs" mt="xs">
            <RoleBadge role={u.role} />
            <StatusBadge status={u.status} />
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t('users.departmentLine', { name: departmentLabel(u.departmentId) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('users.lastSignInLine', { when: u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('common.none') })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
