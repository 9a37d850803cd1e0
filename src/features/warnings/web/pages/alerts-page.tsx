// /alerts: the inbox. A tab per state with its count (active = open + acknowledged), an optional topic filter,
// each alert as a card, and an empty state that says what will appear here. Live alert.* events refresh it.
import { Badge, Button, Group, Paper, Select, Stack, Tabs, Text, ThemeIcon } from '@mantine/core';
import { IconAdjustments, IconBellRinging, IconCalendarUser, IconRuler2, IconSend } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { topicsQuery } from '../../../monitoring/web/topics/queries.ts';
import { AlertCard } from '../components/alert-card.tsx';
import { NotifyToggle } from '../components/notify-toggle.tsx';
import { type AlertFilter, type AlertList, alertsQuery, INBOX_LIMIT } from '../queries.ts';
import type { AlertsSearch } from '../search.ts';

const filters: AlertFilter[] = ['active', 'open', 'acknowledged', 'dismissed'];

function countOf(f: AlertFilter, counts: AlertList['counts'] | undefined): number | null {
  if (!counts) return null;
  return f === 'active' ? counts.open + counts.acknowledged : counts[f];
}

function TopicFilter({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const topics = useQuery(topicsQuery);
  return (
    <Select
      aria-label={t('warnings.filter.topic')}
      placeholder={t('warnings.filter.allTopics')}
      data={(topics.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      clearable
      searchable
      w={{ base: '100%', xs: 260 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function EmptyInbox({ filter }: { filter: AlertFilter }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="alerts-empty">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon variant="light" color="teal" size="xl" radius="xl" style={{ flex: 'none' }}>
          <IconBellRinging size={22} />
        </ThemeIcon>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600}>{t(`warnings.empty.${filter}`)}</Text>
          <Text size="sm" c="dimmed">
            {t('warnings.empty.explain')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The alerts inbox. */
export function AlertsPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as AlertsSearch;
  const navigate = useNavigate();
  const filter = search.status ?? 'active';
  const canConfigure = useCan('warning.configure');
  const canSeeChannels = useCan('channel.read');
  const canReadTopics = useCan('topic.read');
  const list = useQuery({ ...alertsQuery(filter, search.topicId), placeholderData: keepPreviousData });
  const go = (next: AlertsSearch) =>
    void navigate({ to: '/alerts', search: { ...search, ...next } as Record<string, unknown>, replace: true });
  return (
    <RequirePermission permission="alert.read">
      <PageHeader
        title={t('warnings.title')}
        description={t('warnings.intro')}
        actions={
          <Group gap="md" wrap="wrap">
            <NotifyToggle />
            <Button component={Link} to="/alerts/rules" variant="default" size="sm" leftSection={<IconRuler2 size={16} />}>
              {t('warnings.rulesLink')}
            </Button>
            <Button component={Link} to="/alerts/oncall" variant="default" size="sm" leftSection={<IconCalendarUser size={16} />}>
              {t('warnings.oncallLink')}
            </Button>
            {canSeeChannels ? (
              <Button component={Link} to="/alerts/channels" variant="default" size="sm" leftSection={<IconSend size={16} />}>
                {t('warnings.channelsLink')}
              </Button>
            ) : null}
            {canConfigure ? (
              <Button component={Link} to="/alerts/settings" variant="default" size="sm" leftSection={<IconAdjustments size={16} />}>
                {t('warnings.settingsLink')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Tabs
            value={filter}
            onChange={(v) => go({ status: !v || v === 'active' ? undefined : (v as AlertFilter) })}
            style={{ minWidth: 0, maxWidth: '100%' }}
          >
            <Tabs.List aria-label={t('warnings.tabs.label')} style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
              {filters.map((f) => {
                const n = countOf(f, list.data?.counts);
                return (
                  <Tabs.Tab
                    key={f}
                    value={f}
                    px={{ base: 6, sm: 'md' }}
                    style={{ flex: 'none' }}
                    data-testid={`alerts-tab-${f}`}
                    rightSection={
                      n === null ? null : (
                        <Badge
                          size="sm"
                          variant={f === 'open' && n > 0 ? 'filled' : 'light'}
                          color={f === 'open' && n > 0 ? 'red' : 'gray'}
                          circle={n < 10}
                        >
                          {n}
                        </Badge>
                      )
                    }
                  >
                    {t(`warnings.tabs.${f}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
          </Tabs>
          {canReadTopics ? <TopicFilter value={search.topicId} onChange={(topicId) => go({ topicId })} /> : null}
        </Group>
        <QueryState query={list}>
          {(data) =>
            data.alerts.length === 0 ? (
              <EmptyInbox filter={filter} />
            ) : (
              <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="alerts-list">
                {data.alerts.map((a) => (
                  <AlertCard key={a.id} alert={a} />
                ))}
                {data.alerts.length >= INBOX_LIMIT ? (
                  <Text size="sm" c="dimmed">
                    {t('warnings.capped', { count: INBOX_LIMIT })}
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
