// One scenario message as players see it: what kind it is (an icon and a word), who it is from, the subject,
// the body — always as text, never HTML (scenario files and surprise injects are written by people) — when to
// answer by, when it arrived, and whether it was a surprise.
import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconBrandThreads,
  IconBuildingBank,
  IconDots,
  IconLock,
  IconMail,
  IconMessageCircle,
  IconMessageQuestion,
  IconNews,
  IconPhone,
  IconVideo,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import type { InjectView } from '../../../contract.ts';
import type { InjectKind } from '../../../scenario-contract.ts';

const kindLook: Record<InjectKind, { icon: ReactNode; color: string }> = {
  email: { icon: <IconMail size={20} />, color: 'blue' },
  phone: { icon: <IconPhone size={20} />, color: 'teal' },
  chat: { icon: <IconMessageCircle size={20} />, color: 'cyan' },
  video: { icon: <IconVideo size={20} />, color: 'pink' },
  news: { icon: <IconNews size={20} />, color: 'indigo' },
  social: { icon: <IconBrandThreads size={20} />, color: 'violet' },
  regulator: { icon: <IconBuildingBank size={20} />, color: 'red' },
  rumour: { icon: <IconMessageQuestion size={20} />, color: 'orange' },
  internal: { icon: <IconLock size={20} />, color: 'gray' },
  other: { icon: <IconDots size={20} />, color: 'gray' },
};

/** A kind this app knows how to show (a newer server's kind shows as 「其他」). */
const known = (kind: string): InjectKind => (kind in kindLook ? (kind as InjectKind) : 'other');

/** A delivered scenario message. */
export function InjectCard({ inject, timeZone, unseen }: { inject: InjectView; timeZone: string; unseen: boolean }) {
  const { t } = useTranslation();
  const kind = known(inject.kind);
  const look = kindLook[kind];
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="inject-card" data-kind={kind} data-unseen={unseen}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon variant="light" color={look.color} size="lg" radius="md" aria-hidden style={{ flex: 'none' }}>
          {look.icon}
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
            <Badge variant="light" color={look.color} tt="none" data-testid="inject-kind">
              {t(`drillDemo.scenario.kind.${kind}`)}
            </Badge>
            {inject.surprise ? (
              <Badge color="red" variant="filled" tt="none" data-testid="inject-surprise">
                {t('drillDemo.scenario.surprise')}
              </Badge>
            ) : null}
            {inject.releasedByHand && !inject.surprise ? (
              <Badge color="gray" variant="outline" tt="none">
                {t('drillDemo.scenario.byHand')}
              </Badge>
            ) : null}
            {unseen ? (
              <Badge color="grape" variant="dot" tt="none">
                {t('drillDemo.scenario.isNew')}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(inject.deliveredAt, timeZone)}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('drillDemo.scenario.atMinute', { minute: Math.floor(inject.atMinute) })}
            </Text>
          </Group>
          <Text fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="inject-subject">
            {inject.subject}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="inject-from">
            {t('drillDemo.scenario.from', { from: inject.from })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="inject-body">
            {inject.body}
          </Text>
          {inject.respondBy ? (
            <Text size="sm" fw={600} c="red.7" style={{ overflowWrap: 'anywhere' }} data-testid="inject-respond-by">
              {t('drillDemo.scenario.respondBy', { when: inject.respondBy })}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
