// Follow-up actions of a drill: each with its assignee and due date, marked done (guarded by its version); a form
// to add one for those who may manage drills.
import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { useSession } from '../../../../../web/session.ts';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import { usersQuery } from '../../../../people/web/queries.ts';
import { type ActionView, actionsQuery, useAddAction, useUpdateAction } from '../queries.ts';

function AddAction({ drillId }: { drillId: string }) {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const add = useAddAction(drillId);
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const badDate = dueOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(dueOn);
  const submit = async () => {
    try {
      await add.mutateAsync({ title: title.trim(), assigneeId, dueOn: dueOn || null });
      setTitle('');
      setAssigneeId(null);
      setDueOn('');
      notifySuccess(t('drills.report.actionAdded'));
    } catch (err) {
      notifyError(err, t);
    }
  };
  const options = (users.data ?? [])
    .filter((u) => u.status === 'active' && u.role !== 'guest')
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="add-action">
      <Stack gap="xs">
        <TextInput label={t('drills.report.actionTitle')} value={title} maxLength={500} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group gap="sm" grow wrap="wrap" align="flex-start">
          <Select
            label={t('drills.report.assignee')}
            placeholder={t('drills.report.noAssignee')}
            data={options}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            clearable
            miw={180}
          />
          <TextInput
            type="date"
            label={t('drills.report.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={badDate ? t('drills.report.badDate') : undefined}
            miw={160}
          />
        </Group>
        <Group justify="flex-end">
          <Button onClick={() => void submit()} disabled={!title.trim() || badDate} loading={add.isPending}>
            {t('drills.report.addAction')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ActionItem({ action: a, drillId, canManage }: { action: ActionView; drillId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const update = useUpdateAction(drillId);
  // Managers keep the list; the person an action is assigned to may tick it off too.
  const me = useSession().user.id;
  const canToggle = canManage || a.assignee?.id === me;
  const toggle = async (done: boolean) => {
    try {
      await update.mutateAsync({ actionId: a.id, done, expectedVersion: a.version });
    } catch (err) {
      notifyError(err, t);
    }
  };
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="action" data-done={a.doneAt !== null}>
      <Checkbox
        mt={2}
        checked={a.doneAt !== null}
        disabled={!canToggle || update.isPending}
        onChange={(e) => void toggle(e.currentTarget.checked)}
        aria-label={t('drills.report.done')}
      />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} td={a.doneAt ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {a.title}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            a.assignee ? a.assignee.name : t('drills.report.noAssignee'),
            a.dueOn ? t('drills.report.due', { date: a.dueOn }) : null,
            a.doneAt ? t('drills.report.doneAt', { time: formatDateTime(a.doneAt, zone) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}

/** The actions list and, for managers, the form. */
export function ReportActions({ drillId, canManage }: { drillId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const actions = useQuery(actionsQuery(drillId));
  return (
    <Stack gap="sm" data-testid="report-actions">
      <QueryState query={actions}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('drills.report.noActions')}
            </Text>
          ) : (
            <Stack gap="xs">
              {list.map((a) => (
                <ActionItem key={a.id} action={a} drillId={drillId} canManage={canManage} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {canManage ? <AddAction drillId={drillId} /> : null}
    </Stack>
  );
}
