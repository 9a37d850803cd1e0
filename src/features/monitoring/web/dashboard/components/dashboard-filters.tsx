// Topic, range and bucket selectors; the choice lives in the URL so a view can be shared.
import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dashboardBuckets } from '../../../dashboard-contract.ts';
import type { TopicOption } from '../queries.ts';
import { bucketAllowed, type DashboardSearch, effectiveBucket, rangeMs, ranges } from '../search.ts';

const ALL = '__all__';

/** The controls above the dashboard. */
export function DashboardFilters(props: { value: DashboardSearch; topics: TopicOption[]; onChange: (next: DashboardSearch) => void }) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const range = value.range ?? '24h';
  const topics = props.topics.filter((tp) => !tp.archived || tp.id === value.topic);
  const set = (patch: Partial<DashboardSearch>) => onChange({ ...value, ...patch });
  const customInvalid = range === 'custom' && value.from !== undefined && value.to !== undefined && rangeMs(value) === null;
  return (
    <Stack gap="xs" role="group" aria-label={t('monitoring.dashboard.filters.label')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('monitoring.dashboard.filters.topic')}
          data={[
            { value: ALL, label: t('monitoring.dashboard.filters.allMentions') },
            ...topics.map((tp) => ({
              value: tp.id,
              label: tp.archived ? t('monitoring.dashboard.filters.archived', { name: tp.name }) : tp.name,
            })),
          ]}
          value={value.topic ?? ALL}
          onChange={(v) => set({ topic: !v || v === ALL ? undefined : v })}
          allowDeselect={false}
          searchable={topics.length > 8}
          w={{ base: '100%', sm: 240 }}
          data-testid="topic-select"
        />
        <Stack gap={4} w={{ base: '100%', sm: 'auto' }}>
          <Text size="sm" fw={500} component="span" id="dashboard-range-label">
            {t('monitoring.dashboard.filters.range')}
          </Text>
          <SegmentedControl
            aria-labelledby="dashboard-range-label"
            data={ranges.map((r) => ({ value: r, label: t(`monitoring.dashboard.range.${r}`) }))}
            value={range}
            onChange={(r) => set({ range: r as DashboardSearch['range'], bucket: undefined })}
            fullWidth
          />
        </Stack>
        <Stack gap={4} w={{ base: '100%', sm: 'auto' }}>
          <Text size="sm" fw={500} component="span" id="dashboard-bucket-label">
            {t('monitoring.dashboard.filters.bucket')}
          </Text>
          <SegmentedControl
            aria-labelledby="dashboard-bucket-label"
            data={dashboardBuckets.map((b) => ({
              value: b,
              label: t(`monitoring.dashboard.bucket.${b}`),
              disabled: !bucketAllowed(value, b),
            }))}
            value={effectiveBucket(value)}
            onChange={(b) => set({ bucket: b as DashboardSearch['bucket'] })}
            fullWidth
          />
        </Stack>
      </Group>
      {range === 'custom' ? (
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('monitoring.dashboard.filters.from')}
            value={value.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
            w={{ base: '100%', xs: 180 }}
          />
          <TextInput
            type="date"
            label={t('monitoring.dashboard.filters.to')}
            value={value.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
            w={{ base: '100%', xs: 180 }}
            error={customInvalid ? t('monitoring.dashboard.filters.badCustom') : undefined}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
