// /documents/new: a document from scratch (optionally for a crisis, ?crisisId=). Saved, it opens its page,
// where files are attached.
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useSession } from '../../../../web/session.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import type { DocumentInput, DocumentView } from '../../contract.ts';
import { DocumentForm, type DocumentFormValues } from '../components/document-form.tsx';
import { useDocumentsChanged } from '../queries.ts';
import type { NewDocumentSearch } from '../search.ts';

/** The new-document page. */
export function NewDocumentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const search = useSearch({ strict: false }) as NewDocumentSearch;
  const navigate = useNavigate();
  const changed = useDocumentsChanged();
  const [values, setValues] = useState<DocumentFormValues>({
    kind: 'other',
    classification: 'internal',
    title: '',
    body: '',
    crisisId: search.crisisId ?? null,
    tags: [],
    ownerId: session.user.id,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const submit = async () => {
    if (!values.title.trim()) return setErrors({ title: t('validation.required') });
    setPending(true);
    try {
      const input: DocumentInput = { ...values, title: values.title.trim() };
      const d = await api<DocumentView>('POST', '/api/documents', input);
      notifySuccess(t('documents.form.created', { number: t('documents.number', { number: d.number }) }));
      await changed();
      void navigate({ to: `/documents/${d.id}` });
    } catch (err) {
      const fe = fieldErrors(err, t);
      setErrors(fe);
      if (Object.keys(fe).length === 0) notifyError(err, t);
    } finally {
      setPending(false);
    }
  };
  return (
    <RequirePermission permission="document.write">
      <BackLink to="/documents" label={t('documents.detail.back')} />
      <PageHeader title={t('documents.form.newTitle')} />
      <DocumentForm
        values={values}
        onChange={setValues}
        errors={errors}
        submitLabel={t('documents.form.create')}
        pending={pending}
        onSubmit={() => void submit()}
        onCancel={() => void navigate({ to: '/documents' })}
      />
    </RequirePermission>
  );
}
