// Responding to an alert: acknowledge it (確認收到), or dismiss it with a required reason and an optional note.
// Both send the version the user saw; if someone else changed the alert first, its latest state is shown instead.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { type AlertSummary, type DismissReason, dismissReasons } from '../../contract.ts';
import { useAcknowledgeAlert, useDismissAlert } from '../queries.ts';

/** Reports a failed response: a stale version reloads quietly, anything else is an error. */
function useFailure() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (err instanceof ApiError && err.code === 'conflict') {
      notifications.show({ color: 'yellow', message: t('warnings.actions.stale') });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    } else notifyError(err, t);
  };
}

/** "確認收到": an open alert becomes acknowledged. */
export function AcknowledgeButton({ alert }: { alert: AlertSummary }) {
  const { t } = useTranslation();
  const ack = useAcknowledgeAlert();
  const fail = useFailure();
  return (
    <Button
      leftSection={<IconCheck size={16} />}
      loading={ack.isPending}
      onClick={() =>
        ack.mutateAsync({ id: alert.id, version: alert.version }).then(() => notifySuccess(t('warnings.actions.acknowledged')), fail)
      }
    >
      {t('warnings.actions.acknowledge')}
    </Button>
  );
}

type DismissValues = { reason: DismissReason | ''; note: string };

const reasonRule = (t: TFunction) => (v: string) => (v ? null : t('validation.required'));

function DismissForm({ alert, onClose }: { alert: AlertSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const dismiss = useDismissAlert();
  const fail = useFailure();
  const form = useForm<DismissValues>({
    initialValues: { reason: '', note: '' },
    validate: { reason: reasonRule(t), note: (v) => (v.trim().length > 1000 ? t('validation.maxLength', { count: 1000 }) : null) },
  });
  // Success replaces the cached alert, which unmounts this dialog (a dismissed alert has no actions): report from
  // the promise, which outlives that, rather than from mutate's callbacks.
  const submit = form.onSubmit(async (v) => {
    const note = v.note.trim();
    try {
      await dismiss.mutateAsync({ id: alert.id, version: alert.version, reason: v.reason as DismissReason, ...(note ? { note } : {}) });
      notifySuccess(t('warnings.actions.dismissed'));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
      if (err instanceof ApiError && err.code === 'conflict') onClose();
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('warnings.actions.dismissIntro')}
        </Text>
        <Radio.Group label={t('warnings.actions.reason')} required {...form.getInputProps('reason')}>
          <Stack gap="sm" mt="xs">
            {dismissReasons.map((r) => (
              <Radio key={r} value={r} label={t(`warnings.reason.${r}`)} description={t(`warnings.reasonHint.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={`${t('warnings.actions.note')} ${t('common.optional')}`}
          placeholder={t('warnings.actions.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={dismiss.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="gray" loading={dismiss.isPending}>
            {t('warnings.actions.confirmDismiss')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "駁回": opens the dialog asking why. */
export function DismissButton({ alert }: { alert: AlertSummary }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button variant="default" leftSection={<IconX size={16} />} onClick={() => setOpened(true)}>
        {t('warnings.actions.dismiss')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('warnings.actions.dismissTitle')} centered>
        {opened ? <DismissForm alert={alert} onClose={close} /> : null}
      </Modal>
    </>
  );
}
