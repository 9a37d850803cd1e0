// The editor's schema, cut to exactly what a statement document may hold (contract.ts `statementDoc`): paragraphs,
// headings of levels 2–3, bullet and numbered lists whose items hold only paragraphs, hard breaks, and bold, italic
// and underline. Whatever is pasted is parsed into this schema, so HTML, scripts, images, tables and styles become
// plain allowed formatting. Plus the plugins that draw the risk checker's findings and the comment threads as inline
// decorations.
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { Extension, mergeAttributes, Node } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/** A list item that holds paragraphs only (the contract has no nested lists). */
const FlatListItem = Node.create({
  name: 'listItem',
  content: 'paragraph+',
  defining: true,
  parseHTML: () => [{ tag: 'li' }],
  renderHTML: ({ HTMLAttributes }) => ['li', mergeAttributes(HTMLAttributes), 0],
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
      // Nesting is not allowed: Tab inside a list does nothing instead of indenting.
      Tab: () => this.editor.isActive(this.name),
    };
  },
});

/** One highlighted span: editor positions, its category and rule, the tooltip, and whether it was accepted. */
export type Highlight = { from: number; to: number; category: string; rule: string; title: string; accepted: boolean };

/** The plugin key; a transaction with this meta replaces the highlights. */
export const highlightKey = new PluginKey<DecorationSet>('statementRiskHighlights');

/** Each category's colour (Mantine palette names), for the wavy underline and the list's badge. */
export const categoryColour: Record<string, string> = {
  liability_admission: 'red',
  speculation: 'grape',
  absolute_promise: 'orange',
  blame_shifting: 'pink',
  defamation: 'red',
  personal_data: 'violet',
  no_comment: 'gray',
  victim_playing: 'pink',
  minimizing: 'yellow',
  inconsistent_fact: 'cyan',
  legal_threat: 'red',
};

function decorate(h: Highlight): Decoration {
  const colour = categoryColour[h.category] ?? 'orange';
  const line = h.accepted ? 'dotted' : 'wavy';
  return Decoration.inline(h.from, h.to, {
    class: h.accepted ? 'risk-highlight risk-accepted' : 'risk-highlight',
    'data-category': h.category,
    'data-rule': h.rule,
    title: h.title,
    style: `text-decoration: underline ${line} var(--mantine-color-${colour}-6); text-decoration-skip-ink: none; text-underline-offset: 3px;${
      h.accepted ? '' : ` background: color-mix(in srgb, var(--mantine-color-${colour}-6) 12%, transparent);`
    }`,
  });
}

/** Keeps the checker's highlights in place while the text changes, until the next check replaces them. */
const RiskHighlights = Extension.create({
  name: 'riskHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: highlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(highlightKey) as Highlight[] | undefined;
            if (next) return DecorationSet.create(tr.doc, next.filter((h) => h.to > h.from).map(decorate));
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => highlightKey.getState(state) },
      }),
    ];
  },
});

/** One comment thread's span: editor positions, the thread, whether it is the focused one or resolved. */
export type CommentHighlight = { from: number; to: number; id: string; active: boolean; resolved: boolean };

/** The plugin key; a transaction with this meta replaces the comment highlights. */
export const commentHighlightKey = new PluginKey<DecorationSet>('statementCommentHighlights');

function decorateComment(h: CommentHighlight): Decoration {
  const cls = ['comment-highlight', h.active ? 'comment-active' : '', h.resolved ? 'comment-resolved' : ''].filter(Boolean).join(' ');
  return Decoration.inline(h.from, h.to, { class: cls, 'data-comment-id': h.id }, { id: h.id });
}

/** Keeps the comment threads' highlights on their words while the text changes, until they are placed again. */
const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(commentHighlightKey) as CommentHighlight[] | undefined;
            if (next) return DecorationSet.create(tr.doc, next.filter((h) => h.to > h.from).map(decorateComment));
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => commentHighlightKey.getState(state) },
      }),
    ];
  },
});

/** The editor's extensions (also used by the unit tests to build the same schema). */
export function statementExtensions() {
  return [
    StarterKit.configure({
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: false,
      strike: false,
      trailingNode: false,
      listItem: false,
      heading: { levels: [2, 3] },
    }),
    FlatListItem,
    RiskHighlights,
    CommentHighlights,
  ];
}
