// A small dialog to add a department or rename one.
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError } from '../../../../web/errors.ts';
import { textRule } from '../../../../web/validation.ts';

type Props = {
  opened: boolean;
  title: string;
  initialName: string;
  pending: boolean;
  onClose: () => void;
  /** Saves the name; rejects with the API error to show field messages. */
  onSubmit: (name: string) => Promise<unknown>;
};

function NameForm({ initialName, pending, onClose, onSubmit }: Omit<Props, 'opened' | 'title'>) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { name: initialName }, validate: { name: textRule(t, 80) } });
  const submit = form.onSubmit(async (v) => {
    try {
      await onSubmit(v.name.trim());
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      notifyError(err, t);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('departments.newName')} required data-autofocus {...form.getInputProps('name')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={pending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The add/rename department dialog. */
export function DepartmentNameModal({ opened, title, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={rest.onClose} title={title} centered>
      {opened ? <NameForm {...rest} /> : null}
    </Modal>
  );
}
