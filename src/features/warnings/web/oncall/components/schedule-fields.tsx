// The list parts of the schedule form: people in rotation order (add, move up/down, remove), covered hours (weekday
// chips with from/to) and overrides (person with start and end in the schedule's time zone).
import { ActionIcon, Button, Chip, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { weekdayKey } from './schedule-text.ts';

const k = 'warnings.oncall.form';

/** The schedule as the form holds it. */
export type ScheduleValues = {
  name: string;
  timeZone: string;
  participants: string[];
  startDate: string;
  handoffTime: string;
  length: 'daily' | 'weekly' | 'custom';
  lengthDays: number | string;
  allDay: boolean;
  coverage: Array<{ days: string[]; from: string; to: string }>;
  overrides: Array<{ userId: string; start: string; end: string }>;
};

type Form = UseFormReturnType<ScheduleValues>;
type Person = { value: string; label: string };

/** Who takes turns, in order. */
export function ParticipantsField({ form, people }: { form: Form; people: Person[] }) {
  const { t } = useTranslation();
  const chosen = form.values.participants;
  const label = (id: string) => people.find((p) => p.value === id)?.label ?? t('warnings.oncall.formerMember');
  const error = form.errors.participants;
  return (
    <Stack gap={6} data-testid="participants">
      <Text size="sm" fw={500}>
        {t(`${k}.participants`)}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`${k}.participantsHelp`)}
      </Text>
      {chosen.map((id, i) => (
        <Group key={id} gap={6} wrap="nowrap" data-testid="participant">
          <Text size="sm" c="dimmed" w={20} ta="right" style={{ flex: 'none' }}>
            {i + 1}.
          </Text>
          <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {label(id)}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            disabled={i === 0}
            aria-label={t(`${k}.moveUp`, { name: label(id) })}
            onClick={() => form.reorderListItem('participants', { from: i, to: i - 1 })}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            disabled={i === chosen.length - 1}
            aria-label={t(`${k}.moveDown`, { name: label(id) })}
            onClick={() => form.reorderListItem('participants', { from: i, to: i + 1 })}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t(`${k}.remove`, { name: label(id) })}
            onClick={() => form.removeListItem('participants', i)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Select
        aria-label={t(`${k}.addPerson`)}
        placeholder={t(`${k}.addPersonPlaceholder`)}
        data={people.filter((p) => !chosen.includes(p.value))}
        value={null}
        onChange={(id) => {
          if (id) form.insertListItem('participants', id);
        }}
        searchable
        comboboxProps={{ withinPortal: true }}
        error={error}
      />
    </Stack>
  );
}

function RowFrame({ label, onRemove, children }: { label: string; onRemove: () => void; children: React.ReactNode }) {
  return (
    <Paper withBorder p="xs" radius="md">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          {children}
        </Stack>
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}

/** The hours someone is on call, per weekday. */
export function CoverageRows({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="coverage-rows">
      <Text size="xs" c="dimmed">
        {t(`${k}.coverageHelp`)}
      </Text>
      {form.values.coverage.map((_, i) => {
        const path = `coverage.${i}`;
        const days = form.getInputProps(`${path}.days`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity
          <RowFrame key={i} label={t(`${k}.removeCoverage`, { n: i + 1 })} onRemove={() => form.removeListItem('coverage', i)}>
            <Chip.Group multiple value={days.value} onChange={days.onChange}>
              <Group gap={4} wrap="wrap" role="group" aria-label={t(`${k}.coverageDays`)}>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <Chip key={d} value={String(d)} size="xs">
                    {t(weekdayKey(d))}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {days.error ? (
              <Text size="xs" c="red">
                {days.error}
              </Text>
            ) : null}
            <Group grow gap="xs" align="flex-start">
              <TextInput type="time" label={t(`${k}.from`)} {...form.getInputProps(`${path}.from`)} />
              <TextInput type="time" label={t(`${k}.to`)} {...form.getInputProps(`${path}.to`)} />
            </Group>
          </RowFrame>
        );
      })}
      <AddButton
        label={t(`${k}.addCoverage`)}
        onClick={() => form.insertListItem('coverage', { days: ['1', '2', '3', '4', '5'], from: '09:00', to: '18:00' })}
      />
    </Stack>
  );
}

/** Someone else on call for a while. */
export function OverrideRows({ form, people }: { form: Form; people: Person[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="override-rows">
      <Text size="sm" fw={500}>
        {t(`${k}.overrides`)}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`${k}.overridesHelp`)}
      </Text>
      {form.values.overrides.map((_, i) => {
        const path = `overrides.${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity
          <RowFrame key={i} label={t(`${k}.removeOverride`, { n: i + 1 })} onRemove={() => form.removeListItem('overrides', i)}>
            <Select
              label={t(`${k}.overridePerson`)}
              data={people}
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps(`${path}.userId`)}
            />
            <TextInput type="datetime-local" label={t(`${k}.overrideStart`)} {...form.getInputProps(`${path}.start`)} />
            <TextInput type="datetime-local" label={t(`${k}.overrideEnd`)} {...form.getInputProps(`${path}.end`)} />
          </RowFrame>
        );
      })}
      <AddButton label={t(`${k}.addOverride`)} onClick={() => form.insertListItem('overrides', { userId: '', start: '', end: '' })} />
    </Stack>
  );
}
