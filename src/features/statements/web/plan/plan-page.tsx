// /crises/$crisisId/plan: the crisis's communication plan (objectives, audiences) and fact sheet. Those who work on
// the crisis edit; everyone who may read the crisis reads. It joins the crisis's live room. One column on a phone.
import { Anchor, Grid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { useLiveRoom } from '../../../../web/live.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { crisisQuery } from '../../../crises/web/queries.ts';
import { factsQuery, planQuery } from '../queries.ts';
import { Audiences } from './audiences.tsx';
import { FactSheet } from './fact-sheet.tsx';
import { ObjectivesCard } from './objectives-card.tsx';
import { usePeopleOptions } from './people.ts';

const isMissing = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 400);

/** The plan page. */
export function PlanPage() {
  const { t } = useTranslation();
  const { crisisId } = useParams({ strict: false }) as { crisisId: string };
  const crisis = useQuery(crisisQuery(crisisId));
  const plan = useQuery(planQuery(crisisId));
  const facts = useQuery(factsQuery(crisisId));
  const people = usePeopleOptions(crisis.data);
  useLiveRoom(`crisis:${crisisId}`);
  const canEdit = crisis.data?.can.work ?? false;
  if (isMissing(crisis.error) || isMissing(plan.error)) return <Text c="dimmed">{t('statementPlan.notFound')}</Text>;
  return (
    <Stack gap="md" data-testid="plan-page">
      {crisis.data ? (
        <Anchor
          component={Link}
          to={`/crises/${crisisId}`}
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4, overflowWrap: 'anywhere' }}
        >
          <IconArrowLeft size={14} aria-hidden style={{ flex: 'none' }} />
          {t('statementPlan.back', { number: crisis.data.number, title: crisis.data.title })}
        </Anchor>
      ) : null}
      <PageHeader title={t('statementPlan.title')} description={t('statementPlan.intro')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }} style={{ minWidth: 0 }}>
          <QueryState query={plan}>
            {(p) => (
              <Stack gap="md">
                <ObjectivesCard plan={p} canEdit={canEdit} />
                <Audiences crisisId={crisisId} audiences={p.audiences} canEdit={canEdit} people={people} />
              </Stack>
            )}
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} style={{ minWidth: 0 }}>
          <QueryState query={facts}>{(f) => <FactSheet crisisId={crisisId} facts={f} canEdit={canEdit} />}</QueryState>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
