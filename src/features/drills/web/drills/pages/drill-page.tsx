// /drills/$drillId: the facilitator's control panel, schedule and surprise injects; for everyone taking part
// 「進入演練」 (the session then acts inside the sandbox), the delivered injects and the participants; for observers
// and the facilitator the observations; after the end, the after-action report. Live drill.*/scenario.* events
// refresh it, and it polls every 2 s while the drill runs in case an event is missed.
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDoorEnter, IconReportAnalytics } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../../web/errors.ts';
import { useSession } from '../../../../../web/session.ts';
import { BackLink } from '../../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import type { DrillView } from '../../../contract.ts';
import { RoleBadge } from '../components/badges.tsx';
import { ControlPanel } from '../components/control-panel.tsx';
import { InjectList } from '../components/inject-list.tsx';
import { Observations } from '../components/observations.tsx';
import { SurpriseForm } from '../components/surprise-form.tsx';
import { drillQuery, enterDrill, useDrillsLive, useGenerateReport } from '../queries.ts';

/** 「進入演練」: the server switches this session into the sandbox; the whole app then reloads as that person. */
function EnterCard({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const inside = useSession().drillId === drill.id;
  const [busy, setBusy] = useState(false);
  const enter = async () => {
    setBusy(true);
    try {
      await enterDrill(drill.id);
      // Everything cached belongs to the real organisation: start the app afresh inside the sandbox.
      window.location.assign('/');
    } catch (err) {
      setBusy(false);
      notifyError(err, t);
    }
  };
  if (inside)
    return (
      <Alert color="grape" variant="light" data-testid="inside-drill">
        {t('drills.room.inside')}
      </Alert>
    );
  return (
    <Paper withBorder radius="md" p="md" data-testid="enter-card">
      <Stack gap="xs">
        <Text size="sm">{t('drills.room.enterHint')}</Text>
        <Group>
          <Button
            color="grape"
            leftSection={<IconDoorEnter size={16} />}
            onClick={() => void enter()}
            loading={busy}
            data-testid="enter-drill"
          >
            {t('drills.room.enter')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** After the end: generate the report (the facilitator) or open it. */
function ReportCard({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generate = useGenerateReport(drill.id);
  const run = async () => {
    try {
      await generate.mutateAsync(undefined);
      await navigate({ to: `/drills/${drill.id}/report` });
    } catch (err) {
      notifyError(err, t);
    }
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="report-card">
      <Group gap="sm" wrap="wrap">
        {drill.canControl && !drill.hasReport ? (
          <Button
            leftSection={<IconReportAnalytics size={16} />}
            onClick={() => void run()}
            loading={generate.isPending}
            data-testid="generate-report"
          >
            {t('drills.room.generate')}
          </Button>
        ) : null}
        {drill.hasReport ? (
          <Anchor component={Link} to={`/drills/${drill.id}/report`} data-testid="open-report">
            {t('drills.room.openReport')}
          </Anchor>
        ) : !drill.canControl ? (
          <Text size="sm" c="dimmed">
            {t('drills.report.notYet')}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}

function Participants({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="participants">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('drills.room.participants')}
        </Title>
        {drill.participants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('drills.room.noParticipants')}
          </Text>
        ) : (
          drill.participants.map((p) => (
            <Group key={p.userId} gap="xs" wrap="nowrap" justify="space-between" data-testid="participant">
              <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                {p.name}
              </Text>
              <RoleBadge role={p.role} />
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}

function Drill({ drill }: { drill: DrillView }) {
  const ended = drill.run.status === 'ended';
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <ControlPanel drill={drill} />
          {ended ? <ReportCard drill={drill} /> : drill.myRole ? <EnterCard drill={drill} /> : null}
          <InjectList drill={drill} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          {drill.canControl && !ended ? <SurpriseForm drill={drill} /> : null}
          <Participants drill={drill} />
          {drill.canObserve || drill.observations.length > 0 ? <Observations drill={drill} /> : null}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** One drill. */
export function DrillPage() {
  const { t } = useTranslation();
  const { drillId } = useParams({ strict: false }) as { drillId: string };
  useDrillsLive();
  const drill = useQuery(drillQuery(drillId));
  return (
    <RequirePermission permission="drill.read">
      <Stack gap={4} mb="sm">
        <BackLink to="/drills" label={t('drills.back')} />
      </Stack>
      <QueryState query={drill}>
        {(d) => (
          <>
            <PageHeader title={d.title} actions={d.myRole ? <RoleBadge role={d.myRole} /> : null} />
            <Drill drill={d} />
          </>
        )}
      </QueryState>
    </RequirePermission>
  );
}
