// Small labels for people: role, account status, and a department's display name.
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Department, Role, UserStatus } from '../model.ts';

const roleColours: Record<Role, string> = { admin: 'grape', manager: 'indigo', member: 'blue', reporter: 'cyan', guest: 'gray' };
const statusColours: Record<UserStatus, string> = { invited: 'yellow', active: 'teal', deactivated: 'gray' };

/** A department's name: its own if renamed, else the translated name of its kind. */
export function departmentName(d: Pick<Department, 'name' | 'kind'>, t: TFunction): string {
  if (d.name) return d.name;
  return d.kind ? t(`department.kind.${d.kind}`) : t('common.none');
}

/** A user's role. */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={roleColours[role]}>
      {t(`role.${role}`)}
    </Badge>
  );
}

/** A user's account status. */
export function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={statusColours[status]} data-testid="user-status" data-status={status}>
      {t(`userStatus.${status}`)}
    </Badge>
  );
}
