// Sending one message to one channel, in the receiver's own format: e-mail (SMTP), Slack, Microsoft
// Teams, Discord, LINE Messaging API push, or a generic JSON webhook signed with HMAC-SHA256.
// Every request carries the delivery's idempotency key; retries resend the same key.
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { type PostResult, safePost } from '../../../platform/safe-post.ts';
import type { AlertDetail } from '../contract.ts';
import type { ChannelConfig } from '../notify-contract.ts';
import { alertSummaryText } from '../summary.ts';

/**
 * A crisis message's words, fixed in the organisation's language when it was queued (crisis-notify.ts);
 * `link` is a path in the web app (`/crises/<id>`), made absolute with the public URL when sent.
 */
export type CrisisPayload = {
  kind: string;
  crisisId: string;
  number: number;
  severity: 'L1' | 'L2' | 'L3' | 'L4';
  title: string;
  body: string;
  link: string;
};

/** What a message says: an alert (or a test), or a crisis message, in the organisation's language. */
export type Message = {
  event: 'alert.opened' | 'alert.escalated' | 'test' | `crisis.${string}`;
  deliveryId: string;
  idempotencyKey: string;
  alert: AlertDetail | null;
  link: string | null;
  locale: 'zh-TW' | 'en';
  orgName: string;
  /** The organisation's time zone (people's `orgTimeZone`), for times in the text; Asia/Taipei when absent. */
  timeZone?: string;
  /** A test of an escalation policy: the level this message stands for. */
  testLevel?: number;
  /** A crisis message (then `alert` is null and `link` the crisis room's absolute address, if known). */
  crisis?: CrisisPayload | null;
};

/** Settings senders need from the server configuration. */
export type SendSettings = {
  smtpUrl?: string;
  smtpFrom: string;
  lineApiUrl: string;
  allowPrivate: string[];
  now: () => Date;
  /** Longest wait for a receiver (default 10 s). */
  timeoutMs?: number;
};

/** A failure with what a person needs to fix it. */
export class SendError extends Error {
  readonly statusCode: number | null;
  readonly retryAfterMs?: number;
  constructor(message: string, statusCode: number | null = null, retryAfterMs?: number) {
    super(message);
    this.statusCode = statusCode;
    this.retryAfterMs = retryAfterMs;
  }
}

const COLOURS = { L1: 0xc92a2a, L2: 0xe8590c, L3: 0xf08c00, L4: 0x1c7ed6 } as const;

/** The title line of a message. */
export function titleOf(m: Message): string {
  const zh = m.locale === 'zh-TW';
  if (m.crisis) return m.crisis.title;
  if (!m.alert && m.testLevel)
    return zh
      ? `Firebreak 測試通知（${m.orgName} · 升級流程第 ${m.testLevel} 層）`
      : `Firebreak test notification (${m.orgName} · escalation level ${m.testLevel})`;
  if (!m.alert) return zh ? `Firebreak 測試通知（${m.orgName}）` : `Firebreak test notification (${m.orgName})`;
  const a = m.alert;
  const word = m.event === 'alert.escalated' ? (zh ? '預警升級' : 'Alert escalated') : zh ? '預警' : 'Alert';
  return zh ? `【${word} ${a.severity}】${a.topicName}：風險分數 ${a.risk}` : `[${word} ${a.severity}] ${a.topicName}: risk ${a.risk}`;
}

/** The body text of a message. */
export function textOf(m: Message): string {
  const zh = m.locale === 'zh-TW';
  if (m.crisis) {
    // A briefing goes to employees who may not be on the crisis team: its link opens the briefing, not the room.
    const briefing = m.crisis.kind.startsWith('briefing_');
    const open = briefing ? (zh ? '開啟對外口徑' : 'Open the briefing') : zh ? '開啟危機室' : 'Open the crisis room';
    return m.link ? `${m.crisis.body}\n\n${open}: ${m.link}` : m.crisis.body;
  }
  if (!m.alert && m.testLevel)
    return zh
      ? `這是一則測試訊息：預警升級到第 ${m.testLevel} 層時，這裡會收到通知。`
      : `This is a test message: when an alert escalates to level ${m.testLevel}, it is sent here.`;
  if (!m.alert) return zh ? '這是一則測試訊息：這個通知管道設定正確。' : 'This is a test message: this notification channel works.';
  const summary = alertSummaryText(m.alert, m.locale, m.timeZone);
  return m.link ? `${summary}\n\n${zh ? '開啟預警' : 'Open the alert'}: ${m.link}` : summary;
}

