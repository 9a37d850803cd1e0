// Real-time client: one WebSocket to /api/live whose event messages only invalidate TanStack Query keys.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

/** Connection state shown in the header: `open` once every room is subscribed. */
export type LiveStatus = 'connecting' | 'open' | 'closed';

/** The invalidation notice the server pushes for one event. */
export type LiveEvent = { type: string; id: string | null; subject: string | null; version: number };

type ServerMessage =
  | { type: 'hello'; userId: string }
  | { type: 'subscribed' | 'denied'; room: string }
  | { type: 'event'; room: string; event: LiveEvent }
  | { type: 'presence'; room: string; userIds: string[] }
  | { type: 'heartbeat' | 'pong' | 'session.ended' };

const PING_MS = 25_000;
const DEAD_AFTER_MS = 50_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;
const FLUSH_MS = 50;
const CHECK_MS = 5_000;

/** Which cached queries an event makes stale; every event also touches the audit log. */
export function keysForEvent(event: LiveEvent, myUserId: string | null): QueryKey[] {
  const keys: QueryKey[] = [['audit']];
  const prefix = event.type.split('.')[0];
  if (prefix === 'user') {
    keys.push(['users']);
    if (event.subject === 'user' && event.id !== null && event.id === myUserId) keys.push(['session']);
  } else if (prefix === 'department') {
    keys.push(['departments'], ['users']);
  } else if (prefix === 'token') {
    keys.push(['tokens']);
  } else if (prefix === 'org') {
    keys.push(['org'], ['session']);
  } else if (prefix === 'mention') {
    keys.push(['mentions'], ['monitoring-stats'], ['sources']);
  } else if (prefix === 'topic') {
    keys.push(['topics'], ['mentions'], ['monitoring-stats']);
  } else if (prefix === 'source') {
    keys.push(['sources']);
  } else if (prefix === 'import') {
    keys.push(['imports'], ['sources']);
  } else if (prefix === 'alert') {
    keys.push(['alerts']);
  } else if (prefix === 'warning') {
    keys.push(['warning-settings']);
  } else if (prefix === 'notification' || prefix === 'notification_channel') {
    keys.push(['notification-channels'], ['notification-deliveries']);
  } else if (prefix === 'alert_rule') {
    keys.push(['alert-rules']);
  } else if (prefix === 'oncall') {
    keys.push(['oncall-schedules']);
  } else if (prefix === 'crisis') {
    keys.push(['crises']);
    // Declaring from an alert marks the alert declared and links it.
    if (event.type === 'crisis.declared') keys.push(['alerts']);
  } else if (prefix === 'scenario') {
    // The scenario player (demo, drill sandbox): its clock and the messages delivered to players.
    keys.push(['scenario-room'], ['drills']);
  } else if (prefix === 'drill') {
    keys.push(['drills']);
  } else if (prefix === 'statement') {
    // Statement clocks show in the crisis room through its tasks.
    keys.push(['statements'], ['crises']);
  }
  return keys;
}

/** The query key of who has a crisis room open: the server's `presence` messages fill it, the pulse panels read it. */
export const presenceKey = (crisisId: string) => ['crises', 'pulse', crisisId, 'presence'] as const;

/** The toast (a `crisisPulse.toast.*` message) for a crisis event addressed to me in my own room, if it deserves one. */
export function crisisToastFor(
  event: LiveEvent,
  room: string,
  myUserId: string | null,
): 'roleChanged' | 'taskChanged' | 'crisisUpdate' | null {
  // Declaring reaches the declarer's own room (they are its commander): they know already.
  if (!myUserId || room !== `user:${myUserId}` || !event.type.startsWith('crisis.') || event.type === 'crisis.declared') return null;
  if (event.type === 'crisis.role_assigned') return 'roleChanged';
  if (event.type.startsWith('crisis.task_')) return 'taskChanged';
  return 'crisisUpdate';
}

/** Shows a crisis toast (loaded on first use, so this module stays free of UI code for its unit tests). */
function showCrisisToast(key: 'roleChanged' | 'taskChanged' | 'crisisUpdate') {
  void Promise.all([import('@mantine/notifications'), import('./i18n/index.ts')]).then(([{ notifications }, { default: i18n }]) =>
    notifications.show({ color: 'orange', message: i18n.t(`crisisPulse.toast.${key}`) }),
  );
}

/** Back-off before reconnect attempt `attempt` (0-based): doubling from 0.5 s, up to 50% jitter, never over 30 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return Math.round(Math.min(BACKOFF_MAX_MS, base * (1 + random() / 2)));
}

type Options = { queryClient: QueryClient; onSessionEnded: () => void };

let options: Options | null = null;
let status: LiveStatus = 'closed';
let socket: WebSocket | null = null;
let rooms: string[] = [];
/** Rooms a screen has joined (a crisis room), counted so two screens may share one. */
const extraRooms = new Map<string, number>();
let authenticated = false;
let userId: string | null = null;
let attempt = 0;
let connectedBefore = false;
let lastHeard = 0;
let lastPing = 0;
let awaiting = new Set<string>();
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();
const eventListeners = new Set<(event: LiveEvent) => void>();
const pending = new Map<string, QueryKey>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function setStatus(next: LiveStatus) {
  if (status === next) return;
  status = next;
  for (const l of listeners) l();
}

function invalidate(keys: QueryKey[]) {
  for (const k of keys) pending.set(JSON.stringify(k), k);
  if (flushTimer) return;
  flushTimer = setTimeout(() => {
    flushTimer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    for (const queryKey of batch) void options?.queryClient.invalidateQueries({ queryKey });
  }, FLUSH_MS);
}

