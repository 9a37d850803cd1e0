// The room's timeline, newest first: each event as a sentence, with the time (relative; exact in the organisation's
// zone on hover) and what people wrote as plain text; a note box on top for those who work the crisis.
import { ActionIcon, Button, Card, Chip, Group, Stack, Text, Textarea, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlarm, IconFlag, IconGauge, IconNote, IconPoint, IconStar, IconStarFilled } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import type { CrisisDetail, TimelineEntry } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { useAddNote, useStar } from '../queries.ts';
import { inFilter, type TimelineFilter, type TimelineLine, timelineFilters, timelineLine } from '../timeline-text.ts';
import { When } from './when.tsx';

const icons: Record<TimelineLine['kind'], { icon: ReactNode; color: string }> = {
  note: { icon: <IconNote size={14} />, color: 'blue' },
  severity: { icon: <IconGauge size={14} />, color: 'red' },
  decision: { icon: <IconFlag size={14} />, color: 'grape' },
  overdue: { icon: <IconAlarm size={14} />, color: 'red' },
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

/** The star of an entry: a toggle for those who work the crisis, a mark for the others. */
function Star({ crisisId, entry, canWork }: { crisisId: string; entry: TimelineEntry; canWork: boolean }) {
  const { t } = useTranslation();
  const star = useStar(crisisId);
  const fail = useRoomFailure();
  if (!canWork)
    return entry.starred ? (
      <IconStarFilled
        size={16}
        color="var(--mantine-color-yellow-6)"
        aria-label={t('crises.timeline.starredBadge')}
        style={{ flex: 'none' }}
      />
    ) : null;
  const label = entry.starred ? t('crises.timeline.unstar') : t('crises.timeline.star');
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color={entry.starred ? 'yellow' : 'gray'}
        aria-label={label}
        aria-pressed={entry.starred}
        loading={star.isPending}
        onClick={() => star.mutateAsync({ eventId: entry.id, on: !entry.starred }).catch(fail)}
        style={{ flex: 'none' }}
        data-testid="timeline-star"
      >
        {entry.starred ? <IconStarFilled size={16} /> : <IconStar size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}

function Entry({ crisisId, entry, canWork }: { crisisId: string; entry: TimelineEntry; canWork: boolean }) {
  const { t } = useTranslation();
  const line = timelineLine(entry, t);
  const look = icons[line.kind];
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid="timeline-entry"
      data-type={entry.type}
      data-starred={entry.starred}
    >
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
            c={line.kind === 'note' || line.plainQuote ? undefined : 'dimmed'}
            style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
            data-testid="timeline-quote"
          >
            {line.kind === 'note' || line.plainQuote ? line.quote : t('crises.timeline.reason', { reason: line.quote })}
          </Text>
        ) : null}
        <When iso={entry.at} />
      </Stack>
      <Star crisisId={crisisId} entry={entry} canWork={canWork} />
    </Group>
  );
}

/** The timeline card. */
export function Timeline({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const all = [...crisis.timeline].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const entries = all.filter((e) => inFilter(e, filter));
  return (
    <Card withBorder radius="md" padding="md" data-testid="timeline">
      <Title order={3} size="h4" mb="sm">
        {t('crises.timeline.title')}
      </Title>
      <Stack gap="md">
        {crisis.can.work ? <NoteBox crisisId={crisis.id} /> : null}
        <Chip.Group multiple={false} value={filter} onChange={(v) => setFilter(v as TimelineFilter)}>
          <Group gap={6} role="group" aria-label={t('crises.timeline.filter')} data-testid="timeline-filter">
            {timelineFilters.map((f) => (
              <Chip key={f} value={f} size="xs" variant="light">
                {t(`crises.timeline.filters.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {all.length === 0 ? t('crises.timeline.empty') : t('crises.timeline.noneFiltered')}
          </Text>
        ) : (
          <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {entries.map((e) => (
              <Entry key={e.id} crisisId={crisis.id} entry={e} canWork={crisis.can.work} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
