// The scenario's clock (minute / duration, speed, status) and, for a demo's admins and managers, its controls:
// pause/resume, speed 1×/10×/60× and skip to the next message. Commands carry the run's version; a stale one
// is refused by the server and the banner reloads.
import { ActionIcon, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPauseFilled, IconPlayerPlayFilled, IconPlayerSkipForwardFilled } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { notifyError } from '../../../../../web/errors.ts';
import type { RunCommand, RunView } from '../../../contract.ts';
import { speeds } from '../../../scenario-contract.ts';
import { useRunControl } from '../queries.ts';
import { scenarioMinute } from '../run-clock.ts';

/** The scenario clock, ticking each second while the run plays. */
export function ScenarioClock({ run, fetchedAt }: { run: RunView; fetchedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (run.status !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [run.status]);
  const minute = scenarioMinute(run, fetchedAt, now);
  return (
    <Group gap={8} wrap="nowrap" data-testid="scenario-clock" data-status={run.status} data-speed={run.speed}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="scenario-minute">
        {t('drillDemo.banner.clock', { minute, duration: run.durationMinutes })}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {run.status === 'running' ? t('drillDemo.banner.speedNow', { speed: run.speed }) : t(`drillDemo.banner.status.${run.status}`)}
      </Text>
    </Group>
  );
}

/** Pause/resume, speed and next-message buttons (only rendered for people who may control the demo). */
export function RunControls({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const control = useRunControl();
  const send = (command: RunCommand) =>
    control.mutate(command, {
      onError: (err) => {
        if (err instanceof ApiError && err.status === 409) notifications.show({ color: 'orange', message: t('drillDemo.banner.stale') });
        else notifyError(err, t);
      },
    });
  const expectedVersion = run.version;
  const ended = run.status === 'ended';
  const playing = run.status === 'running';
  const busy = control.isPending;
  const playLabel = playing ? t('drillDemo.banner.pause') : t('drillDemo.banner.resume');
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label={t('drillDemo.banner.controls')} data-testid="scenario-controls">
      <Tooltip label={playLabel}>
        <ActionIcon
          variant="white"
          color="dark"
          size="md"
          aria-label={playLabel}
          disabled={ended || busy}
          onClick={() =>
            send(playing ? { action: 'pause', expectedVersion } : { action: run.status === 'ready' ? 'start' : 'resume', expectedVersion })
          }
          data-testid="scenario-play"
        >
          {playing ? <IconPlayerPauseFilled size={16} /> : <IconPlayerPlayFilled size={16} />}
        </ActionIcon>
      </Tooltip>
      <SegmentedControl
        size="xs"
        radius="md"
        aria-label={t('drillDemo.banner.speed')}
        disabled={ended || busy}
        value={String(run.speed)}
        onChange={(v) => send({ action: 'speed', speed: Number(v) as RunView['speed'], expectedVersion })}
        data={speeds.map((s) => ({ value: String(s), label: `${s}×` }))}
        data-testid="scenario-speed"
      />
      <Tooltip label={t('drillDemo.banner.next')}>
        <ActionIcon
          variant="white"
          color="dark"
          size="md"
          aria-label={t('drillDemo.banner.next')}
          disabled={ended || busy || run.nextInjectMinute === null}
          onClick={() => send({ action: 'next_inject', expectedVersion })}
          data-testid="scenario-next"
        >
          <IconPlayerSkipForwardFilled size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
