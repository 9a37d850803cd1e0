// The document form (new and edit): kind, classification, title, plain text (a text area — never rich HTML),
// crisis (from the crises I can see), tags and owner. The caller decides what saving means.
import { Button, Group, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../../../web/session.ts';
import { crisesQuery } from '../../../crises/web/queries.ts';
import { usersQuery } from '../../../people/web/queries.ts';
import { type Classification, classifications, type DocumentKind, documentKinds, MAX_BODY } from '../../contract.ts';
import { classificationColor } from './badges.tsx';

/** What the form edits. */
export type DocumentFormValues = {
  kind: DocumentKind;
  classification: Classification;
  title: string;
  body: string;
  crisisId: string | null;
  tags: string[];
  ownerId: string;
};

type Props = {
  values: DocumentFormValues;
  onChange: (v: DocumentFormValues) => void;
  errors: Record<string, string>;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** Shown above the buttons (a conflict banner). */
  notice?: ReactNode;
};

/** The form's fields and buttons. */
export function DocumentForm({ values, onChange, errors, submitLabel, pending, onSubmit, onCancel, notice }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const canReadCrises = useCan('crisis.read');
  const canListUsers = useCan('user.list');
  const crises = useQuery({ ...crisesQuery('all'), enabled: canReadCrises });
  const users = useQuery({ ...usersQuery, enabled: canListUsers });
  const set = <K extends keyof DocumentFormValues>(k: K, v: DocumentFormValues[K]) => onChange({ ...values, [k]: v });
  const crisisOptions = (crises.data?.crises ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }));
  // A crisis I cannot list (it was linked by someone else) still shows as chosen.
  if (values.crisisId && !crisisOptions.some((o) => o.value === values.crisisId))
    crisisOptions.push({ value: values.crisisId, label: '—' });
  const userOptions = (users.data ?? [])
    .filter((u) => u.role !== 'guest' && u.role !== 'reporter' && (u.status === 'active' || u.id === values.ownerId))
    .map((u) => ({ value: u.id, label: u.name || u.email }));
  if (!userOptions.some((o) => o.value === values.ownerId))
    userOptions.unshift({ value: values.ownerId, label: values.ownerId === session.user.id ? session.user.name : '—' });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <Stack gap="sm" maw={820}>
        <Group grow align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('documents.form.kind')}
            data={documentKinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            value={values.kind}
            onChange={(v) => v && set('kind', v as DocumentKind)}
            allowDeselect={false}
            error={errors.kind}
            comboboxProps={{ withinPortal: true }}
            style={{ minWidth: 200 }}
            data-testid="doc-kind"
          />
          <Select
            label={t('documents.form.classification')}
            description={t('documents.form.classificationHint')}
            data={classifications.map((c) => ({ value: c, label: t(`documents.classifications.${c}`) }))}
            value={values.classification}
            onChange={(v) => v && set('classification', v as Classification)}
            allowDeselect={false}
            error={errors.classification}
            comboboxProps={{ withinPortal: true }}
            styles={{ input: { borderLeft: `4px solid var(--mantine-color-${classificationColor[values.classification]}-6)` } }}
            style={{ minWidth: 200 }}
            data-testid="doc-classification"
          />
        </Group>
        <TextInput
          label={t('documents.form.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          maxLength={300}
          required
          error={errors.title}
          data-testid="doc-title"
        />
        <Textarea
          label={t('documents.form.body')}
          description={t('documents.form.bodyHint')}
          value={values.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          maxLength={MAX_BODY}
          autosize
          minRows={8}
          maxRows={24}
          error={errors.body}
          data-testid="doc-body"
        />
        <Group grow align="flex-end" wrap="wrap" gap="sm">
          {canReadCrises ? (
            <Select
              label={t('documents.form.crisis')}
              description={t('documents.form.crisisHint')}
              placeholder={t('documents.form.noCrisis')}
              data={crisisOptions}
              value={values.crisisId}
              onChange={(v) => set('crisisId', v)}
              clearable
              searchable
              error={errors.crisisId}
              comboboxProps={{ withinPortal: true }}
              style={{ minWidth: 200 }}
              data-testid="doc-crisis"
            />
          ) : null}
          <Select
            label={t('documents.form.owner')}
            data={userOptions}
            value={values.ownerId}
            onChange={(v) => v && set('ownerId', v)}
            allowDeselect={false}
            searchable
            disabled={!canListUsers}
            error={errors.ownerId}
            comboboxProps={{ withinPortal: true }}
            style={{ minWidth: 200 }}
            data-testid="doc-owner"
          />
        </Group>
        <TagsInput
          label={t('documents.form.tags')}
          description={t('documents.form.tagsHint')}
          value={values.tags}
          onChange={(v) =>
            set(
              'tags',
              v.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 40),
            )
          }
          maxTags={20}
          clearable
          error={errors.tags}
          data-testid="doc-tags"
        />
        {notice}
        <Group gap="sm">
          <Button type="submit" loading={pending} data-testid="doc-save">
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={pending} data-testid="doc-cancel">
            {t('documents.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
