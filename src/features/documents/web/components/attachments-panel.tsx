// A document's attachments: upload by file picker or drag-and-drop (one file at a time, with progress; the
// server's 413/415/422 translated), image previews from the preview endpoint (a re-encoded PNG, in <img>), every
// file as a download link, its SHA-256, and removal (a new version without it; earlier versions keep it).
import { ActionIcon, Anchor, Box, Button, Group, Image, Paper, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconFile, IconFileTypePdf, IconTrash, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useSession } from '../../../../web/session.ts';
import { ConfirmDialog } from '../../../../web/ui/confirm-button.tsx';
import type { Attachment, DocumentView } from '../../contract.ts';
import { formatBytes, uploadErrorMessage } from '../files.ts';
import {
  attachmentFileUrl,
  attachmentPreviewUrl,
  documentPath,
  MAX_ATTACHMENT_BYTES,
  uploadAttachment,
  useDocumentsChanged,
} from '../queries.ts';

type Upload = { key: number; name: string; percent: number; error: string | null };

/** One attachment: preview or icon, name, size, hash, download, remove. */
function AttachmentItem({ d, a, canRemove }: { d: DocumentView; a: Attachment; canRemove: boolean }) {
  const { t } = useTranslation();
  const changed = useDocumentsChanged();
  const [confirming, setConfirming] = useState(false);
  const name = a.name ?? t('documents.attachments.unnamed');
  const isImage = a.contentType.startsWith('image/');
  const remove = async () => {
    try {
      await api('DELETE', `${documentPath(d.id)}/attachments/${encodeURIComponent(a.id)}?version=${d.version}`);
      notifySuccess(t('documents.attachments.removed'));
    } catch (err) {
      notifyError(err, t);
      throw err;
    } finally {
      await changed();
    }
  };
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="attachment" data-content-type={a.contentType}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {isImage && a.hasPreview ? (
          <Image
            src={attachmentPreviewUrl(d.id, a.id)}
            alt={t('documents.attachments.previewAlt', { name })}
            w={96}
            h={96}
            fit="contain"
            radius="sm"
            style={{ flexShrink: 0, background: 'var(--mantine-color-default-hover)' }}
            data-testid="attachment-preview"
          />
        ) : (
          <Box w={40} style={{ flexShrink: 0 }} aria-hidden>
            {a.contentType === 'application/pdf' ? <IconFileTypePdf size={32} /> : <IconFile size={32} />}
          </Box>
        )}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Anchor
            href={attachmentFileUrl(d.id, a.id)}
            download
            fw={600}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
            aria-label={t('documents.attachments.downloadName', { name })}
            data-testid="attachment-download"
          >
            {name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {a.contentType} · {formatBytes(a.size)} · {t('documents.attachments.addedIn', { version: a.addedInVersion })} ·{' '}
            {t(`documents.attachments.textStatus.${a.textStatus}`)}
          </Text>
          <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="attachment-sha256">
            {t('documents.attachments.sha256')} {a.sha256}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Tooltip label={t('documents.attachments.download')} withArrow>
            <ActionIcon
              component="a"
              href={attachmentFileUrl(d.id, a.id)}
              download
              variant="subtle"
              aria-label={t('documents.attachments.downloadName', { name })}
            >
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
          {canRemove ? (
            <Tooltip label={t('documents.attachments.remove')} withArrow>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => setConfirming(true)}
                aria-label={t('documents.attachments.remove')}
                data-testid="attachment-remove"
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        message={t('documents.attachments.removeConfirm', { name })}
        confirmLabel={t('documents.attachments.remove')}
        onConfirm={remove}
      />
    </Paper>
  );
}

/** The attachments panel of a document. */
export function AttachmentsPanel({ d }: { d: DocumentView }) {
  const { t } = useTranslation();
  const session = useSession();
  const changed = useDocumentsChanged();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const seq = useRef(0);
  const current = d.attachments.filter((a) => a.removedInVersion === null);
  const update = (key: number, patch: Partial<Upload>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const send = async (files: File[]) => {
    const queued = files.map((f) => ({ key: ++seq.current, name: f.name, percent: 0, error: null, file: f }));
    setUploads((u) => [...u.filter((x) => x.error !== null), ...queued.map(({ file: _f, ...x }) => x)]);
    // One at a time: each upload makes a version, and a phone's uplink is better spent on one file.
    for (const q of queued) {
      if (q.file.size > MAX_ATTACHMENT_BYTES) {
        update(q.key, { error: t('documents.attachments.tooLarge') });
        continue;
      }
      try {
        await uploadAttachment(d.id, q.file, session.csrfToken, (percent) => update(q.key, { percent }));
        setUploads((u) => u.filter((x) => x.key !== q.key));
        notifySuccess(t('documents.attachments.uploaded', { name: q.name }));
      } catch (err) {
        update(q.key, { error: uploadErrorMessage(err, t) });
      }
      await changed();
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!d.can.edit) return;
    const files = [...e.dataTransfer.files];
    if (files.length) void send(files);
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="attachments-panel">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('documents.attachments.title')}
        </Title>
        {d.can.edit ? (
          <Box
            p="md"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            style={{
              border: `2px dashed var(--mantine-color-${dragging ? 'blue-6' : 'default-border'})`,
              borderRadius: 'var(--mantine-radius-md)',
              background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
            }}
            data-testid="attachment-drop"
          >
            <Stack gap={6} align="center">
              <Group gap="xs" justify="center" wrap="wrap">
                <Text size="sm">{t('documents.attachments.drop')}</Text>
                <Button size="xs" variant="light" leftSection={<IconUpload size={14} />} onClick={() => input.current?.click()}>
                  {t('documents.attachments.choose')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed" ta="center">
                {t('documents.attachments.accepted')}
              </Text>
              <input
                ref={input}
                type="file"
                multiple
                hidden
                aria-label={t('documents.attachments.chooseLabel')}
                accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.docx,.txt,text/plain"
                onChange={(e) => {
                  const files = [...(e.currentTarget.files ?? [])];
                  e.currentTarget.value = '';
                  if (files.length) void send(files);
                }}
                data-testid="attachment-input"
              />
            </Stack>
          </Box>
        ) : null}
        {uploads.map((u) =>
          u.error ? (
            <Text key={u.key} size="sm" c="red" role="alert" data-testid="upload-error" style={{ overflowWrap: 'anywhere' }}>
              {t('documents.attachments.failed', { name: u.name, reason: u.error })}
            </Text>
          ) : (
            <Stack key={u.key} gap={2}>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {t('documents.attachments.uploading', { name: u.name, percent: u.percent })}
              </Text>
              <Progress
                value={u.percent}
                aria-label={t('documents.attachments.uploading', { name: u.name, percent: u.percent })}
                data-testid="upload-progress"
              />
            </Stack>
          ),
        )}
        {current.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('documents.attachments.none')}
          </Text>
        ) : (
          current.map((a) => <AttachmentItem key={a.id} d={d} a={a} canRemove={d.can.edit} />)
        )}
      </Stack>
    </Paper>
  );
}
