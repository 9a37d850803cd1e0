// What an approved statement feeds: the customer-service answer book (「建立客服問答」: Q&A rows, each answer
// prefilled with the statement's text) and the employee briefing (「發送員工口徑」: what to say, what not to say,
// to chosen departments or everyone), with the answers and briefings already made from it, each briefing's
// acknowledgement rate and who has not acknowledged yet, with a button that reminds them (at most every 30 minutes).
import { ActionIcon, Badge, Button, Card, Group, Modal, MultiSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { departmentName } from '../../../people/web/components/badges.tsx';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { departmentsQuery } from '../../../people/web/queries.ts';
import type { DepartmentRef } from '../../briefing-contract.ts';
import type { StatementDetail } from '../../contract.ts';
import { answersQuery, crisisBriefingsQuery, useAddAnswers, useRemindBriefing, useSendBriefing } from './queries.ts';

type Dept = Parameters<typeof departmentName>[0];

function AnswersForm({ detail, onClose }: { detail: StatementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddAnswers(detail.id);
  const form = useForm({ initialValues: { entries: [{ question: '', answer: detail.headVersion.text }] } });
  const submit = form.onSubmit(async (v) => {
    try {
      const r = await add.mutateAsync({ entries: v.entries.map((e) => ({ question: e.question.trim(), answer: e.answer.trim() })) });
      notifySuccess(t('statementBriefings.answersForm.done', { count: r.length }));
      onClose();
    } catch (e) {
      const f = fieldErrors(e, t);
      if (Object.keys(f).length > 0) form.setErrors(f);
      else notifyError(e, t);
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {form.values.entries.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional form fields
          <Card key={i} withBorder padding="xs">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-end">
                <TextInput
                  style={{ flex: 1 }}
                  required
                  maxLength={500}
                  label={`${t('statementBriefings.answersForm.question')} ${i + 1}`}
                  {...form.getInputProps(`entries.${i}.question`)}
                />
                {form.values.entries.length > 1 ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('statementBriefings.answersForm.removeRow')}
                    onClick={() => form.removeListItem('entries', i)}
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
              <Textarea
                required
                autosize
                minRows={2}
                maxLength={5000}
                label={`${t('statementBriefings.answersForm.answer')} ${i + 1}`}
                {...form.getInputProps(`entries.${i}.answer`)}
              />
            </Stack>
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            disabled={form.values.entries.length >= 50}
            onClick={() => form.insertListItem('entries', { question: '', answer: detail.headVersion.text })}
          >
            {t('statementBriefings.answersForm.addRow')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('statementBriefings.answersForm.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BriefingForm({ detail, onClose }: { detail: StatementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useSendBriefing(detail.id);
  const depts = useQuery(departmentsQuery);
  const form = useForm({
    initialValues: { title: detail.title, say: detail.headVersion.text, dontSay: '', departmentIds: [] as string[] },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const r = await send.mutateAsync({
        title: v.title.trim(),
        say: v.say.trim(),
        dontSay: v.dontSay.trim(),
        departmentIds: v.departmentIds,
      });
      notifySuccess(t('statementBriefings.briefingForm.done', { count: r.recipients }));
      onClose();
    } catch (e) {
      const f = fieldErrors(e, t);
      if (Object.keys(f).length > 0) form.setErrors(f);
      else notifyError(e, t);
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput required maxLength={200} label={t('statementBriefings.briefingForm.name')} {...form.getInputProps('title')} />
        <Textarea
          required
          autosize
          minRows={3}
          maxLength={5000}
          label={t('statementBriefings.briefingForm.say')}
          {...form.getInputProps('say')}
        />
        <Textarea
          required
          autosize
          minRows={3}
          maxLength={5000}
          label={t('statementBriefings.briefingForm.dontSay')}
          {...form.getInputProps('dontSay')}
        />
        <MultiSelect
          label={t('statementBriefings.briefingForm.departments')}
          description={t('statementBriefings.briefingForm.departmentsHint')}
          placeholder={form.values.departmentIds.length === 0 ? t('statementBriefings.briefingForm.everyone') : undefined}
          data={(depts.data ?? []).filter((d) => !d.archived).map((d) => ({ value: d.id, label: departmentName(d, t) }))}
          searchable
          clearable
          {...form.getInputProps('departmentIds')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            {t('statementBriefings.briefingForm.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Reminds a briefing's recipients who have not acknowledged it; too soon says when the next may go. */
function RemindButton({ briefingId }: { briefingId: string }) {
  const { t } = useTranslation();
  const tz = useOrgTimeZone();
  const remind = useRemindBriefing(briefingId);
  const [note, setNote] = useState<string | null>(null);
  const onClick = async () => {
    setNote(null);
    try {
      const r = await remind.mutateAsync();
      notifySuccess(t('statementBriefings.outputs.reminded', { count: r.reminded }));
    } catch (e) {
      const why = e instanceof ApiError ? e.fieldErrors[0] : undefined;
      if (why?.code === 'remind_too_soon' && why.limit !== undefined)
        setNote(
          t('statementBriefings.outputs.remindTooSoon', { at: formatDateTime(new Date(Date.now() + why.limit * 1000).toISOString(), tz) }),
        );
      else if (why?.code === 'nobody_to_remind') setNote(t('statementBriefings.outputs.nobodyToRemind'));
      else notifyError(e, t);
    }
  };
  return (
    <Stack gap={2} mt={4}>
      <Group>
        <Button size="compact-xs" variant="light" loading={remind.isPending} onClick={onClick} data-testid="remind-briefing">
          {t('statementBriefings.outputs.remind')}
        </Button>
      </Group>
      {note ? (
        <Text size="xs" c="orange" role="status" data-testid="remind-note">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The answer-book entries and briefings made from an approved statement. */
export function StatementOutputs({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'answers' | 'briefing' | null>(null);
  const approved = (detail.status === 'approved' || detail.status === 'published') && detail.approvedVersion != null;
  const answers = useQuery({ ...answersQuery(detail.crisisId, true, detail.id), enabled: approved });
  const briefings = useQuery({ ...crisisBriefingsQuery(detail.crisisId, detail.id), enabled: approved });
  if (!approved) return null;
  const mayWork = detail.can.edit || detail.can.publish;
  const deptLabel = (d: DepartmentRef | null) => (d ? departmentName(d as Dept, t) : t('statementBriefings.outputs.noDepartment'));
  return (
    <Card withBorder padding="sm" data-testid="statement-outputs">
      <Stack gap="sm">
        <Title order={4}>{t('statementBriefings.outputs.title')}</Title>
        {mayWork ? (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setOpen('answers')}>
              {t('statementBriefings.outputs.newAnswers')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setOpen('briefing')}>
              {t('statementBriefings.outputs.newBriefing')}
            </Button>
          </Group>
        ) : null}
        <Text fw={600} size="sm">
          {t('statementBriefings.outputs.answers', { count: answers.data?.length ?? 0 })}
        </Text>
        {answers.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('statementBriefings.outputs.noAnswers')}
          </Text>
        ) : null}
        {answers.data?.map((e) => (
          <Stack key={e.id} gap={0} data-testid="output-answer">
            <Group gap={4}>
              <Text size="sm" fw={500}>
                {e.question}
              </Text>
              <Badge size="xs" variant="light">
                {t('statementBriefings.outputs.version', { n: e.versionNumber })}
              </Badge>
              {e.retiredAt ? (
                <Badge size="xs" color="gray">
                  {t('statementBriefings.outputs.retired')}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {e.answer}
            </Text>
          </Stack>
        ))}
        <Text size="sm" component={Link} to={`/crises/${detail.crisisId}/answers`} c="blue">
          {t('statementBriefings.outputs.answerBook')}
        </Text>
        <Text fw={600} size="sm">
          {t('statementBriefings.outputs.briefings', { count: briefings.data?.length ?? 0 })}
        </Text>
        {briefings.data?.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('statementBriefings.outputs.noBriefings')}
          </Text>
        ) : null}
        {briefings.data?.map((b) => (
          <Card key={b.id} withBorder padding="xs" data-testid="output-briefing">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={500}>
                {b.title}
              </Text>
              <Badge color={b.acked === b.recipients ? 'green' : 'orange'} data-testid="ack-rate">
                {t('statementBriefings.outputs.ackRate', { acked: b.acked, total: b.recipients })}
              </Badge>
            </Group>
            {b.notAcked.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('statementBriefings.outputs.allAcked')}
              </Text>
            ) : (
              <Stack gap={0} mt={4} data-testid="not-acked">
                <Text size="xs" fw={600}>
                  {t('statementBriefings.outputs.notAcked', { count: b.notAcked.length })}
                </Text>
                {b.notAcked.map((n) => (
                  <Text key={n.id} size="xs">
                    {n.name}（{deptLabel(n.department)}）
                  </Text>
                ))}
                {mayWork ? <RemindButton briefingId={b.id} /> : null}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
      <Modal opened={open === 'answers'} onClose={() => setOpen(null)} title={t('statementBriefings.answersForm.title')} size="lg">
        {open === 'answers' ? <AnswersForm detail={detail} onClose={() => setOpen(null)} /> : null}
      </Modal>
      <Modal opened={open === 'briefing'} onClose={() => setOpen(null)} title={t('statementBriefings.briefingForm.title')} size="lg">
        {open === 'briefing' ? <BriefingForm detail={detail} onClose={() => setOpen(null)} /> : null}
      </Modal>
    </Card>
  );
}
