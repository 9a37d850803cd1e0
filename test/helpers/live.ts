// A client of the server's live socket (/api/live) for server tests.
import WebSocket from 'ws';

/** Opens a live socket with the session `cookie` that keeps every message it receives. */
export function openLive(url: string, cookie: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/live`, { headers: { cookie } });
  const messages: any[] = [];
  ws.on('message', (raw) => messages.push(JSON.parse(String(raw))));
  ws.on('error', () => {});
  const opened = new Promise((r) => ws.once('open', r));
  /** The first message (received already or within `ms`) matching `pred`. */
  const next = async (pred: (m: any) => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    for (;;) {
      const m = messages.find(pred);
      if (m) return m;
      if (Date.now() > end) throw new Error(`no matching live message; got ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  /** Waits for the server's hello, subscribes to `rooms` and waits until each is confirmed. */
  const subscribe = async (rooms: string[]) => {
    await next((m) => m.type === 'hello');
    send({ type: 'subscribe', rooms });
    for (const room of rooms) await next((m) => m.type === 'subscribed' && m.room === room);
  };
  return { ws, messages, opened, next, send, subscribe };
}