function clearTimers() {
  clearInterval(pingTimer);
  clearTimeout(reconnectTimer);
  pingTimer = undefined;
  reconnectTimer = undefined;
}

function sessionEnded() {
  stopLive();
  options?.onSessionEnded();
}

function send(message: object) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function onMessage(raw: MessageEvent) {
  lastHeard = Date.now();
  let msg: ServerMessage;
  try {
    msg = JSON.parse(String(raw.data)) as ServerMessage;
  } catch {
    return;
  }
  if (msg.type === 'event') {
    invalidate(keysForEvent(msg.event, userId));
    for (const l of eventListeners) l(msg.event);
    const toast = crisisToastFor(msg.event, msg.room, userId);
    if (toast) showCrisisToast(toast);
  } else if (msg.type === 'presence') {
    const qc = options?.queryClient;
    if (qc && msg.room.startsWith('crisis:')) {
      // A GET of the list may be in flight from before we joined: cancel it first, or its older answer
      // would overwrite this newer one when it lands.
      const key = presenceKey(msg.room.slice(7));
      const userIds = msg.userIds;
      void qc.cancelQueries({ queryKey: key }).then(() => qc.setQueryData(key, { userIds }));
    }
  } else if (msg.type === 'session.ended') sessionEnded();
  else if (msg.type === 'hello') {
    // The server listens for messages only once it has authenticated us, which `hello` announces.
    authenticated = true;
    const all = [...rooms, ...extraRooms.keys()];
    awaiting = new Set(all);
    send({ type: 'subscribe', rooms: all });
  } else if (msg.type === 'subscribed' || msg.type === 'denied') {
    awaiting.delete(msg.room);
    if (awaiting.size === 0 && status !== 'open') subscribedAll();
  }
}

function subscribedAll() {
  attempt = 0;
  setStatus('open');
  // Anything could have changed while we were away: refetch what is on screen.
  if (connectedBefore) void options?.queryClient.invalidateQueries();
  connectedBefore = true;
}

function scheduleReconnect() {
  setStatus('connecting');
  clearTimers();
  reconnectTimer = setTimeout(connect, backoffDelay(attempt));
  attempt += 1;
}

function connect() {
  clearTimers();
  setStatus('connecting');
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
  const ws = new WebSocket(url);
  socket = ws;
  authenticated = false;
  ws.onopen = () => {
    if (socket !== ws) return;
    lastHeard = Date.now();
    lastPing = Date.now();
    // Ticks every 5 s so that 50 s of silence is noticed promptly; pings every 25 s.
    pingTimer = setInterval(() => {
      const now = Date.now();
      if (now - lastHeard > DEAD_AFTER_MS) {
        socket = null;
        ws.close();
        scheduleReconnect();
        return;
      }
      if (now - lastPing >= PING_MS) {
        lastPing = now;
        send({ type: 'ping' });
      }
    }, CHECK_MS);
  };
  ws.onmessage = (ev) => {
    if (socket === ws) onMessage(ev);
  };
  ws.onclose = (ev) => {
    if (socket !== ws) return;
    socket = null;
    if (ev.code === 4401) sessionEnded();
    else scheduleReconnect();
  };
}

/** Wires the client to the query cache and to what happens when the session ends. */
export function configureLive(opts: Options): void {
  options = opts;
}

/** Connects (or keeps the connection) for this user, subscribed to the organisation and personal rooms. */
export function startLive(me: { userId: string; orgId: string }): void {
  const wanted = [`org:${me.orgId}`, `user:${me.userId}`];
  if (socket && userId === me.userId && rooms.join() === wanted.join()) return;
  stopLive();
  userId = me.userId;
  rooms = wanted;
  attempt = 0;
  connectedBefore = false;
  lastPing = 0;
  connect();
}

/** Subscribes to one more room (such as `crisis:<id>`) while a screen needs it; returns the leave function. */
export function joinRoom(room: string): () => void {
  const n = extraRooms.get(room) ?? 0;
  extraRooms.set(room, n + 1);
  // Before `hello` the room goes out with the others; after it, on its own.
  if (n === 0 && authenticated) send({ type: 'subscribe', rooms: [room] });
  let left = false;
  return () => {
    if (left) return;
    left = true;
    const count = (extraRooms.get(room) ?? 1) - 1;
    if (count > 0) {
      extraRooms.set(room, count);
      return;
    }
    extraRooms.delete(room);
    if (authenticated) send({ type: 'unsubscribe', rooms: [room] });
  };
}

/** Keeps the live connection subscribed to `room` while the calling component is mounted (null: none). */
export function useLiveRoom(room: string | null): void {
  useEffect(() => (room ? joinRoom(room) : undefined), [room]);
}

/** Closes the connection for good (sign-out). */
export function stopLive(): void {
  clearTimers();
  const ws = socket;
  socket = null;
  authenticated = false;
  userId = null;
  rooms = [];
  if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'signed out');
  setStatus('closed');
}

/** Calls `listener` with every live event as it arrives (for side effects such as desktop notifications); returns the unsubscribe. */
export function onLiveEvent(listener: (event: LiveEvent) => void): () => void {
  eventListeners.add(listener);
  return () => void eventListeners.delete(listener);
}

/** The current connection status, re-rendering on change. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}

if (typeof window !== 'undefined') {
  // Coming back online: do not wait for the back-off timer.
  window.addEventListener('online', () => {
    if (userId && !socket) connect();
  });
}
