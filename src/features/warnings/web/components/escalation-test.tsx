// "測試升級流程": tests the escalation on screen (unsaved edits included). The server works out the ladder for an alert
// opening now and sends every level's channels and people on call a test message naming the level; this shows that
// plan as a timeline — each step's time, its channels with their health, who is on call (or a red gap) and quiet hours.
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMoon, IconTestPipe, IconUser, IconUserOff, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { errorMessage, notifySuccess } from '../../../../web/errors.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { EscalationPolicy } from '../../contract.ts';
import type { EscalationPlan } from '../../notify-contract.ts';
import { ChannelHealthBadge } from '../channels/components/channel-card.tsx';
import { KindIcon } from '../channels/components/channel-kind.tsx';
import { useTestEscalation } from '../queries.ts';

const k = 'warnings.settings.escalation.test';
type Step = EscalationPlan['steps'][number];
type Props = {
  /** The policy on screen, or null when its fields do not validate (they then show their errors). */
  draft: () => EscalationPolicy | null;
  /** The policy on screen differs from the saved one. */
  dirty: boolean;
};

/** A time of day in the organisation's zone (on-call rotations and quiet hours are judged there too). */
const clock = (iso: string, language: string, timeZone: string) =>
  new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));

/** What went wrong, in words: our own codes translated, anything else by its problem code. */
function problemText(err: unknown, t: TFunction): string {
  const codes = err instanceof ApiError ? err.fieldErrors.map((e) => e.code) : [];
  if (codes.includes('no_levels')) return t(`${k}.noLevels`);
  if (codes.includes('unknown_channel') || codes.includes('unknown_schedule')) return t('warnings.settings.escalation.unknownChannel');
  return errorMessage(err, t);
}

