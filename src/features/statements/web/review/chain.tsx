// The approval chain as steps: each role with who decides (holder and backups), its state, and the decision with
// its comment and time; below, earlier decisions, the ones reset by a later edit struck through.
import { Badge, Stack, Text, Timeline } from '@mantine/core';
import { IconCheck, IconHourglass, IconPencil, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { ApprovalEntry, ChainStep, StatementDetail } from '../../contract.ts';
import { roleName } from './labels.ts';

const stateColor: Record<ChainStep['state'], string> = {
  waiting: 'gray',
  current: 'blue',
  approved: 'teal',
  changes_requested: 'orange',
  rejected: 'red',
};

const wrap = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } as const;

function StepIcon({ state }: { state: ChainStep['state'] }) {
  if (state === 'approved') return <IconCheck size={16} />;
  if (state === 'rejected') return <IconX size={16} />;
  if (state === 'changes_requested') return <IconPencil size={16} />;
  return <IconHourglass size={16} />;
}

function DecisionLine({ d }: { d: ApprovalEntry }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('statementReview.chain.decidedBy', { name: d.approver.name, time: formatDateTime(d.decidedAt, zone) })}
        {d.asBackup ? t('statementReview.chain.asBackup') : ''}
      </Text>
      {d.comment ? (
        <Text size="sm" style={wrap} data-testid="chain-comment">
          {d.comment}
        </Text>
      ) : null}
    </Stack>
  );
}

function StepBody({ s }: { s: ChainStep }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt={2}>
      <Badge
        size="sm"
        w="fit-content"
        color={stateColor[s.state]}
        variant={s.state === 'current' ? 'filled' : 'light'}
        tt="none"
        data-testid="chain-state"
      >
        {t(`statementReview.chain.state.${s.state}`)}
      </Badge>
      <Text size="xs" c={s.holder ? undefined : 'orange'}>
        {s.holder ? t('statementReview.chain.holder', { name: s.holder.name }) : t('statementReview.chain.vacant')}
      </Text>
      {s.backups.length ? (
        <Text size="xs" c="dimmed">
          {t('statementReview.chain.backups', { names: s.backups.map((b) => b.name).join('、') })}
        </Text>
      ) : null}
      {s.decision ? <DecisionLine d={s.decision} /> : null}
    </Stack>
  );
}

/** Decisions no longer on a step: reset by an edit (struck through) or given on an earlier version. */
function History({ entries }: { entries: ApprovalEntry[] }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  if (entries.length === 0) return null;
  return (
    <Stack gap={6} mt="sm" data-testid="approval-history">
      <Text size="xs" fw={600} c="dimmed">
        {t('statementReview.chain.history')}
      </Text>
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {entries.map((a) => {
          const reset = a.resetAt !== null;
          return (
            <li key={a.id} data-testid="approval-past" data-reset={reset}>
              <Text size="sm" td={reset ? 'line-through' : undefined} c={reset ? 'dimmed' : undefined} style={wrap}>
                {roleName(a.role, t)} · {t(`statementReview.decision.${a.decision}`)} · {a.approver.name} ·{' '}
                {t('statementReview.chain.version', { number: a.versionNumber })} · {formatDateTime(a.decidedAt, zone)}
              </Text>
              {a.comment ? (
                <Text size="xs" c="dimmed" td={reset ? 'line-through' : undefined} style={wrap}>
                  {a.comment}
                </Text>
              ) : null}
              {reset ? (
                <Text size="xs" c="orange" data-testid="approval-reset-note">
                  {t('statementReview.chain.reset')}
                </Text>
              ) : null}
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** The chain card's content. */
export function ApprovalChain({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  const onSteps = new Set(detail.chain.flatMap((s) => (s.decision ? [s.decision.id] : [])));
  const past = detail.approvals.filter((a) => !onSteps.has(a.id)).sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  const active = detail.chain.findIndex((s) => s.state === 'current');
  return (
    <Stack gap="xs" data-testid="approval-chain">
      {detail.chain.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('statementReview.chain.empty')}
        </Text>
      ) : (
        <Timeline
          active={active === -1 ? detail.chain.filter((s) => s.state === 'approved').length - 1 : active}
          bulletSize={26}
          lineWidth={2}
        >
          {detail.chain.map((s) => (
            <Timeline.Item
              key={s.step}
              bullet={<StepIcon state={s.state} />}
              color={stateColor[s.state]}
              title={
                <Text size="sm" fw={600} component="span">
                  {t('statementReview.chain.step', { step: s.step })} · {roleName(s.role, t)}
                </Text>
              }
              data-testid="chain-step"
              data-role={s.role}
              data-state={s.state}
            >
              <StepBody s={s} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {detail.status === 'draft' && detail.chain.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('statementReview.chain.notInReview')}
        </Text>
      ) : null}
      <History entries={past} />
    </Stack>
  );
}
