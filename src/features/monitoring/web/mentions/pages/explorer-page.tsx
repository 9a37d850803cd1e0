// The mention explorer: filters in the URL, newest first, more pages on demand.
import { Box, Button, Center, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { useCan } from '../../../../../web/session.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { topicsQuery } from '../../topics/queries.ts';
import { queryErrorMessage } from '../../topics/query-errors.ts';
import { ExplorerFilters } from '../components/explorer-filters.tsx';
import { MentionItem } from '../components/mention-item.tsx';
import { type ExplorerSearch, toFilters, validateExplorerSearch } from '../explorer-search.ts';
import { mentionsQuery, sourcesQuery } from '../queries.ts';

/** The translated syntax error of the search words, if the server refused them. */
function searchError(err: unknown, q: string | undefined, t: TFunction): string | undefined {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return undefined;
  const e = err.fieldErrors.find((x) => x.path === 'q');
  if (!e) return undefined;
  return t('monitoring.mentions.list.badQuery', { message: queryErrorMessage(e.code, q ?? '', e.limit ?? 0, -1, t) });
}

/** The explorer page at /monitoring/mentions. */
export function ExplorerPage() {
  const { t } = useTranslation();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const search = useMemo(() => validateExplorerSearch(raw), [raw]);
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const canTopics = useCan('topic.read');
  const canSources = useCan('source.read');
  const topics = useQuery({ ...topicsQuery, enabled: canTopics });
  const sources = useQuery({ ...sourcesQuery, enabled: canSources });
  const list = useInfiniteQuery(mentionsQuery(search, toFilters(search)));
  const rows = list.data?.pages.flatMap((p) => p.mentions);
  const badQuery = searchError(list.error, search.q, t);
  const setSearch = (next: ExplorerSearch) =>
    void navigate({ to: '/monitoring/mentions', search: validateExplorerSearch(next) as Record<string, string>, replace: true });

  return (
    <RequirePermission permission="mention.read">
      <Stack gap="md">
        <PageHeader title={t('monitoring.mentions.title')} description={t('monitoring.mentions.intro')} />
        <ExplorerFilters
          value={search}
          topics={topics.data ?? []}
          sources={sources.data ?? []}
          onChange={setSearch}
          searchError={badQuery}
        />
        {badQuery ? null : (
          <QueryState query={{ ...list, data: rows }}>
            {(mentions) =>
              mentions.length === 0 ? (
                <Stack gap={4} py="lg" align="center" data-testid="mentions-empty">
                  <Text fw={500}>{t('monitoring.mentions.list.empty')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('monitoring.mentions.list.emptyHint')}
                  </Text>
                </Stack>
              ) : (
                <Stack gap="sm">
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {t('monitoring.mentions.list.newestFirst', { count: mentions.length })}
                  </Text>
                  <Box
                    data-testid="mention-list"
                    style={
                      wide
                        ? {
                            border: '1px solid var(--mantine-color-default-border)',
                            borderRadius: 'var(--mantine-radius-md)',
                            overflow: 'hidden',
                          }
                        : { display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' }
                    }
                  >
                    {mentions.map((m, i) => (
                      <MentionItem key={m.id} m={m} dense={wide} last={i === mentions.length - 1} />
                    ))}
                  </Box>
                  <Center>
                    {list.hasNextPage ? (
                      <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                        {t('common.loadMore')}
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('monitoring.mentions.list.end')}
                      </Text>
                    )}
                  </Center>
                </Stack>
              )
            }
          </QueryState>
        )}
      </Stack>
    </RequirePermission>
  );
}
