// The fact sheet: confirmed facts (text, source, when confirmed; retired ones struck through and kept) and open
// questions with their answers. The risk checker compares statements with the facts still standing.
import { ActionIcon, Button, Card, Divider, Group, Modal, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowBackUp, IconBan, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { CrisisFact } from '../../contract.ts';
import { usePlanFailure } from './failure.ts';
import { useAddFact, useUpdateFact } from './queries.ts';

const wrap = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } as const;

/** An ISO time as the value of a datetime-local input (this browser's zone). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO time (undefined when empty or invalid). */
function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function AddFact({ crisisId }: { crisisId: string }) {
  const { t } = useTranslation();
  const add = useAddFact(crisisId);
  const fail = usePlanFailure();
  const form = useForm({
    initialValues: { text: '', source: '', confirmedAt: '' },
    validate: { text: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    const confirmedAt = fromLocalInput(v.confirmedAt);
    try {
      await add.mutateAsync({
        kind: 'fact',
        text: v.text.trim(),
        ...(v.source.trim() ? { source: v.source.trim() } : {}),
        ...(confirmedAt ? { confirmedAt } : {}),
      });
      notifySuccess(t('statementPlan.facts.added'));
      // The list refreshes before this resolves: keep whatever was typed meanwhile.
      const now = form.getValues();
      if (now.text === v.text && now.source === v.source && now.confirmedAt === v.confirmedAt) form.reset();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="fact-add">
      <Stack gap="xs">
        <Textarea
          label={t('statementPlan.facts.text')}
          placeholder={t('statementPlan.facts.textPlaceholder')}
          autosize
          minRows={1}
          maxLength={2000}
          {...form.getInputProps('text')}
        />
        <Group grow gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label={t('statementPlan.facts.source')}
            placeholder={t('statementPlan.facts.sourcePlaceholder')}
            maxLength={500}
            miw={160}
            {...form.getInputProps('source')}
          />
          <TextInput
            type="datetime-local"
            label={t('statementPlan.facts.confirmedAt')}
            description={t('statementPlan.facts.confirmedAtHelp')}
            miw={160}
            {...form.getInputProps('confirmedAt')}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending} data-testid="fact-add-submit">
            {t('statementPlan.facts.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddQuestion({ crisisId }: { crisisId: string }) {
  const { t } = useTranslation();
  const add = useAddFact(crisisId);
  const fail = usePlanFailure();
  const [text, setText] = useState('');
  const submit = async () => {
    const asked = text;
    if (!asked.trim()) return;
    try {
      await add.mutateAsync({ kind: 'question', text: asked.trim() });
      notifySuccess(t('statementPlan.facts.questionAdded'));
      setText((now) => (now === asked ? '' : now));
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap" data-testid="question-add">
      <TextInput
        label={t('statementPlan.facts.questionText')}
        placeholder={t('statementPlan.facts.questionPlaceholder')}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
        style={{ flex: 1, minWidth: 0 }}
      />
      <Button
        size="sm"
        variant="light"
        onClick={() => void submit()}
        loading={add.isPending}
        disabled={!text.trim()}
        style={{ flex: 'none' }}
      >
        {t('statementPlan.facts.addQuestion')}
      </Button>
    </Group>
  );
}

function EditFact({ crisisId, fact, onClose }: { crisisId: string; fact: CrisisFact; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateFact(crisisId);
  const fail = usePlanFailure();
  const question = fact.kind === 'question';
  const form = useForm({
    initialValues: { text: fact.text, source: fact.source ?? '', answer: fact.answer ?? '', confirmedAt: toLocalInput(fact.confirmedAt) },
    validate: { text: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await update.mutateAsync({
        factId: fact.id,
        version: fact.version,
        text: v.text.trim(),
        ...(question
          ? { answer: v.answer.trim() || null }
          : { source: v.source.trim() || null, confirmedAt: fromLocalInput(v.confirmedAt) ?? null }),
      });
      notifySuccess(t('statementPlan.facts.saved'));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={question ? t('statementPlan.facts.questionText') : t('statementPlan.facts.text')}
          autosize
          minRows={2}
          maxLength={2000}
          required
          data-autofocus
          {...form.getInputProps('text')}
        />
        {question ? (
          <Textarea
            label={t('statementPlan.facts.answer')}
            placeholder={t('statementPlan.facts.answerPlaceholder')}
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps('answer')}
          />
        ) : (
          <>
            <TextInput label={t('statementPlan.facts.source')} maxLength={500} {...form.getInputProps('source')} />
            <TextInput type="datetime-local" label={t('statementPlan.facts.confirmedAt')} {...form.getInputProps('confirmedAt')} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('statementPlan.facts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FactItem({ crisisId, f, canEdit, onEdit }: { crisisId: string; f: CrisisFact; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const update = useUpdateFact(crisisId);
  const fail = usePlanFailure();
  const retired = f.retiredAt !== null;
  const question = f.kind === 'question';
  const toggle = async () => {
    try {
      await update.mutateAsync({ factId: f.id, version: f.version, retired: !retired });
      notifySuccess(retired ? t('statementPlan.facts.restored') : t('statementPlan.facts.retiredDone'));
    } catch (err) {
      fail(err);
    }
  };
  const short = f.text.length > 40 ? `${f.text.slice(0, 40)}…` : f.text;
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start" data-testid={question ? 'question' : 'fact'} data-retired={retired}>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text
          size="sm"
          fw={question ? 600 : undefined}
          td={retired ? 'line-through' : undefined}
          c={retired ? 'dimmed' : undefined}
          style={wrap}
        >
          {f.text}
        </Text>
        {question ? (
          <Text size="sm" c={f.answer ? undefined : 'dimmed'} style={wrap}>
            {f.answer || t('statementPlan.facts.unanswered')}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {[
              retired ? t('statementPlan.facts.retired') : null,
              f.source ? t('statementPlan.facts.sourceLine', { source: f.source }) : null,
              f.confirmedAt ? t('statementPlan.facts.confirmedLine', { time: formatDateTime(f.confirmedAt, zone) }) : null,
              f.createdBy ? t('statementPlan.facts.by', { name: f.createdBy.name }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </Stack>
      {canEdit ? (
        <Group gap={2} wrap="nowrap" style={{ flex: 'none' }}>
          <Tooltip label={t('statementPlan.facts.edit')} withArrow>
            <ActionIcon variant="subtle" aria-label={t('statementPlan.facts.editLabel', { text: short })} onClick={onEdit}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          {question ? null : (
            <Tooltip label={retired ? t('statementPlan.facts.restore') : t('statementPlan.facts.retire')} withArrow>
              <ActionIcon
                variant="subtle"
                color={retired ? 'teal' : 'gray'}
                aria-label={
                  retired ? t('statementPlan.facts.restoreLabel', { text: short }) : t('statementPlan.facts.retireLabel', { text: short })
                }
                onClick={() => void toggle()}
                loading={update.isPending}
              >
                {retired ? <IconArrowBackUp size={16} /> : <IconBan size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ) : null}
    </Group>
  );
}

/** The fact sheet card. */
export function FactSheet({ crisisId, facts, canEdit }: { crisisId: string; facts: CrisisFact[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CrisisFact | null>(null);
  // Standing facts first (newest confirmation first), then the retired ones.
  const confirmed = facts
    .filter((f) => f.kind === 'fact')
    .sort(
      (a, b) =>
        Number(a.retiredAt !== null) - Number(b.retiredAt !== null) ||
        (b.confirmedAt ?? b.createdAt).localeCompare(a.confirmedAt ?? a.createdAt),
    );
  const questions = facts
    .filter((f) => f.kind === 'question')
    .sort((a, b) => Number(!!a.answer) - Number(!!b.answer) || a.createdAt.localeCompare(b.createdAt));
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <Card withBorder radius="md" padding="md" data-testid="fact-sheet">
      <Title order={3} size="h4" mb={4}>
        {t('statementPlan.facts.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('statementPlan.facts.intro')}
      </Text>
      <Title order={4} size="h5" mb="xs">
        {t('statementPlan.facts.confirmed')}
      </Title>
      {confirmed.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('statementPlan.facts.noFacts')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" mb="sm" style={list} data-testid="facts">
          {confirmed.map((f) => (
            <FactItem key={f.id} crisisId={crisisId} f={f} canEdit={canEdit} onEdit={() => setEditing(f)} />
          ))}
        </Stack>
      )}
      {canEdit ? <AddFact crisisId={crisisId} /> : null}
      <Divider my="md" />
      <Title order={4} size="h5" mb="xs">
        {t('statementPlan.facts.questions')}
      </Title>
      {questions.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('statementPlan.facts.noQuestions')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" mb="sm" style={list} data-testid="questions">
          {questions.map((f) => (
            <FactItem key={f.id} crisisId={crisisId} f={f} canEdit={canEdit} onEdit={() => setEditing(f)} />
          ))}
        </Stack>
      )}
      {canEdit ? <AddQuestion crisisId={crisisId} /> : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === 'question' ? t('statementPlan.facts.editQuestion') : t('statementPlan.facts.editFact')}
        centered
      >
        {editing ? <EditFact crisisId={crisisId} fact={editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
    </Card>
  );
}
