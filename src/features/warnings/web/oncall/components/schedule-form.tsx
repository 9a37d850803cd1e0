// Add or edit an on-call schedule: name, time zone, people in rotation order, first hand-over date and time,
// rotation length (daily, weekly or n days), covered hours (around the clock or per weekday) and overrides.
import { Group, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneChoices } from '../../../../../platform/time-zone.ts';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { textRule } from '../../../../../web/validation.ts';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import { usersQuery } from '../../../../people/web/queries.ts';
import type { Schedule } from '../../../oncall.ts';
import { DialogButtons, EditDialog } from '../../components/edit-dialog.tsx';
import { WholeNumberInput } from '../../components/whole-number-input.tsx';
import { formErrors, isStale } from '../../form-errors.ts';
import { type ScheduleOut, useSaveSchedule } from '../queries.ts';
import { fromLocal, localText, toLocalInput, weekdayOf } from '../zoned.ts';
import { CoverageRows, OverrideRows, ParticipantsField, type ScheduleValues as Values } from './schedule-fields.tsx';
import { useHandoffText } from './schedule-text.ts';

type Target = ScheduleOut | 'new';
const k = 'warnings.oncall.form';
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** This week's Monday in the time zone (a new rotation is already running). */
function thisMonday(timeZone: string): string {
  const today = localText(Date.now(), timeZone).date;
  const back = weekdayOf(today) - 1;
  return new Date(Date.parse(`${today}T00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
}

/** A new schedule starts in the organisation's time zone. */
function initialValues(target: Target, orgZone: string): Values {
  if (target === 'new')
    return {
      name: '',
      timeZone: orgZone,
      participants: [],
      startDate: thisMonday(orgZone),
      handoffTime: '09:00',
      length: 'weekly',
      lengthDays: 7,
      allDay: true,
      coverage: [],
      overrides: [],
    };
  const s = target;
  return {
    name: s.name,
    timeZone: s.timeZone,
    participants: s.participants,
    startDate: s.startDate,
    handoffTime: s.handoffTime,
    length: s.lengthDays === 1 ? 'daily' : s.lengthDays === 7 ? 'weekly' : 'custom',
    lengthDays: s.lengthDays,
    allDay: !s.coverage?.length,
    coverage: (s.coverage ?? []).map((c) => ({ days: c.days.map(String), from: c.from, to: c.to })),
    overrides: s.overrides.map((o) => ({
      userId: o.userId,
      start: toLocalInput(o.start, s.timeZone),
      end: toLocalInput(o.end, s.timeZone),
    })),
  };
}

const lengthOf = (v: Values) => (v.length === 'daily' ? 1 : v.length === 'weekly' ? 7 : Number(v.lengthDays));

function toSchedule(v: Values): Schedule {
  return {
    name: v.name.trim(),
    timeZone: v.timeZone,
    participants: v.participants,
    startDate: v.startDate,
    handoffTime: v.handoffTime,
    lengthDays: lengthOf(v),
    ...(v.allDay ? {} : { coverage: v.coverage.map((c) => ({ days: c.days.map(Number).sort(), from: c.from, to: c.to })) }),
    overrides: v.overrides.map((o) => ({
      userId: o.userId,
      start: new Date(fromLocal(o.start, v.timeZone)).toISOString(),
      end: new Date(fromLocal(o.end, v.timeZone)).toISOString(),
    })),
  };
}

function rules(t: TFunction) {
  const required = (v: string) => (v ? null : t('validation.required'));
  const time = (v: string) => (HHMM.test(v) ? null : t('validation.required'));
  const coverageOnly = (rule: (v: string) => string | null) => (v: string, all: Values) => (all.allDay ? null : rule(v));
  return {
    name: textRule(t, 120),
    timeZone: required,
    participants: (v: string[]) => (v.length === 0 ? t(`${k}.participantsRequired`) : null),
    startDate: (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('validation.required')),
    handoffTime: time,
    lengthDays: (v: number | string, all: Values) =>
      all.length !== 'custom' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 28)
        ? null
        : t('validation.range', { min: 1, max: 28 }),
    coverage: {
      days: (v: string[], all: Values) => (all.allDay || v.length > 0 ? null : t(`${k}.daysRequired`)),
      from: coverageOnly(time),
      to: coverageOnly(time),
    },
    overrides: {
      userId: required,
      start: required,
      end: (v: string, all: Values, path: string) => {
        if (!v) return t('validation.required');
        const o = all.overrides[Number(path.split('.')[1])];
        return fromLocal(v, all.timeZone) > fromLocal(o?.start ?? '', all.timeZone) ? null : t(`${k}.endAfterStart`);
      },
    },
  };
}

/** Server paths onto form fields: people problems on the rotation, override fields as they are. */
const rename = (path: string) => (path.startsWith('overrides.') || path.startsWith('coverage.') ? path : path.split('.')[0]);

function FormBody({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const creating = target === 'new';
  const save = useSaveSchedule();
  const users = useQuery(usersQuery);
  const handoff = useHandoffText();
  const orgZone = useOrgTimeZone();
  const form = useForm<Values>({ initialValues: initialValues(target, orgZone), validate: rules(t) });
  const v = form.values;
  const people = (users.data ?? [])
    .filter((u) => u.status === 'active' || v.participants.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const submit = form.onSubmit(async (values) => {
    const body = toSchedule(values);
    try {
      const out = await save.mutateAsync(creating ? body : { ...body, id: target.id, version: target.version });
      notifySuccess(t(creating ? 'warnings.oncall.created' : 'warnings.oncall.updated', { name: out.name }));
      onClose();
    } catch (err) {
      if (isStale(err)) {
        notifications.show({ color: 'yellow', message: t('warnings.oncall.stale') });
        onClose();
        return;
      }
      const errors = formErrors(err, t, rename);
      if (errors.participants) errors.participants = t(`${k}.inactivePerson`);
      form.setErrors(errors);
      notifyError(err, t);
    }
  });
  const zones = useMemo(() => timeZoneChoices(v.timeZone || undefined), [v.timeZone]);
  const lengthOk = v.length !== 'custom' || (typeof v.lengthDays === 'number' && v.lengthDays >= 1 && v.lengthDays <= 28);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t(`${k}.name`)} placeholder={t(`${k}.namePlaceholder`)} required data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t(`${k}.timeZone`)}
          data={zones}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('timeZone')}
        />
        <ParticipantsField form={form} people={people} />
        <Group grow gap="xs" align="flex-start">
          <TextInput type="date" label={t(`${k}.startDate`)} required {...form.getInputProps('startDate')} />
          <TextInput type="time" label={t(`${k}.handoffTime`)} required {...form.getInputProps('handoffTime')} />
        </Group>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t(`${k}.length`)}
          </Text>
          <SegmentedControl
            aria-label={t(`${k}.length`)}
            data={(['daily', 'weekly', 'custom'] as const).map((x) => ({ value: x, label: t(`${k}.${x}`) }))}
            {...form.getInputProps('length')}
          />
          {v.length === 'custom' ? (
            <WholeNumberInput
              label={t(`${k}.lengthDays`)}
              min={1}
              max={28}
              maw={200}
              rightSection={
                <Text size="sm" c="dimmed">
                  {t(`${k}.days`)}
                </Text>
              }
              rightSectionPointerEvents="none"
              {...form.getInputProps('lengthDays')}
            />
          ) : null}
          {lengthOk && HHMM.test(v.handoffTime) && v.startDate ? (
            <Text size="sm" c="dimmed" data-testid="handoff-preview">
              {handoff({ lengthDays: lengthOf(v), startDate: v.startDate, handoffTime: v.handoffTime })}
            </Text>
          ) : null}
        </Stack>
        <Switch
          label={t(`${k}.allDay`)}
          {...form.getInputProps('allDay', { type: 'checkbox' })}
          onChange={(e) => {
            const allDay = e.currentTarget.checked;
            form.setFieldValue('allDay', allDay);
            if (!allDay && v.coverage.length === 0)
              form.setFieldValue('coverage', [{ days: ['1', '2', '3', '4', '5'], from: '09:00', to: '18:00' }]);
          }}
        />
        {v.allDay ? null : <CoverageRows form={form} />}
        <OverrideRows form={form} people={people} />
        <DialogButtons creating={creating} pending={save.isPending} onClose={onClose} />
      </Stack>
    </form>
  );
}

/** The add/edit schedule dialog: `target` is the schedule, 'new', or null when closed. */
export function ScheduleFormModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <EditDialog target={target} onClose={onClose} addTitle={t(`${k}.addTitle`)} editTitle={t(`${k}.editTitle`)}>
      {(x) => <FormBody target={x} onClose={onClose} />}
    </EditDialog>
  );
}
