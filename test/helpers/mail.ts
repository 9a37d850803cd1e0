// A loopback SMTP server that keeps what it receives, and reading it: waiting for it, a header decoded, the text
// part decoded.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One received e-mail: its envelope recipients and the raw message. */
export type Mail = { to: string[]; raw: string };

/** Starts an SMTP server on 127.0.0.1 that accepts everything into `mail` (the caller's array, if given). */
export async function startMailbox(mail: Mail[] = []) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c) => {
        raw += c;
      });
      stream.on('end', () => {
        mail.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  const port = await new Promise<number>((r) => smtp.listen(0, '127.0.0.1', () => r((smtp.server.address() as AddressInfo).port)));
  return { mail, port, close: () => new Promise<void>((r) => smtp.close(() => r())) };
}

/** Polls `f` until it gives a value (or fails after `ms`). */
export async function waitFor<T>(what: string, f: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A header of a raw e-mail, folded lines joined and RFC 2047 encoded-words (UTF-8, B or Q) decoded. */
export function headerOf(raw: string, name: string): string {
  const folded = (new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw)?.[1] ?? '')
    .replace(/^\r\n[ \t]+/, '')
    .replace(/\r\n[ \t]/g, ' ');
  return folded.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_all, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The text part of a raw e-mail (nodemailer sends UTF-8 text as base64 or quoted-printable). */
export function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
    return Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}
