// The task board: the crisis's tasks grouped by state (to do, doing, blocked, done), each group a grid of cards
// (one column on a phone), soonest deadline first, with "新增任務" for those who work the crisis.
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { useCan, useSession } from '../../../../web/session.ts';
import { usersQuery } from '../../../people/web/queries.ts';
import { type CrisisDetail, type CrisisTask, type TaskStatus, type TeamRole, taskStatuses, teamRoles } from '../../contract.ts';
import { durationText } from '../clock.ts';
import { useRoomFailure } from '../failure.ts';
import { useAddTask } from '../queries.ts';
import { TaskCard } from './task-card.tsx';
import { TaskDrawer } from './task-drawer.tsx';

const DUE_PRESETS = [15, 30, 60, 120, 240, 1440];
const columnColor: Record<TaskStatus, string> = { todo: 'gray', doing: 'blue', blocked: 'orange', done: 'teal' };

const dueTime = (x: CrisisTask) => (x.dueAt ? new Date(x.dueAt).getTime() : Number.POSITIVE_INFINITY);

/** Tasks of one state, the soonest deadline first (done ones: the latest done first). */
export function tasksIn(tasks: CrisisTask[], status: TaskStatus): CrisisTask[] {
  const list = tasks.filter((x) => x.status === status);
  if (status === 'done') return list.sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
  return list.sort((a, b) => dueTime(a) - dueTime(b));
}

/** Tasks of one role (null: no role), open ones first by deadline, then done ones. */
export function tasksOfRole(tasks: CrisisTask[], role: TeamRole | null): CrisisTask[] {
  return tasks
    .filter((x) => x.role === role)
    .sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done') || dueTime(a) - dueTime(b));
}

type TaskValues = { title: string; detail: string; role: string | null; assigneeId: string | null; due: string | null };

