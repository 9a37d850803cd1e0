// /reports (通報佇列): the triage queue — waiting reports first, most urgent first, filter by status with counts,
// refreshed live as reports arrive; a drawer shows one report (screenshots as images, links as plain text that
// open in a new tab without referrer) with its actions: accept and declare, add to an active crisis, or close.
// `?open=<id>` opens one report; the crisis room links here, so its team (not triagers) sees that report alone.
import { Anchor, Box, Button, Drawer, Image, Paper, ScrollArea, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { type ReportFilter, type ReportView, reportFilters } from '../../report-contract.ts';
import { reportQuery, reportQueueQuery, screenshotUrl, useReportsLive } from './queries.ts';
import { ReportCard, ReportStatusBadge, reporterLabel, UrgencyBadge } from './report-card.tsx';
import type { ReportsSearch } from './routes.tsx';
import { TriageActions } from './triage-actions.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** One report in full, with the triage actions while it waits. */
function ReportDetail({ report, onDone }: { report: ReportView; onDone: () => void }) {
  const { t } = useTranslation();
  const triages = useCan('report.triage');
  return (
    <Stack gap="md" data-testid="report-detail">
      <Box>
        <UrgencyBadge urgency={report.urgency} /> <ReportStatusBadge status={report.status} />
      </Box>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="report-what-text">
        {report.what}
      </Text>
      <Field label={t('reports.queue.reporter')}>
        <Text data-testid="report-reporter">{reporterLabel(report, t)}</Text>
      </Field>
      {report.whereSeen ? (
        <Field label={t('reports.queue.whereSeen')}>
          <Text style={{ overflowWrap: 'anywhere' }}>{report.whereSeen}</Text>
        </Field>
      ) : null}
      {report.links.length ? (
        <Field label={t('reports.queue.links')}>
          {report.links.map((l) => (
            <Anchor key={l} href={l} target="_blank" rel="noopener noreferrer nofollow" style={{ overflowWrap: 'anywhere' }} size="sm">
              {l}
            </Anchor>
          ))}
        </Field>
      ) : null}
      <Field label={t('reports.queue.screenshots')}>
        {report.files.length ? (
          <SimpleGrid cols={2} spacing="xs">
            {report.files.map((f) => (
              <Anchor key={f.id} href={screenshotUrl(f.id)} target="_blank" rel="noopener noreferrer">
                <Image
                  src={screenshotUrl(f.id)}
                  alt={t('reports.queue.screenshots')}
                  radius="sm"
                  h={140}
                  fit="contain"
                  bg="gray.1"
                  data-testid="report-shot"
                />
              </Anchor>
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('reports.queue.noScreenshots')}
          </Text>
        )}
      </Field>
      {report.status === 'new' && triages ? <TriageActions report={report} onDone={onDone} /> : <ReportCard report={report} />}
    </Stack>
  );
}

/** One report fetched by id (any status, whichever list is shown). */
function OpenReport({ id, onDone }: { id: string; onDone: () => void }) {
  const report = useQuery(reportQuery(id));
  return <QueryState query={report}>{(r) => <ReportDetail report={r} onDone={onDone} />}</QueryState>;
}

/** A crisis team member (not a triager) following a link from the crisis room: that one report. */
function SingleReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useQuery(reportQuery(id));
  return (
    <Stack maw={720} gap="md">
      <PageHeader title={report.data ? t('reports.number', { number: report.data.number }) : t('reports.title')} />
      <OpenReport id={id} onDone={() => {}} />
    </Stack>
  );
}

/** The triage queue (or, for others, the one report `?open=` names). */
export function TriagePage() {
  const triages = useCan('report.triage');
  const { open } = useSearch({ strict: false }) as ReportsSearch;
  useReportsLive();
  if (!triages && open) return <SingleReport id={open} />;
  return (
    <RequirePermission permission="report.triage">
      <Queue openId={open ?? null} />
    </RequirePermission>
  );
}

function Queue({ openId }: { openId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ReportFilter>('new');
  const queue = useQuery(reportQueueQuery(filter));
  const phone = useMediaQuery('(max-width: 36em)');
  const setOpenId = (id: string | null) => void navigate({ to: '/reports', search: (id ? { open: id } : {}) as Record<string, unknown> });
  const opened = useQuery({ ...reportQuery(openId ?? ''), enabled: openId !== null });
  const count = (f: ReportFilter) => (f === 'all' || !queue.data ? null : queue.data.counts[f]);
  return (
    <>
      <PageHeader title={t('reports.queue.title')} description={t('reports.queue.intro')} />
      <Tabs value={filter} onChange={(v) => v && setFilter(v as ReportFilter)} mb="md">
        <ScrollArea type="never">
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {reportFilters.map((f) => (
              <Tabs.Tab key={f} value={f} data-testid={`report-filter-${f}`}>
                {t(`reports.filter.${f}`)}
                {count(f) !== null ? ` (${count(f)})` : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </ScrollArea>
      </Tabs>
      <QueryState query={queue}>
        {(data) =>
          data.reports.length === 0 ? (
            <Paper withBorder p="lg" radius="md" data-testid="queue-empty">
              <Text>{t('reports.queue.empty')}</Text>
            </Paper>
          ) : (
            <Stack gap="sm" maw={760} data-testid="report-queue">
              {data.reports.map((r) => (
                <ReportCard
                  key={r.id}
                  report={r}
                  showReporter
                  footer={
                    <Button
                      variant="light"
                      size="sm"
                      onClick={() => setOpenId(r.id)}
                      style={{ alignSelf: 'flex-start' }}
                      data-testid="report-open"
                    >
                      {t('reports.queue.open')}
                    </Button>
                  }
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size={phone ? '100%' : 'lg'}
        title={opened.data ? t('reports.number', { number: opened.data.number }) : ''}
      >
        {openId ? <OpenReport id={openId} onDone={() => setOpenId(null)} /> : null}
      </Drawer>
    </>
  );
}
