// The declare form: title, type, what is known, the grading questionnaire with its suggested level, the level
// (each with its one-line meaning) and why — required when it differs from the suggestion — beside a live
// preview of the organisation's playbook the declaration will set up. On success it opens the new crisis room.
import { Alert, Button, Grid, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlame, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { type CrisisType, type Severity, severities } from '../../contract.ts';
import { visibleTypes } from '../../lists-contract.ts';
import { type GradingAnswers, type GradingMatrix, suggestLevel } from '../../playbook-contract.ts';
import { alertAnswers, GradingQuestions } from '../config/components/grading-questions.tsx';
import { crisisListsQuery } from '../config/labels.ts';
import { gradingQuery } from '../config/queries.ts';
import { useDeclareCrisis } from '../queries.ts';
import { PlaybookPreview } from './playbook-preview.tsx';

type Values = { title: string; type: CrisisType | ''; summary: string; severity: Severity; reason: string };

/** What an alert hands over: its id, and the title and level to start from (its risk seeds the grading too). */
export type DeclareFromAlert = { alertId: string; topic: string; severity: Severity; risk?: number };
/** What an employee report hands over: its id, and (when it could be read) its number, title and summary. */
export type DeclareFromReport = { reportId: string; number?: number; title?: string; summary?: string };
/** Back-compatible name for the alert hand-over. */
export type DeclareFrom = DeclareFromAlert;

/** The form; `from` pre-fills it from an alert, `report` from an employee report. */
export function DeclareForm({ from, report }: { from?: DeclareFromAlert; report?: DeclareFromReport }) {
  const grading = useQuery(gradingQuery);
  // The questionnaire needs the matrix; without it (an error) the form still works without grading.
  if (grading.isPending) return null;
  return <Form from={from} report={report} matrix={grading.data?.matrix ?? null} />;
}

function Form({ from, report, matrix }: { from?: DeclareFromAlert; report?: DeclareFromReport; matrix: GradingMatrix | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const declare = useDeclareCrisis();
  // Types the organisation hides are not offered (crises already of that type keep showing it).
  const offered = visibleTypes(useQuery(crisisListsQuery).data);
  const seeded = useMemo(() => (matrix ? alertAnswers(matrix, from?.severity) : {}), [matrix, from?.severity]);
  const [answers, setAnswers] = useState<GradingAnswers>(seeded);
  const [byHand, setByHand] = useState(false);
  const signals = from ? { severity: from.severity, risk: from.risk ?? null } : undefined;
  const suggestion = matrix ? suggestLevel(matrix, answers, signals) : null;
  const form = useForm<Values>({
    initialValues: {
      title: from?.topic ?? report?.title ?? '',
      type: '',
      summary: report?.summary ?? '',
      severity: suggestion?.level ?? from?.severity ?? 'L3',
      reason: '',
    },
    validate: {
      title: (v) => (v.trim() ? (v.trim().length > 200 ? t('validation.maxLength', { count: 200 }) : null) : t('validation.required')),
      type: (v) => (v ? null : t('validation.required')),
    },
  });
  const differs = suggestion?.level != null && suggestion.level !== form.values.severity;

  const answer = (criterionId: string, optionId: string | null) => {
    const next = { ...answers };
    if (optionId) next[criterionId] = optionId;
    else delete next[criterionId];
    setAnswers(next);
    // Until the person picks a level by hand, the level follows the suggestion.
    const s = matrix ? suggestLevel(matrix, next, signals).level : null;
    if (!byHand && s) form.setFieldValue('severity', s);
  };

  const submit = form.onSubmit(async (v) => {
    const summary = v.summary.trim();
    const reason = v.reason.trim();
    if (differs && !reason) {
      form.setFieldError('reason', t('crisisConfig.questionnaire.reasonRequired'));
      return;
    }
    try {
      const c = await declare.mutateAsync({
        title: v.title.trim(),
        type: v.type as CrisisType,
        severity: v.severity,
        ...(summary ? { summary } : {}),
        ...(reason ? { reason } : {}),
        ...(from ? { alertId: from.alertId } : {}),
        ...(report ? { reportId: report.reportId } : {}),
        ...(Object.keys(answers).length ? { grading: answers } : {}),
      });
      notifySuccess(t('crises.form.declared', { number: c.number }));
      void navigate({ to: `/crises/${c.id}` });
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      notifyError(err, t);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="declare-form">
      <Stack gap="md">
        {from ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="declare-from-alert">
            {t('crises.form.fromAlert', { topic: from.topic })}
          </Alert>
        ) : null}
        {report ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="declare-from-report">
            {report.number !== undefined
              ? t('crisisConfig.declare.fromReport', { number: report.number })
              : t('crisisConfig.declare.fromReportUnknown')}
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <TextInput
                label={t('crises.form.name')}
                placeholder={t('crises.form.namePlaceholder')}
                required
                maxLength={200}
                {...form.getInputProps('title')}
              />
              <Select
                label={t('crises.form.type')}
                placeholder={t('crises.form.typePlaceholder')}
                required
                data={offered.map((x) => ({ value: x, label: t(`crises.type.${x}`) }))}
                comboboxProps={{ withinPortal: true }}
                allowDeselect={false}
                {...form.getInputProps('type')}
              />
              <Textarea
                label={`${t('crises.form.summary')} ${t('common.optional')}`}
                placeholder={t('crises.form.summaryPlaceholder')}
                autosize
                minRows={3}
                maxLength={5000}
                {...form.getInputProps('summary')}
              />
              {matrix && suggestion ? (
                <GradingQuestions
                  matrix={matrix}
                  answers={answers}
                  onAnswer={answer}
                  suggestion={suggestion}
                  chosen={form.values.severity}
                  onUseSuggestion={(level) => {
                    form.setFieldValue('severity', level);
                    setByHand(false);
                  }}
                  seeded={seeded}
                />
              ) : null}
              <Radio.Group
                label={t('crises.form.severity')}
                required
                {...form.getInputProps('severity')}
                onChange={(v) => {
                  form.setFieldValue('severity', v as Severity);
                  setByHand(true);
                }}
              >
                <Stack gap="sm" mt="xs">
                  {severities.map((s) => (
                    <Radio key={s} value={s} label={t(`crises.severity.${s}`)} description={t(`crises.severityHint.${s}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={differs ? t('crises.form.reason') : `${t('crises.form.reason')} ${t('common.optional')}`}
                required={differs}
                placeholder={t('crises.form.reasonPlaceholder')}
                description={differs ? t('crisisConfig.questionnaire.reasonRequired') : t('crises.form.reasonHelp')}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('reason')}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <PlaybookPreview type={form.values.type || null} severity={form.values.severity} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => window.history.back()} disabled={declare.isPending}>
            {t('crises.form.cancel')}
          </Button>
          <Button type="submit" color="red" leftSection={<IconFlame size={16} />} loading={declare.isPending}>
            {t('crises.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
