// /documents/$documentId/edit: changing a document. A new title or text becomes a new version, so saving one asks
// for a short note of what changed; metadata alone changes in place. The edit carries the version it started
// from: if someone saved in between, the server answers 409 and the page says so and offers to reload.
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../../web/api.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import type { DocumentView } from '../../contract.ts';
import { DocumentForm, type DocumentFormValues } from '../components/document-form.tsx';
import { documentPath, documentQuery, documentsKeys, useDocumentsChanged } from '../queries.ts';

const valuesOf = (d: DocumentView): DocumentFormValues => ({
  kind: d.kind,
  classification: d.classification,
  title: d.title,
  body: d.body,
  crisisId: d.crisisId,
  tags: d.tags,
  ownerId: d.ownerId,
});

/** Only what changed, so metadata edits do not make versions and a stale field is never sent back. */
function patchOf(d: DocumentView, v: DocumentFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const before = valuesOf(d);
  for (const k of Object.keys(v) as (keyof DocumentFormValues)[]) {
    const a = k === 'title' ? v.title.trim() : v[k];
    if (JSON.stringify(a) !== JSON.stringify(before[k])) out[k] = a;
  }
  return out;
}

function EditForm({ d }: { d: DocumentView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const changed = useDocumentsChanged();
  const [base, setBase] = useState(d);
  const [values, setValues] = useState(() => valuesOf(d));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [askNote, setAskNote] = useState(false);
  const [note, setNote] = useState('');
  const patch = patchOf(base, values);
  const makesVersion = 'title' in patch || 'body' in patch;

  const save = async (withNote: string | null) => {
    setPending(true);
    try {
      const body = { version: base.version, ...patch, ...(withNote ? { note: withNote } : {}) };
      await api<DocumentView>('PATCH', documentPath(d.id), body);
      setAskNote(false);
      notifySuccess(t('documents.form.saved'));
      await changed();
      void navigate({ to: `/documents/${d.id}` });
    } catch (err) {
      setAskNote(false);
      if (err instanceof ApiError && err.status === 409 && err.code !== 'legal_hold') setConflict(true);
      else {
        const fe = fieldErrors(err, t);
        setErrors(fe);
        if (Object.keys(fe).length === 0) notifyError(err, t);
      }
    } finally {
      setPending(false);
    }
  };
  const submit = () => {
    if (!values.title.trim()) return setErrors({ title: t('validation.required') });
    if (Object.keys(patch).length === 0) return setErrors({ title: t('documents.form.nothingChanged') });
    setErrors({});
    if (makesVersion) setAskNote(true);
    else void save(null);
  };
  const reload = async () => {
    const fresh = await qc.fetchQuery({ ...documentQuery(d.id), staleTime: 0 });
    await qc.invalidateQueries({ queryKey: documentsKeys.versions(d.id) });
    setBase(fresh);
    setValues(valuesOf(fresh));
    setConflict(false);
  };
  return (
    <>
      <DocumentForm
        values={values}
        onChange={setValues}
        errors={errors}
        submitLabel={t('documents.form.save')}
        pending={pending}
        onSubmit={submit}
        onCancel={() => void navigate({ to: `/documents/${d.id}` })}
        notice={
          conflict ? (
            <Alert color="orange" title={t('documents.form.conflictTitle')} role="alert" data-testid="doc-conflict">
              <Stack gap="xs" align="flex-start">
                {t('documents.form.conflict')}
                <Button size="xs" color="orange" onClick={() => void reload()} data-testid="doc-reload">
                  {t('documents.form.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : null
        }
      />
      <Modal opened={askNote} onClose={() => setAskNote(false)} title={t('documents.form.noteTitle')} centered>
        <Stack gap="sm">
          <Textarea
            label={t('documents.form.note')}
            description={t('documents.form.noteHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            data-autofocus
            data-testid="doc-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskNote(false)} disabled={pending}>
              {t('documents.form.cancel')}
            </Button>
            <Button loading={pending} onClick={() => void save(note.replace(/\s+/g, ' ').trim() || null)} data-testid="doc-note-save">
              {t('documents.form.saveVersion')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The edit page. */
export function EditDocumentPage() {
  const { t } = useTranslation();
  const { documentId } = useParams({ strict: false }) as { documentId: string };
  // Not refetched behind the form's back: a change by someone else shows as a conflict on save.
  const doc = useQuery({ ...documentQuery(documentId), refetchOnWindowFocus: false, staleTime: Number.POSITIVE_INFINITY });
  return (
    <RequirePermission permission="document.write">
      <BackLink to={`/documents/${documentId}`} label={t('common.back')} />
      <QueryState query={doc}>
        {(d) => (
          <>
            <PageHeader title={t('documents.form.editTitle', { number: t('documents.number', { number: d.number }) })} />
            <EditForm key={d.id} d={d} />
          </>
        )}
      </QueryState>
    </RequirePermission>
  );
}
