// What a triager does with a waiting report: accept it and declare a crisis (the declare form, with the report),
// add it to an active crisis, or close it with a reason the reporter will see. A report someone else handled
// meanwhile (409) reloads with a plain explanation.
import { Button, Divider, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlame } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import type { ReportView } from '../../report-contract.ts';
import { isConflict } from '../failure.ts';
import { crisesQuery } from '../queries.ts';
import { useAttachReport, useCloseReport } from './queries.ts';

/** The accept / attach / close actions for one waiting report. */
export function TriageActions({ report, onDone }: { report: ReportView; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const canDeclare = useCan('crisis.declare');
  const active = useQuery({ ...crisesQuery('active'), enabled: useCan('crisis.read') });
  const attach = useAttachReport((r) => {
    notifySuccess(t('reports.queue.attached', { number: r.crisisNumber ?? 0 }));
    onDone();
  });
  const close = useCloseReport(() => {
    notifySuccess(t('reports.queue.closed'));
    onDone();
  });
  const [crisisId, setCrisisId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const failed = (err: unknown) => {
    if (isConflict(err)) {
      notifications.show({ color: 'yellow', title: t('errors.conflict'), message: t('reports.queue.stale'), autoClose: 8000 });
      void qc.invalidateQueries({ queryKey: ['reports'] });
      onDone();
    } else notifyError(err, t);
  };
  const options = (active.data?.crises ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }));

  return (
    <Stack gap="md" data-testid="triage-actions">
      {canDeclare ? (
        <Button
          color="red"
          size="md"
          leftSection={<IconFlame size={18} />}
          onClick={() => void navigate({ to: '/crises/new', search: { reportId: report.id } as Record<string, unknown> })}
          data-testid="report-accept"
        >
          {t('reports.queue.accept')}
        </Button>
      ) : null}
      <Divider label={t('reports.queue.attach')} labelPosition="left" />
      <Select
        data={options}
        value={crisisId}
        onChange={setCrisisId}
        placeholder={options.length ? t('reports.queue.attachPick') : t('reports.queue.attachNone')}
        disabled={!options.length}
        aria-label={t('reports.queue.attachPick')}
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="report-attach-crisis"
      />
      <Button
        variant="light"
        color="orange"
        disabled={!crisisId}
        loading={attach.isPending}
        onClick={() => crisisId && attach.mutate({ id: report.id, crisisId, version: report.version }, { onError: failed })}
        data-testid="report-attach"
      >
        {t('reports.queue.attachSubmit')}
      </Button>
      <Divider label={t('reports.queue.close')} labelPosition="left" />
      <Textarea
        label={t('reports.queue.closeReason')}
        placeholder={t('reports.queue.closeReasonPlaceholder')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={reasonError}
        autosize
        minRows={2}
        maxLength={2000}
        data-testid="report-close-reason-input"
      />
      <Button
        variant="default"
        loading={close.isPending}
        onClick={() => {
          if (!reason.trim()) return setReasonError(t('validation.required'));
          setReasonError(undefined);
          close.mutate({ id: report.id, reason: reason.trim(), version: report.version }, { onError: failed });
        }}
        data-testid="report-close"
      >
        {t('reports.queue.closeSubmit')}
      </Button>
    </Stack>
  );
}