function AddTaskForm({ crisis, onClose }: { crisis: CrisisDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddTask(crisis.id);
  const fail = useRoomFailure();
  const listsUsers = useCan('user.list');
  const users = useQuery({ ...usersQuery, enabled: listsUsers });
  const form = useForm<TaskValues>({
    initialValues: { title: '', detail: '', role: null, assigneeId: null, due: '60' },
    validate: { title: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    const detail = v.detail.trim();
    try {
      await add.mutateAsync({
        title: v.title.trim(),
        ...(detail ? { detail } : {}),
        ...(v.role ? { role: v.role as TeamRole } : {}),
        ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}),
        ...(v.due ? { dueAt: new Date(Date.now() + Number(v.due) * 60_000).toISOString() } : {}),
      });
      notifySuccess(t('crises.tasks.added'));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  // Only people on the team can be assigned (the server refuses others).
  const people = [...new Map(crisis.team.map((m) => [m.userId, m.name]))].map(([value, label]) => ({ value, label }));
  void users;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('crises.tasks.name')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
        <Textarea
          label={`${t('crises.tasks.detail')} ${t('common.optional')}`}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('detail')}
        />
        <Select
          label={t('crises.tasks.role')}
          placeholder={t('crises.tasks.rolePlaceholder')}
          data={teamRoles.map((r) => ({ value: r, label: t(`crises.role.${r}`) }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        {listsUsers ? (
          <Select
            label={t('crises.tasks.assignee')}
            placeholder={t('crises.tasks.assigneePlaceholder')}
            data={people}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('assigneeId')}
          />
        ) : null}
        <Select
          label={t('crises.tasks.due')}
          data={[...DUE_PRESETS.map((m) => ({ value: String(m), label: t('crises.tasks.dueIn', { label: durationText(m * 60_000, t) }) }))]}
          placeholder={t('crises.tasks.dueNone')}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('due')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('crises.tasks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type TaskGroup = { key: string; label: string; color: string; tasks: CrisisTask[] };

/** The board: by state or by role; all tasks, or "my tasks" (the roles I hold and what is assigned to me) with their checklists. */
export function TaskBoard({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const me = useSession().user.id;
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const myRoles = crisis.team.filter((m) => m.userId === me).map((m) => m.role);
  const [show, setShow] = useState<'all' | 'mine'>('all');
  const [by, setBy] = useState<'status' | 'role'>('status');
  const canWork = crisis.can.work;
  const mine = (x: CrisisTask) => x.assigneeId === me || (x.role !== null && myRoles.includes(x.role));
  const tasks = show === 'mine' ? crisis.tasks.filter(mine) : crisis.tasks;
  const commentCount = new Map<string, number>();
  for (const c of crisis.comments) commentCount.set(c.taskId, (commentCount.get(c.taskId) ?? 0) + 1);
  const groups: TaskGroup[] =
    by === 'status'
      ? taskStatuses.map((st) => ({ key: st, label: t(`crises.taskStatus.${st}`), color: columnColor[st], tasks: tasksIn(tasks, st) }))
      : [...teamRoles, null]
          .map((r) => ({
            key: r ?? 'none',
            label: r ? t(`crises.role.${r}`) : t('crises.tasks.noRole'),
            color: r && myRoles.includes(r) ? 'grape' : 'gray',
            tasks: tasksOfRole(tasks, r),
          }))
          .filter((g) => g.tasks.length > 0)
          // The roles I hold first.
          .sort((a, b) => Number(!myRoles.includes(a.key as TeamRole)) - Number(!myRoles.includes(b.key as TeamRole)));
  const open = crisis.tasks.find((x) => x.id === openId) ?? null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="task-board">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4">
          {t('crises.tasks.title')}
        </Title>
        {canWork && crisis.status !== 'closed' ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('crises.tasks.add')}
          </Button>
        ) : null}
      </Group>
      <Group gap="xs" mb="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('crises.tasks.show')}
          value={show}
          onChange={(v) => setShow(v as 'all' | 'mine')}
          data={[
            { value: 'all', label: t('crises.tasks.all') },
            { value: 'mine', label: `${t('crises.tasks.mine')} (${crisis.tasks.filter(mine).filter((x) => x.status !== 'done').length})` },
          ]}
          data-testid="task-show"
        />
        <SegmentedControl
          size="xs"
          aria-label={t('crises.tasks.groupBy')}
          value={by}
          onChange={(v) => setBy(v as 'status' | 'role')}
          data={[
            { value: 'status', label: t('crises.tasks.byStatus') },
            { value: 'role', label: t('crises.tasks.byRole') },
          ]}
          data-testid="task-group-by"
        />
      </Group>
      {show === 'mine' ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid="my-tasks-intro">
          {tasks.length === 0
            ? t('crises.tasks.mineEmpty')
            : myRoles.length
              ? t('crises.tasks.mineIntro', { roles: myRoles.map((r) => t(`crises.role.${r}`)).join('、') })
              : t('crises.tasks.mineNoRole')}
        </Text>
      ) : null}
      <Stack gap="lg">
        {groups.map((g) => (
          <Stack key={g.key} gap="xs" data-testid={by === 'status' ? `task-column-${g.key}` : `task-role-${g.key}`} style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text fw={600} size="sm">
                {g.label}
              </Text>
              <Badge size="sm" variant="light" color={g.color} circle={g.tasks.length < 10}>
                {g.tasks.length}
              </Badge>
              {g.tasks.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('crises.tasks.none')}
                </Text>
              ) : null}
            </Group>
            {g.tasks.length > 0 ? (
              <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm" verticalSpacing="sm">
                {g.tasks.map((task) => (
                  <TaskCard
                    key={task.id}
                    crisisId={crisis.id}
                    task={task}
                    canWork={canWork}
                    comments={commentCount.get(task.id) ?? 0}
                    showChecklist={show === 'mine'}
                    onOpen={() => setOpenId(task.id)}
                  />
                ))}
              </SimpleGrid>
            ) : null}
          </Stack>
        ))}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('crises.tasks.addTitle')} centered>
        {adding ? <AddTaskForm crisis={crisis} onClose={() => setAdding(false)} /> : null}
      </Modal>
      <TaskDrawer crisis={crisis} task={open} onClose={() => setOpenId(null)} />
    </Card>
  );
}
