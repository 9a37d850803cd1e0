// The report's other measures, the observers' scores per capability, and the timeline (seconds since the start).
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DrillReport } from '../../../contract.ts';
import { formatSeconds } from '../format.ts';

function Measure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="sm" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

/** Tasks, briefings, findings, alerts, injects and mentions. */
export function ReportMeasures({ report: r }: { report: DrillReport }) {
  const { t } = useTranslation();
  const m = r.measures;
  const rate =
    m.briefingAckRate === null
      ? t('drills.report.noBriefing')
      : t('drills.report.ackRateValue', {
          rate: Math.round(m.briefingAckRate * 100),
          acked: m.briefingAcknowledged,
          recipients: m.briefingRecipients,
        });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('drills.report.tasks', { total: m.tasksTotal, done: m.tasksDone })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        <Measure label={t('drills.report.tasksOverdue')} value={String(m.tasksOverdue)} testId="measure-overdue" />
        <Measure label={t('drills.report.ackRate')} value={rate} testId="measure-ack" />
        <Measure label={t('drills.report.openFindings')} value={String(m.statementsApprovedWithOpenFindings)} testId="measure-findings" />
        <Measure label={t('drills.report.alerts')} value={String(m.alerts)} testId="measure-alerts" />
        <Measure label={t('drills.report.injects')} value={String(m.injectsDelivered)} testId="measure-injects" />
        <Measure label={t('drills.report.mentions')} value={m.mentions.toLocaleString()} testId="measure-mentions" />
      </SimpleGrid>
    </Stack>
  );
}

/** Average score and number of notes per capability. */
export function ReportScores({ report: r }: { report: DrillReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="report-scores">
      {r.scores.map((s) => (
        <Group key={s.capability} justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={500}>
            {t(`drills.capability.${s.capability}`)}
          </Text>
          <Text size="sm" c="dimmed">
            {s.average === null ? t('drills.report.noScoreAvg') : t('drills.report.average', { score: s.average.toFixed(1) })} ·{' '}
            {t('drills.report.notes', { count: s.notes })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** One timeline entry in words: the event's name, and what it concerned (a run's end reason translated). */
function entryText(t: TFunction, e: DrillReport['timeline'][number]): string {
  const what = t(`drills.event.${e.type as 'alert.opened'}`, { defaultValue: t('drills.event.other') });
  const label = e.type.endsWith('ended') ? t(`drills.room.reason.${e.label as 'finished'}`, { defaultValue: e.label }) : e.label;
  return label ? t('drills.report.entry', { what, label }) : what;
}

/** What happened, in order, as "+m:ss label — who". */
export function ReportTimeline({ report: r }: { report: DrillReport }) {
  const { t } = useTranslation();
  if (r.timeline.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('drills.report.noTimeline')}
      </Text>
    );
  return (
    <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="report-timeline">
      {r.timeline.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and the list is never reordered in place
        <Group component="li" key={i} gap="sm" wrap="nowrap" align="flex-start">
          <Text size="sm" ff="monospace" c="dimmed" style={{ flex: 'none', minWidth: '4.5em' }}>
            +{formatSeconds(e.t)}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }} data-type={e.type}>
            {entryText(t, e)}
            {e.actor ? (
              <Text component="span" size="sm" c="dimmed">
                {' '}
                — {e.actor}
              </Text>
            ) : null}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
