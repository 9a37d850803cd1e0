// The grading matrix editor (分級矩陣): the questions the declare form asks, each answer's level (or none), which
// question an alert pre-answers, and the rule (most severe answer; several at the top level raise it one step),
// explained in words. Saved with the version loaded (409: reload); "back to default" restores the shipped matrix.
import { ActionIcon, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { fieldMessage, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { type Severity, severities } from '../../../contract.ts';
import type { GradingCriterion, GradingMatrix, GradingView } from '../../../playbook-contract.ts';
import { gradingQuery, useSaveGrading } from '../queries.ts';
import { ConflictAlert, ProblemsAlert } from './editor-alerts.tsx';

/** The rule in words. */
export function RuleText({ matrix }: { matrix: GradingMatrix }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid="grading-rule">
      {matrix.escalateAt === null ? t('crisisConfig.grading.ruleNoEscalate') : t('crisisConfig.grading.rule', { n: matrix.escalateAt })}
    </Text>
  );
}

/** The editor, loaded. */
export function GradingEditor() {
  const q = useQuery({ ...gradingQuery, staleTime: 0, refetchOnWindowFocus: false });
  return (
    <QueryState query={q}>{(v) => <Editor key={`${v.version}-${v.customised}`} view={v} onReload={() => void q.refetch()} />}</QueryState>
  );
}

const slug = (prefix: string, taken: string[]) => {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
};

function Editor({ view, onReload }: { view: GradingView; onReload: () => void }) {
  const { t } = useTranslation();
  const [m, setM] = useState<GradingMatrix>(view.matrix);
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveGrading();
  const setC = (i: number, patch: Partial<GradingCriterion>) =>
    setM((x) => ({ ...x, criteria: x.criteria.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  const levelData = [
    { value: 'none', label: t('crisisConfig.grading.noLevel') },
    ...severities.map((s) => ({ value: s, label: t(`crises.severity.${s}`) })),
  ];

  const submit = async (matrix: GradingMatrix | null) => {
    setProblems([]);
    try {
      await save.mutateAsync({ matrix, version: view.version });
      notifySuccess(t(matrix ? 'crisisConfig.grading.saved' : 'crisisConfig.grading.resetDone'));
      onReload();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setConflict(true);
      else if (err instanceof ApiError && err.fieldErrors.length)
        setProblems(err.fieldErrors.map((e) => `${e.path.replace(/^matrix\./, '')}: ${fieldMessage(e, t)}`));
      else notifyError(err, t);
      if (!matrix) throw err;
    }
  };

  return (
    <Stack gap="md" data-testid="grading-editor">
      <Text size="sm" c="dimmed">
        {t('crisisConfig.grading.intro')}
      </Text>
      <Group gap="xs">
        <Badge variant={view.customised ? 'filled' : 'outline'} color={view.customised ? 'grape' : 'gray'} tt="none">
          {view.customised ? t('crisisConfig.grading.customised', { version: view.version }) : t('crisisConfig.grading.default')}
        </Badge>
      </Group>
      {conflict ? <ConflictAlert message={t('crisisConfig.grading.conflict')} onReload={onReload} /> : null}
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <RuleText matrix={m} />
          <Group gap="md" align="flex-end">
            <Switch
              label={t('crisisConfig.grading.escalate')}
              checked={m.escalateAt !== null}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setM((x) => ({ ...x, escalateAt: on ? 3 : null }));
              }}
            />
            {m.escalateAt !== null ? (
              <NumberInput
                w={140}
                size="xs"
                label={t('crisisConfig.grading.escalateAt')}
                min={2}
                max={20}
                value={m.escalateAt}
                onChange={(v) => setM((x) => ({ ...x, escalateAt: Math.max(2, Number(v) || 2) }))}
              />
            ) : null}
          </Group>
        </Stack>
      </Card>
      {m.criteria.map((c, i) => (
        <Card key={c.id} withBorder radius="md" padding="sm" data-testid="grading-criterion">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {t('crisisConfig.grading.criterion', { n: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('crisisConfig.grading.removeCriterion')}
              disabled={m.criteria.length <= 1}
              onClick={() => setM((x) => ({ ...x, criteria: x.criteria.filter((_, k) => k !== i) }))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label={t('crisisConfig.grading.labelZh')}
                value={c.label['zh-TW']}
                maxLength={200}
                onChange={(e) => setC(i, { label: { ...c.label, 'zh-TW': e.currentTarget.value } })}
              />
              <TextInput
                label={t('crisisConfig.grading.labelEn')}
                value={c.label.en}
                maxLength={200}
                onChange={(e) => setC(i, { label: { ...c.label, en: e.currentTarget.value } })}
              />
            </SimpleGrid>
            <Switch
              size="xs"
              label={t('crisisConfig.grading.fromAlert')}
              checked={c.fromAlert === true}
              onChange={(e) => setC(i, { fromAlert: e.currentTarget.checked })}
            />
            <Text size="sm" fw={500}>
              {t('crisisConfig.grading.options')}
            </Text>
            {c.options.map((o, k) => (
              <Group key={o.id} gap="xs" wrap="nowrap" align="flex-end" data-testid="grading-option">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={4} style={{ flex: 1, minWidth: 0 }}>
                  <TextInput
                    size="xs"
                    aria-label={t('crisisConfig.grading.optionZh')}
                    placeholder={t('crisisConfig.grading.optionZh')}
                    value={o.label['zh-TW']}
                    maxLength={200}
                    onChange={(e) =>
                      setC(i, {
                        options: c.options.map((x, j) => (j === k ? { ...x, label: { ...x.label, 'zh-TW': e.currentTarget.value } } : x)),
                      })
                    }
                  />
                  <TextInput
                    size="xs"
                    aria-label={t('crisisConfig.grading.optionEn')}
                    placeholder={t('crisisConfig.grading.optionEn')}
                    value={o.label.en}
                    maxLength={200}
                    onChange={(e) =>
                      setC(i, {
                        options: c.options.map((x, j) => (j === k ? { ...x, label: { ...x.label, en: e.currentTarget.value } } : x)),
                      })
                    }
                  />
                  <Select
                    size="xs"
                    aria-label={t('crisisConfig.grading.level')}
                    data={levelData}
                    value={o.level ?? 'none'}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    onChange={(v) =>
                      setC(i, {
                        options: c.options.map((x, j) =>
                          j === k ? { ...x, level: v === 'none' || !v ? null : (String(v) as Severity) } : x,
                        ),
                      })
                    }
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('crisisConfig.grading.removeOption')}
                  disabled={c.options.length <= 2}
                  onClick={() => setC(i, { options: c.options.filter((_, j) => j !== k) })}
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
              disabled={c.options.length >= 8}
              onClick={() =>
                setC(i, {
                  options: [
                    ...c.options,
                    {
                      id: slug(
                        'option',
                        c.options.map((x) => x.id),
                      ),
                      label: { 'zh-TW': '', en: '' },
                      level: null,
                    },
                  ],
                })
              }
            >
              {t('crisisConfig.grading.addOption')}
            </Button>
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        style={{ alignSelf: 'flex-start' }}
        disabled={m.criteria.length >= 20}
        onClick={() =>
          setM((x) => ({
            ...x,
            criteria: [
              ...x.criteria,
              {
                id: slug(
                  'criterion',
                  x.criteria.map((c) => c.id),
                ),
                label: { 'zh-TW': '', en: '' },
                options: [
                  { id: 'option_1', label: { 'zh-TW': '', en: '' }, level: null },
                  { id: 'option_2', label: { 'zh-TW': '', en: '' }, level: 'L2' },
                ],
              },
            ],
          }))
        }
      >
        {t('crisisConfig.grading.addCriterion')}
      </Button>
      <ProblemsAlert problems={problems} />
      <Group justify="space-between" gap="sm">
        {view.customised ? (
          <ConfirmButton variant="default" color="red" message={t('crisisConfig.grading.resetConfirm')} onConfirm={() => submit(null)}>
            {t('crisisConfig.grading.reset')}
          </ConfirmButton>
        ) : (
          <span />
        )}
        <Button onClick={() => void submit(m)} loading={save.isPending} disabled={conflict} data-testid="grading-save">
          {t('crisisConfig.grading.save')}
        </Button>
      </Group>
    </Stack>
  );
}
