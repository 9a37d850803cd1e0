// /search: every result for a query, with filters (kinds, crisis, classification, dates), counts per kind and
// classification (only of what the reader may open), and pages.
import { Alert, Badge, Box, Button, Card, Chip, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { crisesQuery } from '../../../crises/web/queries.ts';
import { guestSelfQuery } from '../../../people/web/guests/queries.ts';
import { classifications, type SearchHit, type SearchKind, searchKinds } from '../../contract.ts';
import { Highlighted } from './highlight.tsx';
import { kindIcons } from './kind-icon.tsx';
import { formatCount, PAGE_SIZE, parseSearchParams, type SearchParams, searchErrorMessage, searchQuery } from './queries.ts';

/** The server pages no further than this offset. */
const MAX_OFFSET = 1000;

/** Crises the reader may pick as a filter: the ones they can see (staff), or those of their grants (guests). */
function useCrisisOptions(): { value: string; label: string }[] {
  const staff = useCan('crisis.read');
  const guest = useCan('guest.self');
  const crises = useQuery({ ...crisesQuery('all'), enabled: staff });
  const self = useQuery({ ...guestSelfQuery, enabled: guest });
  if (staff) return (crises.data?.crises ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }));
  const seen = new Map<string, string>();
  for (const g of self.data?.grants ?? []) seen.set(g.crisisId, `#${g.crisisNumber} ${g.crisisTitle}`);
  return [...seen].map(([value, label]) => ({ value, label }));
}

function HitCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const Icon = kindIcons[hit.kind];
  return (
    <Card withBorder padding="sm" radius="md" renderRoot={(props) => <Link to={hit.path} {...props} />} data-testid="search-hit">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Icon size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {hit.title}
            </Text>
            <Badge variant="light" size="sm">
              {t(`search.kind.${hit.kind}`)}
            </Badge>
            {hit.classification ? (
              <Badge variant="outline" size="sm" color={hit.classification === 'legal_privileged' ? 'grape' : 'gray'}>
                {t(`search.classificationName.${hit.classification}`)}
              </Badge>
            ) : null}
          </Group>
          {hit.snippet ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="search-snippet">
              <Highlighted text={hit.snippet} ranges={hit.highlights} />
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {formatDateTime(hit.at)}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** The page at /search. */
export function SearchPage() {
  const { t } = useTranslation();
  const params = parseSearchParams(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const [draft, setDraft] = useState(params.q);
  useEffect(() => setDraft(params.q), [params.q]);
  const crisisOptions = useCrisisOptions();
  const result = useQuery(searchQuery(params, PAGE_SIZE));
  const set = (next: Partial<SearchParams>) => void navigate({ to: '/search', search: { ...params, page: undefined, ...next } as never });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: draft.trim() });
  };
  const data = result.data;
  const cap = data?.countCap ?? 1000;
  const kindCount = (k: SearchKind) => data?.facets.kind[k] ?? 0;
  const classCount = (c: string) => data?.facets.classification[c] ?? 0;
  const pages = data ? Math.max(1, Math.ceil(Math.min(data.total, MAX_OFFSET + PAGE_SIZE) / PAGE_SIZE)) : 1;
  const filtered = Boolean(params.kinds?.length || params.crisisId || params.classification || params.from || params.to);

  return (
    <Stack gap="md">
      <PageHeader title={t('search.title')} description={t('search.intro')} />
      <form onSubmit={submit}>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('search.query')}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="search-page-input"
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      <Stack gap="xs" aria-label={t('search.filters')} role="group">
        <Text size="sm" fw={500}>
          {t('search.kinds')}
        </Text>
        <Chip.Group multiple value={params.kinds ?? []} onChange={(v) => set({ kinds: v as SearchKind[] })}>
          <Group gap={6}>
            {searchKinds.map((k) => (
              <Chip key={k} value={k} size="sm" wrapperProps={{ 'data-testid': `facet-kind-${k}` }}>
                {t(`search.kind.${k}`)}
                {kindCount(k) > 0 ? ` · ${formatCount(kindCount(k), cap)}` : ''}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <Select
            label={t('search.crisis')}
            placeholder={t('search.anyCrisis')}
            data={crisisOptions}
            value={params.crisisId ?? null}
            onChange={(v) => set({ crisisId: v ?? undefined })}
            clearable
            searchable
          />
          <Select
            label={t('search.classification')}
            placeholder={t('search.anyClassification')}
            data={classifications.map((c) => ({
              value: c,
              label: `${t(`search.classificationName.${c}`)}${classCount(c) > 0 ? ` (${formatCount(classCount(c), cap)})` : ''}`,
            }))}
            value={params.classification ?? null}
            onChange={(v) => set({ classification: (v as SearchParams['classification']) ?? undefined })}
            clearable
          />
          <TextInput
            type="date"
            label={t('search.from')}
            value={params.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('search.to')}
            value={params.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          />
        </SimpleGrid>
        {filtered ? (
          <Box>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => set({ kinds: undefined, crisisId: undefined, classification: undefined, from: undefined, to: undefined })}
            >
              {t('search.clearFilters')}
            </Button>
          </Box>
        ) : null}
      </Stack>
      {!params.q.trim() ? <Text c="dimmed">{t('search.typeToSearch')}</Text> : null}
      {result.error ? (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('errors.title')} role="alert">
          {searchErrorMessage(result.error, t)}
        </Alert>
      ) : null}
      {params.q.trim() && data && !result.error ? (
        <Stack gap="sm" aria-busy={result.isFetching}>
          {data.total > 0 ? (
            <Text size="sm" c="dimmed" data-testid="search-total">
              {data.total >= cap ? t('search.resultsCapped', { count: cap }) : t('search.results', { count: data.total })}{' '}
              {t('search.took', { ms: Math.round(data.tookMs) })}
            </Text>
          ) : (
            <Text c="dimmed" data-testid="search-empty">
              {t('search.noHits', { q: params.q })}
            </Text>
          )}
          {data.hits.map((hit) => (
            <HitCard key={`${hit.kind}:${hit.id}`} hit={hit} />
          ))}
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={params.page ?? 1}
              onChange={(page) => void navigate({ to: '/search', search: { ...params, page } as never })}
              aria-label={t('search.page')}
              size="sm"
            />
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
