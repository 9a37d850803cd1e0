// Splitting a snippet at its highlight ranges: pure, so the header box, the results page and the tests share it.

/** Splits `text` at the ranges (sorted, clamped, overlaps merged) into plain and highlighted pieces. */
export function highlightPieces(text: string, ranges: readonly (readonly [number, number])[]): { text: string; mark: boolean }[] {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const pieces: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (e <= at) continue;
    const last = pieces.at(-1);
    if (s <= at && last?.mark) {
      // Overlapping or touching the previous range: one <mark>, not two.
      last.text += text.slice(at, e);
    } else {
      if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
      pieces.push({ text: text.slice(s, e), mark: true });
    }
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}
