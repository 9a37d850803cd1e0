// One task opened from the board: its checklist (ticked at once, versioned like the task), the edit form (title,
// details, status with the reason when blocked, role, assignee from the team, due time) and its comments with the
// @mention composer. It follows the live room: what others change shows here; saving over a newer version is
// refused by the server (409) and the room reloads with an explanation.
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  NativeSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { CrisisDetail, CrisisTask, TaskComment, TaskStatus, TeamRole } from '../../contract.ts';
import { taskStatuses, teamRoles } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { type TaskChange, useUpdateTask } from '../queries.ts';
import { MentionBox } from './mention-box.tsx';
import { When } from './when.tsx';

/** An ISO time as the value of a datetime-local input (the browser's zone), and back. */
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (v: string) => (v ? new Date(v).toISOString() : null);

/** A task's checklist: tick items (saved at once with the task's version); add and remove items unless `compact`. */
export function Checklist({
  crisisId,
  task,
  canWork,
  compact = false,
}: {
  crisisId: string;
  task: CrisisTask;
  canWork: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateTask(crisisId);
  const fail = useRoomFailure('crises.tasks.stale');
  const [adding, setAdding] = useState('');
  const save = (checklist: CrisisTask['checklist']) =>
    update.mutateAsync({ taskId: task.id, version: task.version, checklist }).catch(fail);
  const done = task.checklist.filter((x) => x.done).length;
  return (
    <Stack gap={6} data-testid="task-checklist">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('crises.tasks.checklist')}
        </Text>
        {task.checklist.length ? (
          <Badge size="sm" variant="light" color={done === task.checklist.length ? 'teal' : 'gray'}>
            {done}/{task.checklist.length}
          </Badge>
        ) : null}
      </Group>
      {task.checklist.length === 0 && !compact ? (
        <Text size="xs" c="dimmed">
          {t('crises.tasks.checklistEmpty')}
        </Text>
      ) : null}
      {task.checklist.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: checklist items have no id; their place is who they are.
        <Group key={`${i}-${item.text}`} gap="xs" wrap="nowrap" align="flex-start">
          <Checkbox
            label={item.text}
            size={compact ? 'xs' : 'sm'}
            checked={item.done}
            disabled={!canWork || update.isPending}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              void save(task.checklist.map((x, j) => (j === i ? { ...x, done: checked } : x)));
            }}
            styles={{ label: { overflowWrap: 'anywhere' } }}
            style={{ flex: 1, minWidth: 0 }}
          />
          {canWork && !compact ? (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('crises.tasks.checklistRemove', { text: item.text })}
              disabled={update.isPending}
              onClick={() => void save(task.checklist.filter((_, j) => j !== i))}
            >
              <IconX size={14} />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {canWork && !compact ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = adding.trim();
            if (!text) return;
            void save([...task.checklist, { text, done: false }]).then(() => setAdding(''));
          }}
        >
          <Group gap="xs" wrap="nowrap">
            <TextInput
              size="xs"
              aria-label={t('crises.tasks.checklistNew')}
              placeholder={t('crises.tasks.checklistNew')}
              value={adding}
              maxLength={500}
              onChange={(e) => setAdding(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" size="xs" variant="light" leftSection={<IconPlus size={12} />} disabled={!adding.trim()}>
              {t('crises.tasks.checklistAdd')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}

type EditValues = {
  title: string;
  detail: string;
  status: TaskStatus;
  blockedReason: string;
  role: string | null;
  assigneeId: string | null;
  due: string;
};

function EditForm({ crisis, task }: { crisis: CrisisDetail; task: CrisisTask }) {
  const { t } = useTranslation();
  const update = useUpdateTask(crisis.id);
  const fail = useRoomFailure('crises.tasks.stale');
  const zone = useOrgTimeZone();
  const valuesOf = (x: CrisisTask): EditValues => ({
    title: x.title,
    detail: x.detail ?? '',
    status: x.status,
    blockedReason: x.blockedReason ?? '',
    role: x.role,
    assigneeId: x.assigneeId,
    due: toLocal(x.dueAt),
  });
  // The version this form was filled from: a change by someone else while editing is a 409, never overwritten.
  const [seen, setSeen] = useState(task);
  const form = useForm<EditValues>({
    initialValues: valuesOf(task),
    validate: {
      title: (v) => (v.trim() ? null : t('validation.required')),
      blockedReason: (v, all) => (all.status === 'blocked' && !v.trim() ? t('validation.required') : null),
    },
  });
  // Untouched, the form follows the live task; once edited, it keeps the version it was filled from.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the task's version only (the rest is read as it is then).
  useEffect(() => {
    if (task.version !== seen.version && !form.isDirty()) {
      setSeen(task);
      form.setInitialValues(valuesOf(task));
      form.setValues(valuesOf(task));
    }
  }, [task.version]);
  // Only people on the team can be assigned (the server refuses others).
  const team = new Map<string, string>();
  for (const m of crisis.team) team.set(m.userId, m.name);
  if (task.assigneeId && !team.has(task.assigneeId)) team.set(task.assigneeId, task.assigneeName ?? '');
  const submit = form.onSubmit(async (v) => {
    const task = seen;
    const change: TaskChange = { taskId: task.id, version: task.version };
    if (v.title.trim() !== task.title) change.title = v.title.trim();
    if ((v.detail.trim() || null) !== task.detail) change.detail = v.detail.trim() || null;
    if (v.status !== task.status) change.status = v.status;
    if (v.status === 'blocked' && v.blockedReason.trim() !== (task.blockedReason ?? '')) change.blockedReason = v.blockedReason.trim();
    if (v.status === 'blocked' && change.status === undefined && change.blockedReason !== undefined) change.status = 'blocked';
    if (v.role !== task.role) change.role = (v.role as TeamRole | null) ?? null;
    if (v.assigneeId !== task.assigneeId) change.assigneeId = v.assigneeId;
    const due = fromLocal(v.due);
    if ((due ? new Date(due).getTime() : null) !== (task.dueAt ? new Date(task.dueAt).getTime() : null)) change.dueAt = due;
    try {
      await update.mutateAsync(change);
      notifySuccess(t('crises.tasks.saved'));
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="task-edit">
      <Stack gap="sm">
        <TextInput label={t('crises.tasks.name')} required maxLength={300} {...form.getInputProps('title')} />
        <Textarea
          label={`${t('crises.tasks.detail')} ${t('common.optional')}`}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('detail')}
        />
        <NativeSelect
          label={t('crises.tasks.status')}
          data={taskStatuses.map((s) => ({ value: s, label: t(`crises.taskStatus.${s}`) }))}
          {...form.getInputProps('status')}
        />
        {form.values.status === 'blocked' ? (
          <Textarea
            label={t('crises.tasks.blockReason')}
            placeholder={t('crises.tasks.blockPlaceholder')}
            required
            autosize
            maxLength={1000}
            {...form.getInputProps('blockedReason')}
          />
        ) : null}
        <Select
          label={t('crises.tasks.role')}
          placeholder={t('crises.tasks.rolePlaceholder')}
          data={teamRoles.map((r) => ({ value: r, label: t(`crises.role.${r}`) }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        <Select
          label={t('crises.tasks.assignee')}
          placeholder={t('crises.tasks.assigneePlaceholder')}
          description={t('crises.tasks.teamOnly')}
          data={[...team].map(([value, label]) => ({ value, label }))}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('assigneeId')}
        />
        <TextInput
          type="datetime-local"
          label={t('crises.tasks.dueAt')}
          // The input is in this device's time; the organisation's time is shown beneath.
          description={form.values.due ? t('crises.tasks.dueOrg', { time: formatDateTime(fromLocal(form.values.due), zone) }) : undefined}
          {...form.getInputProps('due')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('crises.tasks.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Comment({ c }: { c: TaskComment }) {
  return (
    <Stack component="li" gap={2} data-testid="task-comment">
      <Text size="sm" fw={600}>
        {c.author}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {c.body}
      </Text>
      <When iso={c.createdAt} />
    </Stack>
  );
}

/** The drawer (full screen on a phone); `task` null: closed. */
export function TaskDrawer({ crisis, task, onClose }: { crisis: CrisisDetail; task: CrisisTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const comments = task ? crisis.comments.filter((c) => c.taskId === task.id) : [];
  const canWork = crisis.can.work && crisis.status !== 'closed';
  return (
    <Drawer
      opened={task !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={t('crises.tasks.editTitle')}
      data-testid="task-drawer"
    >
      {task ? (
        <Stack gap="md">
          <Title order={4} style={{ overflowWrap: 'anywhere' }}>
            {task.title}
          </Title>
          <Checklist crisisId={crisis.id} task={task} canWork={canWork} />
          <Divider />
          {canWork ? <EditForm key={task.id} crisis={crisis} task={task} /> : null}
          <Divider />
          <Text fw={600} size="sm">
            {t('crises.tasks.comments')}
          </Text>
          {comments.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('crises.tasks.noComments')}
            </Text>
          ) : (
            <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="task-comments">
              {comments.map((c) => (
                <Comment key={c.id} c={c} />
              ))}
            </Stack>
          )}
          {crisis.can.work ? <MentionBox crisis={crisis} taskId={task.id} /> : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
