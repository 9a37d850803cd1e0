// Settings → Organisation: name, default language and time zone (administrators).
import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneChoices } from '../../../../../platform/time-zone.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { type Locale, locales, toLocale } from '../../../../../web/i18n/index.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { textRule } from '../../../../../web/validation.ts';
import { orgQuery, useUpdateOrg } from '../../queries.ts';

function OrgForm({ org }: { org: { name: string; defaultLocale: Locale; timeZone: string } }) {
  const { t } = useTranslation();
  const update = useUpdateOrg();
  const zones = useMemo(() => timeZoneChoices(org.timeZone), [org.timeZone]);
  const form = useForm({
    initialValues: { name: org.name, defaultLocale: org.defaultLocale, timeZone: org.timeZone },
    validate: { name: textRule(t, 200) },
  });
  // mutateAsync, not mutate's callbacks: the saved version remounts this form before those would run.
  const submit = form.onSubmit(async (v) => {
    try {
      await update.mutateAsync({ name: v.name.trim(), defaultLocale: v.defaultLocale, timeZone: v.timeZone });
      notifySuccess(t('org.updated'));
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      notifyError(err, t);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('field.orgName')} required {...form.getInputProps('name')} />
        <Select
          label={t('field.defaultLocale')}
          data={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          allowDeselect={false}
          {...form.getInputProps('defaultLocale')}
          onChange={(v) => form.setFieldValue('defaultLocale', toLocale(v))}
        />
        <Select
          label={t('org.timeZone')}
          description={t('org.timeZoneHelp')}
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('org.timeZoneNothingFound')}
          maxDropdownHeight={280}
          data-testid="org-time-zone"
          {...form.getInputProps('timeZone')}
          onChange={(v) => v && form.setFieldValue('timeZone', v)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation's settings. */
export function OrgPage() {
  const { t } = useTranslation();
  const org = useQuery(orgQuery);
  return (
    <RequirePermission permission="org.update">
      <Stack maw={560}>
        <PageHeader title={t('org.title')} description={t('org.intro')} />
        <Paper withBorder p="md">
          <QueryState query={org}>{(data) => <OrgForm key={data.version} org={data} />}</QueryState>
        </Paper>
      </Stack>
    </RequirePermission>
  );
}
