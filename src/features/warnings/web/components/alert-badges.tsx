// An alert at a glance: the risk score coloured by the suggested severity, the severity and status badges,
// and the signals that moved in one line ("負面提及 96（預期 3）").
import { Badge, Box, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertStatus, AlertSummary, Severity, SignalMove, SignalName } from '../../contract.ts';
import { useSignalFormat } from './signal-format.ts';

/** Mantine colour per suggested severity (L1 is the most severe). */
export const severityColor: Record<Severity, string> = { L1: 'red', L2: 'orange', L3: 'yellow', L4: 'blue' };

const statusColor: Record<AlertStatus, string> = { open: 'red', acknowledged: 'blue', dismissed: 'gray', declared: 'grape' };

/** The risk score (0–100) as a coloured block, with its meaning for screen readers and on hover. */
export function RiskScore({ risk, severity, size = 'md' }: { risk: number; severity: Severity; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const c = severityColor[severity];
  const label = t('warnings.riskValue', { risk });
  return (
    <Tooltip label={label} withArrow>
      <Box
        role="img"
        aria-label={label}
        data-testid="risk-score"
        data-risk={risk}
        w={size === 'lg' ? 72 : 56}
        py={size === 'lg' ? 8 : 6}
        style={{
          flex: 'none',
          textAlign: 'center',
          borderRadius: 'var(--mantine-radius-md)',
          background: `var(--mantine-color-${c}-light)`,
          color: `var(--mantine-color-${c}-light-color)`,
          border: `1px solid var(--mantine-color-${c}-outline)`,
        }}
      >
        <Text fw={700} fz={size === 'lg' ? 28 : 22} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }} aria-hidden>
          {risk}
        </Text>
        <Text fz={11} lh={1.2} aria-hidden>
          {t('warnings.risk')}
        </Text>
      </Box>
    </Tooltip>
  );
}

/** The suggested severity (L1 … L4), explained on hover. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`warnings.severityHint.${severity}`)} withArrow>
      <Badge color={severityColor[severity]} variant="filled" autoContrast tt="none" style={{ flex: 'none' }} data-testid="severity-badge">
        {t('warnings.severityValue', { severity })}
      </Badge>
    </Tooltip>
  );
}

/** Open, acknowledged or dismissed. */
export function StatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none" style={{ flex: 'none' }} data-testid="status-badge" data-status={status}>
      {t(`warnings.status.${status}`)}
    </Badge>
  );
}

/** Which kind of manual rule raised an alert. */
type RuleKind = NonNullable<AlertSummary['rule']>['kind'];

const order: SignalName[] = ['negative', 'volume', 'negative_share', 'reach'];

/** One moved signal in words: against the expected value, or against a manual rule's threshold or watch list. */
function useMovedText() {
  const { t } = useTranslation();
  const f = useSignalFormat();
  return (s: SignalMove, ruleKind: RuleKind | undefined) => {
    const signal = t(`warnings.signal.${s.signal}`);
    const observed = f(s.signal, s.observed);
    if (!ruleKind) return t('warnings.moved', { signal, observed, expected: f(s.signal, s.expected) });
    if (ruleKind === 'watchlist') return t('warnings.rules.watchHits', { count: s.observed });
    return t('warnings.rules.moved', { signal, observed, expected: f(s.signal, s.expected) });
  };
}

/** What moved, strongest kind first: "負面提及 96（預期 3） · 提及量 …" (or against the rule, for a rule's alert). */
export function MovedSignals({ signals, ruleKind }: { signals: SignalMove[]; ruleKind?: RuleKind }) {
  const text = useMovedText();
  const sorted = [...signals].sort((a, b) => order.indexOf(a.signal) - order.indexOf(b.signal));
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="moved-signals">
      {sorted.map((s, i) => (
        <Fragment key={s.signal}>
          {i > 0 ? ' · ' : ''}
          <span>{text(s, ruleKind)}</span>
        </Fragment>
      ))}
    </Text>
  );
}
