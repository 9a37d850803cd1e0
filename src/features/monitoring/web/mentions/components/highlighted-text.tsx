// Mention text with its matches marked: plain React text and <mark> elements, never HTML (the text is hostile).
import { Mark } from '@mantine/core';
import { Fragment } from 'react';
import { excerpt, segments } from '../highlight.ts';

/** Renders text with the given ranges as <mark>; `max` shows an excerpt around the first match instead. */
export function HighlightedText({ text, ranges, max }: { text: string; ranges: ReadonlyArray<readonly [number, number]>; max?: number }) {
  const view = max ? excerpt(text, ranges, max) : { text, ranges };
  return (
    <>
      {segments(view.text, view.ranges).map((s, i) =>
        s.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one immutable string, in order
          <Mark key={i} color="yellow" data-testid="highlight">
            {s.text}
          </Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one immutable string, in order
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
