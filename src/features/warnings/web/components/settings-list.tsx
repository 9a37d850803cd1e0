// The frame shared by the channel and rule pages: back link, heading with an "add" button for people who may
// manage, a read-only note for the others, and the items as cards in one or two columns (or an empty note).
import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { BackToAlerts } from './back-link.tsx';

type QueryLike<T> = { data: T[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };

type Props<T> = {
  /** Whose strings (`warnings.<area>.title`, `.intro`, `.add`, `.readOnly`, `.empty`) and test ids. */
  area: 'channels' | 'rules' | 'oncall';
  /** Adding is offered when given; otherwise the read-only note shows. */
  onAdd?: () => void;
  query: QueryLike<T>;
  children: (item: T) => ReactNode;
};

/** A settings list page's body. */
export function SettingsList<T>({ area, onAdd, query, children }: Props<T>) {
  const { t } = useTranslation();
  const k = `warnings.${area}` as const;
  return (
    <Stack gap="sm">
      <BackToAlerts />
      <PageHeader
        title={t(`${k}.title`)}
        description={t(`${k}.intro`)}
        actions={
          onAdd ? (
            <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
              {t(`${k}.add`)}
            </Button>
          ) : null
        }
      />
      {onAdd ? null : (
        <Text size="sm" c="dimmed">
          {t(`${k}.readOnly`)}
        </Text>
      )}
      <QueryState query={query}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="lg" radius="md" data-testid={`${area}-empty`}>
              <Text c="dimmed">{t(`${k}.empty`)}</Text>
            </Paper>
          ) : (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }} data-testid={area}>
              {list.map(children)}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
