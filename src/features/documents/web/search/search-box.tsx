// The header's search box: an ARIA combobox whose listbox shows the top hits grouped by kind as you type
// (debounced); ↑/↓ move, Enter opens, Esc closes; the last option opens every result on /search.
import { Box, Group, Loader, Paper, Popover, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { forwardRef, type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SearchHit, searchKinds } from '../../contract.ts';
import { Highlighted } from './highlight.tsx';
import { kindIcons } from './kind-icon.tsx';
import { BOX_LIMIT, searchErrorMessage, searchQuery } from './queries.ts';

type Option = { key: string; hit: SearchHit | null };

/** Hits in the order shown: grouped by kind (in the product's kind order), best first within a kind. */
function grouped(hits: SearchHit[]): { kind: SearchHit['kind']; hits: SearchHit[] }[] {
  return searchKinds.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0);
}

type Props = {
  /** Called after the box has sent the user somewhere (the phone's full-screen search closes). */
  onDone?: () => void;
  autoFocus?: boolean;
  /** The dropdown fills the width under the box (phone) instead of a fixed width. */
  fullWidth?: boolean;
};

/** The search-everywhere box. */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ onDone, autoFocus, fullWidth }, ref) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [q] = useDebouncedValue(value.trim(), 250);
  const result = useQuery(searchQuery({ q }, BOX_LIMIT));
  const groups = useMemo(() => grouped(result.data?.hits ?? []), [result.data]);
  const options: Option[] = useMemo(
    () => [...groups.flatMap((g) => g.hits.map((hit) => ({ key: `${hit.kind}:${hit.id}`, hit }))), { key: 'all', hit: null }],
    [groups],
  );
  const shown = open && value.trim().length > 0;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const go = (opt: Option | undefined) => {
    setOpen(false);
    setActive(-1);
    // Focus moves on with the user (to the page opened), so the list does not come back over it.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    if (!opt?.hit) void navigate({ to: '/search', search: { q: value.trim() } as never });
    else void navigate({ to: opt.hit.path });
    onDone?.();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const n = options.length;
      setActive((i) => (step > 0 ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (e.key === 'Enter') {
      if (!value.trim()) return;
      e.preventDefault();
      go(active >= 0 ? options[active] : undefined);
    } else if (e.key === 'Escape') {
      if (shown) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else onDone?.();
    }
  };
  const activeIndex = active >= 0 && active < options.length ? active : -1;

  let index = -1;
  const renderHit = (hit: SearchHit) => {
    index += 1;
    const i = index;
    const Icon = kindIcons[hit.kind];
    return (
      <UnstyledButton
        key={`${hit.kind}:${hit.id}`}
        id={optionId(i)}
        role="option"
        aria-selected={i === activeIndex}
        tabIndex={-1}
        onMouseDown={(e) => e.preventDefault()}
        onMouseEnter={() => setActive(i)}
        onClick={() => go(options[i])}
        data-testid="search-option"
        px="sm"
        py={6}
        style={{
          display: 'block',
          width: '100%',
          borderRadius: 4,
          background: i === activeIndex ? 'var(--mantine-color-default-hover)' : undefined,
        }}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Icon size={16} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
          <Box style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {hit.title}
            </Text>
            {hit.snippet ? (
              <Text size="xs" c="dimmed" lineClamp={2} data-testid="search-snippet">
                <Highlighted text={hit.snippet} ranges={hit.highlights} />
              </Text>
            ) : null}
          </Box>
        </Group>
      </UnstyledButton>
    );
  };

  return (
    <Popover
      opened={shown}
      position="bottom-start"
      width={fullWidth ? 'target' : 440}
      shadow="md"
      withRoles={false}
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <TextInput
          ref={ref}
          role="combobox"
          aria-label={t('search.boxLabel')}
          aria-expanded={shown}
          aria-controls={shown ? `${id}-listbox` : undefined}
          aria-autocomplete="list"
          aria-activedescendant={shown && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          placeholder={t('search.placeholder')}
          title={t('search.shortcut')}
          leftSection={result.isFetching ? <Loader size={14} /> : <IconSearch size={16} aria-hidden />}
          value={value}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid="search-box"
          w="100%"
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <Paper id={`${id}-listbox`} role="listbox" aria-label={t('search.boxLabel')} mah="70vh" style={{ overflowY: 'auto' }}>
          {result.error ? (
            <Text size="sm" c="red" p="sm" role="alert">
              {searchErrorMessage(result.error, t)}
            </Text>
          ) : null}
          {!result.error && result.data && q && groups.length === 0 && !result.isPlaceholderData ? (
            <Text size="sm" c="dimmed" p="sm" data-testid="search-empty">
              {t('search.noHits', { q })}
            </Text>
          ) : null}
          {groups.map((g) => (
            <Box key={g.kind} role="group" aria-label={t(`search.kind.${g.kind}`)} mb={4}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={6} aria-hidden>
                {t(`search.kind.${g.kind}`)}
              </Text>
              {g.hits.map(renderHit)}
            </Box>
          ))}
          <UnstyledButton
            id={optionId(options.length - 1)}
            role="option"
            aria-selected={activeIndex === options.length - 1}
            tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(options.length - 1)}
            onClick={() => go(undefined)}
            data-testid="search-all"
            px="sm"
            py={8}
            style={{
              display: 'block',
              width: '100%',
              borderRadius: 4,
              borderTop: '1px solid var(--mantine-color-default-border)',
              background: activeIndex === options.length - 1 ? 'var(--mantine-color-default-hover)' : undefined,
            }}
          >
            <Group gap="xs" wrap="nowrap">
              <IconArrowRight size={16} aria-hidden />
              <Text size="sm" truncate>
                {t('search.allResults', { q: value.trim() })}
              </Text>
            </Group>
          </UnstyledButton>
        </Paper>
      </Popover.Dropdown>
    </Popover>
  );
});
