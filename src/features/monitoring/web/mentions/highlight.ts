// Splitting mention text into marked and unmarked runs by the API's highlight ranges (pure, tested).

/** A [start, end) range in UTF-16 code units. */
export type Range = readonly [number, number];

/** One run of the text, marked or not. */
export type Segment = { text: string; mark: boolean };

const isLow = (s: string, i: number) => i > 0 && i < s.length && s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;

/** Never cuts a surrogate pair in two. */
const safe = (s: string, i: number) => (isLow(s, i) ? i - 1 : i);

/** Splits text into marked and unmarked runs; ranges are [start, end) in UTF-16 units, clamped and merged. */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const sorted = ranges
    .map(([a, b]) => [safe(text, Math.max(0, Math.min(a, text.length))), safe(text, Math.max(0, Math.min(b, text.length)))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    const start = Math.max(a, at);
    if (b <= start) continue;
    const last = out[out.length - 1];
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    else if (last?.mark) {
      last.text += text.slice(start, b);
      at = b;
      continue;
    }
    out.push({ text: text.slice(start, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** A window of a long text starting a little before its first match, with the ranges shifted to it. */
export function excerpt(text: string, ranges: readonly Range[], max: number): { text: string; ranges: Range[] } {
  if (text.length <= max) return { text, ranges: [...ranges] };
  const first = ranges.length ? Math.min(...ranges.map((r) => r[0])) : 0;
  const start = first > max / 3 ? safe(text, Math.min(first - 40, text.length - max)) : 0;
  const end = safe(text, Math.min(text.length, start + max));
  const body = text.slice(start, end);
  const lead = start > 0 ? '…' : '';
  const shift = lead.length - start;
  return {
    text: `${lead}${body}${end < text.length ? '…' : ''}`,
    ranges: ranges.map(([a, b]) => [a + shift, b + shift] as const).filter(([a, b]) => b > lead.length && a < lead.length + body.length),
  };
}
