// A text with [start, end) highlight ranges rendered as <mark> elements — never as HTML.
import { Fragment, type ReactNode } from 'react';
import { highlightPieces } from './highlight-pieces.ts';

/** Renders a snippet with its highlights. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }): ReactNode {
  return highlightPieces(text, ranges).map((p, i) =>
    p.mark ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reordered
      <mark key={i}>{p.text}</mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional and never reordered
      <Fragment key={i}>{p.text}</Fragment>
    ),
  );
}
