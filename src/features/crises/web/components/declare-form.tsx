// The declare form: title, type, what is known, the level (each with its one-line meaning) and why, beside a live
// preview of the playbook the declaration will set up. On success it opens the new crisis room.
import { Alert, Button, Grid, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlame, IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { type CrisisType, crisisTypes, type Severity, severities } from '../../contract.ts';
import { useDeclareCrisis } from '../queries.ts';
import { PlaybookPreview } from './playbook-preview.tsx';

type Values = { title: string; type: CrisisType | ''; summary: string; severity: Severity; reason: string };

/** What an alert hands over: its id, and the title and level to start from. */
export type DeclareFrom = { alertId: string; topic: string; severity: Severity };

/** The form; `from` pre-fills it from an alert. */
export function DeclareForm({ from }: { from?: DeclareFrom }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const declare = useDeclareCrisis();
  const form = useForm<Values>({
    initialValues: { title: from?.topic ?? '', type: '', summary: '', severity: from?.severity ?? 'L3', reason: '' },
    validate: {
      title: (v) => (v.trim() ? (v.trim().length > 200 ? t('validation.maxLength', { count: 200 }) : null) : t('validation.required')),
      type: (v) => (v ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const summary = v.summary.trim();
    const reason = v.reason.trim();
    try {
      const c = await declare.mutateAsync({
        title: v.title.trim(),
        type: v.type as CrisisType,
        severity: v.severity,
        ...(summary ? { summary } : {}),
        ...(reason ? { reason } : {}),
        ...(from ? { alertId: from.alertId } : {}),
      });
      notifySuccess(t('crises.form.declared', { number: c.number }));
      void navigate({ to: `/crises/${c.id}` });
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      notifyError(err, t);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="declare-form">
      <Stack gap="md">
        {from ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="declare-from-alert">
            {t('crises.form.fromAlert', { topic: from.topic })}
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <TextInput
                label={t('crises.form.name')}
                placeholder={t('crises.form.namePlaceholder')}
                required
                maxLength={200}
                {...form.getInputProps('title')}
              />
              <Select
                label={t('crises.form.type')}
                placeholder={t('crises.form.typePlaceholder')}
                required
                data={crisisTypes.map((x) => ({ value: x, label: t(`crises.type.${x}`) }))}
                comboboxProps={{ withinPortal: true }}
                allowDeselect={false}
                {...form.getInputProps('type')}
              />
              <Textarea
                label={`${t('crises.form.summary')} ${t('common.optional')}`}
                placeholder={t('crises.form.summaryPlaceholder')}
                autosize
                minRows={3}
                maxLength={5000}
                {...form.getInputProps('summary')}
              />
              <Radio.Group label={t('crises.form.severity')} required {...form.getInputProps('severity')}>
                <Stack gap="sm" mt="xs">
                  {severities.map((s) => (
                    <Radio key={s} value={s} label={t(`crises.severity.${s}`)} description={t(`crises.severityHint.${s}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={`${t('crises.form.reason')} ${t('common.optional')}`}
                placeholder={t('crises.form.reasonPlaceholder')}
                description={t('crises.form.reasonHelp')}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('reason')}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <PlaybookPreview type={form.values.type || null} severity={form.values.severity} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => window.history.back()} disabled={declare.isPending}>
            {t('crises.form.cancel')}
          </Button>
          <Button type="submit" color="red" leftSection={<IconFlame size={16} />} loading={declare.isPending}>
            {t('crises.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
