// /alerts/settings: the risk score from which each severity is suggested (L1 ≥ …, L2 ≥ …, L3 ≥ …, else L4),
// falling from L1 to L3, with the resulting ranges shown as the admin types; the detection bucket size; and the
// escalation ladder for alerts nobody acknowledges (with its test). All are saved together. Administrators only.
import { Badge, Button, Card, Divider, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { type BucketMinutes, DEFAULT_BUCKET_MINUTES, type Severity, type WarningSettings } from '../../contract.ts';
import type { ChannelOut } from '../../notify-contract.ts';
import { channelsQuery } from '../channels/queries.ts';
import { severityColor } from '../components/alert-badges.tsx';
import { BackToAlerts } from '../components/back-link.tsx';
import { BucketField } from '../components/bucket-field.tsx';
import {
  EscalationFields,
  escalationRules,
  escalationValues,
  toPolicy,
  type SettingsValues as Values,
} from '../components/escalation-fields.tsx';
import { WholeNumberInput } from '../components/whole-number-input.tsx';
import { formErrors } from '../form-errors.ts';
import { type ScheduleOut, schedulesQuery } from '../oncall/queries.ts';
import { useSaveWarningSettings, warningSettingsQuery } from '../queries.ts';

const levels = ['L1', 'L2', 'L3'] as const;

const whole = (v: number | string) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100 ? v : null);

const rangeRule = (t: TFunction) => (v: number | string) => (whole(v) === null ? t('validation.range', { min: 1, max: 100 }) : null);

/** True when all three are whole numbers in range but do not fall from L1 to L3. */
function outOfOrder(v: Values): boolean {
  const [a, b, c] = [whole(v.L1), whole(v.L2), whole(v.L3)];
  return a !== null && b !== null && c !== null && !(a > b && b > c);
}

/** The ranges the thresholds give, L1 first, for the preview. */
function ranges(v: Values): Array<{ level: Severity; from: number; to: number }> | null {
  const [a, b, c] = [whole(v.L1), whole(v.L2), whole(v.L3)];
  if (a === null || b === null || c === null || !(a > b && b > c)) return null;
  return [
    { level: 'L1', from: a, to: 100 },
    { level: 'L2', from: b, to: a - 1 },
    { level: 'L3', from: c, to: b - 1 },
    { level: 'L4', from: 0, to: c - 1 },
  ];
}

/** Server errors on this form: an unknown channel is reported on the whole ladder. */
function settingsErrors(err: unknown, t: TFunction): Record<string, string> {
  const errors = formErrors(err, t);
  if (errors['escalation.levels']) errors['escalation.levels'] = t('warnings.settings.escalation.unknownChannel');
  return errors;
}

type Sources = { channels: ChannelOut[]; schedules: ScheduleOut[] };

function SettingsForm({ settings, channels, schedules }: Sources & { settings: WarningSettings }) {
  const { t } = useTranslation();
  const save = useSaveWarningSettings();
  const rule = rangeRule(t);
  const savedBucket = settings.bucketMinutes ?? DEFAULT_BUCKET_MINUTES;
  const form = useForm<Values>({
    initialValues: {
      ...settings.grading,
      bucketMinutes: String(savedBucket),
      escalation: escalationValues(settings.escalation, channels, schedules),
    },
    validate: { L1: rule, L2: rule, L3: rule, escalation: escalationRules(t) },
    validateInputOnBlur: true,
  });
  const disordered = outOfOrder(form.values);
  // Saving replaces the cached settings, which remounts this form with them (the key): only the promise
  // outlives that, so success and failure are reported from it rather than from mutate's callbacks.
  const submit = form.onSubmit(async (v) => {
    if (outOfOrder(v)) return;
    const escalation = toPolicy(v.escalation);
    // Sending no escalation keeps the stored one: an organisation that never set one up keeps none.
    const keep = settings.escalation === undefined && escalation.levels.length === 0;
    try {
      await save.mutateAsync({
        grading: { L1: Number(v.L1), L2: Number(v.L2), L3: Number(v.L3) },
        bucketMinutes: Number(v.bucketMinutes) as BucketMinutes,
        ...(keep ? {} : { escalation }),
      });
      notifySuccess(t('warnings.settings.saved'));
    } catch (err) {
      form.setErrors(settingsErrors(err, t));
      notifyError(err, t);
    }
  });
  const preview = ranges(form.values);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {levels.map((level) => (
          <WholeNumberInput
            key={level}
            label={t('warnings.settings.level', { level })}
            min={1}
            max={100}
            maw={320}
            {...form.getInputProps(level)}
          />
        ))}
        {disordered ? (
          <Text size="sm" c="red" role="alert" data-testid="grading-order-error">
            {t('warnings.settings.descending')}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('warnings.settings.l4', { value: whole(form.values.L3) ?? '…' })}
        </Text>
        {preview ? (
          <Stack gap={6} data-testid="grading-preview">
            <Text size="sm" fw={600}>
              {t('warnings.settings.preview')}
            </Text>
            <Group gap="xs" wrap="wrap">
              {preview.map((r) => (
                <Badge key={r.level} color={severityColor[r.level]} variant="light" size="lg" style={{ textTransform: 'none' }}>
                  {r.level} · {t('warnings.settings.range', { from: r.from, to: r.to })}
                </Badge>
              ))}
            </Group>
          </Stack>
        ) : null}
        <Divider my="xs" />
        <BucketField form={form} saved={savedBucket} />
        <Divider my="xs" />
        <EscalationFields form={form} channels={channels} schedules={schedules} />
        <Group>
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={16} />}
            loading={save.isPending}
            disabled={!form.isDirty() || disordered}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The grading settings page. */
export function WarningSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(warningSettingsQuery);
  // Escalation names channels; only people who may configure warnings (administrators) reach the form.
  const channels = useQuery({ ...channelsQuery, enabled: useCan('channel.read') });
  const schedules = useQuery(schedulesQuery);
  return (
    <RequirePermission permission="warning.configure">
      <Stack gap="sm">
        <BackToAlerts />
        <PageHeader title={t('warnings.settings.title')} description={t('warnings.settings.intro')} />
        <Card withBorder radius="md" padding="md" maw={640}>
          <QueryState query={settings}>
            {(s) => (
              <QueryState query={channels}>
                {(list) => (
                  <QueryState query={schedules}>
                    {(sch) => <SettingsForm key={JSON.stringify(s)} settings={s} channels={list} schedules={sch} />}
                  </QueryState>
                )}
              </QueryState>
            )}
          </QueryState>
        </Card>
      </Stack>
    </RequirePermission>
  );
}
