// /alerts/$alertId: one alert — its topic, status, risk and suggested severity; the plain-language summary; each
// signal that moved against its usual band (or, for a manual rule's alert, the rule and its count); the mentions
// behind it; acknowledge / dismiss for responders; "宣告危機" (declare a crisis from it) for those who may, and for an
// alert already declared, a link to its crisis room.
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowRight, IconFlame, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { toLocale } from '../../../../web/i18n/index.ts';
import { useCan } from '../../../../web/session.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { AlertDetail } from '../../contract.ts';
import { alertSummaryText } from '../../summary.ts';
import { AcknowledgeButton, DismissButton } from '../components/alert-actions.tsx';
import { MovedSignals, RiskScore, SeverityBadge, StatusBadge } from '../components/alert-badges.tsx';
import { RefiredText } from '../components/alert-card.tsx';
import { DriverAuthors, DriverClusters, DriverNegatives, DriverTotals } from '../components/alert-drivers.tsx';
import { BackToAlerts } from '../components/back-link.tsx';
import { RelativeTime } from '../components/relative-time.tsx';
import { SignalBand } from '../components/signal-band.tsx';
import { alertQuery } from '../queries.ts';
import { RuleBadge } from '../rules/components/rule-sentence.tsx';

/** Who acted, as the server names them (a removed user shows as "a team member"). */
function useActorName() {
  const { t } = useTranslation();
  return (who: string | null) => who ?? t('warnings.detail.someone');
}

