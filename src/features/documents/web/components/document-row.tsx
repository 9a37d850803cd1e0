// One document in the hub list: a card that reads well on a phone — number and title, classification, kind and
// hold badges, then owner, crisis, updated time, version and attachment count.
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import type { DocumentSummary } from '../../contract.ts';
import { ClassificationBadge, HoldBadge, KindBadge } from './badges.tsx';
import classes from './document-row.module.css';

/** A document's card in the list. */
export function DocumentRow({ d }: { d: DocumentSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" className={classes.card} data-testid="document-row" data-document-id={d.id}>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {t('documents.number', { number: d.number })}
          </Text>
          <Anchor
            component={Link}
            to={`/documents/${d.id}`}
            fw={600}
            className={classes.link}
            style={{ minWidth: 0, overflowWrap: 'anywhere' }}
            data-testid="document-link"
          >
            {d.title}
          </Anchor>
        </Group>
        <Group gap={6} wrap="wrap">
          <ClassificationBadge value={d.classification} />
          <KindBadge value={d.kind} />
          {d.onHold ? <HoldBadge /> : null}
          {d.tags.map((tag) => (
            <Text key={tag} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              #{tag}
            </Text>
          ))}
        </Group>
        <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
          <Text size="xs" c="dimmed">
            {t('documents.list.owner', { name: d.ownerName })}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {d.crisisTitle ?? (d.crisisId ? '—' : t('documents.list.noCrisis'))}
          </Text>
          <Text size="xs" c="dimmed">
            {t('documents.list.updated', { time: formatDateTime(d.updatedAt) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('documents.list.version', { version: d.currentVersion })}
          </Text>
          {d.attachmentCount > 0 ? (
            <Group gap={2} wrap="nowrap">
              <IconPaperclip size={12} aria-hidden />
              <Text size="xs" c="dimmed">
                {t('documents.list.attachments', { count: d.attachmentCount })}
              </Text>
            </Group>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
