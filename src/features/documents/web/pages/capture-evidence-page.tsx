// /documents/evidence/new: capture evidence — a collected mention (by id), or a URL fetched now through the
// server's safe fetcher, or a URL with the text pasted as seen. The server stores the text, its SHA-256 and the
// capture time. Where the server has a headless browser (GET /api/evidence/capabilities), a checkbox asks it to take
// the page's screenshot after the capture; otherwise screenshots are uploaded on the resulting document's page.
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../../web/api.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { crisesQuery } from '../../../crises/web/queries.ts';
import { type Classification, classifications, type DocumentView, type EvidenceCapabilities, MAX_BODY } from '../../contract.ts';
import { useDocumentsChanged } from '../queries.ts';
import type { NewDocumentSearch } from '../search.ts';

type Source = 'mention' | 'url';
type Mode = 'fetch' | 'paste';
type EvidenceKind = 'evidence' | 'social_post_capture';

/** What the server captures automatically (under the documents keys, so it refreshes with them). */
const capabilitiesQuery = {
  queryKey: ['documents', 'evidence-capabilities'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<EvidenceCapabilities>('GET', '/api/evidence/capabilities', undefined, { signal }),
  staleTime: 5 * 60_000,
};

function CaptureForm() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as NewDocumentSearch;
  const navigate = useNavigate();
  const changed = useDocumentsChanged();
  const canReadCrises = useCan('crisis.read');
  const crises = useQuery({ ...crisesQuery('all'), enabled: canReadCrises });
  const canShoot = useQuery(capabilitiesQuery).data?.screenshot === true;
  const [source, setSource] = useState<Source>(search.mentionId ? 'mention' : 'url');
  const [mode, setMode] = useState<Mode>('fetch');
  const [mentionId, setMentionId] = useState<number | string>(search.mentionId ?? '');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<EvidenceKind>(search.mentionId ? 'social_post_capture' : 'evidence');
  const [classification, setClassification] = useState<Classification>('confidential');
  const [crisisId, setCrisisId] = useState<string | null>(search.crisisId ?? null);
  const [tags, setTags] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // Untouched, the box shows the server's default (on for a fetch or a mention, off for pasted text), and nothing
  // is sent: a mention without a URL then simply gets none instead of an error.
  const [shot, setShot] = useState<boolean | null>(null);
  const shotChecked = shot ?? (source === 'mention' || mode === 'fetch');

  const check = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!title.trim()) e.title = t('documents.capture.required');
    if (source === 'mention' && !(Number.isSafeInteger(Number(mentionId)) && Number(mentionId) > 0))
      e.mentionId = t('documents.capture.invalidMention');
    if (source === 'url') {
      if (!/^https?:\/\/\S+$/i.test(url.trim())) e.sourceUrl = t('documents.capture.invalidUrl');
      if (mode === 'paste' && !text.trim()) e.text = t('documents.capture.required');
    }
    return e;
  };
  const submit = async () => {
    const e = check();
    setErrors(e);
    if (Object.keys(e).length) return;
    const body: Record<string, unknown> = { kind, classification, title: title.trim(), crisisId, tags };
    if (source === 'mention') body.mentionId = Number(mentionId);
    else {
      body.sourceUrl = url.trim();
      if (mode === 'fetch') body.fetch = true;
      else body.text = text;
    }
    if (canShoot && shot !== null) body.screenshot = shot;
    const shooting = canShoot && shotChecked;
    setPending(true);
    try {
      const d = await api<DocumentView>('POST', '/api/evidence', body);
      const number = t('documents.number', { number: d.number });
      notifySuccess(shooting ? t('documents.capture.capturedWithShot', { number }) : t('documents.capture.captured', { number }));
      await changed();
      void navigate({ to: `/documents/${d.id}` });
    } catch (err) {
      const fe = fieldErrors(err, t);
      // The server's reasons for refusing a screenshot (no URL to open; no browser any more), in the reader's language.
      const shotError = err instanceof ApiError ? err.fieldErrors.find((f) => f.path === 'screenshot') : undefined;
      if (shotError)
        fe.screenshot = t(shotError.code === 'no_url' ? 'documents.capture.screenshotNoUrl' : 'documents.capture.screenshotOff');
      setErrors(fe);
      if (Object.keys(fe).length === 0) notifyError(err, t);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm" maw={820}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="capture-source-label">
                {t('documents.capture.from')}
              </Text>
              <SegmentedControl
                aria-labelledby="capture-source-label"
                value={source}
                onChange={(v) => setSource(v as Source)}
                data={[
                  { value: 'url', label: t('documents.capture.fromUrl') },
                  { value: 'mention', label: t('documents.capture.fromMention') },
                ]}
                style={{ alignSelf: 'flex-start' }}
                data-testid="capture-source"
              />
            </Stack>
            {source === 'mention' ? (
              <NumberInput
                label={t('documents.capture.mentionId')}
                description={t('documents.capture.mentionIdHint')}
                value={mentionId}
                onChange={setMentionId}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                error={errors.mentionId}
                data-testid="capture-mention"
              />
            ) : (
              <>
                <TextInput
                  label={t('documents.capture.url')}
                  description={t('documents.capture.urlHint')}
                  value={url}
                  onChange={(e) => setUrl(e.currentTarget.value)}
                  maxLength={2000}
                  inputMode="url"
                  error={errors.sourceUrl}
                  data-testid="capture-url"
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="capture-mode-label">
                    {t('documents.capture.mode')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="capture-mode-label"
                    value={mode}
                    onChange={(v) => setMode(v as Mode)}
                    data={[
                      { value: 'fetch', label: t('documents.capture.fetchNow') },
                      { value: 'paste', label: t('documents.capture.pasteText') },
                    ]}
                    style={{ alignSelf: 'flex-start' }}
                    data-testid="capture-mode"
                  />
                </Stack>
                {mode === 'paste' ? (
                  <Textarea
                    label={t('documents.capture.text')}
                    description={t('documents.capture.textHint')}
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                    maxLength={MAX_BODY}
                    autosize
                    minRows={5}
                    maxRows={20}
                    error={errors.text}
                    data-testid="capture-text"
                  />
                ) : null}
              </>
            )}
            {canShoot ? (
              <Checkbox
                label={t('documents.capture.screenshot')}
                description={t('documents.capture.screenshotHint')}
                checked={shotChecked}
                onChange={(e) => setShot(e.currentTarget.checked)}
                error={errors.screenshot}
                data-testid="capture-screenshot"
              />
            ) : null}
          </Stack>
        </Paper>
        <TextInput
          label={t('documents.capture.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={300}
          required
          error={errors.title}
          data-testid="capture-title"
        />
        <Group grow align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('documents.capture.kind')}
            data={(['evidence', 'social_post_capture'] as const).map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as EvidenceKind)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            style={{ minWidth: 200 }}
          />
          <Select
            label={t('documents.capture.classification')}
            data={classifications.map((c) => ({ value: c, label: t(`documents.classifications.${c}`) }))}
            value={classification}
            onChange={(v) => v && setClassification(v as Classification)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            style={{ minWidth: 200 }}
          />
        </Group>
        {canReadCrises ? (
          <Select
            label={t('documents.capture.crisis')}
            placeholder={t('documents.form.noCrisis')}
            data={(crises.data?.crises ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }))}
            value={crisisId}
            onChange={setCrisisId}
            clearable
            searchable
            error={errors.crisisId}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <TagsInput
          label={t('documents.form.tags')}
          description={t('documents.form.tagsHint')}
          value={tags}
          onChange={(v) => setTags(v.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 40))}
          maxTags={20}
          clearable
        />
        <Group gap="sm">
          <Button type="submit" loading={pending} data-testid="capture-submit">
            {t('documents.capture.submit')}
          </Button>
          <Button variant="default" onClick={() => void navigate({ to: '/documents' })} disabled={pending}>
            {t('documents.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The capture page. */
export function CaptureEvidencePage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="evidence.capture">
      <BackLink to="/documents" label={t('documents.detail.back')} />
      <PageHeader title={t('documents.capture.title')} description={t('documents.capture.intro')} />
      <CaptureForm />
    </RequirePermission>
  );
}
