// One import: map the columns (CSV), dry run, start, and watch it run (polled every second) to the end.
import { Alert, Anchor, Autocomplete, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconList, IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import { DEFAULT_TIME_ZONE, type ImportDetail, type ImportMapping } from '../../../import-contract.ts';
import { explorerLink } from '../../mentions/explorer-search.ts';
import { ImportCounts, ImportProgress, ImportStatusBadge } from '../components/import-status.tsx';
import { MappingForm, PreviewTable } from '../components/mapping-form.tsx';
import { DryRunCounts, RejectionsTable } from '../components/results.tsx';
import { importErrorMessage, importQuery, importsQuery, useCancelImport, useDryRun, useStartImport, useUpdateImport } from '../queries.ts';

const sizeText = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Progress and outcome of a started import, with cancel while it can still be cancelled. */
function RunSection({ imp, onCancel }: { imp: ImportDetail; onCancel: () => Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('monitoring.import.run.progressTitle')} testId="run-section">
      <ImportProgress imp={imp} />
      <ImportCounts imp={imp} />
      {imp.status === 'done' ? (
        <Alert color="teal" data-testid="import-done">
          {t('monitoring.import.run.done')}
        </Alert>
      ) : null}
      {imp.status === 'failed' ? <Alert color="red">{t('monitoring.import.run.failed', { error: imp.error ?? '' })}</Alert> : null}
      {imp.status === 'cancelled' ? <Alert color="gray">{t('monitoring.import.run.wasCancelled')}</Alert> : null}
      <RejectionsTable rejections={imp.rejections} />
      <Group gap="xs">
        {imp.accepted > 0 ? (
          <Button
            component={Link}
            to="/monitoring/mentions"
            search={explorerLink({ source: imp.source.id, range: 'all' })}
            variant="light"
            leftSection={<IconList size={16} />}
          >
            {t('monitoring.import.detail.viewMentions')}
          </Button>
        ) : null}
        {imp.status === 'running' || imp.status === 'failed' ? (
          <ConfirmButton variant="default" color="red" message={t('monitoring.import.run.cancelConfirm')} onConfirm={onCancel}>
            {t('monitoring.import.run.cancel')}
          </ConfirmButton>
        ) : null}
      </Group>
    </Section>
  );
}

/**
 * The mapping to start editing from. The server gives a new CSV upload its default zone (Asia/Taipei); while the
 * import is untouched since upload (version 1), the organisation's zone replaces it, as an unsaved change.
 */
function initialMapping(imp: ImportDetail, orgZone: string): { mapping: ImportMapping; adopted: boolean } {
  const mapping = imp.mapping ?? { columns: imp.preview?.suggested ?? {}, timeZone: orgZone };
  const adopted = imp.format === 'csv' && imp.version === 1 && mapping.timeZone === DEFAULT_TIME_ZONE && orgZone !== DEFAULT_TIME_ZONE;
  return { mapping: adopted ? { ...mapping, timeZone: orgZone } : mapping, adopted };
}

/** The unsaved mapping and target source of an import, saved before a dry run or start. */
function useDraft(imp: ImportDetail) {
  const update = useUpdateImport();
  const orgZone = useOrgTimeZone();
  const [initial] = useState(() => initialMapping(imp, orgZone));
  const [mapping, setMapping] = useState<ImportMapping>(initial.mapping);
  const [mappingDirty, setMappingDirty] = useState(initial.adopted);
  const [source, setSource] = useState(imp.source.name);
  const sourceDirty = source.trim() !== '' && source.trim() !== imp.source.name;
  const csv = imp.format === 'csv';
  return {
    mapping,
    source,
    dirty: mappingDirty || sourceDirty,
    missing: csv && (!mapping.columns.text || !mapping.columns.publishedAt),
    saving: update.isPending,
    setMapping: (m: ImportMapping) => {
      setMapping(m);
      setMappingDirty(true);
    },
    setSource,
    async save() {
      if (!mappingDirty && !sourceDirty) return;
      await update.mutateAsync({
        id: imp.id,
        mapping: csv && mappingDirty ? mapping : undefined,
        source: sourceDirty ? source.trim() : undefined,
      });
      setMappingDirty(false);
    },
  };
}
type Draft = ReturnType<typeof useDraft>;

