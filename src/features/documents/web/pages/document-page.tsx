// /documents/$documentId: one document — its text rendered as text (pre-wrap, never HTML), its metadata,
// attachments, versions, legal holds and, for evidence, what was captured and its chain of custody. Delete is
// refused (and says why) while a hold covers it. An automatic screenshot's state comes from the chain of custody
// (requested → captured or failed): 截圖處理中 while the job runs, then the attachment appears.
import { Alert, Anchor, Box, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCamera, IconDownload, IconEdit, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useSession } from '../../../../web/session.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { ConfirmButton } from '../../../../web/ui/confirm-button.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import type { CustodyEntry, DocumentView } from '../../contract.ts';
import { AttachmentsPanel } from '../components/attachments-panel.tsx';
import { ClassificationBadge, HoldBadge, KindBadge } from '../components/badges.tsx';
import { EvidencePanel } from '../components/evidence-panel.tsx';
import { HoldsPanel } from '../components/holds-panel.tsx';
import { VersionsPanel } from '../components/versions-panel.tsx';
import {
  custodyQuery,
  documentPath,
  documentQuery,
  documentsKeys,
  downloadEvidenceBundle,
  useDocumentsChanged,
  useDocumentsLive,
} from '../queries.ts';

type Shot = { state: 'pending' } | { state: 'captured'; browser: string } | { state: 'failed'; reason: string } | null;

/** The automatic screenshot's state: the last of its custody entries. */
function shotOf(entries: CustodyEntry[] | undefined): Shot {
  let s: Shot = null;
  for (const e of entries ?? []) {
    if (e.type === 'evidence.screenshot_requested') s = { state: 'pending' };
    else if (e.type === 'evidence.screenshot_captured') s = { state: 'captured', browser: String(e.data.browser ?? '') };
    else if (e.type === 'evidence.screenshot_failed') s = { state: 'failed', reason: String(e.data.reason ?? '') };
  }
  return s;
}

/** 截圖處理中 / failed with its reason / taken. Live events refresh it; while pending it also polls (a lost socket). */
function ScreenshotStatus({ docId }: { docId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const custody = useQuery({ ...custodyQuery(docId), refetchInterval: (q) => (shotOf(q.state.data)?.state === 'pending' ? 3000 : false) });
  const shot = shotOf(custody.data);
  const was = useRef(shot?.state);
  useEffect(() => {
    // Done while this page watched: the document (its new attachment) is fetched again.
    if (was.current === 'pending' && shot && shot.state !== 'pending') void qc.invalidateQueries({ queryKey: documentsKeys.detail(docId) });
    was.current = shot?.state;
  }, [shot, qc, docId]);
  if (!shot) return null;
  if (shot.state === 'pending')
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<Loader size={16} />}
        title={t('documents.screenshot.pending')}
        data-testid="screenshot-pending"
      >
        {t('documents.screenshot.pendingHint')}
      </Alert>
    );
  if (shot.state === 'failed')
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title={t('documents.screenshot.failed')}
        data-testid="screenshot-failed"
      >
        <Stack gap={4}>
          <Text size="sm" data-reason={shot.reason}>
            {t(`documents.screenshot.reasons.${shot.reason}`, { defaultValue: shot.reason })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('documents.screenshot.failedHint')}
          </Text>
        </Stack>
      </Alert>
    );
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="screenshot-captured">
      <IconCamera size={16} style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('documents.screenshot.captured')} · {t('documents.screenshot.capturedHint', { browser: shot.browser })}
      </Text>
    </Group>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Box style={{ overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}>{children}</Box>
    </Stack>
  );
}

