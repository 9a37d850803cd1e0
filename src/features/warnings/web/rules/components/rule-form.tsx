// Add or edit a manual alert rule: name, topic (fixed once added), and either a threshold ("N or more
// (negative) mentions within M minutes", previewed as a sentence) or a watch list of authors and source names.
import { Group, SegmentedControl, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { textRule } from '../../../../../web/validation.ts';
import { sourcesQuery } from '../../../../monitoring/web/sources/queries.ts';
import { topicsQuery } from '../../../../monitoring/web/topics/queries.ts';
import type { RuleConfig } from '../../../contract.ts';
import { DialogButtons, EditDialog } from '../../components/edit-dialog.tsx';
import { WholeNumberInput } from '../../components/whole-number-input.tsx';
import { formErrors, isStale } from '../../form-errors.ts';
import { type Rule, type RuleInput, useSaveRule } from '../queries.ts';
import { useRuleSentence } from './rule-sentence.tsx';

type Target = Rule | 'new';
type Values = {
  name: string;
  topicId: string;
  kind: RuleConfig['kind'];
  signal: 'volume' | 'negative';
  count: number | string;
  minutes: number | string;
  authors: string[];
  sources: string[];
  enabled: boolean;
};

function initialValues(target: Target): Values {
  const base: Values = {
    name: '',
    topicId: '',
    kind: 'threshold',
    signal: 'negative',
    count: 20,
    minutes: 30,
    authors: [],
    sources: [],
    enabled: true,
  };
  if (target === 'new') return base;
  return { ...base, name: target.name, topicId: target.topicId, enabled: target.enabled, ...target.config };
}

function toConfig(v: Values): RuleConfig {
  return v.kind === 'threshold'
    ? { kind: 'threshold', signal: v.signal, count: Number(v.count), minutes: Number(v.minutes) }
    : { kind: 'watchlist', authors: v.authors.map((a) => a.trim()), sources: v.sources.map((s) => s.trim()) };
}

const wholeIn = (min: number, max: number) => (v: number | string) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function rules(t: TFunction) {
  const range = (min: number, max: number) => (v: number | string, all: Values) =>
    all.kind === 'threshold' && !wholeIn(min, max)(v) ? t('validation.range', { min, max }) : null;
  return {
    name: textRule(t, 120),
    topicId: (v: string) => (v ? null : t('validation.required')),
    count: range(1, 1_000_000),
    minutes: range(1, 1440),
    authors: (list: string[], all: Values) =>
      all.kind === 'watchlist' && list.length + all.sources.length === 0 ? t('warnings.rules.form.listRequired') : null,
  };
}

function ThresholdFields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const k = 'warnings.rules.form';
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t(`${k}.signal`)}
        data={(['negative', 'volume'] as const).map((s) => ({ value: s, label: t(`warnings.rules.signal.${s}`) }))}
        {...form.getInputProps('signal')}
      />
      <Group grow gap="sm" align="flex-start">
        <WholeNumberInput label={t(`${k}.count`)} min={1} max={1_000_000} {...form.getInputProps('count')} />
        <WholeNumberInput label={t(`${k}.minutes`)} min={1} max={1440} {...form.getInputProps('minutes')} />
      </Group>
    </Stack>
  );
}

function WatchlistFields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const k = 'warnings.rules.form';
  const sources = useQuery({ ...sourcesQuery, enabled: useCan('source.read') });
  return (
    <Stack gap="sm">
      <TagsInput
        label={t(`${k}.authors`)}
        description={t(`${k}.authorsHelp`)}
        maxTags={500}
        acceptValueOnBlur
        clearable
        {...form.getInputProps('authors')}
      />
      <TagsInput
        label={t(`${k}.sources`)}
        description={t(`${k}.sourcesHelp`)}
        data={[...new Set((sources.data ?? []).map((s) => s.name))]}
        maxTags={100}
        acceptValueOnBlur
        clearable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('sources')}
      />
      <Text size="xs" c="dimmed">
        {t(`${k}.watchHelp`)}
      </Text>
    </Stack>
  );
}

function FormBody({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const k = 'warnings.rules.form';
  const creating = target === 'new';
  const save = useSaveRule();
  const topics = useQuery(topicsQuery);
  const sentence = useRuleSentence();
  const form = useForm<Values>({ initialValues: initialValues(target), validate: rules(t) });
  const topicChoices = (topics.data ?? [])
    .filter((x) => !x.archived || x.id === form.values.topicId)
    .map((x) => ({ value: x.id, label: x.name }));
  const topicName = topics.data?.find((x) => x.id === form.values.topicId)?.name ?? (creating ? '…' : target.topicName);
  const submit = form.onSubmit(async (v) => {
    const body: RuleInput = { name: v.name.trim(), config: toConfig(v), enabled: v.enabled };
    try {
      const out = await save.mutateAsync(creating ? { ...body, topicId: v.topicId } : { ...body, id: target.id, version: target.version });
      notifySuccess(t(creating ? 'warnings.rules.created' : 'warnings.rules.updated', { name: out.name }));
      onClose();
    } catch (err) {
      if (isStale(err)) {
        notifications.show({ color: 'yellow', message: t('warnings.rules.stale') });
        onClose();
        return;
      }
      form.setErrors(formErrors(err, t, (p) => (p.startsWith('config.') ? p.split('.')[1] : p.split('.')[0])));
      notifyError(err, t);
    }
  });
  const previewOk = form.values.kind === 'watchlist' || (wholeIn(1, 1_000_000)(form.values.count) && wholeIn(1, 1440)(form.values.minutes));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t(`${k}.name`)} placeholder={t(`${k}.namePlaceholder`)} required data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t(`${k}.topic`)}
          placeholder={t(`${k}.topicPlaceholder`)}
          description={creating ? undefined : t(`${k}.topicFixed`)}
          data={creating ? topicChoices : [{ value: form.values.topicId, label: topicName }]}
          disabled={!creating}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('topicId')}
        />
        <SegmentedControl
          aria-label={t(`${k}.kind`)}
          data={(['threshold', 'watchlist'] as const).map((x) => ({ value: x, label: t(`warnings.rules.kind.${x}`) }))}
          {...form.getInputProps('kind')}
        />
        {form.values.kind === 'threshold' ? <ThresholdFields form={form} /> : <WatchlistFields form={form} />}
        {previewOk ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t(`${k}.preview`)}
            </Text>
            <Text size="sm" fw={500} data-testid="rule-preview" style={{ overflowWrap: 'anywhere' }}>
              {sentence(topicName, toConfig(form.values))}
            </Text>
          </Stack>
        ) : null}
        <Switch label={t(`${k}.enabled`)} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <DialogButtons creating={creating} pending={save.isPending} onClose={onClose} />
      </Stack>
    </form>
  );
}

/** The add/edit rule dialog: `target` is the rule, 'new', or null when closed. */
export function RuleFormModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <EditDialog
      target={target}
      onClose={onClose}
      addTitle={t('warnings.rules.form.addTitle')}
      editTitle={t('warnings.rules.form.editTitle')}
    >
      {(x) => <FormBody target={x} onClose={onClose} />}
    </EditDialog>
  );
}
