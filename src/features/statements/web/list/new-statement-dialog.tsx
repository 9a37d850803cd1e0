// "新增聲明": kind, language, title, the audience (from the crisis's plan), a template for that kind and language
// (with when legal last signed it off) and the template's fill-in fields; creating opens the new statement.
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGavel } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { type StatementKind, type StatementLanguage, type StatementTemplate, statementKinds, statementLanguages } from '../../contract.ts';
import { audienceName } from '../plan/labels.ts';
import { planQuery, templatesQuery } from '../queries.ts';
import { useCreateStatement } from './queries.ts';

type Values = {
  kind: StatementKind;
  language: StatementLanguage;
  title: string;
  audienceId: string | null;
  fields: Record<string, string>;
};

/** The organisation's templates before the shipped ones, each group by name. */
function templatesFor(all: StatementTemplate[], kind: StatementKind, language: StatementLanguage) {
  return all
    .filter((tpl) => tpl.kind === kind && tpl.language === language)
    .sort((a, b) => Number(a.builtin) - Number(b.builtin) || a.name.localeCompare(b.name));
}

function LegalLine({ tpl }: { tpl: StatementTemplate }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const date = tpl.legalSignedAt ? formatDateTime(tpl.legalSignedAt, zone) : '';
  return (
    <Group gap={6} wrap="nowrap" data-testid="template-legal">
      <IconGavel size={14} aria-hidden style={{ flex: 'none' }} />
      <Text size="xs" c={tpl.legalSignedAt ? 'teal' : 'dimmed'}>
        {!tpl.legalSignedAt
          ? t('statementList.new.legalNever')
          : tpl.legalSignedBy
            ? t('statementList.new.legalSignedBy', { date, name: tpl.legalSignedBy.name })
            : t('statementList.new.legalSigned', { date })}
      </Text>
    </Group>
  );
}

function NewStatementForm({ crisisId, onClose }: { crisisId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateStatement(crisisId);
  const plan = useQuery(planQuery(crisisId));
  const templates = useQuery(templatesQuery);
  const form = useForm<Values>({
    initialValues: {
      kind: 'holding',
      language: i18n.language === 'en' ? 'en' : 'zh-TW',
      title: '',
      audienceId: null,
      fields: {},
    },
    validate: { title: (v) => (v.trim() ? null : t('validation.required')) },
  });
  // undefined: the first template for the kind and language (the organisation's own before the shipped one);
  // null: the user chose none.
  const [templateId, setTemplateId] = useState<string | null | undefined>(undefined);
  const v = form.values;
  const choices = templatesFor(templates.data ?? [], v.kind, v.language);
  const tpl = templateId === undefined ? (choices[0] ?? null) : (choices.find((c) => c.id === templateId) ?? null);
  const reselect = () => setTemplateId(undefined);
  const submit = form.onSubmit(async (values) => {
    const fields = Object.fromEntries(
      Object.entries(values.fields)
        .filter(([k, val]) => tpl?.fields.includes(k) && val.trim())
        .map(([k, val]) => [k, val.trim()]),
    );
    try {
      const s = await create.mutateAsync({
        kind: values.kind,
        language: values.language,
        title: values.title.trim(),
        ...(values.audienceId ? { audienceId: values.audienceId } : {}),
        ...(tpl ? { templateId: tpl.id, ...(Object.keys(fields).length ? { fields } : {}) } : {}),
      });
      notifySuccess(t('statementList.new.created'));
      onClose();
      void navigate({ to: '/statements/$statementId', params: { statementId: s.id } });
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      notifyError(err, t);
    }
  });
  const audiences = (plan.data?.audiences ?? []).map((a) => ({ value: a.id, label: audienceName(a, t) }));
  return (
    <form onSubmit={submit} noValidate data-testid="new-statement-form">
      <Stack gap="sm">
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('statementList.new.kind')}
            data={statementKinds.map((k) => ({ value: k, label: t(`statementList.kind.${k}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
            onChange={(k) => {
              if (!k) return;
              form.setFieldValue('kind', k as StatementKind);
              reselect();
            }}
            miw={160}
          />
          <Select
            label={t('statementList.new.language')}
            data={statementLanguages.map((l) => ({ value: l, label: t(`statementList.language.${l}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('language')}
            onChange={(l) => {
              if (!l) return;
              form.setFieldValue('language', l as StatementLanguage);
              reselect();
            }}
            miw={140}
          />
        </Group>
        <TextInput
          label={t('statementList.new.name')}
          placeholder={t('statementList.new.namePlaceholder')}
          required
          maxLength={200}
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Select
          label={t('statementList.new.audience')}
          description={t('statementList.new.audienceHelp')}
          placeholder={t('statementList.new.audienceNone')}
          data={audiences}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('audienceId')}
        />
        <Select
          label={t('statementList.new.template')}
          description={t('statementList.new.templateHelp')}
          placeholder={t('statementList.new.templateNone')}
          data={choices.map((c) => ({ value: c.id, label: c.builtin ? `${c.name}（${t('statementList.new.builtin')}）` : c.name }))}
          clearable
          nothingFoundMessage={t('statementList.new.noTemplates')}
          comboboxProps={{ withinPortal: true }}
          value={tpl?.id ?? null}
          onChange={setTemplateId}
          data-testid="template-select"
        />
        {templates.isSuccess && choices.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('statementList.new.noTemplates')}
          </Text>
        ) : null}
        {tpl ? <LegalLine tpl={tpl} /> : null}
        {tpl && tpl.fields.length > 0 ? (
          <Alert variant="light" color="gray" p="sm" title={t('statementList.new.fields')} data-testid="template-fields">
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('statementList.new.fieldsHelp')}
              </Text>
              {tpl.fields.map((f) => (
                <Textarea
                  key={f}
                  label={f}
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={2000}
                  value={v.fields[f] ?? ''}
                  onChange={(e) => form.setFieldValue('fields', { ...v.fields, [f]: e.currentTarget.value })}
                />
              ))}
            </Stack>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="new-statement-create">
            {t('statementList.new.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The dialog; the form is made afresh each time it opens. */
export function NewStatementDialog({ crisisId, opened, onClose }: { crisisId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('statementList.new.title')} centered size="lg">
      {opened ? <NewStatementForm crisisId={crisisId} onClose={onClose} /> : null}
    </Modal>
  );
}