function ChannelLine({ channel: c }: { channel: Step['channels'][number] }) {
  const { t } = useTranslation();
  const off = c.test === 'disabled' || c.test === 'missing';
  return (
    <Group gap={6} wrap="nowrap" align="center" data-testid="plan-channel" style={{ minWidth: 0 }}>
      {c.kind ? <KindIcon kind={c.kind} size="md" /> : null}
      <Text size="sm" td={off ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        {c.name ?? '—'}
      </Text>
      {c.health !== 'missing' ? <ChannelHealthBadge health={c.health} /> : null}
      {off ? (
        <Badge color="orange" variant="light" tt="none" style={{ flex: 'none' }}>
          {t(c.test === 'disabled' ? `${k}.channelDisabled` : `${k}.channelMissing`)}
        </Badge>
      ) : null}
    </Group>
  );
}

function ScheduleLine({ schedule: s, bypassRisk }: { schedule: Step['schedules'][number]; bypassRisk: number }) {
  const { t } = useTranslation();
  const name = s.name ?? t(`${k}.scheduleMissing`);
  if (!s.onCall)
    return (
      <Group gap={6} wrap="wrap" data-testid="plan-gap" style={{ rowGap: 2 }}>
        <Badge color="red" variant="filled" tt="none" leftSection={<IconUserOff size={12} />} style={{ flex: 'none' }}>
          {t(`${k}.gap`)}
        </Badge>
        <Text size="sm" c="red.7" style={{ overflowWrap: 'anywhere' }}>
          {t(`${k}.gapOf`, { schedule: name })}
        </Text>
      </Group>
    );
  const who = s.onCall;
  return (
    <Stack gap={2} data-testid="plan-oncall">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconUser size={16} style={{ flex: 'none', marginTop: 2 }} aria-hidden />
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t(`${k}.onCall`, { schedule: name, name: who.name })}
        </Text>
      </Group>
      {who.quietHours ? (
        <Group gap={6} wrap="nowrap" align="flex-start" data-testid="plan-quiet">
          <IconMoon size={14} style={{ flex: 'none', marginTop: 3 }} color="var(--mantine-color-orange-7)" aria-hidden />
          <Text size="xs" c="orange.8">
            {bypassRisk > 100 ? t(`${k}.quietNever`, { name: who.name }) : t(`${k}.quiet`, { name: who.name, risk: bypassRisk })}
          </Text>
        </Group>
      ) : null}
      {who.test === 'quiet_hours' || who.test === 'inactive' ? (
        <Text size="xs" c="dimmed">
          {t(who.test === 'quiet_hours' ? `${k}.testHeld` : `${k}.testInactive`, { name: who.name })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Nobody hears of this step: every channel off and every schedule a gap (or its person deactivated). */
const silent = (s: Step) =>
  s.channels.every((c) => c.test === 'disabled' || c.test === 'missing') &&
  s.schedules.every((x) => !x.onCall || x.onCall.test === 'inactive');

function StepTitle({ step: s }: { step: Step }) {
  const { t, i18n } = useTranslation();
  const zone = useOrgTimeZone();
  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 0 }}>
      <Text fw={600} size="sm">
        {s.round > 1 ? t(`${k}.levelRound`, { level: s.level, round: s.round }) : t(`${k}.level`, { level: s.level })}
      </Text>
      <Text size="xs" c="dimmed" data-testid="plan-when">
        {t(`${k}.when`, { minutes: s.afterMinutes, time: clock(s.at, i18n.language, zone) })}
      </Text>
    </Group>
  );
}

/** The plan as a timeline, with what was sent. */
function PlanView({ plan, dirty, onClose }: { plan: EscalationPlan; dirty: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const zone = useOrgTimeZone();
  const { sent } = plan;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="escalation-plan" aria-live="polite">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={600} size="sm">
            {t(`${k}.title`, { time: clock(plan.openedAt, i18n.language, zone) })}
          </Text>
          <ActionIcon variant="subtle" color="gray" aria-label={t(`${k}.close`)} onClick={onClose}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} p="xs" data-testid="plan-summary">
          <Text size="sm">
            {t(`${k}.summary`, {
              count: sent.channels + sent.people,
              channels: t(`${k}.channelCount`, { count: sent.channels }),
              people: t(`${k}.peopleCount`, { count: sent.people }),
            })}
          </Text>
          {dirty ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t(`${k}.unsaved`)}
            </Text>
          ) : null}
        </Alert>
        <Timeline active={plan.steps.length - 1} bulletSize={22} lineWidth={2}>
          {plan.steps.map((s) => (
            <Timeline.Item
              key={s.step}
              bullet={
                <Text size="xs" fw={700} c="white">
                  {s.level}
                </Text>
              }
              color={silent(s) || s.schedules.some((x) => !x.onCall) ? 'red' : undefined}
              title={<StepTitle step={s} />}
              data-testid="plan-step"
            >
              <Stack gap={6} mt={4}>
                {s.channels.map((c) => (
                  <ChannelLine key={c.id} channel={c} />
                ))}
                {s.schedules.map((x) => (
                  <ScheduleLine key={x.id} schedule={x} bypassRisk={plan.quietHoursBypassRisk} />
                ))}
                {silent(s) ? (
                  <Text size="xs" c="red.7" fw={600}>
                    {t(`${k}.nobody`)}
                  </Text>
                ) : null}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}

/** The test button, its explanation, and the last test's plan or problem. */
export function EscalationTest({ draft, dirty }: Props) {
  const { t } = useTranslation();
  const test = useTestEscalation();
  const run = () => {
    const policy = draft();
    if (!policy) return;
    test.mutate(policy, { onSuccess: () => notifySuccess(t(`${k}.sentNotice`)) });
  };
  const detail = test.error instanceof ApiError && test.error.message ? test.error.message : null;
  return (
    <Stack gap="xs" data-testid="escalation-test">
      <Text size="xs" c="dimmed">
        {t(`${k}.help`)}
      </Text>
      <Group>
        <Button variant="light" size="xs" leftSection={<IconTestPipe size={14} />} loading={test.isPending} onClick={run}>
          {t(`${k}.button`)}
        </Button>
      </Group>
      {test.error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t(`${k}.failed`)} role="alert" p="xs">
          <Text size="sm">{problemText(test.error, t)}</Text>
          {detail ? (
            <Text size="xs" c="dimmed" mt={4} data-testid="problem-detail">
              {detail}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {test.data ? <PlanView plan={test.data} dirty={dirty} onClose={() => test.reset()} /> : null}
    </Stack>
  );
}
