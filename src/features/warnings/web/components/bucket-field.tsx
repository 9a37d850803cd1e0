// The detection bucket (偵測時間區間): how long a slice of time the detector judges at once (default 5 minutes),
// with the trade-off explained, and a note while a change is unsaved that every topic's detector will relearn.
import { Alert, Select, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { bucketMinuteChoices, DEFAULT_BUCKET_MINUTES } from '../../contract.ts';
import type { SettingsValues } from './escalation-fields.tsx';

const k = 'warnings.settings.bucket';

/** The bucket size select; `saved` is the stored size in minutes. */
export function BucketField({ form, saved }: { form: UseFormReturnType<SettingsValues>; saved: number }) {
  const { t } = useTranslation();
  const data = bucketMinuteChoices.map((m) => {
    const label = t(`${k}.minutes`, { count: m });
    return { value: String(m), label: m === DEFAULT_BUCKET_MINUTES ? t(`${k}.default`, { label }) : label };
  });
  const chosen = form.values.bucketMinutes;
  return (
    <Stack gap="xs" data-testid="bucket">
      <Title order={3} size="h5">
        {t(`${k}.title`)}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`${k}.help`)}
      </Text>
      <Select
        label={t(`${k}.label`)}
        data={data}
        allowDeselect={false}
        maw={320}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('bucketMinutes')}
      />
      {chosen !== String(saved) ? (
        <Alert color="orange" variant="light" p="xs" icon={<IconRefresh size={16} />} data-testid="bucket-changed">
          <Text size="sm">{t(`${k}.changed`, { minutes: Number(chosen) })}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
