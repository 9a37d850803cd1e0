// The review actions the caller may take now (from `detail.can`): 送審; 核准 / 要求修改 / 退回 with a comment
// (required unless approving), bound to the version and hash on screen; the commander's 緊急核准 with a reason
// behind a strong warning; and 發布.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertOctagon, IconCheck, IconPencil, IconSend, IconSpeakerphone, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../web/errors.ts';
import type { ApprovalDecision, StatementDetail } from '../../contract.ts';
import { useReviewFailure } from './failure.ts';
import { openFindings } from './findings.tsx';
import { PublishDialog } from './publications.tsx';
import { useDecide, useOverride, useSubmitStatement } from './queries.ts';
import { ReasonForm } from './reason-form.tsx';

const decisionColor: Record<ApprovalDecision, string> = { approved: 'teal', changes_requested: 'orange', rejected: 'red' };

function DecisionForm({ detail, decision, onClose }: { detail: StatementDetail; decision: ApprovalDecision; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide(detail.id);
  const fail = useReviewFailure();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const required = decision !== 'approved';
  const open = openFindings(detail).length;
  const submit = async () => {
    if (required && !comment.trim()) {
      setError(t('validation.required'));
      return;
    }
    try {
      await decide.mutateAsync({
        versionNumber: detail.headVersion.number,
        contentHash: detail.headVersion.contentHash,
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      notifySuccess(t(`statementReview.decision.done.${decision}`));
      onClose();
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Stack gap="sm" data-testid="decision-form">
      <Text size="sm">{t('statementReview.decision.intro', { number: detail.headVersion.number })}</Text>
      {open > 0 ? (
        <Alert color="orange" variant="light" p="xs">
          {t('statementReview.decision.openFindings', { count: open })}
        </Alert>
      ) : null}
      <Textarea
        label={required ? t('statementReview.decision.commentRequired') : t('statementReview.decision.comment')}
        placeholder={t('statementReview.decision.commentPlaceholder')}
        autosize
        minRows={2}
        maxLength={2000}
        value={comment}
        error={error}
        onChange={(e) => {
          setComment(e.currentTarget.value);
          setError(null);
        }}
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={decide.isPending}>
          {t('common.cancel')}
        </Button>
        <Button color={decisionColor[decision]} loading={decide.isPending} onClick={() => void submit()} data-testid="decision-save">
          {t(`statementReview.decision.${decision}`)}
        </Button>
      </Group>
    </Stack>
  );
}

function OverrideForm({ detail, onClose }: { detail: StatementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const override = useOverride(detail.id);
  return (
    <ReasonForm
      testId="override-form"
      intro={
        <Alert color="red" variant="filled" icon={<IconAlertOctagon />}>
          {t('statementReview.override.warning', { number: detail.head })}
        </Alert>
      }
      label={t('statementReview.override.reason')}
      placeholder={t('statementReview.override.reasonPlaceholder')}
      maxLength={2000}
      confirm={t('statementReview.override.confirm')}
      color="red"
      pending={override.isPending}
      confirmTestId="override-save"
      send={async (reason) => {
        await override.mutateAsync({ head: detail.head, reason });
        notifySuccess(t('statementReview.override.done'));
      }}
      onClose={onClose}
    />
  );
}

/** The action buttons and their dialogs. */
export function ReviewActions({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  const submit = useSubmitStatement(detail.id);
  const fail = useReviewFailure();
  const [deciding, setDeciding] = useState<ApprovalDecision | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const { can } = detail;
  const open = openFindings(detail).length;
  const doSubmit = async () => {
    try {
      await submit.mutateAsync(detail.head);
      notifySuccess(t('statementReview.submit.done'));
    } catch (err) {
      fail(err);
    }
  };
  if (!can.submit && !can.decide && !can.override && !can.publish) return null;
  return (
    <Stack gap="xs" data-testid="review-actions">
      {can.decide ? (
        <Text size="sm" fw={600} c="grape" data-testid="your-turn">
          {t('statementReview.decision.yourTurn')}
        </Text>
      ) : null}
      {can.submit && open > 0 ? (
        <Text size="xs" c="orange">
          {t('statementReview.submit.findingsNote', { count: open })}
        </Text>
      ) : null}
      <Group gap="xs">
        {can.submit ? (
          <Button
            size="sm"
            leftSection={<IconSend size={16} />}
            loading={submit.isPending}
            onClick={() => void doSubmit()}
            data-testid="submit-review"
          >
            {t('statementReview.submit.button')}
          </Button>
        ) : null}
        {can.decide ? (
          <>
            <Button
              size="sm"
              color="teal"
              leftSection={<IconCheck size={16} />}
              onClick={() => setDeciding('approved')}
              data-testid="decide-approved"
            >
              {t('statementReview.decision.approved')}
            </Button>
            <Button
              size="sm"
              variant="light"
              color="orange"
              leftSection={<IconPencil size={16} />}
              onClick={() => setDeciding('changes_requested')}
              data-testid="decide-changes_requested"
            >
              {t('statementReview.decision.changes_requested')}
            </Button>
            <Button
              size="sm"
              variant="light"
              color="red"
              leftSection={<IconX size={16} />}
              onClick={() => setDeciding('rejected')}
              data-testid="decide-rejected"
            >
              {t('statementReview.decision.rejected')}
            </Button>
          </>
        ) : null}
        {can.publish ? (
          <Button
            size="sm"
            color="green"
            leftSection={<IconSpeakerphone size={16} />}
            onClick={() => setPublishing(true)}
            data-testid="publish"
          >
            {t('statementReview.publish.button')}
          </Button>
        ) : null}
        {can.override ? (
          <Button
            size="sm"
            variant="outline"
            color="red"
            leftSection={<IconAlertOctagon size={16} />}
            onClick={() => setOverriding(true)}
            data-testid="override"
          >
            {t('statementReview.override.button')}
          </Button>
        ) : null}
      </Group>
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding ? t(`statementReview.decision.title.${deciding}`) : ''}
        centered
      >
        {deciding ? <DecisionForm detail={detail} decision={deciding} onClose={() => setDeciding(null)} /> : null}
      </Modal>
      <Modal opened={overriding} onClose={() => setOverriding(false)} title={t('statementReview.override.title')} centered>
        {overriding ? <OverrideForm detail={detail} onClose={() => setOverriding(false)} /> : null}
      </Modal>
      <PublishDialog detail={detail} opened={publishing} onClose={() => setPublishing(false)} />
    </Stack>
  );
}
