// Changing a crisis's state (only to the states its current one allows; reopening needs a reason) and its
// severity (a decision: the reason is required). Both send the version seen; a stale one reloads the room.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowsExchange, IconGauge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { type CrisisDetail, type CrisisStatus, crisisTransitions, type Severity, severities } from '../../contract.ts';
import { isConflict, useRoomFailure } from '../failure.ts';
import { useChangeSeverity, useChangeStatus } from '../queries.ts';

const required = (msg: string) => (v: string) => (v.trim() ? null : msg);

function StatusForm({ crisis: c, onClose }: { crisis: CrisisDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeStatus(c.id);
  const fail = useRoomFailure();
  const next = crisisTransitions[c.status];
  const reopening = c.status === 'closed';
  const form = useForm<{ status: CrisisStatus; reason: string }>({
    initialValues: { status: next[0] ?? 'responding', reason: '' },
    validate: { reason: (v) => (reopening ? required(t('validation.required'))(v) : null) },
  });
  const submit = form.onSubmit(async (v) => {
    const reason = v.reason.trim();
    try {
      await change.mutateAsync({ status: v.status, version: c.version, ...(reason ? { reason } : {}) });
      notifySuccess(t('crises.status_change.done', { status: t(`crises.status.${v.status}`) }));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
      if (isConflict(err)) onClose();
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group label={t('crises.status_change.to')} required {...form.getInputProps('status')}>
          <Stack gap="sm" mt="xs">
            {next.map((s) => (
              <Radio key={s} value={s} label={t(`crises.moveTo.${s}`)} description={t(`crises.status.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={reopening ? t('crises.status_change.reasonReopen') : t('crises.status_change.reasonOptional')}
          placeholder={t('crises.status_change.reasonPlaceholder')}
          required={reopening}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('crises.status_change.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SeverityForm({ crisis: c, onClose }: { crisis: CrisisDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const change = useChangeSeverity(c.id);
  const fail = useRoomFailure();
  const others = severities.filter((s) => s !== c.severity);
  const form = useForm<{ severity: Severity; reason: string }>({
    initialValues: { severity: others[0] ?? 'L1', reason: '' },
    validate: { reason: required(t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await change.mutateAsync({ severity: v.severity, reason: v.reason.trim(), version: c.version });
      notifySuccess(t('crises.severity_change.done', { severity: v.severity }));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
      if (isConflict(err)) onClose();
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('crises.severity_change.current', { severity: t(`crises.severity.${c.severity}`) })}
          {' — '}
          {t('crises.severity_change.help')}
        </Text>
        <Radio.Group label={t('crises.severity_change.to')} required {...form.getInputProps('severity')}>
          <Stack gap="sm" mt="xs">
            {others.map((s) => (
              <Radio key={s} value={s} label={t(`crises.severity.${s}`)} description={t(`crises.severityHint.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('crises.severity_change.reason')}
          placeholder={t('crises.severity_change.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={change.isPending}>
            {t('crises.severity_change.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "變更狀態" and "調整嚴重度", each opening its dialog. */
export function LifecycleActions({ crisis: c }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'status' | 'severity' | null>(null);
  const close = () => setOpen(null);
  return (
    <Group gap="xs" data-testid="crisis-actions">
      <Button variant="default" leftSection={<IconArrowsExchange size={16} />} onClick={() => setOpen('status')}>
        {t('crises.status_change.button')}
      </Button>
      {c.status === 'closed' ? null : (
        <Button variant="default" leftSection={<IconGauge size={16} />} onClick={() => setOpen('severity')}>
          {t('crises.severity_change.button')}
        </Button>
      )}
      <Modal opened={open === 'status'} onClose={close} title={t('crises.status_change.title')} centered>
        {open === 'status' ? <StatusForm crisis={c} onClose={close} /> : null}
      </Modal>
      <Modal opened={open === 'severity'} onClose={close} title={t('crises.severity_change.title')} centered>
        {open === 'severity' ? <SeverityForm crisis={c} onClose={close} /> : null}
      </Modal>
    </Group>
  );
}
