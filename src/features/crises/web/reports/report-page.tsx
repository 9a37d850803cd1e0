// /report (通報): the phone-first form — what happened, links, where seen, urgency, screenshots (camera or photo
// library, uploaded at once with progress, previewed from the local file (a thumbnail drawn in the browser), removable, with a clear error per
// file), anonymous to colleagues. Sends in well under a minute.
import {
  ActionIcon,
  Alert,
  Button,
  Center,
  FileButton,
  Group,
  Image,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCamera, IconCircleCheck, IconPhotoOff, IconX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { fieldErrors, notifyError } from '../../../../web/errors.ts';
import { useSession } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { MAX_REPORT_FILES, MAX_REPORT_LINKS, type ReportView, type Urgency, urgencies } from '../../report-contract.ts';
import { MAX_SCREENSHOT_BYTES, uploadScreenshot, useFileReport } from './queries.ts';

type Shot = { key: string; file: File; preview?: string; percent: number; id?: string; error?: 'tooLarge' | 'wrongType' | 'failed' };

/**
 * A small preview of the local file, drawn by the browser from the bytes on the phone (never from the server).
 * A data: URL, because the app's Content-Security-Policy allows images only from itself and data:. Null when the
 * browser cannot decode it as an image.
 */
async function thumbnailOf(file: File): Promise<string | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 320 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return null;
  }
}

function uploadError(err: unknown): Shot['error'] {
  if (err instanceof ApiError && err.code === 'payload_too_large') return 'tooLarge';
  if (err instanceof ApiError && err.code === 'unsupported_media_type') return 'wrongType';
  return 'failed';
}

