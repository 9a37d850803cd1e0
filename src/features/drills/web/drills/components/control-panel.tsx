// Where the drill stands — status, scenario clock and progress, next inject, mentions fed in — and, for the
// facilitator, the controls: start, pause/resume, speed, jump to the next inject, end. Every command carries the
// run's version; a stale one (someone else's command landed first) reloads the drill and says so.
import { Button, Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconPlayerSkipForward, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { notifyError } from '../../../../../web/errors.ts';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import type { DrillView, RunCommand } from '../../../contract.ts';
import { type Speed, speeds } from '../../../scenario-contract.ts';
import { wholeMinute } from '../format.ts';
import { useControl } from '../queries.ts';
import { DrillStatusBadge } from './badges.tsx';

type Command = RunCommand extends infer C ? (C extends RunCommand ? Omit<C, 'expectedVersion'> : never) : never;

/** Sends facilitator commands with the run's version; a 409 reloads and explains. */
export function useCommand(drill: DrillView) {
  const { t } = useTranslation();
  const control = useControl(drill.id);
  const send = async (cmd: Command) => {
    try {
      await control.mutateAsync({ ...cmd, expectedVersion: drill.run.version } as RunCommand);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) notifyError(new ApiError(409, 'conflict', t('drills.room.stale')), t);
      else notifyError(err, t);
      throw err;
    }
  };
  return { send, pending: control.isPending, action: control.variables?.action };
}

function Clock({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const r = drill.run;
  const minute = Math.min(wholeMinute(r.minute), r.durationMinutes);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          {t('drills.room.clock')}
        </Text>
        <Text size="sm" ff="monospace" data-testid="scenario-minute" data-minute={minute}>
          {t('drills.room.clockValue', { minute, duration: r.durationMinutes })}
        </Text>
      </Group>
      <Progress
        value={r.durationMinutes ? (minute / r.durationMinutes) * 100 : 0}
        aria-label={t('drills.room.progressAria')}
        color={r.status === 'ended' ? 'blue' : 'green'}
        animated={r.status === 'running'}
      />
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          {r.nextInjectMinute === null ? t('drills.room.noNextInject') : t('drills.room.nextInject', { minute: r.nextInjectMinute })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('drills.room.mentions', { count: r.mentionsIngested })}
        </Text>
        {r.status === 'running' ? (
          <Text size="xs" c="dimmed">
            {t('drills.room.liveFallback')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

function Controls({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const { send, pending, action } = useCommand(drill);
  const r = drill.run;
  const run = (cmd: Command) => void send(cmd).catch(() => {});
  return (
    <Stack gap="sm" data-testid="drill-controls">
      <Group gap="xs" wrap="wrap">
        {r.status === 'ready' ? (
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            onClick={() => run({ action: 'start' })}
            loading={pending && action === 'start'}
          >
            {t('drills.room.start')}
          </Button>
        ) : null}
        {r.status === 'running' ? (
          <Button
            variant="default"
            leftSection={<IconPlayerPause size={16} />}
            onClick={() => run({ action: 'pause' })}
            loading={pending && action === 'pause'}
          >
            {t('drills.room.pause')}
          </Button>
        ) : null}
        {r.status === 'paused' ? (
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            onClick={() => run({ action: 'resume' })}
            loading={pending && action === 'resume'}
          >
            {t('drills.room.resume')}
          </Button>
        ) : null}
        {r.status !== 'ended' ? (
          <Button
            variant="default"
            leftSection={<IconPlayerSkipForward size={16} />}
            onClick={() => run({ action: 'next_inject' })}
            loading={pending && action === 'next_inject'}
            disabled={r.nextInjectMinute === null || r.status === 'ready'}
          >
            {t('drills.room.jump')}
          </Button>
        ) : null}
      </Group>
      {r.status !== 'ended' ? (
        <Group gap="sm" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} id="run-speed-label">
              {t('drills.room.speedLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="run-speed-label"
              value={String(r.speed)}
              onChange={(v) => run({ action: 'speed', speed: Number(v) as Speed })}
              data={speeds.map((s) => ({ value: String(s), label: t(`drills.speed.x${s}`) }))}
              disabled={pending}
              data-testid="run-speed"
            />
          </Group>
          <ConfirmButton
            color="red"
            variant="light"
            leftSection={<IconPlayerStop size={16} />}
            message={t('drills.room.endConfirm')}
            onConfirm={() => send({ action: 'end' })}
          >
            {t('drills.room.end')}
          </ConfirmButton>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The run's state, with the facilitator's controls when I may control it. */
export function ControlPanel({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const r = drill.run;
  return (
    <Paper withBorder radius="md" p="md" data-testid="drill-run" data-status={r.status} data-speed={r.speed} data-version={r.version}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {drill.canControl ? t('drills.room.controls') : t('drills.room.state')}
          </Title>
          <DrillStatusBadge status={r.status} />
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('drills.room.scenarioLine', { title: r.title, company: r.company })}
        </Text>
        <Clock drill={drill} />
        {r.status === 'ended' ? (
          <Text size="sm" c="dimmed">
            {t('drills.room.ended')}
            {r.endedReason
              ? ` ${t('drills.room.endedReason', { reason: t(`drills.room.reason.${r.endedReason as 'finished'}`, { defaultValue: r.endedReason }) })}`
              : ''}
          </Text>
        ) : null}
        {drill.canControl ? <Controls drill={drill} /> : null}
      </Stack>
    </Paper>
  );
}
