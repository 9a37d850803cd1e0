// /documents: the hub list. Filters (kind, classification, crisis, tag, hold) live in the address; pages load
// by keyset ("load more"); each document is a card. With a crisis chosen, those who may place holds see the
// crisis's legal-hold panel. New document / capture evidence for those who may.
import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCamera, IconFolder, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { ErrorAlert } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { crisesQuery } from '../../../crises/web/queries.ts';
import { classifications, documentKinds } from '../../contract.ts';
import { CrisisHoldsPanel } from '../components/crisis-holds-panel.tsx';
import { DocumentRow } from '../components/document-row.tsx';
import { type DocumentFilter, documentsQuery, useDocumentsLive } from '../queries.ts';

function Empty({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="documents-empty">
      <Stack gap={6} align="flex-start">
        <ThemeIcon variant="light" color="blue" size="xl" radius="xl">
          <IconFolder size={22} />
        </ThemeIcon>
        <Text fw={600}>{filtered ? t('documents.list.emptyFiltered') : t('documents.list.empty')}</Text>
        {filtered ? null : (
          <Text size="sm" c="dimmed">
            {t('documents.list.emptyExplain')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The filter controls; every change replaces the address's search. */
function Filters({ filter, onChange }: { filter: DocumentFilter; onChange: (f: DocumentFilter) => void }) {
  const { t } = useTranslation();
  const canReadCrises = useCan('crisis.read');
  const crises = useQuery({ ...crisesQuery('all'), enabled: canReadCrises });
  const [tag, setTag] = useState(filter.tag ?? '');
  const [debouncedTag] = useDebouncedValue(tag.trim(), 300);
  // Typing a tag filters once the typing pauses.
  useEffect(() => {
    if ((filter.tag ?? '') !== debouncedTag) onChange({ ...filter, tag: debouncedTag || undefined });
  }, [debouncedTag, filter, onChange]);
  const set = <K extends keyof DocumentFilter>(k: K, v: DocumentFilter[K] | null) => onChange({ ...filter, [k]: v ?? undefined });
  return (
    <Stack gap={4} data-testid="documents-filters">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: canReadCrises ? 5 : 4 }} spacing="xs" verticalSpacing="xs">
        <Select
          size="sm"
          aria-label={t('documents.list.kind')}
          placeholder={t('documents.list.anyKind')}
          clearable
          data={documentKinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          value={filter.kind ?? null}
          onChange={(v) => set('kind', v as DocumentFilter['kind'])}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-kind"
        />
        <Select
          size="sm"
          aria-label={t('documents.list.classification')}
          placeholder={t('documents.list.anyClassification')}
          clearable
          data={classifications.map((c) => ({ value: c, label: t(`documents.classifications.${c}`) }))}
          value={filter.classification ?? null}
          onChange={(v) => set('classification', v as DocumentFilter['classification'])}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-classification"
        />
        {canReadCrises ? (
          <Select
            size="sm"
            aria-label={t('documents.list.crisis')}
            placeholder={t('documents.list.anyCrisis')}
            clearable
            searchable
            data={(crises.data?.crises ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }))}
            value={filter.crisisId ?? null}
            onChange={(v) => set('crisisId', v)}
            comboboxProps={{ withinPortal: true }}
            data-testid="filter-crisis"
          />
        ) : null}
        <TextInput
          size="sm"
          aria-label={t('documents.list.tag')}
          placeholder={t('documents.list.tag')}
          value={tag}
          maxLength={40}
          onChange={(e) => setTag(e.currentTarget.value)}
          data-testid="filter-tag"
        />
        <Select
          size="sm"
          aria-label={t('documents.list.hold')}
          placeholder={t('documents.list.hold')}
          clearable
          data={[
            { value: 'true', label: t('documents.list.held') },
            { value: 'false', label: t('documents.list.notHeld') },
          ]}
          value={filter.onHold ?? null}
          onChange={(v) => set('onHold', v as DocumentFilter['onHold'])}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-hold"
        />
      </SimpleGrid>
      {Object.keys(filter).length > 0 ? (
        <Button
          variant="subtle"
          size="compact-sm"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setTag('');
            onChange({});
          }}
        >
          {t('documents.list.clear')}
        </Button>
      ) : null}
    </Stack>
  );
}

/** The documents hub. */
export function DocumentsPage() {
  const { t } = useTranslation();
  useDocumentsLive();
  const filter = useSearch({ strict: false }) as DocumentFilter;
  const navigate = useNavigate();
  const canWrite = useCan('document.write');
  const canCapture = useCan('evidence.capture');
  const canHold = useCan('document.hold');
  const list = useInfiniteQuery({ ...documentsQuery(filter), placeholderData: keepPreviousData });
  const setFilter = (f: DocumentFilter) => void navigate({ to: '/documents', search: f as Record<string, unknown>, replace: true });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filter).length > 0;
  return (
    <RequirePermission permission="document.read">
      <PageHeader
        title={t('documents.title')}
        description={t('documents.intro')}
        actions={
          <>
            {canCapture ? (
              <Button
                component={Link}
                to="/documents/evidence/new"
                search={(filter.crisisId ? { crisisId: filter.crisisId } : {}) as never}
                variant="default"
                leftSection={<IconCamera size={16} />}
                data-testid="capture-evidence"
              >
                {t('documents.list.capture')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button
                component={Link}
                to="/documents/new"
                search={(filter.crisisId ? { crisisId: filter.crisisId } : {}) as never}
                leftSection={<IconPlus size={16} />}
                data-testid="new-document"
              >
                {t('documents.list.newDocument')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Filters filter={filter} onChange={setFilter} />
        {filter.crisisId && canHold ? <CrisisHoldsPanel crisisId={filter.crisisId} /> : null}
        {list.error && !list.data ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? null : rows.length === 0 ? (
          <Empty filtered={filtered} />
        ) : (
          <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="documents-list">
            {rows.map((d) => (
              <DocumentRow key={d.id} d={d} />
            ))}
            {list.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                style={{ alignSelf: 'center' }}
                data-testid="documents-more"
              >
                {t('documents.list.loadMore')}
              </Button>
            ) : null}
          </Stack>
        )}
      </Stack>
    </RequirePermission>
  );
}
