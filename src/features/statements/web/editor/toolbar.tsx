// The editor's small toolbar: bold, italic, underline, the two heading levels, the two lists, undo and redo —
// exactly the formatting a statement may carry. Buttons show their state and wrap on a phone.
import { ActionIcon, Group, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconList,
  IconListNumbers,
  IconUnderline,
} from '@tabler/icons-react';
import { type Editor, useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Tool({
  label,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        color={active ? 'blue' : 'gray'}
        size="lg"
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keep the selection in the editor while clicking.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** The formatting toolbar for `editor`. */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  const run = () => editor.chain().focus();
  return (
    <Group gap={2} wrap="wrap" role="toolbar" aria-label={t('statementEditor.toolbar.label')} data-testid="editor-toolbar">
      <Tool label={t('statementEditor.toolbar.bold')} active={s.bold} onClick={() => run().toggleBold().run()}>
        <IconBold size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.italic')} active={s.italic} onClick={() => run().toggleItalic().run()}>
        <IconItalic size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.underline')} active={s.underline} onClick={() => run().toggleUnderline().run()}>
        <IconUnderline size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.h2')} active={s.h2} onClick={() => run().toggleHeading({ level: 2 }).run()}>
        <IconH2 size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.h3')} active={s.h3} onClick={() => run().toggleHeading({ level: 3 }).run()}>
        <IconH3 size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.bulletList')} active={s.bullet} onClick={() => run().toggleBulletList().run()}>
        <IconList size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.orderedList')} active={s.ordered} onClick={() => run().toggleOrderedList().run()}>
        <IconListNumbers size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.undo')} disabled={!s.undo} onClick={() => run().undo().run()}>
        <IconArrowBackUp size={18} />
      </Tool>
      <Tool label={t('statementEditor.toolbar.redo')} disabled={!s.redo} onClick={() => run().redo().run()}>
        <IconArrowForwardUp size={18} />
      </Tool>
    </Group>
  );
}
