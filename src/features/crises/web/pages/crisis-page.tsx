// /crises/$crisisId: the crisis room. Status header with its clocks and actions, the task board, the timeline with
// its note box, the team, the decision log and the linked alerts. It joins the live room `crisis:<id>`, so every
// change anyone makes appears here without reloading. One column on a phone.
import { Alert, Anchor, Grid, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { useLiveRoom } from '../../../../web/live.ts';
import { useSession } from '../../../../web/session.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { CrisisStatements } from '../../../statements/web/list/crisis-statements.tsx';
import type { CrisisDetail } from '../../contract.ts';
import { BackToCrises } from '../components/back-link.tsx';
import { DecisionLog } from '../components/decision-log.tsx';
import { LinkedAlerts } from '../components/linked-alerts.tsx';
import { LinkedReports } from '../components/linked-reports.tsx';
import { RoomHeader } from '../components/room-header.tsx';
import { TaskBoard } from '../components/task-board.tsx';
import { TeamPanel } from '../components/team-panel.tsx';
import { Timeline } from '../components/timeline.tsx';
import { MetricsPanel, OnlineNow, SitrepPanel } from '../pulse/index.ts';
import { crisisQuery } from '../queries.ts';

/** "需要您簽核": decisions waiting for the signed-in person's sign-off, at the top of the room. */
function SignoffCall({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const me = useSession().user.id;
  const waiting = crisis.decisions.filter((d) => d.signoff?.status === 'requested' && d.signoff.fromId === me);
  if (waiting.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconSignature size={18} />}
      title={t('crises.decisions.needsYou')}
      data-testid="signoff-call"
    >
      <Stack gap={4}>
        {waiting.map((d) => (
          <Text key={d.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {d.decision}
          </Text>
        ))}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="left"
          onClick={() => document.querySelector('[data-testid="decision-log"]')?.scrollIntoView({ behavior: 'smooth' })}
        >
          {t('crises.decisions.title')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

// Layout: the work (task board, timeline) in the main column; the side column holds the team, decisions and
// what is linked, under the room's pulse (live metrics, who is online, situation reports; on a phone the pulse
// also has a page of its own, /crises/$crisisId/pulse, linked from the header).
function Room({ crisis }: { crisis: CrisisDetail }) {
  return (
    <Stack gap="md" data-testid="crisis-room">
      <RoomHeader crisis={crisis} />
      <SignoffCall crisis={crisis} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} style={{ minWidth: 0 }}>
          <Stack gap="md">
            <TaskBoard crisis={crisis} />
            <CrisisStatements crisisId={crisis.id} />
            <Timeline crisis={crisis} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} style={{ minWidth: 0 }}>
          <Stack gap="md" data-testid="room-side">
            <MetricsPanel crisisId={crisis.id} />
            <OnlineNow crisisId={crisis.id} team={crisis.team} />
            <SitrepPanel crisisId={crisis.id} canWork={crisis.can.work} />
            <TeamPanel crisis={crisis} />
            <DecisionLog crisis={crisis} />
            <LinkedAlerts alertIds={crisis.alertIds} />
            <LinkedReports reports={crisis.reports} />
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
