// Notification channel data for the web app: the list with health, one channel's recent deliveries, and the changes.
// Keys start with 'notification-channels' / 'notification-deliveries' so live notification.* events refresh them.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../../web/api.ts';
import type { Severity } from '../../contract.ts';
import type { ChannelConfig, ChannelOut, deliveryOut } from '../../notify-contract.ts';
import { useDeleteItem, useSaveItem } from '../crud.ts';

/** One delivery of a channel with its attempts. */
export type Delivery = z.infer<typeof deliveryOut>;

/** The organisation's channels, oldest first. */
export const channelsQuery = queryOptions({
  queryKey: ['notification-channels'],
  queryFn: ({ signal }) => api<ChannelOut[]>('GET', '/api/notification-channels', undefined, { signal }),
});

/** A channel's last 50 deliveries, newest first. */
export const deliveriesQuery = (channelId: string) =>
  queryOptions({
    queryKey: ['notification-deliveries', channelId],
    queryFn: ({ signal }) =>
      api<Delivery[]>('GET', `/api/notification-channels/${encodeURIComponent(channelId)}/deliveries`, undefined, { signal }),
  });

/** What the add/edit dialog sends (config only when the target changes). */
export type ChannelInput = { name?: string; config?: ChannelConfig; minSeverity?: Severity; enabled?: boolean; version?: number };

const PATH = '/api/notification-channels';

/** Adds a channel, or changes one when an id is given. */
export const useSaveChannel = () => useSaveItem<ChannelOut, ChannelInput>(PATH, 'notification-channels');

/** Deletes a channel (its delivery log goes with it). */
export const useDeleteChannel = () => useDeleteItem(PATH, 'notification-channels');

/** Queues a test message; answers the delivery to watch. */
export function useTestChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ deliveryId: string }>('POST', `/api/notification-channels/${encodeURIComponent(id)}/test`),
    onSuccess: (_r, id) => qc.invalidateQueries({ queryKey: ['notification-deliveries', id] }),
  });
}
