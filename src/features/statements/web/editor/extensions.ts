// The editor's schema, cut to exactly what a statement document may hold (contract.ts `statementDoc`): paragraphs,
// headings of levels 2–3, bullet and numbered lists whose items hold only paragraphs, hard breaks, and bold, italic
// and underline. Whatever is pasted is parsed into this schema, so HTML, scripts, images, tables and styles become
// plain allowed formatting. Plus the plugin that draws the risk checker's findings as inline decorations.
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
  ];
}