/** Edit, delete (disabled with the reason while held) and, for evidence, the bundle export. */
function Actions({ d }: { d: DocumentView }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const changed = useDocumentsChanged();
  const [exporting, setExporting] = useState(false);
  const isEvidence = d.evidence !== null;
  // The server answers can.delete = false while a hold applies; who may edit may delete once it is released, so
  // the button stays, disabled, with the reason.
  const heldFromDelete = !d.can.delete && d.can.edit && d.onHold;
  const remove = async () => {
    try {
      await api('DELETE', `${documentPath(d.id)}?version=${d.version}`);
      notifySuccess(t('documents.detail.deleted'));
      void navigate({ to: '/documents' });
      await changed();
    } catch (err) {
      notifyError(err, t);
      await changed();
      throw err;
    }
  };
  const exportBundle = async () => {
    setExporting(true);
    try {
      await downloadEvidenceBundle([d.id], session.csrfToken);
      notifySuccess(t('documents.evidence.exported'));
    } catch (err) {
      notifyError(err, t);
    } finally {
      setExporting(false);
      await changed();
    }
  };
  return (
    <Stack gap={6} align="flex-start">
      <Group gap="xs" wrap="wrap">
        {d.can.edit ? (
          <Button
            component={Link}
            to={`/documents/${d.id}/edit`}
            variant="default"
            leftSection={<IconEdit size={16} />}
            data-testid="doc-edit"
          >
            {t('documents.detail.edit')}
          </Button>
        ) : null}
        {isEvidence && d.can.exportEvidence ? (
          <Button
            leftSection={<IconDownload size={16} />}
            loading={exporting}
            onClick={() => void exportBundle()}
            data-testid="evidence-export"
          >
            {t('documents.evidence.export')}
          </Button>
        ) : null}
        {d.can.delete || heldFromDelete ? (
          heldFromDelete ? (
            <Button
              color="red"
              variant="outline"
              leftSection={<IconTrash size={16} />}
              disabled
              aria-describedby="doc-delete-held"
              data-testid="doc-delete"
            >
              {t('documents.detail.delete')}
            </Button>
          ) : (
            <ConfirmButton
              color="red"
              variant="outline"
              leftSection={<IconTrash size={16} />}
              message={t('documents.detail.deleteConfirm', { title: d.title })}
              onConfirm={remove}
              data-testid="doc-delete"
            >
              {t('documents.detail.delete')}
            </ConfirmButton>
          )
        ) : null}
      </Group>
      {heldFromDelete ? (
        <Text size="sm" c="grape" id="doc-delete-held" data-testid="doc-delete-held">
          {t('documents.detail.deleteHeld')}
        </Text>
      ) : null}
    </Stack>
  );
}

function DocumentBody({ d }: { d: DocumentView }) {
  const { t } = useTranslation();
  const changed = useDocumentsChanged();
  const canOpenCrises = useSession().permissions.includes('crisis.read');
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {t('documents.number', { number: d.number })}
          </Text>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="doc-heading">
            {d.title}
          </Title>
        </Group>
        <Group gap={6}>
          <ClassificationBadge value={d.classification} size="md" />
          <KindBadge value={d.kind} />
          {d.onHold ? <HoldBadge /> : null}
        </Group>
      </Stack>
      <Actions d={d} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Title order={3} size="h5" mb="xs">
                {t('documents.detail.text')}
              </Title>
              <Box
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7 }}
                c={d.body ? undefined : 'dimmed'}
                data-testid="doc-body-text"
              >
                {d.body || t('documents.detail.emptyText')}
              </Box>
            </Paper>
            {d.evidence ? <EvidencePanel d={d} e={d.evidence} /> : null}
            {d.evidence ? <ScreenshotStatus docId={d.id} /> : null}
            <AttachmentsPanel d={d} />
            <VersionsPanel d={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md" data-testid="doc-meta">
              <SimpleGrid cols={{ base: 2, md: 1 }} spacing="sm">
                <Meta label={t('documents.detail.owner')}>{d.ownerName}</Meta>
                {d.statementId && canOpenCrises ? (
                  <Meta label={t('documents.detail.statement')}>
                    <Anchor component={Link} to={`/statements/${d.statementId}`} size="sm" data-testid="doc-statement-link">
                      {t('documents.detail.openStatement')}
                    </Anchor>
                  </Meta>
                ) : null}
                <Meta label={t('documents.detail.crisis')}>
                  {d.crisisId && d.crisisTitle && canOpenCrises ? (
                    <Anchor component={Link} to={`/crises/${d.crisisId}`} size="sm">
                      {d.crisisTitle}
                    </Anchor>
                  ) : d.crisisTitle ? (
                    // Guests see the crisis's name but have no crisis room to open.
                    d.crisisTitle
                  ) : d.crisisId ? (
                    '—'
                  ) : (
                    t('documents.list.noCrisis')
                  )}
                </Meta>
                <Meta label={t('documents.detail.version')}>{d.currentVersion}</Meta>
                <Meta label={t('documents.detail.tags')}>{d.tags.length ? d.tags.join('、') : t('documents.detail.noTags')}</Meta>
                <Meta label={t('documents.detail.created')}>{formatDateTime(d.createdAt)}</Meta>
                <Meta label={t('documents.detail.updated')}>{formatDateTime(d.updatedAt)}</Meta>
              </SimpleGrid>
            </Paper>
            <HoldsPanel
              title={t('documents.holds.title')}
              intro={t('documents.holds.intro')}
              empty={t('documents.holds.none')}
              holds={d.holds}
              target={{ documentId: d.id }}
              canManage={d.can.hold}
              onChanged={changed}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The document page. */
export function DocumentPage() {
  const { t } = useTranslation();
  useDocumentsLive();
  const { documentId } = useParams({ strict: false }) as { documentId: string };
  const doc = useQuery(documentQuery(documentId));
  return (
    <RequirePermission permission="document.read">
      <Stack gap="sm">
        <BackLink to="/documents" label={t('documents.detail.back')} />
        <QueryState query={doc}>{(d) => <DocumentBody d={d} />}</QueryState>
      </Stack>
    </RequirePermission>
  );
}
