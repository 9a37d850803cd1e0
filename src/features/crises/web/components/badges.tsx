// A crisis at a glance: its severity (L1 red … L4 blue, the meaning on hover), its state and its type.
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { severityColor } from '../../../warnings/web/components/alert-badges.tsx';
import type { CrisisStatus, CrisisType, Severity } from '../../contract.ts';

const statusColor: Record<CrisisStatus, string> = {
  declared: 'red',
  responding: 'orange',
  monitoring: 'blue',
  recovering: 'teal',
  closed: 'gray',
};

/** "L1 重大" in the level's colour, explained on hover. */
export function CrisisSeverityBadge({ severity, size = 'md' }: { severity: Severity; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`crises.severityHint.${severity}`)} withArrow multiline maw={300}>
      <Badge
        color={severityColor[severity]}
        variant="filled"
        autoContrast
        size={size}
        tt="none"
        style={{ flex: 'none' }}
        data-testid="crisis-severity"
        data-severity={severity}
      >
        {t(`crises.severity.${severity}`)}
      </Badge>
    </Tooltip>
  );
}

/** Declared, responding, monitoring, recovering or closed. */
export function CrisisStatusBadge({ status, size = 'md' }: { status: CrisisStatus; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColor[status]}
      variant="light"
      size={size}
      tt="none"
      style={{ flex: 'none' }}
      data-testid="crisis-status"
      data-status={status}
    >
      {t(`crises.status.${status}`)}
    </Badge>
  );
}

/** The kind of crisis. */
export function CrisisTypeBadge({ type }: { type: CrisisType }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" tt="none" style={{ flex: 'none', maxWidth: '100%' }}>
      {t(`crises.type.${type}`)}
    </Badge>
  );
}
