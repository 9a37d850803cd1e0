// The add/edit dialog shared by channels and rules: a modal for 'new' or an item (null when closed) that keeps its
// title while it animates closed and remounts its form per item, and the cancel / create-or-save buttons.
import { Button, Group, Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLastDefined } from '../../../../web/ui/use-last.ts';

type Props<T> = {
  target: T | 'new' | null;
  onClose: () => void;
  addTitle: string;
  editTitle: string;
  /** The form for the target (it closes the dialog through `onClose` when saved). */
  children: (target: T | 'new') => ReactNode;
};

/** A dialog adding ('new') or editing an item. */
export function EditDialog<T extends { id: string }>({ target, onClose, addTitle, editTitle, children }: Props<T>) {
  const shown = useLastDefined(target);
  return (
    <Modal opened={target !== null} onClose={onClose} title={shown === 'new' ? addTitle : editTitle} centered>
      {target ? <div key={target === 'new' ? 'new' : target.id}>{children(target)}</div> : null}
    </Modal>
  );
}

/** Cancel and create (or save, when editing) at the foot of the dialog's form. */
export function DialogButtons({ creating, pending, onClose }: { creating: boolean; pending: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose} disabled={pending}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {creating ? t('common.create') : t('common.save')}
      </Button>
    </Group>
  );
}