/** The generic webhook's JSON and its signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signedWebhook(m: Message, secret: string, now: Date) {
  const body = JSON.stringify({
    id: m.deliveryId,
    type: m.event,
    occurredAt: now.toISOString(),
    title: titleOf(m),
    text: textOf(m),
    url: m.link,
    alert: m.alert
      ? {
          id: m.alert.id,
          topicId: m.alert.topicId,
          topicName: m.alert.topicName,
          status: m.alert.status,
          risk: m.alert.risk,
          severity: m.alert.severity,
          signals: m.alert.signals,
          windowStart: m.alert.windowStart,
          windowEnd: m.alert.windowEnd,
        }
      : null,
    ...(m.crisis ? { crisis: { id: m.crisis.crisisId, number: m.crisis.number, severity: m.crisis.severity, kind: m.crisis.kind } } : {}),
  });
  const t = Math.floor(now.getTime() / 1000);
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return { body, signature: `t=${t},v1=${v1}` };
}

/** Checks a generic webhook's signature as a receiver should: right HMAC and at most `toleranceS` old. */
export function verifyWebhook(body: string, header: string, secret: string, now: Date, toleranceS = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceS || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  const want = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return crypto.timingSafeEqual(want, Buffer.from(parts.v1, 'hex'));
}

async function post(url: string, payload: unknown, m: Message, s: SendSettings, headers: Record<string, string> = {}): Promise<PostResult> {
  try {
    return await safePost(url, typeof payload === 'string' ? payload : JSON.stringify(payload), {
      allowPrivate: s.allowPrivate,
      timeoutMs: s.timeoutMs,
      headers: { 'idempotency-key': m.idempotencyKey, ...headers },
    });
  } catch (e) {
    const x = e as { message: string; status?: number; retryAfterMs?: number };
    throw new SendError(x.message, x.status ?? null, x.retryAfterMs);
  }
}

/** Sends the message through the channel; resolves with the receiver's status code, or throws SendError. */
export async function send(config: ChannelConfig, m: Message, s: SendSettings): Promise<{ statusCode: number | null }> {
  const title = titleOf(m);
  const text = textOf(m);
  const severity = m.alert?.severity ?? m.crisis?.severity;
  const colour = severity ? COLOURS[severity] : 0x868e96;
  switch (config.kind) {
    case 'email': {
      if (!s.smtpUrl) throw new SendError('No outgoing mail server is configured (set FIREBREAK_SMTP_URL).');
      const u = new URL(s.smtpUrl);
      const transport = nodemailer.createTransport({
        host: u.hostname,
        port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
        secure: u.protocol === 'smtps:',
        auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
        connectionTimeout: s.timeoutMs ?? 10_000,
        greetingTimeout: s.timeoutMs ?? 10_000,
        socketTimeout: 2 * (s.timeoutMs ?? 10_000),
      });
      try {
        const info = await transport.sendMail({
          from: s.smtpFrom,
          to: config.to,
          subject: title,
          text,
          headers: { 'X-Firebreak-Delivery': m.deliveryId, 'Idempotency-Key': m.idempotencyKey },
        });
        if (info.rejected.length) throw new SendError(`The mail server refused: ${info.rejected.join(', ')}`);
        return { statusCode: null };
      } catch (e) {
        if (e instanceof SendError) throw e;
        throw new SendError(`E-mail failed: ${(e as Error).message}`, (e as { responseCode?: number }).responseCode ?? null);
      } finally {
        transport.close();
      }
    }
    case 'slack':
      return post(config.url, { text: `*${title}*\n${text}` }, m, s).then((r) => ({ statusCode: r.status }));
    case 'teams':
      return post(
        config.url,
        {
          '@type': 'MessageCard',
          '@context': 'https://schema.org/extensions',
          summary: title,
          themeColor: colour.toString(16).padStart(6, '0'),
          title,
          text,
        },
        m,
        s,
      ).then((r) => ({ statusCode: r.status }));
    case 'discord':
      return post(
        config.url,
        {
          content: title.slice(0, 2000),
          embeds: [{ title: title.slice(0, 256), description: text.slice(0, 4096), color: colour, ...(m.link ? { url: m.link } : {}) }],
        },
        m,
        s,
      ).then((r) => ({ statusCode: r.status }));
    case 'line':
      // LINE de-duplicates retries that carry the same X-Line-Retry-Key (a UUID).
      return post(
        `${s.lineApiUrl}/v2/bot/message/push`,
        { to: config.to, messages: [{ type: 'text', text: `${title}\n${text}`.slice(0, 5000) }] },
        m,
        s,
        { authorization: `Bearer ${config.token}`, 'x-line-retry-key': m.deliveryId },
      ).then((r) => ({ statusCode: r.status }));
    case 'webhook': {
      const { body, signature } = signedWebhook(m, config.secret, s.now());
      return post(config.url, body, m, s, { 'firebreak-signature': signature, 'firebreak-event': m.event }).then((r) => ({
        statusCode: r.status,
      }));
    }
  }
}
