// The header's search: the box itself on wider screens, an icon opening a full-width search on a phone; `/`
// (outside text fields) or Ctrl/⌘+K focuses it.
import { ActionIcon, Box, Modal } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../features/documents/web/search/search-box.tsx';

/** True when the key press happens while typing into something. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** The search box in the header (or its phone icon), with the keyboard shortcut. */
export function SearchLauncher() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [opened, { open, close }] = useDisclosure(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey);
      if (!shortcut && !(e.key === '/' && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey)) return;
      e.preventDefault();
      if (wide) input.current?.focus();
      else open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wide, open]);
  return (
    <>
      {wide ? (
        <Box w={{ sm: 260, md: 340 }}>
          <SearchBox ref={input} />
        </Box>
      ) : (
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={open} aria-label={t('search.open')} data-testid="search-open">
          <IconSearch size={20} />
        </ActionIcon>
      )}
      <Modal
        opened={opened && !wide}
        onClose={close}
        fullScreen
        title={t('search.title')}
        closeButtonProps={{ 'aria-label': t('search.close') }}
        transitionProps={{ duration: 0 }}
      >
        <SearchBox autoFocus fullWidth onDone={close} />
      </Modal>
    </>
  );
}
