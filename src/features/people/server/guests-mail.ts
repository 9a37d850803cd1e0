// The invitation e-mail a guest receives, in their language (zh-TW first, English complete). Plain text only:
// names are the admin's input and are never rendered as HTML.
import nodemailer from 'nodemailer';

/** The outgoing mail settings (the same as notifications'). */
export type MailSettings = { smtpUrl?: string; smtpFrom?: string; timeoutMs?: number; log?: (e: unknown) => void };

/** What the invitation says. */
export type GuestInviteMail = {
  to: string;
  locale: 'zh-TW' | 'en';
  guestName: string;
  orgName: string;
  externalOrgName: string;
  inviteUrl: string;
  expiresAt: Date;
  /** The organisation's IANA zone, for the expiry time. */
  timeZone: string;
};

const words = {
  'zh-TW': {
    subject: (m: GuestInviteMail) => `${m.orgName} 邀請您使用 Firebreak（外部協力）`,
    body: (m: GuestInviteMail, expires: string) =>
      [
        `${m.guestName} 您好：`,
        '',
        `${m.orgName} 邀請您以「${m.externalOrgName}」外部協力的身分使用 Firebreak 危機處理平台。`,
        '請開啟下列連結設定密碼；首次使用前需閱讀並同意保密協議，並設定兩步驟驗證。',
        '',
        m.inviteUrl,
        '',
        `此連結僅能使用一次，並於 ${expires} 失效。若您並未預期收到這封信，請忽略它。`,
      ].join('\n'),
  },
  en: {
    subject: (m: GuestInviteMail) => `${m.orgName} invites you to Firebreak (external partner)`,
    body: (m: GuestInviteMail, expires: string) =>
      [
        `Hello ${m.guestName},`,
        '',
        `${m.orgName} invites you to its Firebreak crisis workspace as a member of ${m.externalOrgName}.`,
        'Open the link below to set your password. Before your first access you will read and accept the',
        'non-disclosure agreement and set up two-step verification.',
        '',
        m.inviteUrl,
        '',
        `The link works once and expires on ${expires}. If you did not expect this e-mail, ignore it.`,
      ].join('\n'),
  },
} as const;

/** The subject and text of an invitation. */
export function inviteMailText(m: GuestInviteMail): { subject: string; text: string } {
  const w = words[m.locale];
  // In the organisation's zone, with the zone shown (timeStyle 'long'): the guest may be elsewhere.
  const expires = new Intl.DateTimeFormat(m.locale, { dateStyle: 'long', timeStyle: 'long', timeZone: m.timeZone }).format(m.expiresAt);
  return { subject: w.subject(m), text: w.body(m, expires) };
}

/** Sends the invitation; false when no mail server is configured or it refused (the admin still has the link). */
export async function sendGuestInvite(s: MailSettings, m: GuestInviteMail): Promise<boolean> {
  if (!s.smtpUrl || !s.smtpFrom) return false;
  const u = new URL(s.smtpUrl);
  const timeout = s.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
    secure: u.protocol === 'smtps:',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 2 * timeout,
  });
  try {
    const { subject, text } = inviteMailText(m);
    const info = await transport.sendMail({ from: s.smtpFrom, to: m.to, subject, text });
    return info.rejected.length === 0;
  } catch (e) {
    s.log?.(e);
    return false;
  } finally {
    transport.close();
  }
}
