// One task on the board: what, whose role, who, and its clock (red once overdue); a quick status change for
// those who work the crisis — "blocked" asks why first. A stale version reloads the room with an explanation.
import { Anchor, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlarm, IconChecklist, IconMessage, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { type CrisisTask, type TaskStatus, taskStatuses } from '../../contract.ts';
import { useNow } from '../clock.ts';
import { useRoomFailure } from '../failure.ts';
import { useUpdateTask } from '../queries.ts';
import { Deadline } from './deadline.tsx';
import { Checklist } from './task-drawer.tsx';

function BlockForm({ task, onBlock, onClose }: { task: CrisisTask; onBlock: (reason: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    setPending(true);
    try {
      await onBlock(v.reason.trim());
    } finally {
      setPending(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('crises.tasks.blockIntro', { title: task.title })}
        </Text>
        <Textarea
          label={t('crises.tasks.blockReason')}
          placeholder={t('crises.tasks.blockPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={pending}>
            {t('crises.tasks.blockSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The status select (a native one: a phone shows its own picker). */
function StatusSelect({ crisisId, task }: { crisisId: string; task: CrisisTask }) {
  const { t } = useTranslation();
  const update = useUpdateTask(crisisId);
  const fail = useRoomFailure('crises.tasks.stale');
  const [blocking, setBlocking] = useState(false);
  const move = async (status: TaskStatus, blockedReason?: string) => {
    try {
      await update.mutateAsync({ taskId: task.id, version: task.version, status, ...(blockedReason ? { blockedReason } : {}) });
      notifySuccess(t('crises.tasks.moved', { title: task.title, status: t(`crises.taskStatus.${status}`) }));
      setBlocking(false);
    } catch (err) {
      fail(err);
      setBlocking(false);
    }
  };
  return (
    <>
      <NativeSelect
        size="xs"
        aria-label={t('crises.tasks.statusOf', { title: task.title })}
        value={task.status}
        disabled={update.isPending}
        data={taskStatuses.map((s) => ({ value: s, label: t(`crises.taskStatus.${s}`) }))}
        onChange={(e) => {
          const s = e.currentTarget.value as TaskStatus;
          if (s === 'blocked') setBlocking(true);
          else if (s !== task.status) void move(s);
        }}
        w={110}
        style={{ flex: 'none' }}
      />
      <Modal opened={blocking} onClose={() => setBlocking(false)} title={t('crises.tasks.blockTitle')} centered>
        {blocking ? <BlockForm task={task} onBlock={(r) => move('blocked', r)} onClose={() => setBlocking(false)} /> : null}
      </Modal>
    </>
  );
}

/** A task card; its title opens the task (checklist, edit, comments). */
export function TaskCard({
  crisisId,
  task,
  canWork,
  comments = 0,
  showChecklist = false,
  onOpen,
}: {
  crisisId: string;
  task: CrisisTask;
  canWork: boolean;
  comments?: number;
  /** Show the checklist on the card, to tick (my tasks). */
  showChecklist?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const now = useNow(15_000);
  const done = task.status === 'done';
  const overdue = !done && task.dueAt !== null && new Date(task.dueAt).getTime() < now;
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      data-testid="task-card"
      data-task-status={task.status}
      data-task-title={task.title}
      data-overdue={overdue}
      style={{
        borderColor: overdue ? 'var(--mantine-color-red-6)' : undefined,
        background: overdue ? 'var(--mantine-color-red-light)' : undefined,
        opacity: done ? 0.75 : 1,
        height: '100%',
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={600}
            c="var(--mantine-color-text)"
            td={done ? 'line-through' : undefined}
            ta="left"
            onClick={onOpen}
            aria-label={t('crises.tasks.open', { title: task.title })}
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
            data-testid="task-open"
          >
            {task.title}
          </Anchor>
          {canWork ? <StatusSelect crisisId={crisisId} task={task} /> : null}
        </Group>
        {task.detail ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {task.detail}
          </Text>
        ) : null}
        <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
          {task.role ? (
            <Badge variant="light" color="grape" tt="none" size="sm">
              {t(`crises.role.${task.role}`)}
            </Badge>
          ) : null}
          <Text size="xs" c={task.assigneeName ? undefined : 'dimmed'} style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
            <IconUser size={12} aria-hidden />
            {task.assigneeName ?? t('crises.tasks.unassigned')}
          </Text>
          {task.checklist.length ? (
            <Text
              size="xs"
              c={task.checklist.every((x) => x.done) ? 'teal' : 'dimmed'}
              style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
              data-testid="task-checklist-progress"
            >
              <IconChecklist size={12} aria-hidden />
              {t('crises.tasks.checklistProgress', { done: task.checklist.filter((x) => x.done).length, total: task.checklist.length })}
            </Text>
          ) : null}
          {comments ? (
            <Text size="xs" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
              <IconMessage size={12} aria-hidden />
              {t('crises.tasks.commentCount', { count: comments })}
            </Text>
          ) : null}
          {overdue && task.escalatedAt ? (
            <Badge size="xs" color="red" variant="light" tt="none" leftSection={<IconAlarm size={10} />} data-testid="task-escalated">
              {t('crises.tasks.escalated')}
            </Badge>
          ) : null}
        </Group>
        {done ? (
          <Text size="xs" c="dimmed">
            {t('crises.tasks.doneAt', { time: formatDateTime(task.doneAt, zone) })}
          </Text>
        ) : task.dueAt ? (
          <Deadline dueAt={task.dueAt} size="xs" testId="task-due" />
        ) : (
          <Text size="xs" c="dimmed">
            {t('crises.tasks.noDue')}
          </Text>
        )}
        {showChecklist && task.checklist.length ? <Checklist crisisId={crisisId} task={task} canWork={canWork} compact /> : null}
        {task.status === 'blocked' && task.blockedReason ? (
          <Text size="xs" c="orange.8" style={{ overflowWrap: 'anywhere' }} data-testid="task-blocked-reason">
            {t('crises.tasks.blockedBecause', { reason: task.blockedReason })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
