// Filters of the audit log: event type (or a whole group), actor, and a date range.
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { eventTypeList, type User } from '../model.ts';
import type { AuditFilters } from '../queries.ts';

/** What the filter inputs hold (dates as yyyy-mm-dd, local time). */
export type AuditFilterValues = { type: string; actorId: string; from: string; to: string };

/** The empty filter set. */
export const noFilters: AuditFilterValues = { type: '', actorId: '', from: '', to: '' };

const groups = ['org', 'user', 'department', 'token'] as const;

/** Converts the inputs to API query values: whole local days, as ISO timestamps. */
export function toQuery(v: AuditFilterValues): AuditFilters {
  const day = (d: string, end: boolean) => (d ? new Date(`${d}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);
  return { type: v.type || undefined, actorId: v.actorId || undefined, from: day(v.from, false), to: day(v.to, true) };
}

/** The filter bar above the audit table. */
export function AuditFilterBar({
  value,
  users,
  onChange,
}: {
  value: AuditFilterValues;
  users: User[];
  onChange: (v: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const typeData = groups.map((g) => ({
    group: t(`audit.group.${g}`),
    items: [
      { value: `${g}.`, label: t(`audit.groupAll.${g}`) },
      ...eventTypeList.filter((e) => e.startsWith(`${g}.`)).map((e) => ({ value: e, label: t(`events.${e}`) })),
    ],
  }));
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Group align="flex-end" gap="sm" aria-label={t('audit.filters')} role="search">
      <Select
        label={t('audit.filterType')}
        placeholder={t('audit.anyType')}
        data={typeData}
        value={value.type || null}
        onChange={(v) => set({ type: v ?? '' })}
        clearable
        searchable
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        label={t('audit.filterActor')}
        placeholder={t('audit.anyActor')}
        data={users.map((u) => ({ value: u.id, label: u.name }))}
        value={value.actorId || null}
        onChange={(v) => set({ actorId: v ?? '' })}
        clearable
        searchable
        w={{ base: '100%', xs: 200 }}
      />
      <TextInput
        label={t('audit.from')}
        type="date"
        value={value.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
        w={{ base: '47%', xs: 160 }}
      />
      <TextInput
        label={t('audit.to')}
        type="date"
        value={value.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
        w={{ base: '47%', xs: 160 }}
      />
      <Button variant="subtle" onClick={() => onChange(noFilters)} disabled={JSON.stringify(value) === JSON.stringify(noFilters)}>
        {t('common.clear')}
      </Button>
    </Group>
  );
}
