// A channel's kind as an icon in a tinted circle (Slack, Teams, Discord, LINE, e-mail or a webhook).
import { ThemeIcon } from '@mantine/core';
import { type Icon, IconBrandDiscord, IconBrandLine, IconBrandSlack, IconBrandTeams, IconMail, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '../../../notify-contract.ts';

const icons: Record<ChannelKind, { icon: Icon; color: string }> = {
  email: { icon: IconMail, color: 'blue' },
  slack: { icon: IconBrandSlack, color: 'grape' },
  teams: { icon: IconBrandTeams, color: 'indigo' },
  discord: { icon: IconBrandDiscord, color: 'violet' },
  line: { icon: IconBrandLine, color: 'green' },
  webhook: { icon: IconWebhook, color: 'gray' },
};

/** The kind's icon, labelled with the kind's name for screen readers. */
export function KindIcon({ kind, size = 'lg' }: { kind: ChannelKind; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const { icon: I, color } = icons[kind];
  return (
    <ThemeIcon
      variant="light"
      color={color}
      size={size}
      radius="xl"
      style={{ flex: 'none' }}
      role="img"
      aria-label={t(`warnings.channels.kind.${kind}`)}
    >
      <I size={size === 'lg' ? 18 : 14} aria-hidden />
    </ThemeIcon>
  );
}