/** Step 1: the target source, and for CSV the column mapping over a preview of the file. */
function MappingSection({
  imp,
  draft,
  editable,
  busy,
  sources,
  onSave,
}: {
  imp: ImportDetail;
  draft: Draft;
  editable: boolean;
  busy: boolean;
  sources: string[];
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const csv = imp.format === 'csv';
  return (
    <Section title={editable ? t('monitoring.import.mapping.title') : t('monitoring.import.mapping.lockedTitle')}>
      <Text size="sm" c="dimmed">
        {!editable
          ? t('monitoring.import.mapping.locked')
          : csv
            ? t('monitoring.import.mapping.intro')
            : t('monitoring.import.mapping.ndjson')}
      </Text>
      {editable ? (
        <Autocomplete
          label={t('monitoring.import.upload.source')}
          description={t('monitoring.import.upload.sourceHint')}
          data={sources}
          value={draft.source}
          onChange={draft.setSource}
          maxLength={100}
          disabled={busy}
          maw={420}
        />
      ) : null}
      {csv && editable && imp.preview ? (
        <MappingForm preview={imp.preview} mapping={draft.mapping} disabled={busy} onChange={draft.setMapping} />
      ) : null}
      {csv && !editable ? (
        <Text size="sm">{t('monitoring.import.mapping.lockedZone', { zone: imp.mapping?.timeZone ?? DEFAULT_TIME_ZONE })}</Text>
      ) : null}
      {imp.preview && (!csv || !editable) ? <PreviewTable preview={imp.preview} mapping={csv ? imp.mapping : null} /> : null}
      {draft.missing && editable ? (
        <Text size="sm" c="red">
          {t('monitoring.import.mapping.missing')}
        </Text>
      ) : null}
      {editable && draft.dirty ? (
        <Button variant="default" onClick={onSave} loading={draft.saving} disabled={draft.missing} style={{ alignSelf: 'flex-start' }}>
          {t('monitoring.import.mapping.save')}
        </Button>
      ) : null}
    </Section>
  );
}

/** Step 2: the dry run's counts and rejected rows. */
function DryRunSection({
  imp,
  stale,
  pending,
  disabled,
  onRun,
}: {
  imp: ImportDetail;
  stale: boolean;
  pending: boolean;
  disabled: boolean;
  onRun: () => void;
}) {
  const { t } = useTranslation();
  const result = stale ? null : imp.dryRun;
  return (
    <Section title={t('monitoring.import.dryRun.title')} testId="dry-run-section">
      <Text size="sm" c="dimmed">
        {t('monitoring.import.dryRun.intro')}
      </Text>
      {result ? (
        <>
          <Text size="xs" c="dimmed">
            {t('monitoring.import.dryRun.checkedAt', { time: formatDateTime(result.checkedAt) })}
          </Text>
          <DryRunCounts result={result} />
          {result.error ? <Alert color="orange">{t('monitoring.import.dryRun.fileError', { error: result.error })}</Alert> : null}
          <RejectionsTable rejections={result.rejections} />
        </>
      ) : (
        <Text size="sm">{t('monitoring.import.dryRun.notYet')}</Text>
      )}
      <Button
        variant="light"
        leftSection={<IconTestPipe size={16} />}
        onClick={onRun}
        loading={pending}
        disabled={disabled}
        style={{ alignSelf: 'flex-start' }}
      >
        {result ? t('monitoring.import.dryRun.rerun') : t('monitoring.import.dryRun.run')}
      </Button>
    </Section>
  );
}

function ImportView({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const list = useQuery(importsQuery);
  const draft = useDraft(imp);
  const dry = useDryRun();
  const start = useStartImport();
  const cancel = useCancelImport();
  const [error, setError] = useState<string | null>(null);
  const editable = ['uploaded', 'checked', 'failed'].includes(imp.status) && imp.rowsDone === 0;
  const startable = ['uploaded', 'checked', 'failed'].includes(imp.status);
  const busy = draft.saving || dry.isPending || start.isPending;

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    try {
      if (editable) await draft.save();
      await fn();
      if (done) notifySuccess(done);
    } catch (err) {
      setError(importErrorMessage(err, t));
      throw err;
    }
  };
  const run = (fn: () => Promise<unknown>, done?: string) => void act(fn, done).catch(() => {});

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/monitoring/import" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('monitoring.import.detail.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={imp.fileName}
        description={`${t('monitoring.import.detail.source')}：${imp.source.name} · ${imp.format.toUpperCase()} · ${sizeText(imp.sizeBytes)} · ${formatDateTime(imp.createdAt)}`}
        actions={<ImportStatusBadge status={imp.status} />}
      />
      {error ? (
        <Alert color="red" role="alert" data-testid="import-error">
          {error}
        </Alert>
      ) : null}
      {imp.status === 'running' || imp.rowsDone > 0 || imp.status === 'done' ? (
        <RunSection imp={imp} onCancel={() => act(() => cancel.mutateAsync(imp.id), t('monitoring.import.run.cancelled'))} />
      ) : null}
      <MappingSection
        imp={imp}
        draft={draft}
        editable={editable}
        busy={busy}
        sources={(list.data?.sources ?? []).map((s) => s.name)}
        onSave={() => run(() => Promise.resolve(), t('monitoring.import.mapping.saved'))}
      />
      {editable ? (
        <DryRunSection
          imp={imp}
          stale={draft.dirty}
          pending={dry.isPending}
          disabled={draft.missing || busy}
          onRun={() => run(() => dry.mutateAsync(imp.id))}
        />
      ) : null}
      {startable ? (
        <Section title={t('monitoring.import.run.title')} testId="start-section">
          <Text size="sm" c="dimmed">
            {t('monitoring.import.run.hint')}
          </Text>
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            onClick={() => run(() => start.mutateAsync(imp.id), t('monitoring.import.run.started'))}
            loading={start.isPending}
            disabled={draft.missing || busy}
            style={{ alignSelf: 'flex-start' }}
          >
            {imp.rowsDone > 0 ? t('monitoring.import.run.resume') : t('monitoring.import.run.start')}
          </Button>
        </Section>
      ) : null}
    </Stack>
  );
}

/** /monitoring/import/$id */
export function ImportPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useQuery(importQuery(id));
  return (
    <RequirePermission permission="mention.import">
      <QueryState query={query}>{(imp) => <ImportView key={imp.id} imp={imp} />}</QueryState>
    </RequirePermission>
  );
}
