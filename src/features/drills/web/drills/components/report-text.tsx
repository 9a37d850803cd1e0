// 「做得好的地方」 and 「需要改進」: edited here, saved with the report's version. When someone saved first (409),
// the latest report is loaded and the writer's text stays in the fields to be saved again on purpose.
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import type { DrillReport } from '../../../contract.ts';
import { reportQuery, useSaveReportText } from '../queries.ts';

/** The two texts as read by those who may not edit them. */
export function ReportTextView({ report }: { report: DrillReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="report-text-view">
      {(['wentWell', 'toImprove'] as const).map((k) => (
        <Stack key={k} gap={2}>
          <Text size="sm" fw={500}>
            {t(`drills.report.${k}`)}
          </Text>
          <Text size="sm" c={report[k] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {report[k] || t('drills.report.empty')}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

/** The two editable texts of a report. */
export function ReportText({ report, drillId }: { report: DrillReport; drillId: string }) {
  const { t } = useTranslation();
  const save = useSaveReportText(drillId);
  const qc = useQueryClient();
  const [wentWell, setWentWell] = useState(report.wentWell);
  const [toImprove, setToImprove] = useState(report.toImprove);
  // The report these fields were started from: its version is what a save expects.
  const [base, setBase] = useState<Pick<DrillReport, 'wentWell' | 'toImprove' | 'version'>>(report);
  const [conflict, setConflict] = useState(false);
  const dirty = wentWell !== base.wentWell || toImprove !== base.toImprove;
  // Someone else saved (a live refetch): follow them while I have nothing unsaved; otherwise my save will be a 409.
  useEffect(() => {
    if (report.version === base.version || dirty) return;
    setBase(report);
    setWentWell(report.wentWell);
    setToImprove(report.toImprove);
  }, [report, base.version, dirty]);
  const submit = async () => {
    try {
      const saved = await save.mutateAsync({ wentWell, toImprove, expectedVersion: base.version });
      setBase(saved);
      setConflict(false);
      notifySuccess(t('drills.report.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Keep my text; the next save is a deliberate overwrite of the latest version.
        setConflict(true);
        setBase(await qc.fetchQuery({ ...reportQuery(drillId), staleTime: 0 }));
      } else notifyError(err, t);
    }
  };
  return (
    <Stack gap="sm" data-testid="report-text">
      {conflict ? (
        <Alert color="yellow" role="alert">
          {t('drills.report.conflict')}
        </Alert>
      ) : null}
      <Textarea
        label={t('drills.report.wentWell')}
        value={wentWell}
        onChange={(e) => setWentWell(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={20_000}
        data-testid="went-well"
      />
      <Textarea
        label={t('drills.report.toImprove')}
        value={toImprove}
        onChange={(e) => setToImprove(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={20_000}
        data-testid="to-improve"
      />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={save.isPending} disabled={!dirty} data-testid="save-report-text">
          {t('drills.report.save')}
        </Button>
      </Group>
    </Stack>
  );
}
