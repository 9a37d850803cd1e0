// /crises/settings/playbooks/$type/$severity: the playbook editor — the roles to fill with their default person
// or on-call schedule and whether each is paged or informed on declaring, the situation-report interval, and the
// tasks (owner role, due time after declaring, detail, checklist). Saving is guarded by the version loaded (409:
// reload); "back to default" drops the organisation's version.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { fieldMessage, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { BackLink } from '../../../../../web/ui/back-link.tsx';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { usersQuery } from '../../../../people/web/queries.ts';
import { schedulesQuery } from '../../../../warnings/web/oncall/queries.ts';
import {
  type CrisisType,
  crisisTypes,
  type Playbook,
  type PlaybookTask,
  type Severity,
  severities,
  type TeamRole,
  teamRoles,
} from '../../../contract.ts';
import { playbookClock } from '../../clock.ts';
import { ConflictAlert, ProblemsAlert } from '../components/editor-alerts.tsx';
import { type StoredPlaybook, storedPlaybookQuery, useResetPlaybook, useSavePlaybook } from '../queries.ts';

type Unit = 'minutes' | 'hours' | 'days';
const perUnit: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };
const unitOf = (m: number): Unit => (m > 0 && m % 1440 === 0 ? 'days' : m > 0 && m % 60 === 0 ? 'hours' : 'minutes');
type Notify = 'page' | 'inform' | 'none';

/** The page. */
export function PlaybookPage() {
  const { t } = useTranslation();
  const { type, severity } = useParams({ strict: false }) as { type: string; severity: string };
  const valid = (crisisTypes as readonly string[]).includes(type) && (severities as readonly string[]).includes(severity);
  return (
    <RequirePermission permission="crisis.configure">
      <Stack gap="xs">
        <BackLink to={'/crises/settings' as '/crises'} label={t('crisisConfig.back')} />
        <PageHeader
          title={
            valid
              ? t('crisisConfig.editor.title', {
                  type: t(`crises.type.${type as CrisisType}`),
                  severity: t(`crises.severity.${severity as Severity}`),
                })
              : ''
          }
        />
      </Stack>
      {valid ? <Loaded type={type as CrisisType} severity={severity as Severity} /> : <Alert color="yellow">{t('errors.not_found')}</Alert>}
    </RequirePermission>
  );
}

function Loaded({ type, severity }: { type: CrisisType; severity: Severity }) {
  const q = useQuery({ ...storedPlaybookQuery(type, severity), refetchOnWindowFocus: false });
  return (
    <QueryState query={q}>{(s) => <Editor key={`${s.version}-${s.customised}`} stored={s} onReload={() => void q.refetch()} />}</QueryState>
  );
}

