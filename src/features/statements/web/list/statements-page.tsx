// /statements: the statements awaiting my decision, or every statement I may see (optionally of one status), each
// with its crisis, kind, status, head version, clock and open findings. Live statement.* events refresh it.
import { Button, Group, Paper, Select, Stack, Tabs, Text, ThemeIcon } from '@mantine/core';
import { IconFileText, IconSettings } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { type StatementStatus, statementStatuses } from '../../contract.ts';
import { statementsQuery } from '../queries.ts';
import { StatementRow } from './statement-row.tsx';

type Tab = 'awaiting' | 'all';

/** How many rows the page shows before saying it stopped. */
const SHOWN = 200;

function Empty({ tab, filtered }: { tab: Tab; filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="statements-empty">
      <Stack gap={6} align="flex-start">
        <ThemeIcon variant="light" color="blue" size="xl" radius="xl">
          <IconFileText size={22} />
        </ThemeIcon>
        <Text fw={600}>{filtered ? t('statementList.empty.filtered') : t(`statementList.empty.${tab}`)}</Text>
        {filtered ? null : (
          <Text size="sm" c="dimmed">
            {tab === 'awaiting' ? t('statementList.empty.awaitingExplain') : t('statementList.empty.allExplain')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The statements list. */
export function StatementsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('awaiting');
  const [status, setStatus] = useState<StatementStatus | null>(null);
  const filter = tab === 'awaiting' ? { awaitingMe: true } : { awaitingMe: false, ...(status ? { status } : {}) };
  const list = useQuery({ ...statementsQuery(filter), placeholderData: keepPreviousData });
  const canConfigure = useCan('crisis.configure');
  return (
    <RequirePermission permission="crisis.read">
      <PageHeader
        title={t('statementList.title')}
        description={t('statementList.intro')}
        actions={
          canConfigure ? (
            <Button
              component={Link}
              to="/statements/settings"
              variant="default"
              leftSection={<IconSettings size={16} />}
              data-testid="statement-settings"
            >
              {t('statementSettings.open')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Tabs value={tab} onChange={(v) => setTab(v === 'all' ? 'all' : 'awaiting')}>
            <Tabs.List aria-label={t('statementList.tabs.label')}>
              <Tabs.Tab value="awaiting" data-testid="statements-tab-awaiting">
                {t('statementList.tabs.awaiting')}
              </Tabs.Tab>
              <Tabs.Tab value="all" data-testid="statements-tab-all">
                {t('statementList.tabs.all')}
              </Tabs.Tab>
            </Tabs.List>
          </Tabs>
          {tab === 'all' ? (
            <Select
              size="xs"
              w={180}
              aria-label={t('statementList.filterStatus')}
              placeholder={t('statementList.anyStatus')}
              clearable
              data={statementStatuses.map((s) => ({ value: s, label: t(`statementList.status.${s}`) }))}
              value={status}
              onChange={(v) => setStatus((v as StatementStatus | null) ?? null)}
              comboboxProps={{ withinPortal: true }}
              data-testid="statements-status-filter"
            />
          ) : null}
        </Group>
        <QueryState query={list}>
          {(rows) =>
            rows.length === 0 ? (
              <Empty tab={tab} filtered={tab === 'all' && status !== null} />
            ) : (
              <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="statements-list">
                {rows.slice(0, SHOWN).map((s) => (
                  <StatementRow key={s.id} s={s} withCrisis />
                ))}
                {rows.length > SHOWN ? (
                  <Text size="sm" c="dimmed">
                    {t('statementList.capped', { count: SHOWN })}
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
