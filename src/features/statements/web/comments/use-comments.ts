// The comment threads of the statement in the editor: fetched (and refetched live), placed in the text being
// edited, drawn as highlights, the focused thread, the resolved filter, and the comment being written.
import { useQuery } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CommentThread } from '../../comments-contract.ts';
import type { StatementDetail } from '../../contract.ts';
import { indexText } from '../editor/doc.ts';
import { commentHighlightKey } from '../editor/extensions.ts';
import { commentHighlights, type Draft, draftOf, type Placed, placeThreads } from './anchors.ts';
import { commentsQuery } from './queries.ts';

export type Comments = ReturnType<typeof useComments>;

/** How long after the document last changed the threads are placed again. */
const PLACE_MS = 200;

/** `text` is the editor's text as last read (it changes after typing settles), so threads are placed again then. */
export function useComments(editor: Editor | null, detail: StatementDetail, text: string) {
  const query = useQuery(commentsQuery(detail.id));
  const threads: CommentThread[] = useMemo(() => query.data?.threads ?? [], [query.data]);
  const [active, setActive] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);

  // Any change of the document — typing, or a newer head loaded into the editor without an update event — places the
  // threads again once it settles (decorations follow the text in between).
  const [docTick, setDocTick] = useState(0);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      clearTimeout(timer);
      timer = setTimeout(() => setDocTick((n) => n + 1), PLACE_MS);
    };
    editor.on('transaction', onTransaction);
    return () => {
      clearTimeout(timer);
      editor.off('transaction', onTransaction);
    };
  }, [editor]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor's text is read from the editor; `text` and `docTick` say when it changed
  const placed: Map<string, Placed> = useMemo(
    () => (editor && !editor.isDestroyed ? placeThreads(indexText(editor.state.doc), threads) : new Map()),
    [editor, threads, text, docTick],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const marks = commentHighlights(placed, threads, active, showResolved);
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, marks).setMeta('addToHistory', false));
  }, [editor, placed, threads, active, showResolved]);

  /** Starts a comment on the editor's selection. */
  const start = useCallback(() => {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    setDraft(draftOf(indexText(editor.state.doc), from, to, { number: detail.headVersion.number, text: detail.headVersion.text }));
  }, [editor, detail.headVersion.number, detail.headVersion.text]);

  /** Focuses a thread from the text: marks it and brings it into view in the list. */
  const focusFromText = useCallback(
    (id: string) => {
      const t = threads.find((x) => x.id === id);
      if (t?.resolved) setShowResolved(true);
      setActive(id);
      requestAnimationFrame(() => {
        const el = document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`);
        el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        // While writing, the caret stays in the text; a reader is taken to the thread.
        if (editor && !editor.isEditable) el?.focus();
      });
    },
    [threads, editor],
  );

  /** Focuses a thread from the list: marks it and selects its words in the text. */
  const focusInText = useCallback(
    (id: string) => {
      setActive(id);
      const r = placed.get(id)?.range;
      if (editor && r) editor.chain().focus().setTextSelection(r).scrollIntoView().run();
    },
    [editor, placed],
  );

  return { query, threads, placed, active, setActive, showResolved, setShowResolved, draft, setDraft, start, focusFromText, focusInText };
}
