// A form that asks for a reason before an irreversible review step (the commander's override, accepting a risk):
// what the step is about above, a required reason, cancel and confirm. The caller sends it and says it is done.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewFailure } from './failure.ts';

type Props = {
  /** What is being decided, shown above the reason. */
  intro: ReactNode;
  label: string;
  placeholder: string;
  maxLength: number;
  confirm: string;
  color: string;
  pending: boolean;
  testId?: string;
  confirmTestId: string;
  /** Sends the trimmed reason; a rejection is shown as the review's failure notice and keeps the form open. */
  send: (reason: string) => Promise<void>;
  onClose: () => void;
};

/** A required reason, then `send`; closes when it succeeded. */
export function ReasonForm(p: Props) {
  const { t } = useTranslation();
  const fail = useReviewFailure();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('validation.required'));
      return;
    }
    try {
      await p.send(reason.trim());
      p.onClose();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm" data-testid={p.testId}>
        {p.intro}
        <Textarea
          label={p.label}
          placeholder={p.placeholder}
          required
          autosize
          minRows={2}
          maxLength={p.maxLength}
          value={reason}
          error={error}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose} disabled={p.pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={p.color} loading={p.pending} data-testid={p.confirmTestId}>
            {p.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
