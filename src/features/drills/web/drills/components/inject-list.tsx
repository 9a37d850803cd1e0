// Injects: for the facilitator the whole schedule (minute, kind, from, subject; sent or not; 「立即發送」 for each
// one not yet sent), for everyone else the ones delivered so far. Inject text comes from a scenario file and is
// only ever rendered as text.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import type { DrillView, InjectView } from '../../../contract.ts';
import type { InjectKind } from '../../../scenario-contract.ts';
import { wholeMinute } from '../format.ts';
import { useCommand } from './control-panel.tsx';

function InjectItem({ inject: i, drill, canRelease }: { inject: InjectView; drill: DrillView; canRelease: boolean }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const { send, pending } = useCommand(drill);
  const delivered = i.deliveredAt !== null;
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      data-testid="inject"
      data-inject-key={i.key}
      data-delivered={delivered}
      style={{ borderLeft: `4px solid var(--mantine-color-${delivered ? 'green' : 'gray'}-5)` }}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={700} ff="monospace">
            {t('drills.room.atMinute', { minute: wholeMinute(i.atMinute) })}
          </Text>
          <Badge variant="light" color="grape" tt="none">
            {t(`drills.injectKind.${i.kind as InjectKind}`, { defaultValue: i.kind })}
          </Badge>
          {i.surprise ? (
            <Badge variant="light" color="red" tt="none">
              {t('drills.room.surpriseBadge')}
            </Badge>
          ) : null}
          <Badge variant={delivered ? 'filled' : 'outline'} color={delivered ? 'green' : 'gray'} tt="none" data-testid="inject-state">
            {delivered ? t('drills.room.deliveredAt', { time: formatDateTime(i.deliveredAt, zone) }) : t('drills.room.notDelivered')}
          </Badge>
          {i.releasedByHand ? (
            <Text size="xs" c="dimmed">
              {t('drills.room.byHand')}
            </Text>
          ) : null}
        </Group>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {i.subject}
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('drills.room.from', { from: i.from })}
          {i.respondBy ? ` · ${t('drills.room.respondBy', { when: i.respondBy })}` : ''}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {i.body}
        </Text>
        {canRelease && !delivered ? (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconSend size={14} />}
              loading={pending}
              onClick={() => void send({ action: 'release', injectId: i.id }).catch(() => {})}
            >
              {t('drills.room.release')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The schedule (facilitator) or the delivered injects (everyone else). */
export function InjectList({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const schedule = drill.canControl;
  const list = schedule
    ? [...drill.injects].sort((a, b) => a.atMinute - b.atMinute)
    : drill.injects.filter((i) => i.deliveredAt !== null).sort((a, b) => (b.deliveredAt ?? '').localeCompare(a.deliveredAt ?? ''));
  const canRelease = schedule && drill.run.status !== 'ended' && drill.run.status !== 'ready';
  return (
    <Paper withBorder radius="md" p="md" data-testid="inject-list">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {schedule ? t('drills.room.schedule') : t('drills.room.delivered')}
        </Title>
        {list.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('drills.room.noInjects')}
          </Text>
        ) : (
          list.map((i) => <InjectItem key={i.id} inject={i} drill={drill} canRelease={canRelease} />)
        )}
      </Stack>
    </Paper>
  );
}
