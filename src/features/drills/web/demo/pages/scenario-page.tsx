// 情境訊息: the scenario's messages delivered so far, newest first, for everyone in the demo and the players in a
// drill sandbox. Opening the page marks them seen (the navigation's count clears); the ones that were new when
// the page opened keep a 「新」 mark until it closes. New ones arrive live.
import { Alert, Paper, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../../../web/session.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import type { ScenarioRoom } from '../../../contract.ts';
import { InjectCard } from '../components/inject-card.tsx';
import { scenarioRoomQuery } from '../queries.ts';
import { isUnseen } from '../run-clock.ts';
import { inScenario, markSeen, readSeen } from '../scenario-live.tsx';

/** The scenario messages page. */
export function ScenarioPage() {
  const { t } = useTranslation();
  const session = useSession();
  const on = inScenario(session);
  const room = useQuery({ ...scenarioRoomQuery, enabled: on });
  return (
    <Stack gap={0} maw={820}>
      <PageHeader title={t('drillDemo.scenario.title')} description={t('drillDemo.scenario.description')} />
      {on ? (
        <QueryState query={room}>{(data) => <Messages room={data} />}</QueryState>
      ) : (
        <Alert color="gray" icon={<IconInfoCircle />} data-testid="scenario-not-here">
          {t('drillDemo.scenario.notHere')}
        </Alert>
      )}
    </Stack>
  );
}

function Messages({ room }: { room: ScenarioRoom }) {
  const { t } = useTranslation();
  const timeZone = useOrgTimeZone();
  const runId = room.run?.id ?? null;
  // What was seen before this visit, read once per run: the marks stay while the page is open.
  const [seenBefore, setSeenBefore] = useState<{ runId: string | null; seen: string | null }>(() => ({
    runId,
    seen: runId ? readSeen(runId) : null,
  }));
  if (seenBefore.runId !== runId) setSeenBefore({ runId, seen: runId ? readSeen(runId) : null });
  const newest = room.injects.find((i) => i.deliveredAt)?.deliveredAt ?? null;
  useEffect(() => {
    if (runId && newest) markSeen(runId, newest);
  }, [runId, newest]);

  if (!room.run) {
    return (
      <Paper withBorder p="lg" radius="md" data-testid="scenario-no-run">
        <Text c="dimmed">{t('drillDemo.scenario.noRun')}</Text>
      </Paper>
    );
  }
  if (room.injects.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md" data-testid="scenario-empty">
        <Text c="dimmed">{t('drillDemo.scenario.empty')}</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm" data-testid="inject-list" aria-live="polite">
      {room.injects.map((i) => (
        <InjectCard key={i.id} inject={i} timeZone={timeZone} unseen={isUnseen(i, seenBefore.seen)} />
      ))}
    </Stack>
  );
}
