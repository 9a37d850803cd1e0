// /crises: active crises first (most severe, then newest), each with its severity, state, declaration time and next
// deadline; tabs for closed and all; "宣告危機" for those who may declare. Live crisis.* events refresh it.
import { Button, Paper, Stack, Tabs, Text, ThemeIcon } from '@mantine/core';
import { IconFlame, IconPlus, IconSettings } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import type { CrisisSummary } from '../../contract.ts';
import { CrisisCard } from '../components/crisis-card.tsx';
import { type CrisisFilter, crisesQuery, LIST_LIMIT } from '../queries.ts';
import type { CrisesSearch } from '../search.ts';

const filters: CrisisFilter[] = ['active', 'closed', 'all'];

/** Open crises before closed ones; among open ones the most severe first; then the newest. */
export function byUrgency(a: CrisisSummary, b: CrisisSummary): number {
  const closed = Number(a.status === 'closed') - Number(b.status === 'closed');
  if (closed !== 0) return closed;
  if (a.status !== 'closed' && a.severity !== b.severity) return a.severity.localeCompare(b.severity);
  return b.declaredAt.localeCompare(a.declaredAt);
}

function Empty({ filter }: { filter: CrisisFilter }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="crises-empty">
      <Stack gap={6} align="flex-start">
        <ThemeIcon variant="light" color="orange" size="xl" radius="xl">
          <IconFlame size={22} />
        </ThemeIcon>
        <Text fw={600}>{t(`crises.empty.${filter}`)}</Text>
        <Text size="sm" c="dimmed">
          {t('crises.empty.explain')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The crises list. */
export function CrisesPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as CrisesSearch;
  const navigate = useNavigate();
  const filter = search.status ?? 'active';
  const canDeclare = useCan('crisis.declare');
  const canConfigure = useCan('crisis.configure');
  const list = useQuery({ ...crisesQuery(filter), placeholderData: keepPreviousData });
  return (
    <RequirePermission permission="crisis.read">
      <PageHeader
        title={t('crises.title')}
        description={t('crises.intro')}
        actions={
          <>
            {canConfigure ? (
              <Button
                component={Link}
                to="/crises/settings"
                variant="default"
                leftSection={<IconSettings size={16} />}
                data-testid="crisis-settings"
              >
                {t('crisisConfig.open')}
              </Button>
            ) : null}
            {canDeclare ? (
              <Button component={Link} to="/crises/new" color="red" leftSection={<IconPlus size={16} />} data-testid="declare-crisis">
                {t('crises.declare')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Tabs
          value={filter}
          onChange={(v) =>
            void navigate({ to: '/crises', search: (v && v !== 'active' ? { status: v } : {}) as Record<string, unknown>, replace: true })
          }
        >
          <Tabs.List aria-label={t('crises.tabs.label')}>
            {filters.map((f) => (
              <Tabs.Tab key={f} value={f} data-testid={`crises-tab-${f}`}>
                {t(`crises.tabs.${f}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <QueryState query={list}>
          {(data) =>
            data.crises.length === 0 ? (
              <Empty filter={filter} />
            ) : (
              <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="crises-list">
                {[...data.crises].sort(byUrgency).map((c) => (
                  <CrisisCard key={c.id} crisis={c} />
                ))}
                {data.crises.length >= LIST_LIMIT ? (
                  <Text size="sm" c="dimmed">
                    {t('crises.list.capped', { count: LIST_LIMIT })}
                  </Text>
                ) : null}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
