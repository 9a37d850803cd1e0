// /drills/$drillId/report: the after-action report — clocks against targets (real time), other measures, the
// observers' scores, the timeline, what went well and what to improve (editable), follow-up actions, and the PDF.
// Until it exists: generate it (after the drill has ended) or say why not.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconRefresh, IconReportAnalytics } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { notifyError } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { useCan } from '../../../../../web/session.ts';
import { BackLink } from '../../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { useOrgTimeZone } from '../../../../people/web/org-time-zone.ts';
import type { DrillReport, DrillView } from '../../../contract.ts';
import { ReportActions } from '../components/report-actions.tsx';
import { ReportClocks } from '../components/report-clocks.tsx';
import { ReportMeasures, ReportScores, ReportTimeline } from '../components/report-measures.tsx';
import { ReportText, ReportTextView } from '../components/report-text.tsx';
import { Section } from '../components/section.tsx';
import { drillQuery, reportPdfUrl, reportQuery, useDrillsLive, useGenerateReport } from '../queries.ts';

function GenerateButton({ drill, again }: { drill: DrillView; again?: boolean }) {
  const { t } = useTranslation();
  const generate = useGenerateReport(drill.id);
  if (!drill.canControl || drill.run.status !== 'ended') return null;
  return (
    <Button
      variant={again ? 'default' : 'filled'}
      leftSection={again ? <IconRefresh size={16} /> : <IconReportAnalytics size={16} />}
      loading={generate.isPending}
      onClick={() => void generate.mutateAsync(undefined).catch((err) => notifyError(err, t))}
      data-testid={again ? 'regenerate-report' : 'generate-report'}
    >
      {again ? t('drills.report.regenerate') : t('drills.report.generate')}
    </Button>
  );
}

function Report({ drill, report }: { drill: DrillView; report: DrillReport }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const canManage = useCan('drill.manage');
  return (
    <Stack gap="md" data-testid="drill-report" data-version={report.version}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('drills.report.generatedAt', { time: formatDateTime(report.generatedAt, zone) })}
        </Text>
        <Group gap="xs">
          <GenerateButton drill={drill} again />
          <Button component="a" href={reportPdfUrl(drill.id)} download leftSection={<IconDownload size={16} />} data-testid="report-pdf">
            {t('drills.report.pdf')}
          </Button>
        </Group>
      </Group>
      <Section title={t('drills.report.clocks')}>
        <ReportClocks clocks={report.clocks} />
      </Section>
      <Section title={t('drills.report.measures')} testId="report-measures">
        <ReportMeasures report={report} />
      </Section>
      <Section title={t('drills.report.scores')}>
        <ReportScores report={report} />
      </Section>
      <Section title={t('drills.report.timeline')}>
        <ReportTimeline report={report} />
      </Section>
      <Section title={`${t('drills.report.wentWell')} / ${t('drills.report.toImprove')}`}>
        {canManage ? <ReportText report={report} drillId={drill.id} /> : <ReportTextView report={report} />}
      </Section>
      <Section title={t('drills.report.actions')}>
        <ReportActions drillId={drill.id} canManage={canManage} />
      </Section>
    </Stack>
  );
}

function ReportOrNot({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const report = useQuery(reportQuery(drill.id));
  if (report.error instanceof ApiError && report.error.status === 404)
    return (
      <Paper withBorder radius="md" p="md" data-testid="report-missing">
        <Stack gap="sm" align="flex-start">
          <Text>{drill.run.status === 'ended' ? t('drills.report.notYet') : t('drills.report.notEnded')}</Text>
          <GenerateButton drill={drill} />
        </Stack>
      </Paper>
    );
  return <QueryState query={report}>{(r) => <Report drill={drill} report={r} />}</QueryState>;
}

/** A drill's after-action report. */
export function ReportPage() {
  const { t } = useTranslation();
  const { drillId } = useParams({ strict: false }) as { drillId: string };
  useDrillsLive();
  const drill = useQuery(drillQuery(drillId));
  return (
    <RequirePermission permission="drill.read">
      <Stack gap={4} mb="sm">
        <BackLink to={`/drills/${drillId}`} label={drill.data?.title ?? t('drills.back')} />
      </Stack>
      <QueryState query={drill}>
        {(d) => (
          <>
            <PageHeader title={t('drills.report.title')} description={d.title} />
            <ReportOrNot drill={d} />
          </>
        )}
      </QueryState>
    </RequirePermission>
  );
}
