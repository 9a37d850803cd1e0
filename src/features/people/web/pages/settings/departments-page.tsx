// Settings → Departments: names and member counts; administrators add, rename, reset and archive.
import { ActionIcon, Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconDots, IconEdit, IconPlus, IconRestore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { ConfirmDialog } from '../../../../../web/ui/confirm-button.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { useLastDefined } from '../../../../../web/ui/use-last.ts';
import { departmentName } from '../../components/badges.tsx';
import { DepartmentNameModal } from '../../components/department-name-modal.tsx';
import type { Department } from '../../model.ts';
import { departmentsQuery, useCreateDepartment, useUpdateDepartment } from '../../queries.ts';

/** The departments list. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const manage = useCan('department.manage');
  const departments = useQuery(departmentsQuery);
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [naming, setNaming] = useState<Department | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Department | null>(null);

  const namingShown = useLastDefined(naming);
  const archivingShown = useLastDefined(archiving);
  const change = async (d: Department, patch: { name?: string | null; archived?: boolean }, message: string) => {
    try {
      await update.mutateAsync({ id: d.id, ...patch });
      notifySuccess(message);
    } catch (err) {
      notifyError(err, t);
      throw err;
    }
  };
  const saveName = async (name: string) => {
    if (naming === 'new') {
      await create.mutateAsync({ name });
      notifySuccess(t('departments.added'));
    } else if (naming) {
      await update.mutateAsync({ id: naming.id, name });
      notifySuccess(t('departments.renamed'));
    }
  };

  return (
    <RequirePermission permission="department.list">
      <Stack>
        <PageHeader
          title={t('departments.title')}
          description={manage ? undefined : t('common.readOnly')}
          actions={
            manage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setNaming('new')}>
                {t('departments.add')}
              </Button>
            ) : null
          }
        />
        <QueryState query={departments}>
          {(list) => (
            <Table.ScrollContainer minWidth={420}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.department')}</Table.Th>
                    <Table.Th>{t('field.members')}</Table.Th>
                    {manage ? <Table.Th aria-label={t('common.actions')} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((d) => (
                    <Table.Tr key={d.id} style={d.archived ? { opacity: 0.6 } : undefined}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" fw={500}>
                            {departmentName(d, t)}
                          </Text>
                          {d.archived ? (
                            <Badge color="gray" variant="light">
                              {t('departments.archived')}
                            </Badge>
                          ) : null}
                        </Group>
                        {d.name && d.kind ? (
                          <Text size="xs" c="dimmed">
                            {t(`department.kind.${d.kind}`)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{d.memberCount}</Table.Td>
                      {manage ? (
                        <Table.Td ta="right">
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: departmentName(d, t) })}>
                                <IconDots size={18} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setNaming(d)}>
                                {t('departments.rename')}
                              </Menu.Item>
                              {d.kind && d.name ? (
                                <Menu.Item
                                  leftSection={<IconArrowBackUp size={14} />}
                                  onClick={() => void change(d, { name: null }, t('departments.updated')).catch(() => {})}
                                >
                                  {t('departments.resetName')}
                                </Menu.Item>
                              ) : null}
                              {d.archived ? (
                                <Menu.Item
                                  leftSection={<IconRestore size={14} />}
                                  onClick={() => void change(d, { archived: false }, t('departments.updated')).catch(() => {})}
                                >
                                  {t('departments.unarchive')}
                                </Menu.Item>
                              ) : (
                                <Menu.Item leftSection={<IconArchive size={14} />} color="red" onClick={() => setArchiving(d)}>
                                  {t('departments.archive')}
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
      <DepartmentNameModal
        opened={naming !== null}
        title={namingShown === 'new' ? t('departments.add') : t('departments.rename')}
        initialName={naming && naming !== 'new' ? departmentName(naming, t) : ''}
        pending={create.isPending || update.isPending}
        onClose={() => setNaming(null)}
        onSubmit={saveName}
      />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        message={archivingShown ? t('departments.archiveConfirm', { name: departmentName(archivingShown, t) }) : ''}
        confirmLabel={t('departments.archive')}
        onConfirm={() => (archiving ? change(archiving, { archived: true }, t('departments.updated')) : Promise.resolve())}
      />
    </RequirePermission>
  );
}
