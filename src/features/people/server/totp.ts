// RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30-second steps) and RFC 4648 base32, with node:crypto only: the
// algorithm is twenty lines, and a dependency for it would be one more thing to trust with the secret.
import crypto from 'node:crypto';

/** Seconds per step (RFC 6238's default, what every authenticator app assumes). */
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, upper case, without padding (authenticator apps accept it so). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case, spaces and padding ignored, as people type it from a screen); throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${ch}`);
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit shared secret (RFC 4226 recommends the HMAC-SHA-1 output size), base32. */
export function newTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

/** The step number a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** HOTP (RFC 4226) for one counter; `digits` beyond 6 only for the RFC test vectors. */
export function hotp(key: Buffer, counter: number, digits = DIGITS, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

/** The code an authenticator app shows for `secret` (base32) at `at`. */
export function totpCodeAt(secret: string, at: Date): string {
  return hotp(base32Decode(secret), totpStep(at));
}

/**
 * Checks `code` against the steps before, at and after `at` (clock drift of ±30 s) and answers the step it
 * matched, or null. Every candidate is compared in constant time and all three always are, so the time taken
 * says nothing about which digits or which step were right.
 */
export function matchTotp(secret: string, code: string, at: Date): number | null {
  const key = base32Decode(secret);
  const given = Buffer.from(code.padEnd(DIGITS, ' ').slice(0, DIGITS));
  const now = totpStep(at);
  let matched: number | null = null;
  for (const step of [now - 1, now, now + 1]) {
    const ok = crypto.timingSafeEqual(Buffer.from(hotp(key, step)), given);
    if (ok && matched === null) matched = step;
  }
  return code.length === DIGITS ? matched : null;
}

// Recovery codes use an alphabet without look-alikes (no 0/o, 1/l/i), so a code read off paper types right.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes like `abcd-efgh-jkmn` (about 59 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code (Key URI Format). */
export function otpauthUri(secret: string, orgName: string, email: string): string {
  const issuer = 'Firebreak';
  const label = encodeURIComponent(`${issuer}:${orgName} ${email}`);
  const q = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(TOTP_STEP_SECONDS) });
  return `otpauth://totp/${label}?${q.toString()}`;
}
