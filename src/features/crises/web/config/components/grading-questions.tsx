// The declare form's grading questionnaire (分級問卷): one select per criterion of the organisation's matrix,
// and the level the answers suggest with the answers that decided it (an alert's pre-answer marked as such).
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { toLocale } from '../../../../../web/i18n/index.ts';
import type { Severity } from '../../../contract.ts';
import type { GradingAnswers, GradingMatrix, GradingSuggestion } from '../../../playbook-contract.ts';
import { RuleText } from './grading-editor.tsx';

/** Answers an alert's level pre-fills (criteria marked fromAlert get the option at that level). */
export function alertAnswers(matrix: GradingMatrix, severity: Severity | undefined): GradingAnswers {
  const out: GradingAnswers = {};
  if (!severity) return out;
  for (const c of matrix.criteria) {
    const o = c.fromAlert ? c.options.find((x) => x.level === severity) : undefined;
    if (o) out[c.id] = o.id;
  }
  return out;
}

/** The questionnaire and its suggestion. */
export function GradingQuestions({
  matrix,
  answers,
  onAnswer,
  suggestion,
  chosen,
  onUseSuggestion,
  seeded,
}: {
  matrix: GradingMatrix;
  answers: GradingAnswers;
  onAnswer: (criterionId: string, optionId: string | null) => void;
  suggestion: GradingSuggestion;
  chosen: Severity;
  onUseSuggestion: (level: Severity) => void;
  /** Criteria pre-answered from the alert (and not changed since). */
  seeded: GradingAnswers;
}) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const label = (criterionId: string, optionId: string) => {
    const c = matrix.criteria.find((x) => x.id === criterionId);
    const o = c?.options.find((x) => x.id === optionId);
    return c && o ? `${c.label[locale]}${locale === 'en' ? ': ' : '：'}${o.label[locale]}` : '';
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="grading-questions">
      <Group gap={6} mb={4}>
        <IconScale size={18} aria-hidden />
        <Title order={3} size="h5">
          {t('crisisConfig.questionnaire.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('crisisConfig.questionnaire.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {matrix.criteria.map((c) => (
          <Select
            key={c.id}
            label={c.label[locale]}
            description={c.help?.[locale]}
            placeholder={t('crisisConfig.questionnaire.unanswered')}
            data={c.options.map((o) => ({
              value: o.id,
              label: o.level ? `${o.label[locale]}${locale === 'en' ? ` (${o.level})` : `（${o.level}）`}` : o.label[locale],
            }))}
            value={answers[c.id] ?? null}
            onChange={(v) => onAnswer(c.id, v === null ? null : String(v))}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid={`grading-${c.id}`}
          />
        ))}
      </SimpleGrid>
      <Stack gap={4} mt="md" data-testid="grading-suggestion" data-level={suggestion.level ?? ''}>
        {suggestion.level ? (
          <>
            <Group justify="space-between" gap="xs">
              <Text fw={700}>{t('crisisConfig.questionnaire.suggested', { level: t(`crises.severity.${suggestion.level}`) })}</Text>
              {chosen !== suggestion.level ? (
                <Button size="xs" variant="light" onClick={() => suggestion.level && onUseSuggestion(suggestion.level)}>
                  {t('crisisConfig.questionnaire.useSuggested')}
                </Button>
              ) : null}
            </Group>
            {suggestion.because.length ? (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('crisisConfig.questionnaire.because')}
                {suggestion.because
                  .map(
                    (b) =>
                      `${label(b.criterionId, b.optionId)}${b.fromAlert || seeded[b.criterionId] === b.optionId ? t('crisisConfig.questionnaire.fromAlert') : ''}`,
                  )
                  .join(locale === 'en' ? '; ' : '；')}
              </Text>
            ) : null}
            {suggestion.escalated ? (
              <Text size="sm" c="dimmed">
                {t('crisisConfig.questionnaire.escalated', { level: suggestion.because[0]?.level ?? '' })}
              </Text>
            ) : null}
            {chosen !== suggestion.level ? (
              <Alert color="orange" variant="light" p="xs" data-testid="grading-differs">
                {t('crisisConfig.questionnaire.differs')}
              </Alert>
            ) : null}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('crisisConfig.questionnaire.none')}
          </Text>
        )}
        <RuleText matrix={matrix} />
      </Stack>
    </Card>
  );
}
