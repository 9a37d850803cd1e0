// Taiwan national ID (身分證字號) and resident certificate numbers: letter + 9 digits with a checksum.

// Letter → two-digit code (A=10 … Z=33, with I, O, W, X, Y, Z out of order as the Ministry assigns them).
const LETTER_CODES: Record<string, number> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};
const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

/** True for a national ID ([A-Z][12]…) or a new-format resident certificate ([A-Z][89]…) whose checksum holds. */
export function isValidTaiwanId(id: string): boolean {
  if (!/^[A-Za-z][1289]\d{8}$/.test(id)) return false;
  const code = LETTER_CODES[id[0].toUpperCase()];
  const digits = `${code}${id.slice(1)}`;
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i];
  return sum % 10 === 0;
}
