// The explorer's filters: full-text search, topic, source, sentiment, language, time range and author.
// Values live in the URL (so a view can be shared); typing is debounced before it reaches the URL.
import { Badge, Button, CloseButton, Collapse, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconAdjustments, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sentiments } from '../../../contract.ts';
import type { Topic } from '../../topics/queries.ts';
import { activeFilterCount, type ExplorerSearch, ranges } from '../explorer-search.ts';
import type { SourceSummary } from '../queries.ts';
import { useLangLabel } from './mention-item.tsx';

const LANGS = ['zh-Hant', 'zh-Hans', 'en', 'ja', 'und'];

type Props = {
  value: ExplorerSearch;
  topics: Topic[];
  sources: SourceSummary[];
  onChange: (next: ExplorerSearch) => void;
  /** The search box's error (a translated syntax error from the server). */
  searchError?: string;
};

/** A text input whose value reaches `onCommit` after a pause in typing (or at once on Enter). */
function useDebouncedField(value: string | undefined, onCommit: (v: string) => void) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text, 450);
  // The latest value and callback, read when the typing settles (they change on every render).
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if (debounced !== (latest.current.value ?? '')) latest.current.onCommit(debounced);
  }, [debounced]);
  return { text, setText, commit: () => onCommit(text) };
}

/** The filter panel above the mention list. */
export function ExplorerFilters({ value, topics, sources, onChange, searchError }: Props) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [open, setOpen] = useState(false);
  const langLabel = useLangLabel();
  const set = (patch: Partial<ExplorerSearch>) => onChange({ ...value, ...patch });
  const q = useDebouncedField(value.q, (v) => set({ q: v || undefined }));
  const author = useDebouncedField(value.author, (v) => set({ author: v || undefined }));
  const active = activeFilterCount(value);
  const langs = value.lang && !LANGS.includes(value.lang) ? [...LANGS, value.lang] : LANGS;
  const range = value.range ?? 'all';
  const f = (k: string) => t(`monitoring.mentions.filters.${k}` as 'monitoring.mentions.filters.topic');

  const fields = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="sm">
        <Select
          label={f('topic')}
          placeholder={f('anyTopic')}
          data={topics.map((tp) => ({ value: tp.id, label: tp.archived ? `${tp.name}（${t('monitoring.topics.archived')}）` : tp.name }))}
          value={value.topic ?? null}
          onChange={(v) => set({ topic: v ?? undefined })}
          clearable
          searchable
        />
        <Select
          label={f('source')}
          placeholder={f('anySource')}
          data={sources.map((s) => ({ value: s.id, label: s.name }))}
          value={value.source ?? null}
          onChange={(v) => set({ source: v ?? undefined })}
          clearable
          searchable
        />
        <Select
          label={f('sentiment')}
          placeholder={f('anySentiment')}
          data={sentiments.map((s) => ({ value: s, label: t(`monitoring.mentions.sentiment.${s}`) }))}
          value={value.sentiment ?? null}
          onChange={(v) => set({ sentiment: (v as ExplorerSearch['sentiment']) ?? undefined })}
          clearable
        />
        <Select
          label={f('lang')}
          placeholder={f('anyLang')}
          data={langs.map((l) => ({ value: l, label: langLabel(l) }))}
          value={value.lang ?? null}
          onChange={(v) => set({ lang: v ?? undefined })}
          clearable
        />
        <Select
          label={f('range')}
          data={ranges.map((r) => ({ value: r, label: t(`monitoring.mentions.range.${r}`) }))}
          value={range}
          allowDeselect={false}
          onChange={(v) => set({ range: v === 'all' ? undefined : (v as ExplorerSearch['range']), from: undefined, to: undefined })}
        />
        <TextInput
          label={f('author')}
          placeholder={f('authorPlaceholder')}
          value={author.text}
          onChange={(e) => author.setText(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && author.commit()}
        />
      </SimpleGrid>
      {range === 'custom' ? (
        <Group gap="sm" grow preventGrowOverflow={false} maw={420}>
          <TextInput
            label={f('from')}
            type="date"
            value={value.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
          <TextInput label={f('to')} type="date" value={value.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} />
        </Group>
      ) : null}
    </Stack>
  );

  return (
    <Stack gap="sm" role="search" aria-label={f('label')}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          style={{ flex: 1, minWidth: 0 }}
          aria-label={f('search')}
          placeholder={f('searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={q.text}
          onChange={(e) => q.setText(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && q.commit()}
          error={searchError}
          description={wide ? f('searchHelp') : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="mention-search"
        />
        {wide ? null : (
          <Button
            variant={active ? 'light' : 'default'}
            leftSection={<IconAdjustments size={16} />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={f('more')}
            title={active ? t('monitoring.mentions.filters.active', { count: active }) : undefined}
            px="sm"
            style={{ flex: 'none' }}
          >
            {active ? active : f('more')}
          </Button>
        )}
      </Group>
      {wide ? fields : <Collapse expanded={open}>{fields}</Collapse>}
      {active || value.q ? (
        <Group gap="xs">
          {value.cluster ? (
            <Badge
              variant="light"
              rightSection={
                <CloseButton size="xs" onClick={() => set({ cluster: undefined })} aria-label={f('clear')} variant="transparent" />
              }
            >
              {t('monitoring.mentions.filters.cluster', { id: value.cluster })}
            </Badge>
          ) : null}
          <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} />} onClick={() => onChange({})}>
            {f('clear')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
