// The shell's scenario plumbing inside a demo or a drill sandbox: `scenario.*` live events refresh the scenario
// room, a newly delivered message shows a notification, and the navigation gets 「情境訊息」 with the number of
// messages not yet seen (remembered per run in this browser).
import { Anchor, Badge, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessages } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { onLiveEvent } from '../../../../web/live.ts';
import type { Session } from '../../../people/contract.ts';
import type { InjectView, ScenarioRoom } from '../../contract.ts';
import { scenarioRoomQuery } from './queries.ts';
import { isUnseen } from './run-clock.ts';

const SEEN_PREFIX = 'firebreak.scenario-seen.';
const seenListeners = new Set<() => void>();
const memorySeen = new Map<string, string>();

/** When this browser last looked at the run's messages (the newest delivery it showed), or null. */
export function readSeen(runId: string): string | null {
  try {
    return localStorage.getItem(SEEN_PREFIX + runId) ?? memorySeen.get(runId) ?? null;
  } catch {
    return memorySeen.get(runId) ?? null;
  }
}

/** Remembers that the run's messages up to `deliveredAt` have been seen. */
export function markSeen(runId: string, deliveredAt: string): void {
  const before = readSeen(runId);
  if (before !== null && !isUnseen({ deliveredAt }, before)) return;
  memorySeen.set(runId, deliveredAt);
  try {
    localStorage.setItem(SEEN_PREFIX + runId, deliveredAt);
  } catch {
    // private mode: remembered for this page only
  }
  for (const l of seenListeners) l();
}

function subscribeSeen(l: () => void) {
  seenListeners.add(l);
  return () => void seenListeners.delete(l);
}

function useSeen(runId: string | null): string | null {
  return useSyncExternalStore(subscribeSeen, () => (runId ? readSeen(runId) : null));
}

/** Whether this session is inside a demo or a drill sandbox and may read its scenario room. */
export function inScenario(session: Session): boolean {
  return session.org.kind !== 'live' && session.permissions.includes('drill.read');
}

/** The scenario room for the shell (null outside a demo or sandbox). */
export function useScenarioRoom(session: Session): { room: ScenarioRoom | undefined; updatedAt: number } {
  const q = useQuery({ ...scenarioRoomQuery, enabled: inScenario(session) });
  return { room: q.data, updatedAt: q.dataUpdatedAt };
}

/** Messages delivered since this browser last opened the scenario messages. */
export function useUnseenCount(room: ScenarioRoom | undefined): number {
  const seen = useSeen(room?.run?.id ?? null);
  return room?.run ? room.injects.filter((i) => isUnseen(i, seen)).length : 0;
}

function ToastBody({ inject, count, onOpen }: { inject: InjectView | undefined; count: number; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {count === 1 && inject ? (
        <>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {inject.subject}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('drillDemo.scenario.from', { from: inject.from })}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('drillDemo.scenario.toastMany', { count })}</Text>
      )}
      <Anchor component="button" type="button" size="sm" onClick={onOpen} ta="start">
        {t('drillDemo.scenario.toastOpen')}
      </Anchor>
    </Stack>
  );
}

/** Refreshes the scenario room on `scenario.*` events and notifies new messages (several at once: one notice). */
function useScenarioEvents(enabled: boolean): void {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (!enabled) return;
    let delivered: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const announce = async () => {
      timer = undefined;
      const ids = delivered;
      delivered = [];
      let inject: InjectView | undefined;
      try {
        const room = await qc.fetchQuery({ ...scenarioRoomQuery, staleTime: 0 });
        inject = room.injects.find((i) => ids.includes(i.id)) ?? room.injects[0];
      } catch {
        // the generic notice still points to the messages
      }
      const id = notifications.show({
        color: 'grape',
        title: t('drillDemo.scenario.toastTitle'),
        autoClose: 8000,
        message: (
          <ToastBody
            inject={inject}
            count={ids.length}
            onOpen={() => {
              notifications.hide(id);
              void navigate({ to: '/scenario' });
            }}
          />
        ),
      });
    };
    const off = onLiveEvent((event) => {
      if (!event.type.startsWith('scenario.')) return;
      void qc.invalidateQueries({ queryKey: scenarioRoomQuery.queryKey });
      if (event.type !== 'scenario.inject_delivered') return;
      delivered.push(event.id ?? '');
      // A jump or a fast speed delivers several at once: wait a moment and say it once.
      timer ??= setTimeout(() => void announce(), 400);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [enabled, qc, navigate, t]);
}

/** The navigation entry the shell renders. */
export type ScenarioNavItem = { to: string; label: string; icon: ReactNode; badge?: ReactNode; unseen: number };

/** For the shell: live scenario updates and notices, and the 「情境訊息」 entry (null in a live organisation). */
export function useScenarioNav(session: Session): ScenarioNavItem | null {
  const { t } = useTranslation();
  const on = inScenario(session);
  useScenarioEvents(on);
  const { room } = useScenarioRoom(session);
  const unseen = useUnseenCount(room);
  if (!on) return null;
  return {
    to: '/scenario',
    label: t('drillDemo.scenario.title'),
    icon: <IconMessages size={18} />,
    unseen,
    badge:
      unseen > 0 ? (
        <>
          <Badge size="sm" color="grape" variant="filled" circle={unseen < 10} aria-hidden data-testid="scenario-unseen">
            {unseen > 99 ? '99+' : unseen}
          </Badge>
          <VisuallyHidden>{t('drillDemo.scenario.newCount', { count: unseen })}</VisuallyHidden>
        </>
      ) : undefined,
  };
}
