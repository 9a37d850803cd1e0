// /statements/$statementId: one statement. The header (back to its crisis room, title, kind, status, version), the
// editor with the legal-risk findings beside the text, and the review (approval chain, decisions, publication)
// beside it on a desktop and below it on a phone. It joins the crisis's live room, so saves, decisions and
// publications by others arrive without reloading.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { useLiveRoom } from '../../../../web/live.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import type { StatementDetail } from '../../contract.ts';
import { StatementOutputs } from '../briefings/statement-outputs.tsx';
import { OverrideBadge, StatementKindBadge, StatementStatusBadge } from '../list/badges.tsx';
import { statementQuery } from '../queries.ts';
import { ReviewPanel } from '../review/review-panel.tsx';
import { VariantsPanel } from '../variants/variants-panel.tsx';
import { StatementEditor } from './statement-editor.tsx';

function Header({ detail: d }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid="statement-header">
      <Stack gap="xs">
        <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="statement-title">
          {d.title}
        </Title>
        <Group gap={6} wrap="wrap">
          <StatementKindBadge kind={d.kind} />
          <StatementStatusBadge status={d.status} />
          {d.override ? (
            <OverrideBadge detail={t('statementEditor.overridden', { name: d.override.by.name, reason: d.override.reason })} />
          ) : null}
          <Text size="sm" c="dimmed" data-testid="statement-version">
            {t('statementEditor.versionLabel', { number: d.headVersion.number })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

function Statement({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="statement-page">
      <BackLink
        to={`/crises/${detail.crisisId}`}
        label={t('statementEditor.backToCrisis', { number: detail.crisisNumber, title: detail.crisisTitle })}
      />
      <Header detail={detail} />
      <StatementEditor
        key={detail.id}
        detail={detail}
        side={
          <Stack gap="md">
            <ReviewPanel detail={detail} />
            <StatementOutputs detail={detail} />
            <VariantsPanel detail={detail} />
          </Stack>
        }
      />
    </Stack>
  );
}

/** One statement's editor and review. */
export function StatementPage() {
  const { t } = useTranslation();
  const { statementId } = useParams({ strict: false }) as { statementId: string };
  const statement = useQuery(statementQuery(statementId));
  useLiveRoom(statement.data ? `crisis:${statement.data.crisisId}` : null);
  const missing = statement.error instanceof ApiError && (statement.error.status === 404 || statement.error.status === 400);
  return missing ? (
    <Text c="dimmed" data-testid="statement-missing">
      {t('statementEditor.notFound')}
    </Text>
  ) : (
    <QueryState query={statement}>{(d) => <Statement detail={d} />}</QueryState>
  );
}
