// One statement in a list: its crisis (#n title, when shown), title (a link to the statement), kind, status, head
// version, due clock, open findings and whether it awaits my decision.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconHourglass } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Deadline } from '../../../crises/web/components/deadline.tsx';
import type { StatementSummary } from '../../contract.ts';
import { OverrideBadge, StatementKindBadge, StatementStatusBadge } from './badges.tsx';

const done = new Set(['approved', 'published', 'withdrawn']);

/** The due clock while the statement is not yet out; nothing once it is. */
export function StatementClock({ s }: { s: StatementSummary }) {
  const { t } = useTranslation();
  if (!s.dueAt || done.has(s.status)) return null;
  return <Deadline dueAt={s.dueAt} prefix={(time) => t('statementList.due', { time })} testId="statement-due" size="xs" />;
}

/** Open findings of the head version, orange when there are any. */
export function FindingsCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? (
    <Badge
      color="orange"
      variant="light"
      size="sm"
      tt="none"
      leftSection={<IconAlertTriangle size={12} />}
      data-testid="statement-findings"
    >
      {t('statementList.findings', { count })}
    </Badge>
  ) : (
    <Text size="xs" c="dimmed" data-testid="statement-findings">
      {t('statementList.noFindings')}
    </Text>
  );
}

/** "待我審核". */
export function AwaitingMeBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="filled" size="sm" tt="none" leftSection={<IconHourglass size={12} />} data-testid="statement-awaiting-me">
      {t('statementList.awaitingMe')}
    </Badge>
  );
}

/** A statement as a row; `withCrisis` adds the crisis's number and title (the /statements page). */
export function StatementRow({ s, withCrisis }: { s: StatementSummary; withCrisis: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="statement-row" data-statement-id={s.id} data-status={s.status}>
      <Stack gap={6}>
        {withCrisis ? (
          <Anchor component={Link} to={`/crises/${s.crisisId}`} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('statementList.crisis', { number: s.crisisNumber, title: s.crisisTitle })}
          </Anchor>
        ) : null}
        <Group gap="xs" wrap="nowrap" align="baseline" justify="space-between">
          <Anchor
            component={Link}
            to={`/statements/${s.id}`}
            fw={600}
            c="var(--mantine-color-text)"
            style={{ overflowWrap: 'anywhere', minWidth: 0 }}
            data-testid="statement-link"
          >
            {s.title}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flex: 'none' }}>
            {t('statementList.head', { number: s.head })}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
          <StatementKindBadge kind={s.kind} size="sm" />
          <StatementStatusBadge status={s.status} size="sm" />
          {s.overridden ? <OverrideBadge size="sm" /> : null}
          {s.awaitingMe ? <AwaitingMeBadge /> : null}
          <FindingsCount count={s.openFindings} />
          <StatementClock s={s} />
        </Group>
      </Stack>
    </Paper>
  );
}