function Editor({ stored, onReload }: { stored: StoredPlaybook; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const [book, setBook] = useState<Playbook>(stored.playbook);
  // Stable React keys for the tasks (their own keys change while typed).
  const [ids, setIds] = useState<number[]>(() => stored.playbook.tasks.map((_, i) => i));
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSavePlaybook();
  const reset = useResetPlaybook();
  const users = useQuery(usersQuery);
  const schedules = useQuery(schedulesQuery);
  const typeName = t(`crises.type.${book.type}`);

  const personData: Array<{ value: string; label: string } | { group: string; items: Array<{ value: string; label: string }> }> = [
    { value: '', label: t('crisisConfig.editor.nobody') },
    {
      group: t('crisisConfig.editor.people'),
      items: (users.data ?? [])
        .filter((u) => u.status === 'active' && ['admin', 'manager', 'member'].includes(u.role))
        .map((u) => ({ value: `user:${u.id}`, label: u.name })),
    },
    {
      group: t('crisisConfig.editor.schedules'),
      items: (schedules.data ?? []).map((s) => ({
        value: `schedule:${s.id}`,
        label: t('crisisConfig.editor.scheduleOption', { name: s.name }),
      })),
    },
  ];
  const personOptions = personData.filter((g) => !('items' in g) || g.items.length > 0);

  const setRole = (role: TeamRole, on: boolean) =>
    setBook((b) => {
      const roles = on ? teamRoles.filter((r) => r === role || b.roles.includes(r)) : b.roles.filter((r) => r !== role);
      const defaultPeople = { ...b.defaultPeople };
      if (!on) delete defaultPeople[role];
      const notify = b.notify
        ? { page: b.notify.page.filter((r) => roles.includes(r)), inform: b.notify.inform.filter((r) => roles.includes(r)) }
        : undefined;
      return { ...b, roles, defaultPeople, ...(notify ? { notify } : {}) };
    });
  const personOf = (role: TeamRole) => {
    const d = book.defaultPeople?.[role];
    return d ? ('userId' in d ? `user:${d.userId}` : `schedule:${d.scheduleId}`) : '';
  };
  const setPerson = (role: TeamRole, v: string | null) =>
    setBook((b) => {
      const defaultPeople = { ...b.defaultPeople };
      if (!v) delete defaultPeople[role];
      else if (v.startsWith('user:')) defaultPeople[role] = { userId: v.slice(5) };
      else defaultPeople[role] = { scheduleId: v.slice(9) };
      return { ...b, defaultPeople };
    });
  const notifyOf = (role: TeamRole): Notify =>
    book.notify?.page.includes(role) ? 'page' : book.notify?.inform.includes(role) ? 'inform' : 'none';
  const setNotify = (role: TeamRole, v: Notify) =>
    setBook((b) => {
      const n = b.notify ?? { page: [], inform: [] };
      const page = n.page.filter((r) => r !== role);
      const inform = n.inform.filter((r) => r !== role);
      if (v === 'page') page.push(role);
      if (v === 'inform') inform.push(role);
      const order = (rs: TeamRole[]) => teamRoles.filter((r) => rs.includes(r));
      return { ...b, notify: { page: order(page), inform: order(inform) } };
    });
  const setTask = (i: number, patch: Partial<PlaybookTask>) =>
    setBook((b) => ({ ...b, tasks: b.tasks.map((x, k) => (k === i ? { ...x, ...patch } : x)) }));
  const removeTask = (i: number) => {
    setIds((x) => x.filter((_, k) => k !== i));
    setBook((b) => ({ ...b, tasks: b.tasks.filter((_, k) => k !== i) }));
  };
  const addTask = () => {
    setIds((x) => [...x, Math.max(-1, ...x) + 1]);
    setBook((b) => {
      let n = b.tasks.length + 1;
      while (b.tasks.some((x) => x.key === `task_${n}`)) n++;
      return {
        ...b,
        tasks: [
          ...b.tasks,
          {
            key: `task_${n}`,
            title: { 'zh-TW': '', en: '' },
            role: b.roles.includes('pr_lead') ? 'pr_lead' : (b.roles[0] ?? 'commander'),
            dueMinutes: 60,
          },
        ],
      };
    });
  };

  const submit = async () => {
    setProblems([]);
    // Empty optional texts are left out (the server wants them filled when present).
    const clean: Playbook = {
      ...book,
      tasks: book.tasks.map((x) => {
        const { detail, checklist, ...rest } = x;
        const hasDetail = detail && (detail['zh-TW'].trim() || detail.en.trim());
        const items = (checklist ?? []).filter((c) => c['zh-TW'].trim() || c.en.trim());
        return {
          ...rest,
          ...(hasDetail ? { detail } : {}),
          ...(items.length ? { checklist: items } : {}),
        };
      }),
    };
    try {
      const r = await save.mutateAsync({ playbook: clean, version: stored.version });
      notifySuccess(t('crisisConfig.editor.saved', { type: typeName, severity: book.severity }));
      setBook(r.playbook);
      setIds(r.playbook.tasks.map((_, i) => i));
      onReload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setConflict(true);
      else if (err instanceof ApiError && err.fieldErrors.length)
        setProblems(err.fieldErrors.map((e) => `${e.path.replace(/^playbook\./, '')}: ${fieldMessage(e, t)}`));
      else notifyError(err, t);
    }
  };
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';

  return (
    <Stack gap="lg" data-testid="playbook-editor">
      <Group gap="xs">
        <Badge
          variant={stored.customised ? 'filled' : 'outline'}
          color={stored.customised ? 'grape' : 'gray'}
          tt="none"
          data-testid="playbook-state"
        >
          {stored.customised ? t('crisisConfig.editor.customised', { version: stored.version }) : t('crisisConfig.editor.default')}
        </Badge>
      </Group>
      {conflict ? <ConflictAlert message={t('crisisConfig.editor.conflict')} onReload={onReload} testId="playbook-conflict" /> : null}

      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h5" mb={4}>
          {t('crisisConfig.editor.roles')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('crisisConfig.editor.rolesHelp')}
        </Text>
        <Stack gap="xs">
          {teamRoles.map((role) => {
            const on = book.roles.includes(role);
            return (
              <Paper key={role} withBorder={on} p={on ? 'xs' : 0} radius="sm" data-testid={`role-${role}`}>
                <Stack gap={6}>
                  <Checkbox label={t(`crises.role.${role}`)} checked={on} onChange={(e) => setRole(role, e.currentTarget.checked)} />
                  {on ? (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                      <Select
                        size="xs"
                        label={t('crisisConfig.editor.defaultPerson')}
                        data={personOptions}
                        value={personOf(role)}
                        onChange={(v) => setPerson(role, v === null ? null : String(v))}
                        allowDeselect={false}
                        searchable
                        comboboxProps={{ withinPortal: true }}
                        aria-label={`${t(`crises.role.${role}`)} ${t('crisisConfig.editor.defaultPerson')}`}
                      />
                      <Stack gap={2}>
                        <Text size="xs" fw={500}>
                          {t('crisisConfig.editor.notify')}
                        </Text>
                        <SegmentedControl
                          size="xs"
                          value={notifyOf(role)}
                          onChange={(v) => setNotify(role, v as Notify)}
                          data={[
                            { value: 'page', label: t('crisisConfig.editor.notifyPage') },
                            { value: 'inform', label: t('crisisConfig.editor.notifyInform') },
                            { value: 'none', label: t('crisisConfig.editor.notifyNone') },
                          ]}
                        />
                      </Stack>
                    </SimpleGrid>
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
        <NumberInput
          mt="md"
          maw={260}
          label={t('crisisConfig.editor.updateEvery')}
          min={1}
          max={72}
          value={book.updateEveryHours}
          onChange={(v) => setBook((b) => ({ ...b, updateEveryHours: typeof v === 'number' ? v : Number(v) || 1 }))}
        />
      </Card>

      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {t('crisisConfig.editor.tasks')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('crisisConfig.editor.tasksHelp')}
          </Text>
        </div>
        {book.tasks.map((task, i) => (
          <TaskEditor
            key={ids[i] ?? `new-${i}`}
            n={i + 1}
            task={task}
            roles={book.roles}
            lang={lang}
            onChange={(patch) => setTask(i, patch)}
            onRemove={() => removeTask(i)}
            startOpen={(ids[i] ?? 0) >= stored.playbook.tasks.length}
          />
        ))}
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addTask} style={{ alignSelf: 'flex-start' }}>
          {t('crisisConfig.editor.addTask')}
        </Button>
      </Stack>

      <ProblemsAlert problems={problems} testId="playbook-problems" />
      <Group justify="space-between" gap="sm">
        {stored.customised ? (
          <ConfirmButton
            variant="default"
            color="red"
            message={t('crisisConfig.editor.resetConfirm')}
            onConfirm={async () => {
              try {
                await reset.mutateAsync({ type: book.type, severity: book.severity });
                notifySuccess(t('crisisConfig.editor.resetDone'));
                onReload();
              } catch (err) {
                notifyError(err, t);
                throw err;
              }
            }}
          >
            {t('crisisConfig.editor.reset')}
          </ConfirmButton>
        ) : (
          <span />
        )}
        <Button onClick={() => void submit()} loading={save.isPending} disabled={conflict} data-testid="playbook-save">
          {t('crisisConfig.editor.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function TaskEditor({
  n,
  task,
  roles,
  lang,
  onChange,
  onRemove,
  startOpen,
}: {
  n: number;
  startOpen: boolean;
  task: PlaybookTask;
  roles: TeamRole[];
  lang: 'zh-TW' | 'en';
  onChange: (patch: Partial<PlaybookTask>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(unitOf(task.dueMinutes));
  const items = task.checklist ?? [];
  const setItem = (k: number, l: 'zh-TW' | 'en', v: string) =>
    onChange({ checklist: items.map((x, j) => (j === k ? { ...x, [l]: v } : x)) });
  const detail = task.detail ?? { 'zh-TW': '', en: '' };
  const [opened, setOpened] = useState(startOpen);
  const bad = !roles.includes(task.role) || !/^[a-z0-9_]{1,40}$/.test(task.key) || !task.title['zh-TW'].trim() || !task.title.en.trim();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="playbook-task" data-key={task.key}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <UnstyledButton
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="playbook-task-toggle"
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {opened ? (
              <IconChevronDown size={16} style={{ flex: 'none', marginTop: 2 }} />
            ) : (
              <IconChevronRight size={16} style={{ flex: 'none', marginTop: 2 }} />
            )}
            <Badge variant="outline" color={bad ? 'red' : 'gray'} tt="none" w={86} style={{ flex: 'none' }}>
              {playbookClock(task.dueMinutes, t)}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {task.title[lang] || t('crisisConfig.editor.task', { n })}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`crises.role.${task.role}`)}
                {items.length ? ` · ${t('crisisConfig.preview.checklist', { count: items.length })}` : ''}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('crisisConfig.editor.removeTask')}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {opened ? (
        <Stack gap="xs" mt="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={t('crisisConfig.editor.titleZh')}
              value={task.title['zh-TW']}
              maxLength={300}
              required
              onChange={(e) => onChange({ title: { ...task.title, 'zh-TW': e.currentTarget.value } })}
            />
            <TextInput
              label={t('crisisConfig.editor.titleEn')}
              value={task.title.en}
              maxLength={300}
              required
              onChange={(e) => onChange({ title: { ...task.title, en: e.currentTarget.value } })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Select
              label={t('crisisConfig.editor.role')}
              data={teamRoles.map((r) => ({ value: r, label: t(`crises.role.${r}`) }))}
              value={task.role}
              onChange={(v) => v && onChange({ role: v as TeamRole })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              error={roles.includes(task.role) ? undefined : t('crisisConfig.editor.roleNotInTeam')}
            />
            <NumberInput
              label={t('crisisConfig.editor.due')}
              min={0}
              value={task.dueMinutes / perUnit[unit]}
              decimalScale={unit === 'minutes' ? 0 : 2}
              onChange={(v) =>
                onChange({ dueMinutes: Math.max(0, Math.round((typeof v === 'number' ? v : Number(v) || 0) * perUnit[unit])) })
              }
            />
            <Select
              label={t('crisisConfig.editor.unit')}
              data={(['minutes', 'hours', 'days'] as const).map((u) => ({ value: u, label: t(`crisisConfig.editor.units.${u}`) }))}
              value={unit}
              onChange={(v) => v && setUnit(v as Unit)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('crisisConfig.editor.key')}
              title={t('crisisConfig.editor.keyHelp')}
              value={task.key}
              maxLength={40}
              onChange={(e) => onChange({ key: e.currentTarget.value })}
              error={/^[a-z0-9_]{1,40}$/.test(task.key) ? undefined : t('crisisConfig.editor.keyHelp')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Textarea
              label={t('crisisConfig.editor.detailZh')}
              autosize
              minRows={1}
              value={detail['zh-TW']}
              onChange={(e) => onChange({ detail: { ...detail, 'zh-TW': e.currentTarget.value } })}
            />
            <Textarea
              label={t('crisisConfig.editor.detailEn')}
              autosize
              minRows={1}
              value={detail.en}
              onChange={(e) => onChange({ detail: { ...detail, en: e.currentTarget.value } })}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('crisisConfig.editor.checklist')}
            </Text>
            {items.map((item, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no id of their own; order is their identity.
              <Group key={k} gap="xs" wrap="nowrap" align="flex-end" data-testid="checklist-item">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} style={{ flex: 1, minWidth: 0 }}>
                  <TextInput
                    size="xs"
                    aria-label={t('crisisConfig.editor.itemZh')}
                    placeholder={t('crisisConfig.editor.itemZh')}
                    value={item['zh-TW']}
                    maxLength={300}
                    onChange={(e) => setItem(k, 'zh-TW', e.currentTarget.value)}
                  />
                  <TextInput
                    size="xs"
                    aria-label={t('crisisConfig.editor.itemEn')}
                    placeholder={t('crisisConfig.editor.itemEn')}
                    value={item.en}
                    maxLength={300}
                    onChange={(e) => setItem(k, 'en', e.currentTarget.value)}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => onChange({ checklist: items.filter((_, j) => j !== k) })}
                  aria-label={t('crisisConfig.editor.removeItem')}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => onChange({ checklist: [...items, { 'zh-TW': '', en: '' }] })}
            >
              {t('crisisConfig.editor.addItem')}
            </Button>
          </Stack>
        </Stack>
      ) : null}
    </Card>
  );
}
