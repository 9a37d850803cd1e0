// Between the editor and the contract: the editor's document as a `statementDoc` the server accepts, its plain text
// computed exactly like contract.ts `docToText` (text blocks joined by one newline, a hard break is a newline), and
// the map from an offset in that text (UTF-16, as the checker reports) back to an editor position.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/react';
import type { StatementDoc } from '../../contract.ts';

type Inline = { type: 'text'; text: string; marks?: { type: 'bold' | 'italic' | 'underline' }[] } | { type: 'hardBreak' };
type Paragraph = { type: 'paragraph'; content?: Inline[] };
type Block = StatementDoc['content'][number];

const MARKS = new Set(['bold', 'italic', 'underline']);

function inline(nodes: JSONContent[] | undefined): Inline[] | undefined {
  const out: Inline[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (n.type === 'text' && n.text) {
      const marks = (n.marks ?? [])
        .map((m) => m.type)
        .filter((m, i, all): m is 'bold' | 'italic' | 'underline' => MARKS.has(m) && all.indexOf(m) === i)
        .map((type) => ({ type }));
      out.push(marks.length ? { type: 'text', text: n.text, marks } : { type: 'text', text: n.text });
    }
  }
  return out.length ? out : undefined;
}

function paragraph(n: JSONContent): Paragraph {
  const content = inline(n.content);
  return content ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** A list item's paragraphs; anything nested (pasted before the schema could refuse it) is flattened in order. */
function itemParagraphs(n: JSONContent): Paragraph[] {
  const out: Paragraph[] = [];
  for (const c of n.content ?? []) {
    if (c.type === 'paragraph' || c.type === 'heading') out.push(paragraph(c));
    else for (const item of c.content ?? []) out.push(...itemParagraphs(item));
  }
  return out.length ? out : [{ type: 'paragraph' }];
}

function block(n: JSONContent): Block | null {
  if (n.type === 'paragraph') return paragraph(n);
  if (n.type === 'heading') {
    const level = n.attrs?.level === 3 ? 3 : 2;
    const content = inline(n.content);
    return content ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } };
  }
  if (n.type === 'bulletList' || n.type === 'orderedList') {
    const items = (n.content ?? []).map((item) => ({ type: 'listItem' as const, content: itemParagraphs(item) }));
    if (!items.length) return null;
    if (n.type === 'bulletList') return { type: 'bulletList', content: items };
    const start = Number(n.attrs?.start ?? 1);
    return Number.isInteger(start) && start > 1 && start <= 10_000
      ? { type: 'orderedList', attrs: { start }, content: items }
      : { type: 'orderedList', content: items };
  }
  return null;
}

/** The editor's JSON as the contract's document: only its nodes and marks, no attributes it does not know. */
export function toStatementDoc(json: JSONContent): StatementDoc {
  const content: Block[] = [];
  for (const n of json.content ?? []) {
    const b = block(n);
    if (b) content.push(b);
  }
  return { type: 'doc', content };
}

/** The plain text of an editor document and, for each of its UTF-16 offsets, the editor position there. */
export type TextIndex = { text: string; pos: number[] };

/** Reads the editor document's text exactly as `docToText` would, remembering where each character sits. */
export function indexText(doc: PMNode): TextIndex {
  const parts: string[] = [];
  const pos: number[] = [];
  let lastEnd = -1;
  doc.descendants((node, at) => {
    if (!node.isTextblock) return true;
    if (lastEnd >= 0) {
      parts.push('\n');
      pos.push(lastEnd);
    }
    node.forEach((child, offset) => {
      const start = at + 1 + offset;
      if (child.isText) {
        const t = child.text ?? '';
        parts.push(t);
        for (let i = 0; i < t.length; i++) pos.push(start + i);
      } else if (child.type.name === 'hardBreak') {
        parts.push('\n');
        pos.push(start);
      }
    });
    lastEnd = at + 1 + node.content.size;
    return false;
  });
  pos.push(Math.max(lastEnd, 0));
  return { text: parts.join(''), pos };
}

/** The editor range of text offsets [start, end), or null when they do not fit this text (it changed meanwhile). */
export function rangeOf(index: TextIndex, start: number, end: number): { from: number; to: number } | null {
  if (start < 0 || end <= start || end > index.text.length) return null;
  // The end is just after the last character (so a span ending a block ends inside that block).
  return { from: index.pos[start], to: index.pos[end - 1] + 1 };
}
