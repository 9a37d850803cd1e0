// The crisis room's statements panel: the crisis's statements (kind, title, status, clock, open findings, "待我審核"),
// "新增聲明" for those who work on the crisis, and the way to its communication plan and fact sheet.
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { crisisQuery } from '../../../crises/web/queries.ts';
import type { StatementSummary } from '../../contract.ts';
import { crisisStatementsQuery } from '../queries.ts';
import { NewStatementDialog } from './new-statement-dialog.tsx';
import { StatementRow } from './statement-row.tsx';

/** Waiting for me first, then what is still moving, then the rest; newest change first within each. */
function byAttention(a: StatementSummary, b: StatementSummary): number {
  const rank = (s: StatementSummary) => (s.awaitingMe ? 0 : s.status === 'published' || s.status === 'withdrawn' ? 2 : 1);
  return rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt);
}

/** The panel, for the crisis room. */
export function CrisisStatements({ crisisId }: { crisisId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const crisis = useQuery(crisisQuery(crisisId));
  const list = useQuery(crisisStatementsQuery(crisisId));
  const canWork = crisis.data?.can.work ?? false;
  return (
    <Card withBorder radius="md" padding="md" data-testid="crisis-statements">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h4">
          {t('statementList.panel.title')}
        </Title>
        {canWork ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
            data-testid="new-statement"
          >
            {t('statementList.new.open')}
          </Button>
        ) : null}
      </Group>
      <Anchor
        component={Link}
        to={`/crises/${crisisId}/plan`}
        size="sm"
        mb="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        data-testid="crisis-plan-link"
      >
        <IconListCheck size={16} aria-hidden />
        {t('statementList.panel.plan')}
      </Anchor>
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('statementList.panel.empty')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('statementList.panel.emptyExplain')}
              </Text>
            </Stack>
          ) : (
            <Stack gap="xs">
              {[...rows].sort(byAttention).map((s) => (
                <StatementRow key={s.id} s={s} withCrisis={false} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <NewStatementDialog crisisId={crisisId} opened={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
