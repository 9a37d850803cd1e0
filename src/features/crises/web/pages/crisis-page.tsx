// /crises/$crisisId: the crisis room. Status header with its clocks and actions, the task board, the timeline with
// its note box, the team, the decision log and the linked alerts. It joins the live room `crisis:<id>`, so every
// change anyone makes appears here without reloading. One column on a phone.
import { Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { useLiveRoom } from '../../../../web/live.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import type { CrisisDetail } from '../../contract.ts';
import { BackToCrises } from '../components/back-link.tsx';
import { DecisionLog } from '../components/decision-log.tsx';
import { LinkedAlerts } from '../components/linked-alerts.tsx';
import { RoomHeader } from '../components/room-header.tsx';
import { TaskBoard } from '../components/task-board.tsx';
import { TeamPanel } from '../components/team-panel.tsx';
import { Timeline } from '../components/timeline.tsx';
import { crisisQuery } from '../queries.ts';

function Room({ crisis }: { crisis: CrisisDetail }) {
  return (
    <Stack gap="md" data-testid="crisis-room">
      <RoomHeader crisis={crisis} />
      <TaskBoard crisis={crisis} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Timeline crisis={crisis} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <TeamPanel crisis={crisis} />
            <DecisionLog crisis={crisis} />
            <LinkedAlerts alertIds={crisis.alertIds} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** One crisis's room. */
export function CrisisPage() {
  const { t } = useTranslation();
  const { crisisId } = useParams({ strict: false }) as { crisisId: string };
  const crisis = useQuery(crisisQuery(crisisId));
  useLiveRoom(`crisis:${crisisId}`);
  const missing = crisis.error instanceof ApiError && (crisis.error.status === 404 || crisis.error.status === 400);
  return (
    // No page-level permission check: someone on the team may be let into this room alone; the server decides.
    <Stack gap="md">
      <BackToCrises />
      {missing ? <Text c="dimmed">{t('crises.room.notFound')}</Text> : <QueryState query={crisis}>{(c) => <Room crisis={c} />}</QueryState>}
    </Stack>
  );
}
