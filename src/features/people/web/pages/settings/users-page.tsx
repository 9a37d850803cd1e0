// Settings → Users: the organisation's people; administrators add, edit, deactivate and re-invite.
import { Box, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { useCan, useSession } from '../../../../../web/session.ts';
import { ConfirmDialog } from '../../../../../web/ui/confirm-button.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { useLastDefined } from '../../../../../web/ui/use-last.ts';
import { departmentName, RoleBadge, StatusBadge } from '../../components/badges.tsx';
import { InviteLinkModal } from '../../components/invite-link-modal.tsx';
import { UserActions } from '../../components/user-actions.tsx';
import { UserCards } from '../../components/user-cards.tsx';
import { UserFormModal } from '../../components/user-form-modal.tsx';
import type { User } from '../../model.ts';
import { departmentsQuery, type Invite, useReinvite, usersQuery, useSetUserActive } from '../../queries.ts';

/** The users list. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const manage = useCan('user.manage');
  const users = useQuery(usersQuery);
  const departments = useQuery({ ...departmentsQuery, enabled: useCan('department.list') });
  const setActive = useSetUserActive();
  const reinvite = useReinvite();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const confirming = useLastDefined(toggling);
  const deptById = new Map((departments.data ?? []).map((d) => [d.id, d]));
  const deptLabel = (id: string | null) => {
    const d = id ? deptById.get(id) : undefined;
    return d ? departmentName(d, t) : t('common.none');
  };
  const toggle = async (u: User) => {
    const active = u.status === 'deactivated';
    try {
      const updated = await setActive.mutateAsync({ id: u.id, active });
      notifySuccess(t(active ? 'users.reactivated' : 'users.deactivated', { name: updated.name }));
    } catch (err) {
      notifyError(err, t);
      throw err;
    }
  };
  const regenerate = (u: User) => reinvite.mutate(u.id, { onSuccess: (inv) => setInvite(inv), onError: (err) => notifyError(err, t) });

  return (
    <RequirePermission permission="user.list">
      <Stack>
        <PageHeader
          title={t('users.title')}
          description={manage ? undefined : t('common.readOnly')}
          actions={
            manage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('users.create')}
              </Button>
            ) : null
          }
        />
        <QueryState query={users}>
          {(list) => (
            <>
              <Box hiddenFrom="sm">
                <UserCards
                  users={list}
                  meId={session.user.id}
                  departmentLabel={deptLabel}
                  actions={
                    manage
                      ? (u) => (
                          <UserActions
                            user={u}
                            onEdit={() => setEditing(u)}
                            onToggle={() => setToggling(u)}
                            onReinvite={() => regenerate(u)}
                          />
                        )
                      : undefined
                  }
                />
              </Box>
              <Table.ScrollContainer minWidth={760} visibleFrom="sm">
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('field.name')}</Table.Th>
                      <Table.Th>{t('field.role')}</Table.Th>
                      <Table.Th>{t('field.department')}</Table.Th>
                      <Table.Th>{t('field.status')}</Table.Th>
                      <Table.Th>{t('field.lastSignIn')}</Table.Th>
                      {manage ? <Table.Th aria-label={t('common.actions')} /> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((u) => (
                      <Table.Tr key={u.id} data-testid="user-row" data-email={u.email}>
                        <Table.Td>
                          <Text fw={500} size="sm">
                            {u.id === session.user.id ? t('users.nameYou', { name: u.name }) : u.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {u.email}
                            {u.title ? ` · ${u.title}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <RoleBadge role={u.role} />
                        </Table.Td>
                        <Table.Td>{deptLabel(u.departmentId)}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={u.status} />
                        </Table.Td>
                        <Table.Td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('common.none')}</Table.Td>
                        {manage ? (
                          <Table.Td ta="right">
                            {u.id === session.user.id ? null : (
                              <UserActions
                                user={u}
                                onEdit={() => setEditing(u)}
                                onToggle={() => setToggling(u)}
                                onReinvite={() => regenerate(u)}
                              />
                            )}
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </QueryState>
      </Stack>
      <UserFormModal target={editing} departments={departments.data ?? []} onClose={() => setEditing(null)} onInvite={setInvite} />
      <InviteLinkModal invite={invite} onClose={() => setInvite(null)} />
      <ConfirmDialog
        opened={toggling !== null}
        onClose={() => setToggling(null)}
        color={confirming?.status === 'deactivated' ? 'teal' : 'red'}
        message={
          confirming
            ? t(confirming.status === 'deactivated' ? 'users.reactivateConfirm' : 'users.deactivateConfirm', { name: confirming.name })
            : ''
        }
        confirmLabel={confirming?.status === 'deactivated' ? t('users.reactivate') : t('users.deactivate')}
        onConfirm={() => (toggling ? toggle(toggling) : Promise.resolve())}
      />
    </RequirePermission>
  );
}
