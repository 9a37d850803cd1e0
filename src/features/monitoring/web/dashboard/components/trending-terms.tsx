// Rising terms: words whose share of mentions grew against the previous period, with their lift.
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardData } from '../../../dashboard-contract.ts';
import type { ExplorerLink } from '../search.ts';
import { useFormat } from './format.ts';
import { ListCard } from './top-lists.tsx';

/** The rising terms table; each term opens the explorer searching for it. */
export function TrendingTerms({ data, explorer }: { data: DashboardData; explorer: ExplorerLink }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sampled = data.termSample.current < data.totals.mentions;
  return (
    <ListCard title={t('monitoring.dashboard.terms.title')} testId="trending-terms" empty={data.trendingTerms.length === 0}>
      <Table verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
        <Table.Tbody>
          {data.trendingTerms.map((term) => (
            <Table.Tr key={term.term} data-testid="term-row" data-term={term.term}>
              <Table.Td style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                <Anchor
                  component={Link}
                  to="/monitoring/mentions"
                  search={explorer(term.term.includes('"') ? {} : { q: `"${term.term}"` })}
                  size="sm"
                  fw={600}
                  aria-label={t('monitoring.dashboard.terms.search', { term: term.term })}
                >
                  {term.term}
                </Anchor>
              </Table.Td>
              <Table.Td w="30%">
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('monitoring.dashboard.terms.count', { count: term.count, formatted: f.integer(term.count) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('monitoring.dashboard.terms.previous', { count: term.previous })}
                </Text>
              </Table.Td>
              <Table.Td w="28%" ta="right">
                <Badge variant="light" color={term.lift === null ? 'orange' : 'red'}>
                  {term.lift === null
                    ? t('monitoring.dashboard.terms.new')
                    : t('monitoring.dashboard.terms.lift', { lift: f.decimal(term.lift, 1) })}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          {sampled
            ? t('monitoring.dashboard.terms.sampled', { count: data.termSample.current, total: data.totals.mentions })
            : t('monitoring.dashboard.terms.help')}
        </Text>
      </Group>
    </ListCard>
  );
}
