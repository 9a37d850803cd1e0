// The edit and delete buttons at the foot of a settings card (rules, on-call schedules); delete asks first.
import { Button, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../../web/ui/confirm-button.tsx';

type Props = {
  /** Whose strings: `warnings.<area>.edit`, `.delete` and `.deleteConfirm` (with the item's name). */
  area: 'rules' | 'oncall';
  name: string;
  onEdit: () => void;
  /** Deletes; rejecting keeps the confirmation open. */
  onDelete: () => Promise<unknown>;
};

/** Edit and delete-with-confirmation for one item. */
export function EditDeleteButtons({ area, name, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const k = `warnings.${area}` as const;
  return (
    <Group gap={6}>
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit}>
        {t(`${k}.edit`)}
      </Button>
      <ConfirmButton
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} />}
        message={t(`${k}.deleteConfirm`, { name })}
        onConfirm={onDelete}
      >
        {t(`${k}.delete`)}
      </ConfirmButton>
    </Group>
  );
}
