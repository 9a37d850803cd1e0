// /statements/settings/chains/$severity/$group: one approval chain — its steps in order (add, remove, move up and
// down with buttons, so keyboards and phones manage), each a crisis team role with up to five named backup
// approvers chosen from the people the API accepts (active admins, managers and members). Saving is guarded by
// the version loaded (409: reload); the shipped steps can be put back.
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, MultiSelect, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowLeft, IconArrowUp, IconDeviceFloppy, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { fieldMessage, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { teamRoles } from '../../../crises/contract.ts';
import { ConflictAlert, ProblemsAlert } from '../../../crises/web/config/components/editor-alerts.tsx';
import { usersQuery } from '../../../people/web/queries.ts';
import { type Severity, severities } from '../../../warnings/contract.ts';
import { type ApprovalChain, type KindGroup, kindGroups } from '../../contract.ts';
import { roleName } from '../review/labels.ts';
import { ChainSteps } from './chain-steps.tsx';
import { chainsQuery, useResetChain, useSaveChain } from './queries.ts';

/** The most steps a chain may have (the API's limit). */
const MAX_STEPS = 6;
/** The most backups a step may name (the API's limit). */
const MAX_BACKUPS = 5;

type Step = { key: number; role: string; backups: string[] };

/** The page. */
export function ChainPage() {
  const { t } = useTranslation();
  const { severity, group } = useParams({ strict: false }) as { severity: string; group: string };
  const valid = (severities as readonly string[]).includes(severity) && (kindGroups as readonly string[]).includes(group);
  return (
    <RequirePermission permission="crisis.configure">
      <Stack gap="xs">
        <Anchor
          component={Link}
          to="/statements/settings"
          search={{ tab: 'chains' } as never}
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
        >
          <IconArrowLeft size={14} aria-hidden />
          {t('statementSettings.back')}
        </Anchor>
        <PageHeader
          title={
            valid
              ? t('statementSettings.chainEditor.title', {
                  severity: t(`crises.severity.${severity as Severity}`),
                  group: t(`statementSettings.chains.group.${group as KindGroup}`),
                })
              : ''
          }
          description={valid ? t('statementSettings.chainEditor.intro') : undefined}
        />
      </Stack>
      {valid ? (
        <Loaded severity={severity as Severity} group={group as KindGroup} />
      ) : (
        <Alert color="yellow">{t('statementSettings.chainEditor.notFound')}</Alert>
      )}
    </RequirePermission>
  );
}

/**
 * Loads the chain and keeps the version being edited while live updates refresh the list: a newer version from
 * someone else shows the "reload" notice instead of replacing the steps being edited.
 */
function Loaded({ severity, group }: { severity: Severity; group: KindGroup }) {
  const { t } = useTranslation();
  const q = useQuery({ ...chainsQuery, refetchOnWindowFocus: false });
  const current = q.data?.find((x) => x.severity === severity && x.kindGroup === group);
  const [seen, setSeen] = useState<ApprovalChain | null>(null);
  useEffect(() => {
    if (current && !seen) setSeen(current);
  }, [current, seen]);
  const shown = seen ?? current;
  const reload = async () => {
    setSeen(null);
    await q.refetch();
  };
  return (
    <QueryState query={q}>
      {() =>
        shown ? (
          <Editor
            key={`${shown.version}-${shown.custom}`}
            chain={shown}
            stale={current !== undefined && current.version > shown.version}
            onSaved={setSeen}
            onReload={() => void reload()}
          />
        ) : (
          <Alert color="yellow">{t('statementSettings.chainEditor.notFound')}</Alert>
        )
      }
    </QueryState>
  );
}

function Editor({
  chain,
  stale,
  onSaved,
  onReload,
}: {
  chain: ApprovalChain;
  /** Someone else saved a newer version since this one was loaded. */
  stale: boolean;
  onSaved: (c: ApprovalChain) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [steps, setSteps] = useState<Step[]>(() =>
    chain.steps.map((s, i) => ({ key: i, role: s.role, backups: s.backups.map((b) => b.id) })),
  );
  const [conflicted, setConflict] = useState(false);
  const conflict = conflicted || stale;
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveChain();
  const reset = useResetChain();
  const users = useQuery(usersQuery);
  const groupName = t(`statementSettings.chains.group.${chain.kindGroup}`);

  // Who the API accepts as a backup: active admins, managers and members. Names already chosen stay listed.
  const known = new Map(chain.steps.flatMap((s) => s.backups.map((b) => [b.id, b.name] as const)));
  const people = (users.data ?? []).filter((u) => u.status === 'active' && ['admin', 'manager', 'member'].includes(u.role));
  const options = [
    ...people.map((u) => ({ value: u.id, label: u.name })),
    ...[...known].filter(([id]) => !people.some((u) => u.id === id)).map(([value, label]) => ({ value, label })),
  ];

  const nextKey = () => Math.max(-1, ...steps.map((s) => s.key)) + 1;
  const used = (except: number) => new Set(steps.filter((_, i) => i !== except).map((s) => s.role));
  const unusedRole = teamRoles.find((r) => !steps.some((s) => s.role === r));
  const duplicates = steps.some((s, i) => used(i).has(s.role));
  const change = (i: number, patch: Partial<Step>) => setSteps((x) => x.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) =>
    setSteps((x) => {
      const j = i + by;
      if (j < 0 || j >= x.length) return x;
      const out = [...x];
      [out[i], out[j]] = [out[j], out[i]];
      return out;
    });
  const names = new Map(options.map((o) => [o.value, o.label]));
  const preview: ApprovalChain['steps'] = steps.map((s) => ({
    role: s.role,
    backups: s.backups.map((id) => ({ id, name: names.get(id) ?? '' })),
  }));

  const submit = async () => {
    setProblems([]);
    try {
      const r = await save.mutateAsync({
        severity: chain.severity,
        group: chain.kindGroup,
        steps: steps.map((s) => ({ role: s.role, backups: s.backups })),
        version: chain.version,
      });
      notifySuccess(t('statementSettings.chainEditor.saved', { severity: chain.severity, group: groupName }));
      onSaved(r);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setConflict(true);
      else if (err instanceof ApiError && err.fieldErrors.length)
        setProblems(
          err.fieldErrors.map((e) => {
            const m = /^steps\.(\d+)/.exec(e.path);
            const where = m ? t('statementSettings.chainEditor.step', { n: Number(m[1]) + 1 }) : e.path;
            return `${where}: ${fieldMessage(e, t)}`;
          }),
        );
      else notifyError(err, t);
    }
  };

  const resetToDefault = async () => {
    setProblems([]);
    try {
      const r = await reset.mutateAsync({ severity: chain.severity, group: chain.kindGroup, version: chain.version });
      notifySuccess(t('statementSettings.chainEditor.resetDone', { severity: chain.severity, group: groupName }));
      setSteps(r.steps.map((s, k) => ({ key: nextKey() + k, role: s.role, backups: s.backups.map((b) => b.id) })));
      onSaved(r);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setConflict(true);
      else notifyError(err, t);
    }
  };

  return (
    <Stack gap="md" data-testid="chain-editor">
      <Group gap="xs">
        <Badge variant={chain.custom ? 'filled' : 'outline'} color={chain.custom ? 'grape' : 'gray'} tt="none" data-testid="chain-state">
          {chain.custom ? t('statementSettings.chains.customised', { version: chain.version }) : t('statementSettings.chains.default')}
        </Badge>
      </Group>
      {conflict ? (
        <ConflictAlert message={t('statementSettings.chainEditor.conflict')} onReload={onReload} testId="chain-conflict" />
      ) : null}
      <Card withBorder radius="md" padding="sm">
        <ChainSteps steps={preview} />
      </Card>

      <Stack gap="sm">
        {steps.map((s, i) => {
          const n = i + 1;
          const taken = used(i);
          return (
            <Card key={s.key} withBorder radius="md" padding="sm" data-testid="chain-step-editor" data-role={s.role}>
              <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
                <Title order={3} size="h6">
                  {t('statementSettings.chainEditor.step', { n })}
                </Title>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    size="lg"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('statementSettings.chainEditor.moveUp', { n })}
                    data-testid="chain-step-up"
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('statementSettings.chainEditor.moveDown', { n })}
                    data-testid="chain-step-down"
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    disabled={steps.length === 1}
                    onClick={() => setSteps((x) => x.filter((_, k) => k !== i))}
                    aria-label={t('statementSettings.chainEditor.remove', { n })}
                    data-testid="chain-step-remove"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
              <Stack gap="xs">
                <Select
                  label={t('statementSettings.chainEditor.role')}
                  data={teamRoles.map((r) => ({ value: r, label: roleName(r, t), disabled: taken.has(r) }))}
                  value={s.role}
                  onChange={(v) => v && change(i, { role: v })}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  error={taken.has(s.role) ? t('statementSettings.chainEditor.duplicate') : undefined}
                  data-testid="chain-step-role"
                />
                <MultiSelect
                  label={t('statementSettings.chainEditor.backups')}
                  description={t('statementSettings.chainEditor.backupsHelp')}
                  placeholder={s.backups.length ? undefined : t('statementSettings.chainEditor.backupsPlaceholder')}
                  data={options}
                  value={s.backups}
                  onChange={(v) => change(i, { backups: v })}
                  maxValues={MAX_BACKUPS}
                  searchable
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  data-testid="chain-step-backups"
                />
              </Stack>
            </Card>
          );
        })}
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={steps.length >= MAX_STEPS || !unusedRole}
            onClick={() => unusedRole && setSteps((x) => [...x, { key: nextKey(), role: unusedRole, backups: [] }])}
            data-testid="chain-add-step"
          >
            {t('statementSettings.chainEditor.add')}
          </Button>
          {steps.length >= MAX_STEPS ? (
            <Text size="xs" c="dimmed">
              {t('statementSettings.chainEditor.max', { count: MAX_STEPS })}
            </Text>
          ) : null}
        </Group>
      </Stack>

      <ProblemsAlert problems={problems} testId="chain-problems" />
      <Group justify="space-between" gap="sm">
        {chain.custom ? (
          <Button
            variant="default"
            leftSection={<IconRestore size={16} />}
            title={t('statementSettings.chainEditor.useDefaultHelp')}
            onClick={() => void resetToDefault()}
            loading={reset.isPending}
            disabled={conflict}
            data-testid="chain-use-default"
          >
            {t('statementSettings.chainEditor.useDefault')}
          </Button>
        ) : (
          <span />
        )}
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={() => void submit()}
          loading={save.isPending}
          disabled={conflict || steps.length === 0 || duplicates}
          data-testid="chain-save"
        >
          {t('statementSettings.chainEditor.save')}
        </Button>
      </Group>
    </Stack>
  );
}
