// Situation reports (狀況報告): one click produces the current summary as text to share internally; the latest
// is shown read-only with a copy button, earlier ones in a list (each can be shown), and the next scheduled time.
// The text is only ever rendered as text.
import { Badge, Button, Card, CopyButton, Group, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { IconCheck, IconCopy, IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { Sitrep, SitrepList } from '../../pulse-contract.ts';
import { sitrepsQuery, useIssueSitrep } from './queries.ts';

function Copy({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant="light"
          color={copied ? 'teal' : 'gray'}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
          data-testid="sitrep-copy"
        >
          {copied ? t('crisisPulse.sitrep.copied') : t('crisisPulse.sitrep.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

function Meta({ s }: { s: Sitrep }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  return (
    <Group gap={6} wrap="wrap">
      <Badge size="xs" variant="light" color={s.kind === 'scheduled' ? 'grape' : 'blue'} tt="none">
        {t(`crisisPulse.sitrep.kind.${s.kind}`)}
      </Badge>
      <Text size="xs" c="dimmed">
        {t('crisisPulse.sitrep.by', { who: s.createdBy, time: formatDateTime(s.createdAt, zone) })}
      </Text>
      {s.counts.overdue > 0 ? (
        <Badge size="xs" variant="light" color="red" tt="none">
          {t('crisisPulse.sitrep.overdue', { count: s.counts.overdue })}
        </Badge>
      ) : null}
    </Group>
  );
}

function Reports({ list, shownId, onShow }: { list: SitrepList; shownId: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const shown = list.sitreps.find((s) => s.id === shownId) ?? list.sitreps[0];
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed" data-testid="sitrep-next">
        {list.nextSitrepAt
          ? t('crisisPulse.sitrep.next', { time: formatDateTime(list.nextSitrepAt, zone) })
          : t('crisisPulse.sitrep.noNext')}
        {list.nextSitrepAt ? ` · ${t('crisisPulse.sitrep.every', { hours: list.updateEveryHours })}` : ''}
      </Text>
      {shown ? (
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Meta s={shown} />
            <Copy value={shown.body} />
          </Group>
          <Textarea
            aria-label={t('crisisPulse.sitrep.textLabel')}
            value={shown.body}
            readOnly
            autosize
            minRows={6}
            maxRows={18}
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.6 } }}
            data-testid="sitrep-text"
          />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" data-testid="sitrep-none">
          {t('crisisPulse.sitrep.none')}
        </Text>
      )}
      {list.sitreps.length > 1 ? (
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed">
            {t('crisisPulse.sitrep.history')}
          </Text>
          {list.sitreps.map((s) => (
            <UnstyledButton
              key={s.id}
              onClick={() => onShow(s.id)}
              aria-pressed={s.id === shown?.id}
              aria-label={`${t('crisisPulse.sitrep.show')} ${formatDateTime(s.createdAt, zone)}`}
              data-testid="sitrep-history-item"
              style={{
                padding: '4px 6px',
                borderRadius: 4,
                background: s.id === shown?.id ? 'var(--mantine-color-default-hover)' : undefined,
              }}
            >
              <Group gap={6} wrap="nowrap">
                <IconFileText size={14} aria-hidden />
                <Meta s={s} />
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The situation reports panel; `canWork` shows the button (the server checks again). */
export function SitrepPanel({ crisisId, canWork }: { crisisId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const q = useQuery(sitrepsQuery(crisisId));
  const issue = useIssueSitrep(crisisId);
  const [shownId, setShownId] = useState<string | null>(null);
  const produce = async () => {
    try {
      const s = await issue.mutateAsync();
      setShownId(s.id);
      notifySuccess(t('crisisPulse.sitrep.issued'));
    } catch (err) {
      notifyError(err, t);
    }
  };
  return (
    <Card withBorder padding="md" data-testid="sitrep-panel">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5">
          {t('crisisPulse.sitrep.title')}
        </Title>
        {canWork ? (
          <Button
            size="xs"
            leftSection={<IconFileText size={14} />}
            loading={issue.isPending}
            onClick={() => void produce()}
            data-testid="sitrep-issue"
          >
            {t('crisisPulse.sitrep.issue')}
          </Button>
        ) : null}
      </Group>
      {!canWork ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('crisisPulse.sitrep.readOnly')}
        </Text>
      ) : null}
      <QueryState query={q}>{(list) => <Reports list={list} shownId={shownId} onShow={setShownId} />}</QueryState>
    </Card>
  );
}
