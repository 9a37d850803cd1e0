// /crises/new (?alertId=… or ?reportId=…): the declare form, pre-filled from an alert when one hands over (its
// topic as the title, its level seeding the grading) or from an employee report (its text as the title and
// summary; the report is sent along even when it cannot be read here).
import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { alertQuery } from '../../../warnings/web/queries.ts';
import { BackToCrises } from '../components/back-link.tsx';
import { DeclareForm, type DeclareFromReport } from '../components/declare-form.tsx';
import type { DeclareSearch } from '../search.ts';

function FromAlert({ alertId }: { alertId: string }) {
  const { t } = useTranslation();
  const alert = useQuery({ ...alertQuery(alertId), retry: false });
  if (alert.isError)
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light">
          {t('crises.form.alertMissing')}
        </Alert>
        <DeclareForm />
      </Stack>
    );
  return (
    <QueryState query={alert}>
      {(a) => <DeclareForm from={{ alertId: a.id, topic: a.topicName, severity: a.severity, risk: a.risk }} />}
    </QueryState>
  );
}

/** The fields of an employee report the form uses (GET /api/reports/:id). */
type Report = { id: string; number: number; what: string; links?: string[]; whereSeen?: string | null };

/** A report as the form's starting point: its first line as the title, the rest (with links and where seen) as the summary. */
export function fromReport(r: Report, words: { links: string; where: string }): DeclareFromReport {
  const what = r.what.trim();
  const firstLine = what.split('\n')[0] ?? '';
  const title = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  const parts = [what];
  if (r.links?.length) parts.push(`${words.links}${r.links.join(' ')}`);
  if (r.whereSeen) parts.push(`${words.where}${r.whereSeen}`);
  return { reportId: r.id, number: r.number, title, summary: parts.join('\n\n').slice(0, 5000) };
}

function FromReport({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', 'one', reportId],
    queryFn: ({ signal }) => api<Report>('GET', `/api/reports/${encodeURIComponent(reportId)}`, undefined, { signal }),
    retry: false,
  });
  if (report.isPending) return null;
  // Not readable here (or not built yet): the report is still sent, so declaring accepts it.
  if (report.isError || !report.data) return <DeclareForm report={{ reportId }} />;
  return (
    <DeclareForm
      report={fromReport(report.data, { links: t('crisisConfig.declare.reportLinks'), where: t('crisisConfig.declare.reportWhere') })}
    />
  );
}

/** The declare page. */
export function DeclarePage() {
  const { t } = useTranslation();
  const { alertId, reportId } = useSearch({ strict: false }) as DeclareSearch;
  const readsAlerts = useCan('alert.read');
  return (
    <RequirePermission permission="crisis.declare">
      <Stack gap="xs">
        <BackToCrises />
        <PageHeader title={t('crises.form.title')} description={t('crises.form.intro')} />
      </Stack>
      {alertId && readsAlerts ? <FromAlert alertId={alertId} /> : reportId ? <FromReport reportId={reportId} /> : <DeclareForm />}
    </RequirePermission>
  );
}
