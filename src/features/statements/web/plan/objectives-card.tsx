// The plan's objectives: a text saved with the version it started from. When someone else saved first (409), the
// latest text is shown beside mine and I choose: take theirs, or keep mine and save over it knowingly.
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { isConflict } from '../../../crises/web/failure.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { CommPlan } from '../../contract.ts';
import { useSavePlan } from './queries.ts';

/** The objectives card; read-only for those who may not edit. */
export function ObjectivesCard({ plan, canEdit }: { plan: CommPlan; canEdit: boolean }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const save = useSavePlan(plan.crisisId);
  // What I am editing, and the version it started from; null: not editing (show the server's text).
  const [draft, setDraft] = useState<{ text: string; base: number } | null>(null);
  const [conflict, setConflict] = useState(false);
  const text = draft?.text ?? plan.objectives;
  const dirty = draft !== null && draft.text !== plan.objectives;
  const submit = async () => {
    if (!draft) return;
    try {
      await save.mutateAsync({ objectives: draft.text.trim(), version: draft.base });
      setDraft(null);
      setConflict(false);
      notifySuccess(t('statementPlan.objectives.saved'));
    } catch (err) {
      if (isConflict(err)) setConflict(true);
      else notifyError(err, t);
    }
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="plan-objectives">
      <Title order={3} size="h4" mb={4}>
        {t('statementPlan.objectives.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {plan.updatedAt
          ? t('statementPlan.objectives.updated', { time: formatDateTime(plan.updatedAt, zone) })
          : t('statementPlan.objectives.never')}
      </Text>
      {canEdit ? (
        <Stack gap="sm">
          <Textarea
            aria-label={t('statementPlan.objectives.label')}
            placeholder={t('statementPlan.objectives.placeholder')}
            autosize
            minRows={3}
            maxLength={5000}
            value={text}
            onChange={(e) => setDraft({ text: e.currentTarget.value, base: draft?.base ?? plan.version })}
          />
          {conflict ? (
            <Alert color="yellow" title={t('statementPlan.objectives.conflictTitle')} data-testid="objectives-conflict">
              <Stack gap="xs">
                <Text size="sm">{t('statementPlan.objectives.conflictBody')}</Text>
                <Text
                  size="sm"
                  p="xs"
                  bg="var(--mantine-color-body)"
                  style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', borderRadius: 4 }}
                >
                  {plan.objectives}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setDraft(null);
                      setConflict(false);
                    }}
                  >
                    {t('statementPlan.objectives.useTheirs')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="yellow"
                    onClick={() => {
                      setDraft({ text, base: plan.version });
                      setConflict(false);
                    }}
                  >
                    {t('statementPlan.objectives.keepMine')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button
              size="sm"
              onClick={() => void submit()}
              loading={save.isPending}
              disabled={!dirty || conflict}
              data-testid="objectives-save"
            >
              {t('statementPlan.objectives.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} c={plan.objectives ? undefined : 'dimmed'}>
          {plan.objectives || t('statementPlan.objectives.never')}
        </Text>
      )}
    </Card>
  );
}