function ShotTile({ shot, onRemove }: { shot: Shot; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p={4}
      pos="relative"
      data-testid="screenshot"
      data-state={shot.error ? 'error' : shot.id ? 'done' : 'uploading'}
    >
      {shot.preview ? (
        <Image src={shot.preview} alt={shot.file.name} h={96} radius="sm" fit="cover" />
      ) : (
        <Center h={96} bg="gray.1" style={{ borderRadius: 4 }}>
          <IconPhotoOff size={28} color="var(--mantine-color-gray-5)" aria-hidden />
        </Center>
      )}
      <ActionIcon
        variant="filled"
        color="dark"
        radius="xl"
        size="lg"
        pos="absolute"
        top={6}
        right={6}
        onClick={onRemove}
        aria-label={t('reports.form.remove')}
      >
        <IconX size={18} />
      </ActionIcon>
      {shot.error ? (
        <Text size="xs" c="red" mt={4} role="alert">
          {t(`reports.upload.${shot.error}`)}
        </Text>
      ) : shot.id ? (
        <Group gap={4} mt={4}>
          <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="xs" c="teal.8">
            100%
          </Text>
        </Group>
      ) : (
        <Stack gap={2} mt={4}>
          <Progress value={shot.percent} size="sm" aria-label={t('reports.form.uploading', { percent: shot.percent })} />
          <Text size="xs" c="dimmed">
            {t('reports.form.uploading', { percent: shot.percent })}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

function Sent({ report, onAnother }: { report: ReportView; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconCircleCheck />} data-testid="report-sent">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('reports.form.sent', { number: report.number })}</Text>
        <Group gap="xs">
          <Button component={Link} to="/reports/mine" variant="filled" color="teal">
            {t('reports.form.seeMine')}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t('reports.form.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

const isLink = (s: string) => /^https?:\/\/\S+$/i.test(s) && s.length <= 2000;

/** The report form. */
export function ReportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [what, setWhat] = useState('');
  const [links, setLinks] = useState('');
  const [whereSeen, setWhereSeen] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [anonymous, setAnonymous] = useState(false);
  const [shots, setShots] = useState<Shot[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<ReportView | null>(null);
  const file = useFileReport();

  const patch = (key: string, p: Partial<Shot>) => setShots((all) => all.map((s) => (s.key === key ? { ...s, ...p } : s)));
  const add = (files: File[]) => {
    const room = MAX_REPORT_FILES - shots.length;
    if (files.length > room) setErrors((e) => ({ ...e, files: t('reports.upload.tooMany') }));
    for (const f of files.slice(0, Math.max(0, room))) {
      const key = crypto.randomUUID();
      const shot: Shot = { key, file: f, percent: 0 };
      void thumbnailOf(f).then((preview) => preview && patch(key, { preview }));
      if (f.size > MAX_SCREENSHOT_BYTES) shot.error = 'tooLarge';
      setShots((all) => [...all, shot]);
      if (shot.error) continue;
      uploadScreenshot(f, session.csrfToken, (percent) => patch(key, { percent })).then(
        (u) => patch(key, { id: u.id, percent: 100 }),
        (err) => patch(key, { error: uploadError(err) }),
      );
    }
  };
  const remove = (s: Shot) => {
    setShots((all) => all.filter((x) => x.key !== s.key));
    setErrors(({ files: _, ...rest }) => rest);
  };
  const reset = () => {
    setShots([]);
    setWhat('');
    setLinks('');
    setWhereSeen('');
    setUrgency('normal');
    setAnonymous(false);
    setErrors({});
    setSent(null);
  };

  const uploading = shots.some((s) => !s.id && !s.error);
  const submit = () => {
    const list = links.split(/\s+/).filter(Boolean);
    const next: Record<string, string> = {};
    if (!what.trim()) next.what = t('reports.form.required');
    if (list.length > MAX_REPORT_LINKS) next.links = t('reports.form.tooManyLinks');
    else if (!list.every(isLink)) next.links = t('reports.form.linkInvalid');
    setErrors(next);
    if (Object.keys(next).length || uploading) return;
    const fileIds = shots.flatMap((s) => (s.id ? [s.id] : []));
    file.mutate(
      { what: what.trim(), links: list, whereSeen: whereSeen.trim() || undefined, urgency, anonymous, fileIds },
      {
        onSuccess: (r) => setSent(r),
        onError: (err) => {
          const fe = fieldErrors(err, t);
          if (Object.keys(fe).length) setErrors(fe);
          else notifyError(err, t);
        },
      },
    );
  };

  return (
    <RequirePermission permission="report.create">
      <Stack maw={640} gap="md">
        <PageHeader title={t('reports.form.title')} description={t('reports.form.intro')} />
        {sent ? (
          <Sent report={sent} onAnother={reset} />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
            noValidate
          >
            <Stack gap="md">
              <Textarea
                label={t('reports.form.what')}
                placeholder={t('reports.form.whatPlaceholder')}
                value={what}
                onChange={(e) => setWhat(e.currentTarget.value)}
                error={errors.what}
                autosize
                minRows={3}
                maxLength={5000}
                required
                size="md"
                data-testid="report-what"
              />
              <Stack gap={6}>
                <Text size="md" fw={500}>
                  {t('reports.form.urgency')}
                </Text>
                <SegmentedControl
                  fullWidth
                  size="md"
                  value={urgency}
                  onChange={(v) => setUrgency(v as Urgency)}
                  data={urgencies.map((u) => ({ value: u, label: t(`reports.urgency.${u}`) }))}
                  color={urgency === 'critical' ? 'red' : urgency === 'high' ? 'orange' : 'blue'}
                  aria-label={t('reports.form.urgency')}
                  data-testid="report-urgency-control"
                />
              </Stack>
              <Stack gap={6}>
                <Text size="md" fw={500}>
                  {t('reports.form.screenshots')}
                </Text>
                {shots.length ? (
                  <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
                    {shots.map((s) => (
                      <ShotTile key={s.key} shot={s} onRemove={() => remove(s)} />
                    ))}
                  </SimpleGrid>
                ) : null}
                {shots.length < MAX_REPORT_FILES ? (
                  <FileButton onChange={add} accept="image/*" multiple>
                    {(props) => (
                      <Button
                        {...props}
                        variant="light"
                        size="md"
                        leftSection={<IconCamera size={20} />}
                        fullWidth
                        data-testid="report-add-screenshot"
                      >
                        {t('reports.form.addScreenshot')}
                      </Button>
                    )}
                  </FileButton>
                ) : null}
                {errors.files || errors.fileIds ? (
                  <Text size="sm" c="red" role="alert">
                    {errors.files ?? errors.fileIds}
                  </Text>
                ) : null}
              </Stack>
              <Textarea
                label={t('reports.form.links')}
                placeholder={t('reports.form.linksPlaceholder')}
                value={links}
                onChange={(e) => setLinks(e.currentTarget.value)}
                error={errors.links}
                autosize
                minRows={1}
                size="md"
                inputMode="url"
                data-testid="report-links"
              />
              <TextInput
                label={t('reports.form.whereSeen')}
                placeholder={t('reports.form.whereSeenPlaceholder')}
                value={whereSeen}
                onChange={(e) => setWhereSeen(e.currentTarget.value)}
                error={errors.whereSeen}
                maxLength={200}
                size="md"
                data-testid="report-where"
              />
              <Switch
                size="md"
                checked={anonymous}
                onChange={(e) => setAnonymous(e.currentTarget.checked)}
                label={t('reports.form.anonymous')}
                description={t('reports.form.anonymousHelp')}
                data-testid="report-anonymous"
              />
              <Button
                type="submit"
                size="lg"
                color="red"
                fullWidth
                loading={file.isPending}
                disabled={uploading}
                data-testid="report-submit"
              >
                {uploading ? t('reports.form.waitUploads') : t('reports.form.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </RequirePermission>
  );
}
