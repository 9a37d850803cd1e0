// The room's timeline, newest first: each event as a sentence, with the time (relative; exact in the organisation's
// zone on hover) and what people wrote as plain text; a note box on top for those who work the crisis.
import { Button, Card, Group, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlag, IconGauge, IconNote, IconPoint } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import type { CrisisDetail, TimelineEntry } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { useAddNote } from '../queries.ts';
import { type TimelineLine, timelineLine } from '../timeline-text.ts';
import { When } from './when.tsx';

const icons: Record<TimelineLine['kind'], { icon: ReactNode; color: string }> = {
  note: { icon: <IconNote size={14} />, color: 'blue' },
  severity: { icon: <IconGauge size={14} />, color: 'red' },
  decision: { icon: <IconFlag size={14} />, color: 'grape' },
  other: { icon: <IconPoint size={14} />, color: 'gray' },
};

function NoteBox({ crisisId }: { crisisId: string }) {
  const { t } = useTranslation();
  const add = useAddNote(crisisId);
  const fail = useRoomFailure();
  const form = useForm({ initialValues: { text: '' }, validate: { text: (v) => (v.trim() ? null : t('validation.required')) } });
  const submit = form.onSubmit(async (v) => {
    try {
      await add.mutateAsync(v.text.trim());
      form.reset();
      notifySuccess(t('crises.timeline.noteAdded'));
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('crises.timeline.note')}
          placeholder={t('crises.timeline.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('text')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('crises.timeline.noteSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const line = timelineLine(entry, t);
  const look = icons[line.kind];
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" data-testid="timeline-entry" data-type={entry.type}>
      <ThemeIcon size="md" radius="xl" variant="light" color={look.color} style={{ flex: 'none' }}>
        {look.icon}
      </ThemeIcon>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {line.sentence}
        </Text>
        {line.quote ? (
          <Text
            size="sm"
            c={line.kind === 'note' ? undefined : 'dimmed'}
            style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
            data-testid="timeline-quote"
          >
            {line.kind === 'note' ? line.quote : t('crises.timeline.reason', { reason: line.quote })}
          </Text>
        ) : null}
        <When iso={entry.at} />
      </Stack>
    </Group>
  );
}

/** The timeline card. */
export function Timeline({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const entries = [...crisis.timeline].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Card withBorder radius="md" padding="md" data-testid="timeline">
      <Title order={3} size="h4" mb="sm">
        {t('crises.timeline.title')}
      </Title>
      <Stack gap="md">
        {crisis.can.work ? <NoteBox crisisId={crisis.id} /> : null}
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('crises.timeline.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {entries.map((e) => (
              <Entry key={e.id} entry={e} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