/** Who acknowledged or dismissed it, when, and why. */
function Responses({ alert: a }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const name = useActorName();
  // A declared alert's close is told by its crisis hand-off instead.
  if (!a.acknowledgedAt && a.status !== 'dismissed') return null;
  return (
    <Alert
      color={a.status === 'dismissed' ? 'gray' : 'blue'}
      variant="light"
      icon={<IconInfoCircle size={18} />}
      data-testid="alert-responses"
    >
      <Stack gap={2}>
        {a.acknowledgedAt ? (
          <Text size="sm">
            {t('warnings.detail.acknowledgedBy', { name: name(a.acknowledgedBy), time: formatDateTime(a.acknowledgedAt) })}
          </Text>
        ) : null}
        {a.status === 'dismissed' && a.closedAt ? (
          <Text size="sm">{t('warnings.detail.dismissedBy', { name: name(a.closedBy), time: formatDateTime(a.closedAt) })}</Text>
        ) : null}
        {a.dismissReason ? <Text size="sm">{t('warnings.detail.reason', { reason: t(`warnings.reason.${a.dismissReason}`) })}</Text> : null}
        {a.dismissNote ? (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {t('warnings.detail.note', { note: a.dismissNote })}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** An alert handed over to a crisis: says so and links to the crisis room. */
function Declared({ alert: a }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconFlame size={18} />}
      title={t('crises.handoff.declaredTitle')}
      data-testid="alert-declared"
    >
      <Stack gap={6} align="flex-start">
        <Text size="sm">
          {a.closedAt
            ? t('crises.handoff.declaredBy', { name: a.closedBy ?? t('warnings.detail.someone'), time: formatDateTime(a.closedAt, zone) })
            : t('crises.handoff.declaredBody')}
        </Text>
        {a.crisisId ? (
          <Button component={Link} to={`/crises/${a.crisisId}`} size="xs" color="grape" rightSection={<IconArrowRight size={14} />}>
            {t('crises.handoff.openRoom')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

function Header({ alert: a }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const canRespond = useCan('alert.respond');
  const canDeclare = useCan('crisis.declare');
  const active = a.status === 'open' || a.status === 'acknowledged';
  return (
    <Stack gap="sm">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <RiskScore risk={a.risk} severity={a.severity} size="lg" />
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="alert-title">
            {a.topicName}
          </Title>
          <Group gap={6} wrap="wrap">
            <SeverityBadge severity={a.severity} />
            <StatusBadge status={a.status} />
            {a.rule ? <RuleBadge name={a.rule.name} /> : null}
            {a.topicArchived ? (
              <Badge color="gray" variant="outline" tt="none" leftSection={<IconArchive size={12} />}>
                {t('warnings.topicArchived')}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
            <RelativeTime iso={a.openedAt} phrase={(time) => t('warnings.openedAgo', { time })} />
            <Text size="xs" c="dimmed" aria-hidden>
              ·
            </Text>
            <RelativeTime iso={a.lastFiredAt} phrase={(time) => t('warnings.lastFiredAgo', { time })} />
            {a.fireCount > 1 ? (
              <Text size="xs" c="dimmed" aria-hidden>
                ·
              </Text>
            ) : null}
            <RefiredText fireCount={a.fireCount} />
          </Group>
        </Stack>
      </Group>
      {(canRespond || canDeclare) && active ? (
        <Group gap="xs" data-testid="alert-actions">
          {canDeclare ? (
            <Button
              component={Link}
              to="/crises/new"
              search={{ alertId: a.id } as never}
              color="red"
              leftSection={<IconFlame size={16} />}
              data-testid="declare-from-alert"
            >
              {t('crises.handoff.declare')}
            </Button>
          ) : null}
          {canRespond && a.status === 'open' ? <AcknowledgeButton alert={a} /> : null}
          {canRespond ? <DismissButton alert={a} /> : null}
        </Group>
      ) : null}
      {a.status === 'declared' ? <Declared alert={a} /> : null}
      {canRespond ? null : (
        <Text size="sm" c="dimmed">
          {t('warnings.detail.readOnly')}
        </Text>
      )}
    </Stack>
  );
}

/** For a rule's alert, in place of the detector's bands: which rule fired and what it counted. */
function RuleFired({ alert: a }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid="alert-rule">
      <Title order={3} size="h5" mb="xs">
        {t('warnings.rules.alertTitle')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('warnings.rules.alertIntro')}
        </Text>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {a.rule?.name}
        </Text>
        <MovedSignals signals={a.signals} ruleKind={a.rule?.kind} />
        <Anchor component={Link} to="/alerts/rules" size="sm">
          {t('warnings.rules.viewRules')}
        </Anchor>
      </Stack>
    </Card>
  );
}

function AlertView({ alert: a }: { alert: AlertDetail }) {
  const { t, i18n } = useTranslation();
  // Times in the organisation's zone, as in the notifications people received.
  const zone = useOrgTimeZone();
  const summary = alertSummaryText(a, toLocale(i18n.language), zone);
  return (
    <Stack gap="md">
      <Header alert={a} />
      <Responses alert={a} />
      {a.topicArchived ? (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} data-testid="topic-archived">
          {t('warnings.detail.archived', { topic: a.topicName })}
        </Alert>
      ) : null}
      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h5" mb="xs">
          {t('warnings.detail.summary')}
        </Title>
        <Text style={{ overflowWrap: 'anywhere' }} data-testid="alert-summary">
          {summary}
        </Text>
        <Text size="xs" c="dimmed" mt="xs">
          {t('warnings.detail.window', { from: formatDateTime(a.windowStart, zone), to: formatDateTime(a.windowEnd, zone), zone })}
        </Text>
      </Card>
      {a.rule ? (
        <RuleFired alert={a} />
      ) : (
        <Card withBorder radius="md" padding="md" data-testid="alert-signals">
          <Title order={3} size="h5" mb="sm">
            {t('warnings.detail.signals')}
          </Title>
          <Stack gap="md">
            {a.signals.map((m) => (
              <SignalBand key={m.signal} move={m} />
            ))}
          </Stack>
        </Card>
      )}
      <DriverTotals drivers={a.drivers} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DriverClusters drivers={a.drivers} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DriverAuthors drivers={a.drivers} />
        </Grid.Col>
      </Grid>
      <DriverNegatives drivers={a.drivers} />
    </Stack>
  );
}

/** One alert's page. */
export function AlertPage() {
  const { t } = useTranslation();
  const { alertId } = useParams({ strict: false }) as { alertId: string };
  const alert = useQuery(alertQuery(alertId));
  const missing = alert.error instanceof ApiError && (alert.error.status === 404 || alert.error.status === 400);
  return (
    <RequirePermission permission="alert.read">
      <Stack gap="md">
        <BackToAlerts />
        {missing ? (
          <Text c="dimmed">{t('warnings.detail.notFound')}</Text>
        ) : (
          <QueryState query={alert}>{(a) => <AlertView alert={a} />}</QueryState>
        )}
      </Stack>
    </RequirePermission>
  );
}
