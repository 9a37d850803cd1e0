// A report at a glance: number, urgency, status, when, who (or 匿名同仁), the start of what happened, and what
// became of it (the crisis it joined, or the reason it was closed). Text only: never rendered as HTML.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import type { ReportStatus, ReportView, Urgency } from '../../report-contract.ts';

const urgencyColor: Record<Urgency, string> = { critical: 'red', high: 'orange', normal: 'blue', low: 'gray' };
const statusColor: Record<ReportStatus, string> = { new: 'yellow', accepted: 'red', attached: 'orange', closed: 'gray' };

/** The urgency the reporter chose, in its colour. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={urgencyColor[urgency]}
      variant={urgency === 'critical' ? 'filled' : 'light'}
      data-testid="report-urgency"
      data-urgency={urgency}
    >
      {t(`reports.urgency.${urgency}`)}
    </Badge>
  );
}

/** Where the report stands. */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="outline" data-testid="report-status" data-status={status}>
      {t(`reports.status.${status}`)}
    </Badge>
  );
}

/** Who reported it, as the viewer may see it. */
export function reporterLabel(r: ReportView, t: (k: 'reports.anonymousColleague') => string): string {
  return r.reporterName ?? t('reports.anonymousColleague');
}

/** One report in a list, with an optional footer (such as the queue's open button). */
export function ReportCard({ report, showReporter, footer }: { report: ReportView; showReporter?: boolean; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="report-card" data-report={report.number}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700}>{t('reports.number', { number: report.number })}</Text>
          <UrgencyBadge urgency={report.urgency} />
          <ReportStatusBadge status={report.status} />
        </Group>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {report.what}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(report.createdAt)}
          {showReporter ? ` · ${reporterLabel(report, t)}` : ''}
        </Text>
        {report.crisisNumber !== null ? (
          <Text size="sm" c="orange.8" data-testid="report-crisis">
            {t('reports.crisisLink', { number: report.crisisNumber })}
          </Text>
        ) : null}
        {report.closeReason ? (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="report-close-reason">
            {t('reports.closeReasonLabel', { reason: report.closeReason })}
          </Text>
        ) : null}
        {footer}
      </Stack>
    </Paper>
  );
}
