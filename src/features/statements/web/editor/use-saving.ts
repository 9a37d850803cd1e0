// Saving the text: an autosave about two seconds after typing stops, "儲存版本" on demand, every save against the
// head version the editor started from. Unsaved text is kept on this device until saved. When someone else saved
// meanwhile (a 409, or a newer head arriving live while this text has changes) the local text stays and the
// conflict is shown; with no local changes the newer head is simply loaded.
import { useQueryClient } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { docToText, HEAD_MOVED, MAX_STATEMENT_CHARS, type StatementDetail, type StatementDoc, statementDoc } from '../../contract.ts';
import { statementsKeys } from '../queries.ts';
import { toStatementDoc } from './doc.ts';
import { clearDraft, type Draft, readDraft, writeDraft } from './drafts.ts';
import { saveText } from './queries.ts';

/** Where the text stands against the server. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

/** How long after the last change an autosave starts. */
export const AUTOSAVE_MS = 2000;
const RETRY_MS = 10_000;

const keyOf = (body: StatementDoc) => JSON.stringify(body);

/** True when the document may be sent (within the length limit and the contract's shape). */
export function savable(body: StatementDoc): boolean {
  return docToText(body).length <= MAX_STATEMENT_CHARS && statementDoc.safeParse(body).success;
}

/** The save machinery for one statement's editor. */
export function useSaving(editor: Editor | null, detail: StatementDetail) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const id = detail.id;
  const canEdit = detail.can.edit;
  const base = useRef(detail.headVersion.number);
  const savedKey = useRef<string | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<SaveState>('saved');
  const [conflict, setConflictState] = useState<number | null>(null);
  const conflictRef = useRef<number | null>(null);
  const [offer, setOffer] = useState<Draft | null>(null);

  const setConflict = useCallback((n: number | null) => {
    conflictRef.current = n;
    setConflictState(n);
  }, []);
  const bodyNow = useCallback(() => (editor ? toStatementDoc(editor.getJSON()) : null), [editor]);

  // The editor's first document is what the server has; a different draft on this device is offered back.
  useEffect(() => {
    if (!editor) return;
    const body = toStatementDoc(editor.getJSON());
    savedKey.current = keyOf(body);
    const draft = canEdit ? readDraft(id) : null;
    if (draft && keyOf(draft.body) !== savedKey.current) setOffer(draft);
    else if (draft) clearDraft(id);
  }, [editor, id, canEdit]);

  const save = useCallback(
    async (autosave: boolean): Promise<void> => {
      clearTimeout(timer.current);
      const body = bodyNow();
      if (!editor || !body || !canEdit) return;
      if (inFlight.current) {
        again.current = true;
        return;
      }
      const key = keyOf(body);
      if (autosave && (conflictRef.current !== null || key === savedKey.current)) return;
      if (!savable(body)) return;
      inFlight.current = true;
      setState('saving');
      try {
        const answer = await saveText(id, { base: base.current, body, autosave });
        base.current = answer.head.number;
        savedKey.current = key;
        if (answer.detail) qc.setQueryData(statementsKeys.detail(id), answer.detail);
        void qc.invalidateQueries({ queryKey: statementsKeys.all });
        const now = bodyNow();
        if (now && keyOf(now) !== key) {
          writeDraft(id, base.current, now);
          setState('dirty');
          again.current = true;
        } else {
          clearDraft(id);
          setState('saved');
        }
        if (!autosave) notifySuccess(t('statementEditor.save.savedVersion', { number: answer.head.number }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          const head = err.fieldErrors.find((e) => e.code === HEAD_MOVED)?.limit;
          setConflict(head ?? base.current + 1);
          setState('dirty');
          void qc.invalidateQueries({ queryKey: statementsKeys.detail(id) });
        } else {
          setState('error');
          if (!autosave) notifyError(err, t);
          else timer.current = setTimeout(() => void save(true), RETRY_MS);
        }
      } finally {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(true), AUTOSAVE_MS);
        }
      }
    },
    [editor, bodyNow, canEdit, id, qc, t, setConflict],
  );

  /** After the text changed (debounced): dirty or not, the draft kept, the autosave scheduled. */
  const noteEdit = useCallback(
    (body: StatementDoc) => {
      if (!canEdit) return;
      const dirty = keyOf(body) !== savedKey.current;
      if (!dirty) {
        clearDraft(id);
        if (!inFlight.current) setState('saved');
        return;
      }
      writeDraft(id, base.current, body);
      if (!inFlight.current) setState('dirty');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(true), AUTOSAVE_MS);
    },
    [canEdit, id, save],
  );

  /** Loads a head version into the editor as the new base (nothing local to keep). */
  const adopt = useCallback(
    (head: StatementDetail['headVersion']) => {
      if (!editor) return;
      clearTimeout(timer.current);
      base.current = head.number;
      editor.commands.setContent(head.body, { emitUpdate: false });
      savedKey.current = keyOf(toStatementDoc(editor.getJSON()));
      clearDraft(id);
      setConflict(null);
      setState('saved');
    },
    [editor, id, setConflict],
  );

  // A newer head arrived (live, or after a 409): load it when nothing here is unsaved, else show the conflict.
  const head = detail.headVersion;
  useEffect(() => {
    if (!editor || head.number <= base.current || inFlight.current) return;
    const now = bodyNow();
    const dirty = !!now && keyOf(now) !== savedKey.current;
    if (dirty || conflictRef.current !== null) setConflict(head.number);
    else adopt(head);
  }, [editor, head, bodyNow, adopt, setConflict]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    state,
    /** The head number someone else saved while this text had changes, or null. */
    conflict,
    /** An unsaved draft found on this device at load, different from the server's text. */
    offer,
    save,
    noteEdit,
    /** Save this text as the next version after theirs. */
    keepMine: () => {
      base.current = Math.max(base.current, head.number, conflictRef.current ?? 0);
      setConflict(null);
      void save(false);
    },
    /** Drop local changes and load the newest head. */
    takeTheirs: () => adopt(head),
    /** Put the kept draft back into the editor (against the head it was written on: a newer head is a conflict). */
    restore: () => {
      if (!editor || !offer) return;
      editor.commands.setContent(offer.body, { emitUpdate: true });
      base.current = offer.base;
      setOffer(null);
      if (head.number > offer.base) setConflict(head.number);
    },
    discard: () => {
      clearDraft(id);
      setOffer(null);
    },
  };
}
