// The escalation part of the warning settings: up to five levels, each "if nobody acknowledges within N minutes,
// notify these channels and whoever is on call on these schedules", a repeat count, the whole ladder previewed
// as one sentence, and a test of the ladder on screen (測試升級流程).
import { ActionIcon, Anchor, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EscalationPolicy } from '../../contract.ts';
import type { ChannelOut } from '../../notify-contract.ts';
import { EscalationTest } from './escalation-test.tsx';
import { WholeNumberInput } from './whole-number-input.tsx';

const MAX_LEVELS = 5;
const k = 'warnings.settings.escalation';

/** The escalation as the form holds it (numbers may be '' while typed). */
export type EscalationValues = {
  levels: Array<{ afterMinutes: number | string; channelIds: string[]; scheduleIds: string[] }>;
  repeat: number | string;
};

/** A schedule as the escalation needs it. */
type Named = { id: string; name: string };

/** The whole settings form: grading thresholds, the detection bucket (minutes, as the select's string) and escalation. */
export type SettingsValues = {
  L1: number | string;
  L2: number | string;
  L3: number | string;
  bucketMinutes: string;
  escalation: EscalationValues;
};

const whole = (v: number | string, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The stored policy as form values, dropping channels and schedules that no longer exist. */
export function escalationValues(policy: EscalationPolicy | undefined, channels: ChannelOut[], schedules: Named[]): EscalationValues {
  const known = new Set([...channels, ...schedules].map((c) => c.id));
  const kept = (ids: string[] | undefined) => (ids ?? []).filter((id) => known.has(id));
  return {
    levels: (policy?.levels ?? []).map((l) => ({
      afterMinutes: l.afterMinutes,
      channelIds: kept(l.channelIds),
      scheduleIds: kept(l.scheduleIds),
    })),
    repeat: policy?.repeat ?? 0,
  };
}

/** The form values as the policy the API takes. */
export function toPolicy(v: EscalationValues): EscalationPolicy {
  return {
    levels: v.levels.map((l) => ({ afterMinutes: Number(l.afterMinutes), channelIds: l.channelIds, scheduleIds: l.scheduleIds })),
    repeat: v.levels.length ? Number(v.repeat) : 0,
  };
}

/** Validation of the escalation fields. */
export function escalationRules(t: TFunction) {
  return {
    levels: {
      afterMinutes: (v: number | string) => (whole(v, 1, 1440) ? null : t('validation.range', { min: 1, max: 1440 })),
      // A level notifies at least one channel or schedule; the message sits on the channels.
      channelIds: (v: string[], all: SettingsValues, path: string) =>
        v.length + (all.escalation.levels[Number(path.split('.')[2])]?.scheduleIds.length ?? 0) === 0
          ? t(`${k}.channelsRequired`)
          : v.length > 20
            ? t('validation.range', { min: 0, max: 20 })
            : null,
    },
    repeat: (v: number | string) => (whole(v, 0, 5) ? null : t('validation.range', { min: 0, max: 5 })),
  };
}

/** The ladder in one sentence, or null while a level is incomplete. */
function usePreview(v: EscalationValues, channels: ChannelOut[], schedules: Named[]): string | null {
  const { t, i18n } = useTranslation();
  if (v.levels.length === 0 || !whole(v.repeat, 0, 5)) return null;
  if (v.levels.some((l) => !whole(l.afterMinutes, 1, 1440) || l.channelIds.length + l.scheduleIds.length === 0)) return null;
  const names = new Map(channels.map((c) => [c.id, c.name]));
  const onCall = new Map(schedules.map((s) => [s.id, t(`${k}.onCallOf`, { name: s.name })]));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const steps = v.levels
    .map((l, i) =>
      t(i === 0 ? `${k}.previewFirst` : `${k}.previewNext`, {
        count: Number(l.afterMinutes),
        channels: list.format([...l.channelIds.map((id) => names.get(id) ?? id), ...l.scheduleIds.map((id) => onCall.get(id) ?? id)]),
      }),
    )
    .join(t(`${k}.stepJoin`));
  const repeat = Number(v.repeat);
  return repeat > 0 ? t(`${k}.previewRepeat`, { steps, count: repeat }) : t(`${k}.previewEnd`, { steps });
}

type Sources = { channels: ChannelOut[]; schedules: Named[] };

function Level({ form, index, channels, schedules }: Sources & { form: UseFormReturnType<SettingsValues>; index: number }) {
  const { t } = useTranslation();
  const path = `escalation.levels.${index}`;
  const data = channels.map((c) => ({ value: c.id, label: c.enabled ? c.name : t(`${k}.disabledChannel`, { name: c.name }) }));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="escalation-level">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {t(`${k}.level`, { n: index + 1 })}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t(`${k}.removeLevel`, { n: index + 1 })}
            onClick={() => form.removeListItem('escalation.levels', index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <WholeNumberInput
          label={t(index === 0 ? `${k}.firstWait` : `${k}.nextWait`)}
          description={t(`${k}.waitHelp`)}
          min={1}
          max={1440}
          hideControls
          rightSection={
            <Text size="sm" c="dimmed">
              {t(`${k}.minutes`)}
            </Text>
          }
          rightSectionWidth={56}
          rightSectionPointerEvents="none"
          maw={320}
          {...form.getInputProps(`${path}.afterMinutes`)}
        />
        <MultiSelect
          label={t(`${k}.notify`)}
          placeholder={t(`${k}.notifyPlaceholder`)}
          data={data}
          searchable
          maxValues={20}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps(`${path}.channelIds`)}
        />
        {schedules.length > 0 ? (
          <MultiSelect
            label={t(`${k}.notifySchedules`)}
            placeholder={t(`${k}.schedulesPlaceholder`)}
            data={schedules.map((s) => ({ value: s.id, label: s.name }))}
            searchable
            maxValues={10}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(`${path}.scheduleIds`)}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The escalation section of the settings form. */
export function EscalationFields({ form, channels, schedules }: Sources & { form: UseFormReturnType<SettingsValues> }) {
  const { t } = useTranslation();
  const levels = form.values.escalation.levels;
  const preview = usePreview(form.values.escalation, channels, schedules);
  const any = channels.length + schedules.length > 0;
  const levelsError = form.errors['escalation.levels'];
  // The test takes the ladder on screen once its fields validate (their errors show where they are).
  const draft = () => {
    const { errors } = form.validate();
    return Object.keys(errors).some((key) => key.startsWith('escalation')) ? null : toPolicy(form.values.escalation);
  };
  return (
    <Stack gap="sm" data-testid="escalation">
      <Title order={3} size="h5">
        {t(`${k}.title`)}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`${k}.intro`)}
      </Text>
      {any ? null : (
        <Text size="sm">
          {t(`${k}.noChannels`)}{' '}
          <Anchor component={Link} to="/alerts/channels">
            {t(`${k}.channelsLink`)}
          </Anchor>{' '}
          <Anchor component={Link} to="/alerts/oncall">
            {t(`${k}.schedulesLink`)}
          </Anchor>
        </Text>
      )}
      {levels.length === 0 && any ? (
        <Text size="sm" c="dimmed">
          {t(`${k}.none`)}
        </Text>
      ) : null}
      {levels.map((_, i) => (
        // Levels have no identity beyond their position; removing one renumbers the rest.
        // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity
        <Level key={i} form={form} index={i} channels={channels} schedules={schedules} />
      ))}
      {levelsError ? (
        <Text size="sm" c="red" role="alert">
          {levelsError}
        </Text>
      ) : null}
      {any ? (
        <Group gap="sm">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            disabled={levels.length >= MAX_LEVELS}
            onClick={() =>
              form.insertListItem('escalation.levels', { afterMinutes: levels.length ? 30 : 15, channelIds: [], scheduleIds: [] })
            }
          >
            {t(`${k}.addLevel`)}
          </Button>
          {levels.length >= MAX_LEVELS ? (
            <Text size="xs" c="dimmed">
              {t(`${k}.maxLevels`)}
            </Text>
          ) : null}
        </Group>
      ) : null}
      {levels.length > 0 ? (
        <WholeNumberInput
          label={t(`${k}.repeat`)}
          description={t(`${k}.repeatHelp`)}
          min={0}
          max={5}
          maw={320}
          {...form.getInputProps('escalation.repeat')}
        />
      ) : null}
      {preview ? (
        <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)" data-testid="escalation-preview">
          <Text size="xs" c="dimmed">
            {t(`${k}.preview`)}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="escalation-sentence">
            {preview}
          </Text>
        </Paper>
      ) : null}
      {levels.length > 0 ? <EscalationTest draft={draft} dirty={form.isDirty('escalation')} /> : null}
    </Stack>
  );
}
