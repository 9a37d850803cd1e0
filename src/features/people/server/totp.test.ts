// TOTP and base32 against the RFCs' own test vectors, and the rules around them (drift window, state).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base32Decode, base32Encode, hotp, matchTotp, newRecoveryCodes, newTotpSecret, otpauthUri, totpCodeAt, totpStep } from './totp.ts';
import { secondFactorOf, TOTP_GRACE_MS } from './totp-state.ts';

describe('RFC 4648 base32', () => {
  test('the RFC vectors (without padding), both ways', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      assert.equal(base32Encode(Buffer.from(plain)), encoded, plain);
      assert.equal(base32Decode(encoded).toString(), plain, encoded);
      assert.equal(base32Decode(`${encoded.toLowerCase()}======`).toString(), plain, 'case and padding are ignored');
    }
    assert.throws(() => base32Decode('MZ1W'), /not base32/);
  });

  test('a new secret is 160 bits and round-trips', () => {
    const s = newTotpSecret();
    assert.match(s, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(s).length, 20);
    assert.notEqual(newTotpSecret(), s);
  });
});

describe('RFC 6238 TOTP', () => {
  // Appendix B: the seeds are ASCII digits repeated to the hash's key size; codes are 8 digits there.
  const seeds = {
    sha1: Buffer.from('12345678901234567890'),
    sha256: Buffer.from('12345678901234567890123456789012'),
    sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
  };
  const vectors: Array<[number, string, string, string]> = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  test('Appendix B, all three hashes, eight digits', () => {
    for (const [t, sha1, sha256, sha512] of vectors) {
      const step = totpStep(new Date(t * 1000));
      assert.equal(hotp(seeds.sha1, step, 8, 'sha1'), sha1, `sha1 at ${t}`);
      assert.equal(hotp(seeds.sha256, step, 8, 'sha256'), sha256, `sha256 at ${t}`);
      assert.equal(hotp(seeds.sha512, step, 8, 'sha512'), sha512, `sha512 at ${t}`);
    }
  });

  test('what the app uses: SHA-1, six digits (the vectors truncated), from a base32 secret', () => {
    const secret = base32Encode(seeds.sha1);
    for (const [t, sha1] of vectors) assert.equal(totpCodeAt(secret, new Date(t * 1000)), sha1.slice(2), `at ${t}`);
  });

  test('a code is accepted one step either side and no further; it answers the step it matched', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-12-01T12:00:10Z');
    const now = totpStep(at);
    assert.equal(matchTotp(secret, totpCodeAt(secret, at), at), now);
    assert.equal(matchTotp(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at), now - 1);
    assert.equal(matchTotp(secret, totpCodeAt(secret, new Date(at.getTime() + 30_000)), at), now + 1);
    const far = totpCodeAt(secret, new Date(at.getTime() - 90_000));
    const near = [-1, 0, 1].map((d) => totpCodeAt(secret, new Date(at.getTime() + d * 30_000)));
    if (!near.includes(far)) assert.equal(matchTotp(secret, far, at), null);
    const wrong = String((Number(totpCodeAt(secret, at)) + 1) % 1_000_000).padStart(6, '0');
    if (!near.includes(wrong)) assert.equal(matchTotp(secret, wrong, at), null);
    assert.equal(matchTotp(secret, totpCodeAt(secret, at).slice(0, 5), at), null, 'five digits never match');
  });
});

describe('recovery codes and the otpauth URI', () => {
  test('ten distinct codes in the unambiguous alphabet', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) assert.match(c, /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  test('the URI names Firebreak, the organisation and the e-mail', () => {
    const u = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'Acme 食品', 'ada@example.com'));
    assert.equal(u.protocol, 'otpauth:');
    assert.equal(decodeURIComponent(u.pathname.replace(/^\/\/totp\//, '').replace(/^\//, '')), 'Firebreak:Acme 食品 ada@example.com');
    assert.equal(u.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
    assert.equal(u.searchParams.get('issuer'), 'Firebreak');
    assert.equal(u.searchParams.get('digits'), '6');
    assert.equal(u.searchParams.get('period'), '30');
  });
});

describe('the second-factor state of a session', () => {
  const base = {
    secondFactorAt: null,
    enabled: false,
    role: 'member',
    requiredRoles: ['admin', 'guest'],
    userCreatedAt: new Date('2026-01-01T00:00:00Z'),
    now: new Date('2026-01-02T00:00:00Z'),
  };
  test('not required and not set up: ok', () => assert.equal(secondFactorOf(base).state, 'ok'));
  test('set up: verify until the session passes it', () => {
    assert.equal(secondFactorOf({ ...base, enabled: true }).state, 'verify');
    assert.equal(secondFactorOf({ ...base, enabled: true, secondFactorAt: base.now }).state, 'ok');
  });
  test('a guest must enrol at once', () => assert.equal(secondFactorOf({ ...base, role: 'guest' }).state, 'enrol'));
  test('an admin has 14 days from creation, then must enrol', () => {
    const within = secondFactorOf({ ...base, role: 'admin' });
    assert.equal(within.state, 'ok');
    assert.equal(within.graceEndsAt?.getTime(), base.userCreatedAt.getTime() + TOTP_GRACE_MS);
    const after = secondFactorOf({ ...base, role: 'admin', now: new Date(base.userCreatedAt.getTime() + TOTP_GRACE_MS) });
    assert.equal(after.state, 'enrol');
  });
});
