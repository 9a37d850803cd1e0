// Small labels of the drill screens: a run's status and a person's part in a drill (text, not colour alone).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantRole, RunStatus } from '../../../contract.ts';

const statusColor: Record<RunStatus, string> = { ready: 'gray', running: 'green', paused: 'yellow', ended: 'blue' };

/** The run's status as a badge. */
export function DrillStatusBadge({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none" data-testid="drill-status" data-status={status}>
      {t(`drills.status.${status}`)}
    </Badge>
  );
}

/** A participant's role as a badge. */
export function RoleBadge({ role }: { role: ParticipantRole }) {
  const { t } = useTranslation();
  return (
    <Badge color={role === 'facilitator' ? 'grape' : role === 'observer' ? 'cyan' : 'orange'} variant="outline" tt="none">
      {t(`drills.role.${role}`)}
    </Badge>
  );
}
