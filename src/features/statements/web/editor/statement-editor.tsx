// The statement's text being edited: toolbar, the Tiptap editor with the risk checker's highlights (re-checked
// about 250 ms after typing stops, against the crisis's facts and earlier statements), the character counter, the
// save state and buttons, the conflict banner and the draft kept on this device; the findings and the comment threads
// beside the text (threads highlighted in it: select words, then 留言).
import { Alert, Badge, Button, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconHistory, IconMessagePlus } from '@tabler/icons-react';
import { EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { currentLocale } from '../../../../web/i18n/index.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { MAX_STATEMENT_CHARS, type StatementDetail, statementDoc } from '../../contract.ts';
import { CommentsPanel } from '../comments/comments-panel.tsx';
import { useComments } from '../comments/use-comments.ts';
import { ConflictBanner } from './conflict-banner.tsx';
import { indexText, rangeOf, toStatementDoc } from './doc.ts';
import classes from './editor.module.css';
import { highlightKey, statementExtensions } from './extensions.ts';
import { FindingsPanel } from './findings-panel.tsx';
import { checkText, type FindingView, highlightsOf } from './risk.ts';
import { Toolbar } from './toolbar.tsx';
import { type SaveState, useSaving } from './use-saving.ts';
import { VersionsDrawer } from './versions-drawer.tsx';

/** How long after the last keystroke the checker runs. */
const CHECK_MS = 250;

const stateColour: Record<SaveState, string> = { saved: 'teal', dirty: 'yellow', saving: 'blue', error: 'red' };

function SaveBadge({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const label = {
    saved: t('statementEditor.save.saved'),
    dirty: t('statementEditor.save.dirty'),
    saving: t('statementEditor.save.saving'),
    error: t('statementEditor.save.failed'),
  }[state];
  return (
    <Badge
      color={stateColour[state]}
      variant="light"
      tt="none"
      size="lg"
      data-testid="save-state"
      data-state={state}
      aria-live="polite"
      style={{ maxWidth: '100%' }}
    >
      {label}
    </Badge>
  );
}

/** Ctrl/⌘+Alt+M in the text starts a comment on the selected words (the 留言 button does the same). */
const COMMENT_KEYS = 'Control+Alt+M Meta+Alt+M';
const isCommentKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.altKey && e.code === 'KeyM';

const editorAttributes = (label: string) => ({
  class: classes.prose,
  'aria-label': label,
  'aria-multiline': 'true',
  'data-testid': 'statement-editor',
});

/** The editor with its findings; `side` (the review panel) goes under the findings. */
export function StatementEditor({ detail, side }: { detail: StatementDetail; side?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const zone = useOrgTimeZone();
  const canEdit = detail.can.edit;
  const [text, setText] = useState(detail.headVersion.text);
  const [shapeOk, setShapeOk] = useState(true);
  const [findings, setFindings] = useState<FindingView[]>([]);
  const [checking, setChecking] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshRef = useRef<(edited: boolean) => void>(() => {});
  const startCommentRef = useRef<() => void>(() => {});
  const handleKeyDown = useCallback((_view: unknown, e: KeyboardEvent) => {
    if (!isCommentKey(e)) return false;
    e.preventDefault();
    startCommentRef.current();
    return true;
  }, []);

  const extensions = useMemo(() => statementExtensions(), []);
  const editor = useEditor(
    {
      extensions,
      content: detail.headVersion.body,
      editable: canEdit,
      editorProps: { attributes: editorAttributes(t('statementEditor.editorLabel')), handleKeyDown },
      onCreate: () => refreshRef.current(false),
      onUpdate: () => {
        setChecking(true);
        clearTimeout(debounce.current);
        debounce.current = setTimeout(() => refreshRef.current(true), CHECK_MS);
      },
    },
    [detail.id],
  );
  const saving = useSaving(editor, detail);
  const comments = useComments(editor, detail, text);
  startCommentRef.current = comments.start;
  // Clicking a comment's highlight focuses its thread.
  const onTextClick = (e: React.MouseEvent) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-comment-id]')?.dataset.commentId;
    if (id) comments.focusFromText(id);
  };

  const reference = detail.reference;
  const accepted = detail.headVersion.accepted;
  // Re-read the text, re-run the checker, redraw the highlights; after an edit also tell the saver.
  refreshRef.current = (edited: boolean) => {
    if (!editor || editor.isDestroyed) return;
    const index = indexText(editor.state.doc);
    const locale = currentLocale();
    const views = checkText(index.text, reference, accepted, locale);
    setText(index.text);
    setFindings(views);
    setChecking(false);
    editor.view.dispatch(editor.state.tr.setMeta(highlightKey, highlightsOf(index, views, locale)).setMeta('addToHistory', false));
    const body = toStatementDoc(editor.getJSON());
    setShapeOk(statementDoc.safeParse(body).success);
    if (edited) saving.noteEdit(body);
  };

  // The facts, the accepted risks or the language changed: check again (no edit).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the inputs of the check are the trigger
  useEffect(() => refreshRef.current(false), [editor, reference, accepted, i18n.language]);
  useEffect(() => editor?.setEditable(canEdit), [editor, canEdit]);
  // The editor's accessible name follows the interface language.
  useEffect(
    () => editor?.setOptions({ editorProps: { attributes: editorAttributes(t('statementEditor.editorLabel')), handleKeyDown } }),
    [editor, t, handleKeyDown],
  );
  useEffect(() => () => clearTimeout(debounce.current), []);

  const select = useCallback(
    (f: FindingView) => {
      if (!editor) return;
      const index = indexText(editor.state.doc);
      const r = index.text.slice(f.start, f.end) === f.excerpt ? rangeOf(index, f.start, f.end) : null;
      if (r) editor.chain().focus().setTextSelection(r).scrollIntoView().run();
    },
    [editor],
  );

  const tooLong = text.length > MAX_STATEMENT_CHARS;
  const head = detail.headVersion;
  return (
    <Stack gap="md">
      {saving.offer ? (
        <Alert color="blue" variant="light" data-testid="draft-offer">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t('statementEditor.draft.found', { time: formatDateTime(saving.offer.savedAt, zone) })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={saving.restore}>
                {t('statementEditor.draft.restore')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={saving.discard}>
                {t('statementEditor.draft.discard')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ) : null}
      {saving.conflict !== null ? (
        <ConflictBanner
          number={Math.max(saving.conflict, head.number)}
          theirs={head.number >= saving.conflict ? head.text : null}
          mine={() => (editor ? indexText(editor.state.doc).text : '')}
          onKeepMine={saving.keepMine}
          onTakeTheirs={saving.takeTheirs}
        />
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} style={{ minWidth: 0 }}>
          <Card withBorder radius="md" padding="sm">
            <Stack gap="xs">
              <Group justify="space-between" gap="xs" wrap="wrap">
                {canEdit && editor ? (
                  <Toolbar editor={editor} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('statementEditor.readOnly')}
                  </Text>
                )}
                <Group gap="xs" wrap="wrap">
                  {canEdit ? <SaveBadge state={saving.state} /> : null}
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconHistory size={16} />}
                    onClick={() => setVersionsOpen(true)}
                    data-testid="open-versions"
                  >
                    {t('statementEditor.versions.open')}
                  </Button>
                  {canEdit ? (
                    <Button
                      size="xs"
                      leftSection={<IconDeviceFloppy size={16} />}
                      onClick={() => void saving.save(false)}
                      disabled={tooLong || !shapeOk || saving.state === 'saving'}
                      data-testid="save-version"
                    >
                      {t('statementEditor.save.button')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
              {tooLong ? (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="too-long">
                  {t('statementEditor.tooLong', { n: text.length.toLocaleString(), max: MAX_STATEMENT_CHARS.toLocaleString() })}
                </Alert>
              ) : !shapeOk ? (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="invalid-doc">
                  {t('statementEditor.invalidDoc')}
                </Alert>
              ) : null}
              {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a pointer shortcut; each thread is reachable in the comments list */}
              <div className={classes.frame} onClick={onTextClick}>
                <EditorContent editor={editor} />
              </div>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Button
                  size="xs"
                  variant="light"
                  color="yellow"
                  leftSection={<IconMessagePlus size={16} />}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={comments.start}
                  title={t('statementComments.addHint')}
                  aria-keyshortcuts={COMMENT_KEYS}
                  data-testid="comment-add"
                >
                  {t('statementComments.add')}
                </Button>
                <Text size="xs" c={tooLong ? 'red' : 'dimmed'} data-testid="char-count" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('statementEditor.chars', { n: text.length.toLocaleString(), max: MAX_STATEMENT_CHARS.toLocaleString() })}
                </Text>
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} style={{ minWidth: 0 }}>
          <Stack gap="md">
            <FindingsPanel findings={findings} checking={checking} onSelect={select} />
            <CommentsPanel comments={comments} statementId={detail.id} />
            {side}
          </Stack>
        </Grid.Col>
      </Grid>
      <VersionsDrawer key={detail.versions.length} detail={detail} opened={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </Stack>
  );
}
