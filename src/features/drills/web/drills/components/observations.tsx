// Observers' notes: a form (capability, an optional score 1–5, the note) for observers and the facilitator, and
// the notes so far, newest first.
import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import { type Capability, capabilities, type DrillView } from '../../../contract.ts';
import { useObserve } from '../queries.ts';

function ObservationForm({ drillId }: { drillId: string }) {
  const { t } = useTranslation();
  const observe = useObserve(drillId);
  const [capability, setCapability] = useState<Capability>('detect');
  const [score, setScore] = useState('none');
  const [note, setNote] = useState('');
  const submit = async () => {
    try {
      await observe.mutateAsync({ capability, score: score === 'none' ? null : Number(score), note: note.trim() });
      setNote('');
      setScore('none');
      notifySuccess(t('drills.room.observationAdded'));
    } catch (err) {
      notifyError(err, t);
    }
  };
  return (
    <Stack gap="sm" data-testid="observation-form">
      <Select
        label={t('drills.room.capabilityLabel')}
        data={capabilities.map((c) => ({ value: c, label: t(`drills.capability.${c}`) }))}
        value={capability}
        onChange={(c) => c && setCapability(c as Capability)}
        allowDeselect={false}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="observation-score-label">
          {t('drills.room.scoreLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="observation-score-label"
          value={score}
          onChange={setScore}
          data={[{ value: 'none', label: t('drills.room.noScore') }, ...['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s }))]}
        />
      </Stack>
      <Textarea
        label={t('drills.room.note')}
        value={note}
        maxLength={5000}
        autosize
        minRows={2}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} disabled={!note.trim()} loading={observe.isPending}>
          {t('drills.room.addObservation')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The observations of a drill, with the form for those who may observe. */
export function Observations({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const list = [...drill.observations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder radius="md" p="md" data-testid="observations">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('drills.room.observations')}
        </Title>
        {drill.canObserve ? <ObservationForm drillId={drill.id} /> : null}
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('drills.room.noObservations')}
          </Text>
        ) : (
          list.map((o) => (
            <Paper key={o.id} withBorder radius="sm" p="sm" data-testid="observation">
              <Stack gap={4}>
                <Group gap={6} wrap="wrap">
                  <Badge variant="light" color="cyan" tt="none">
                    {t(`drills.capability.${o.capability}`)}
                  </Badge>
                  {o.score !== null ? (
                    <Badge variant="outline" tt="none">
                      {t('drills.room.score', { score: o.score })}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {o.author.name} · {formatDateTime(o.createdAt, zone)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {o.note}
                </Text>
              </Stack>
            </Paper>
          ))
        )}
      </Stack>
    </Paper>
  );
}
