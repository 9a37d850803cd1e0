// Live updates: one LISTEN connection per process fans NOTIFY'd invalidations out to WebSocket rooms.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pg from 'pg';
import type { WebSocket } from 'ws';
import { EVENTS_CHANNEL, type EventNotice } from './events.ts';
import type { Principal } from './http.ts';

/** Messages the server sends. */
export type ServerMessage =
  | { type: 'hello'; userId: string }
  | { type: 'subscribed'; room: string }
  | { type: 'denied'; room: string }
  | { type: 'event'; room: string; event: { type: string; id: string | null; subject: string | null; version: number } }
  | { type: 'presence'; room: string; userIds: string[] }
  | { type: 'heartbeat' }
  | { type: 'pong' }
  | { type: 'session.ended' };

type Client = { socket: WebSocket; principal: Principal & { kind: 'user' }; rooms: Set<string>; alive: boolean };

/** Hooks supplied by the people feature. */
export type RealtimeHooks = {
  authenticate(req: FastifyRequest): Promise<Principal | null>;
  /** May `p` join `room`? May need the database (crisis rooms), so it may answer with a promise. */
  canSubscribe(p: Principal, room: string): boolean | Promise<boolean>;
  log: { warn(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void };
};

const HEARTBEAT_MS = 20_000;

/** Cross-site WebSocket hijacking guard: a browser always sends Origin; it must be this host. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // non-browser clients send none; the session cookie still decides
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
const MAX_ROOMS = 50;

/** Starts the LISTEN loop and registers /api/live. */
export function createRealtime(app: FastifyInstance, databaseUrl: string, hooks: RealtimeHooks) {
  const rooms = new Map<string, Set<Client>>();
  const clients = new Set<Client>();
  let listener: pg.Client | undefined;
  let closed = false;
  let retryMs = 500;
  let listening = false;

  const send = (c: Client, m: ServerMessage) => {
    if (c.socket.readyState === 1) c.socket.send(JSON.stringify(m));
  };

  // Presence (who has a room open): the distinct people among a room's sockets, announced to the room when
  // someone arrives or the last of their sockets leaves (closed, unsubscribed, or dropped by a re-check, such
  // as a member removed from the team). Only `crisis:` rooms announce it. It is per process: with several
  // app processes each would know only its own sockets, and presence would have to travel between them
  // (a `presence` NOTIFY on the events channel, merged per process) — one process serves Firebreak today.
  const usersIn = (room: string) => [...new Set([...(rooms.get(room) ?? [])].map((c) => c.principal.userId))].sort();
  const announces = (room: string) => room.startsWith('crisis:');
  const announce = (room: string) => {
    const userIds = usersIn(room);
    for (const c of rooms.get(room) ?? []) send(c, { type: 'presence', room, userIds });
  };

  const leave = (c: Client, room: string) => {
    c.rooms.delete(room);
    const set = rooms.get(room);
    if (!set?.delete(c)) return;
    if (set.size === 0) rooms.delete(room);
    if (announces(room) && ![...set].some((o) => o.principal.userId === c.principal.userId)) announce(room);
  };

  // Re-checks a user's live connections when something about them changed (deactivated, role, sign-out).
  const revalidateUser = async (userId: string) => {
    for (const c of clients) {
      if (c.principal.userId !== userId) continue;
      const fresh = await hooks.authenticate(c.socket.__req as FastifyRequest).catch(() => c.principal);
      // A session that still owes its second factor is no session here either.
      if (fresh?.kind !== 'user' || fresh.secondFactor !== 'ok') {
        send(c, { type: 'session.ended' });
        c.socket.close(4401, 'session ended');
        continue;
      }
      c.principal = fresh;
      for (const room of [...c.rooms]) {
        if (!(await Promise.resolve(hooks.canSubscribe(fresh, room)).catch(() => false))) {
          leave(c, room);
          send(c, { type: 'denied', room });
        }
      }
    }
  };

  const deliver = async (notice: EventNotice) => {
    const event = { type: notice.type, id: notice.id, subject: notice.subject, version: notice.version };
    for (const room of notice.rooms) {
      if (room.startsWith('user:')) await revalidateUser(room.slice(5));
      for (const c of rooms.get(room) ?? []) send(c, { type: 'event', room, event });
    }
  };

  const connect = async () => {
    if (closed) return;
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'firebreak-live' });
    client.on('error', () => {}); // reported through 'end'
    client.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return;
      try {
        void deliver(JSON.parse(msg.payload) as EventNotice);
      } catch {
        // a malformed payload is not ours; ignore it
      }
    });
    client.on('end', () => {
      listening = false;
      if (closed) return;
      hooks.log.warn({ retryMs }, 'live: lost the LISTEN connection, reconnecting');
      setTimeout(() => void connect(), retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      listener = client;
      listening = true;
      retryMs = 500;
    } catch {
      await client.end().catch(() => {});
    }
  };

  const subscribe = async (c: Client, list: string[]) => {
    for (const room of list) {
      const ok = c.rooms.size < MAX_ROOMS && (await Promise.resolve(hooks.canSubscribe(c.principal, room)).catch(() => false));
      if (!ok || c.socket.readyState !== 1) {
        send(c, { type: 'denied', room });
        continue;
      }
      if (c.rooms.has(room)) {
        send(c, { type: 'subscribed', room });
        continue;
      }
      const arriving = announces(room) && !usersIn(room).includes(c.principal.userId);
      c.rooms.add(room);
      if (!rooms.has(room)) rooms.set(room, new Set());
      rooms.get(room)?.add(c);
      send(c, { type: 'subscribed', room });
      // Everyone hears of a newcomer; someone opening a second tab is told who is there.
      if (arriving) announce(room);
      else if (announces(room)) send(c, { type: 'presence', room, userIds: usersIn(room) });
    }
  };

  const handleMessage = (c: Client, raw: string) => {
    c.alive = true;
    let msg: { type?: unknown; rooms?: unknown };
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    const list = Array.isArray(msg.rooms) ? msg.rooms.filter((r): r is string => typeof r === 'string' && r.length < 100) : [];
    if (msg.type === 'ping') send(c, { type: 'pong' });
    if (msg.type === 'subscribe') void subscribe(c, list);
    if (msg.type === 'unsubscribe') for (const room of list) leave(c, room);
  };

  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
      send(c, { type: 'heartbeat' });
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  app.get('/api/live', { websocket: true }, async (socket: WebSocket & { __req?: unknown }, req) => {
    if (!sameOrigin(req.headers.origin, req.headers.host)) {
      socket.close(4403, 'cross-site');
      return;
    }
    // Listen at once: a client may send `subscribe` right after opening, before authentication resolves.
    const early: string[] = [];
    let c: Client | undefined;
    socket.on('message', (raw) => {
      if (c) handleMessage(c, String(raw));
      else if (early.length < MAX_ROOMS) early.push(String(raw));
    });
    const principal = await hooks.authenticate(req).catch(() => null);
    if (principal?.kind !== 'user' || principal.secondFactor !== 'ok') {
      socket.close(4401, 'sign in first');
      return;
    }
    socket.__req = req;
    const client: Client = { socket, principal, rooms: new Set(), alive: true };
    c = client;
    clients.add(client);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => {
      for (const room of [...client.rooms]) leave(client, room);
      clients.delete(client);
    });
    send(client, { type: 'hello', userId: principal.userId });
    for (const raw of early.splice(0)) handleMessage(client, raw);
  });

  return {
    start: connect,
    get listening() {
      return listening;
    },
    connectionCount: () => clients.size,
    /** The people (user ids) with `room` open on this process now. */
    presence: (room: string): string[] => usersIn(room),
    async close() {
      closed = true;
      clearInterval(heartbeat);
      for (const c of clients) c.socket.close(1001, 'server shutting down');
      await listener?.end().catch(() => {});
    },
  };
}

declare module 'ws' {
  interface WebSocket {
    __req?: unknown;
  }
}
