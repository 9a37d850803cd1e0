// The task board: the crisis's tasks grouped by state (to do, doing, blocked, done), each group a grid of cards
// (one column on a phone), soonest deadline first, with "新增任務" for those who work the crisis.
import { Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import { usersQuery } from '../../../people/web/queries.ts';
import { type CrisisDetail, type CrisisTask, type TaskStatus, type TeamRole, taskStatuses, teamRoles } from '../../contract.ts';
import { durationText } from '../clock.ts';
import { useRoomFailure } from '../failure.ts';
import { useAddTask } from '../queries.ts';
import { TaskCard } from './task-card.tsx';

const DUE_PRESETS = [15, 30, 60, 120, 240, 1440];
const columnColor: Record<TaskStatus, string> = { todo: 'gray', doing: 'blue', blocked: 'orange', done: 'teal' };

const dueTime = (x: CrisisTask) => (x.dueAt ? new Date(x.dueAt).getTime() : Number.POSITIVE_INFINITY);

/** Tasks of one state, the soonest deadline first (done ones: the latest done first). */
export function tasksIn(tasks: CrisisTask[], status: TaskStatus): CrisisTask[] {
  const list = tasks.filter((x) => x.status === status);
  if (status === 'done') return list.sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
  return list.sort((a, b) => dueTime(a) - dueTime(b));
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
  const people = (users.data ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.name }));
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

/** The board. */
export function TaskBoard({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const canWork = crisis.can.work;
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
      <Stack gap="lg">
        {taskStatuses.map((s) => {
          const tasks = tasksIn(crisis.tasks, s);
          return (
            <Stack key={s} gap="xs" data-testid={`task-column-${s}`} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {t(`crises.taskStatus.${s}`)}
                </Text>
                <Badge size="sm" variant="light" color={columnColor[s]} circle={tasks.length < 10}>
                  {tasks.length}
                </Badge>
                {tasks.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('crises.tasks.none')}
                  </Text>
                ) : null}
              </Group>
              {tasks.length > 0 ? (
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
                  {tasks.map((task) => (
                    <TaskCard key={task.id} crisisId={crisis.id} task={task} canWork={canWork} />
                  ))}
                </SimpleGrid>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('crises.tasks.addTitle')} centered>
        {adding ? <AddTaskForm crisis={crisis} onClose={() => setAdding(false)} /> : null}
      </Modal>
    </Card>
  );
}
