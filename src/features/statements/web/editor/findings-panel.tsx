// The checker's findings beside the text: category, the words, why, a safer direction and the law; clicking one
// selects its words in the editor. Findings a reviewer accepted on the head version are marked as accepted.
import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../../web/i18n/index.ts';
import { categoryColour } from './extensions.ts';
import { categoryLabel, type FindingView } from './risk.ts';

/** A finding's words, what it says, a safer direction and the law (used beside statements and templates). */
export function FindingText({ f }: { f: Pick<FindingView, 'excerpt' | 'message' | 'suggestion' | 'law'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        「{f.excerpt}」
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {f.message}
      </Text>
      {f.suggestion ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('statementEditor.checker.suggestion', { text: f.suggestion })}
        </Text>
      ) : null}
      {f.law ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('statementEditor.checker.law', { text: f.law })}
        </Text>
      ) : null}
    </>
  );
}

function FindingItem({ f, onSelect }: { f: FindingView; onSelect: (f: FindingView) => void }) {
  const { t } = useTranslation();
  const colour = categoryColour[f.category] ?? 'orange';
  return (
    <UnstyledButton
      onClick={() => onSelect(f)}
      title={t('statementEditor.checker.select')}
      data-testid="finding"
      data-category={f.category}
      data-accepted={f.accepted ? 'true' : 'false'}
      p="xs"
      style={{
        display: 'block',
        width: '100%',
        borderLeft: `3px solid var(--mantine-color-${colour}-6)`,
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-default-hover)',
        opacity: f.accepted ? 0.75 : 1,
      }}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Badge color={colour} variant="light" tt="none" size="sm">
            {categoryLabel(f.category, currentLocale())}
          </Badge>
          {f.accepted ? (
            <Badge
              color="gray"
              variant="outline"
              tt="none"
              size="sm"
              leftSection={<IconShieldCheck size={12} />}
              data-testid="finding-accepted"
            >
              {t('statementEditor.checker.accepted')}
            </Badge>
          ) : null}
        </Group>
        <FindingText f={f} />
        {f.accepted ? (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('statementEditor.checker.acceptedBy', { name: f.accepted.by.name, reason: f.accepted.reason })}
          </Text>
        ) : null}
      </Stack>
    </UnstyledButton>
  );
}

/** The list of findings on the text being edited. */
export function FindingsPanel({
  findings,
  checking,
  onSelect,
}: {
  findings: FindingView[];
  checking: boolean;
  onSelect: (f: FindingView) => void;
}) {
  const { t } = useTranslation();
  const open = findings.filter((f) => !f.accepted).length;
  return (
    <Card withBorder radius="md" padding="md" data-testid="findings-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {t('statementEditor.checker.title')}
          </Title>
          <Text size="xs" c={open ? 'orange' : 'dimmed'} aria-live="polite" data-testid="findings-count">
            {checking ? t('statementEditor.checker.running') : findings.length ? t('statementEditor.checker.count', { count: open }) : ''}
          </Text>
        </Group>
        {findings.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="findings-none">
            {t('statementEditor.checker.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            {findings.map((f) => (
              <FindingItem key={`${f.rule}:${f.start}:${f.end}`} f={f} onSelect={onSelect} />
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('statementEditor.checker.note')}
        </Text>
      </Stack>
    </Card>
  );
}
