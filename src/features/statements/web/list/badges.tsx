// A statement at a glance: its status in a colour, its kind, and the permanent "緊急核准" marker of an override.
import { Badge, Tooltip } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StatementKind, StatementStatus } from '../../contract.ts';

/** The colour of each status. */
export const statusColor: Record<StatementStatus, string> = {
  draft: 'gray',
  in_review: 'blue',
  changes_requested: 'orange',
  rejected: 'red',
  approved: 'teal',
  published: 'green',
  withdrawn: 'dark',
};

/** 草稿, 審核中, 已核准 … in the status's colour. */
export function StatementStatusBadge({ status, size = 'md' }: { status: StatementStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColor[status]}
      variant={status === 'published' || status === 'approved' ? 'filled' : 'light'}
      size={size}
      tt="none"
      style={{ flex: 'none' }}
      data-testid="statement-status"
      data-status={status}
    >
      {t(`statementList.status.${status}`)}
    </Badge>
  );
}

/** 初步聲明, 道歉聲明 … */
export function StatementKindBadge({ kind, size = 'md' }: { kind: StatementKind; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" size={size} tt="none" style={{ flex: 'none', maxWidth: '100%' }} data-testid="statement-kind">
      {t(`statementList.kind.${kind}`)}
    </Badge>
  );
}

/** The red "緊急核准" marker of a statement the commander approved by override (`detail` explains it on hover). */
export function OverrideBadge({ detail, size = 'md' }: { detail?: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const badge = (
    <Badge
      color="red"
      variant="filled"
      size={size}
      tt="none"
      leftSection={<IconAlertOctagon size={12} />}
      style={{ flex: 'none' }}
      data-testid="override-badge"
    >
      {t('statementList.overridden')}
    </Badge>
  );
  return detail ? (
    <Tooltip label={detail} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
