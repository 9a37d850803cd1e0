// Publication: the "發布" dialog (channel, URL, note) and the record of where the statement went out — channel,
// the URL (a link only when it is http or https; anything else stays text), who, when and which version.
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { type Publication, type PublishChannel, publishChannels, type StatementDetail } from '../../contract.ts';
import { useReviewFailure } from './failure.ts';
import { usePublish } from './queries.ts';

/** The URL when it is a web address a link may point to; null for anything else (javascript:, data:, junk). */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function PublishForm({ detail, onClose }: { detail: StatementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const publish = usePublish(detail.id);
  const fail = useReviewFailure();
  const used = new Set(detail.publications.map((p) => p.channel));
  const form = useForm({
    initialValues: { channel: (publishChannels.find((c) => !used.has(c)) ?? 'other') as PublishChannel, url: '', note: '' },
    validate: { url: (v) => (v.trim() && !safeHref(v.trim()) ? t('statementReview.publish.urlInvalid') : null) },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await publish.mutateAsync({
        channel: v.channel,
        ...(v.url.trim() ? { url: v.url.trim() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      });
      notifySuccess(t('statementReview.publish.done'));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="publish-form">
      <Stack gap="sm">
        <Text size="sm">{t('statementReview.publish.intro', { number: detail.approvedVersion ?? detail.head })}</Text>
        <Select
          label={t('statementReview.publish.channel')}
          data={publishChannels.map((c) => ({ value: c, label: t(`statementList.channel.${c}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('channel')}
        />
        <TextInput
          label={t('statementReview.publish.url')}
          description={t('statementReview.publish.urlHelp')}
          placeholder="https://"
          type="url"
          maxLength={2000}
          {...form.getInputProps('url')}
        />
        <Textarea label={t('statementReview.publish.note')} autosize minRows={1} maxLength={500} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={publish.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="green" loading={publish.isPending} data-testid="publish-save">
            {t('statementReview.publish.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The publish dialog. */
export function PublishDialog({ detail, opened, onClose }: { detail: StatementDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('statementReview.publish.title')} centered>
      {opened ? <PublishForm detail={detail} onClose={onClose} /> : null}
    </Modal>
  );
}

function PublicationItem({ p }: { p: Publication }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const href = safeHref(p.url);
  return (
    <Stack component="li" gap={2} data-testid="publication" data-channel={p.channel}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Badge size="sm" color="green" variant="light" tt="none" style={{ flex: 'none' }}>
          {t(`statementList.channel.${p.channel}`)}
        </Badge>
        {p.url ? (
          href ? (
            <Anchor
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              size="sm"
              style={{ overflowWrap: 'anywhere', minWidth: 0 }}
              data-testid="publication-url"
            >
              {p.url}
            </Anchor>
          ) : (
            <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-testid="publication-url">
              {p.url}
            </Text>
          )
        ) : null}
      </Group>
      {p.note ? (
        <Text size="xs" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {p.note}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('statementReview.publish.by', { name: p.publishedBy.name, time: formatDateTime(p.publishedAt, zone), number: p.versionNumber })}
      </Text>
    </Stack>
  );
}

/** The publication record, newest first. */
export function Publications({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  const rows = [...detail.publications].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return rows.length === 0 ? (
    <Text size="sm" c="dimmed">
      {t('statementReview.publish.none')}
    </Text>
  ) : (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="publications">
      {rows.map((p) => (
        <PublicationItem key={p.id} p={p} />
      ))}
    </Stack>
  );
}
