// /alerts/channels: where alerts are sent. Every channel as a card with its health; administrators add, edit,
// test and delete them, managers can look. Live notification.* events keep health and deliveries current.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../../../../web/session.ts';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import type { ChannelOut } from '../../../notify-contract.ts';
import { SettingsList } from '../../components/settings-list.tsx';
import { ChannelCard } from '../components/channel-card.tsx';
import { ChannelFormModal } from '../components/channel-form.tsx';
import { DeliveriesDrawer } from '../components/deliveries-drawer.tsx';
import { channelsQuery } from '../queries.ts';

/** The notification channels page. */
export function ChannelsPage() {
  const canManage = useCan('channel.manage');
  const channels = useQuery(channelsQuery);
  const [editing, setEditing] = useState<ChannelOut | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const history = channels.data?.find((c) => c.id === historyOf) ?? null;
  return (
    <RequirePermission permission="channel.read">
      <SettingsList area="channels" onAdd={canManage ? () => setEditing('new') : undefined} query={channels}>
        {(c) => (
          <ChannelCard key={c.id} channel={c} canManage={canManage} onEdit={() => setEditing(c)} onHistory={() => setHistoryOf(c.id)} />
        )}
      </SettingsList>
      <ChannelFormModal target={editing} onClose={() => setEditing(null)} />
      <DeliveriesDrawer channel={history} onClose={() => setHistoryOf(null)} />
    </RequirePermission>
  );
}
