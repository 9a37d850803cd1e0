// Create or edit a user: name, e-mail (on creation), role, department and job title.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useLastDefined } from '../../../../web/ui/use-last.ts';
import { emailRule, orNull, textRule } from '../../../../web/validation.ts';
import { type Department, type Role, roleList, type User } from '../model.ts';
import { type Invite, useCreateUser, useUpdateUser } from '../queries.ts';
import { departmentName } from './badges.tsx';

type Props = {
  /** The user to edit, or 'new' to create one; null when closed. */
  target: User | 'new' | null;
  departments: Department[];
  onClose: () => void;
  onInvite: (invite: Invite) => void;
};

type Values = { email: string; name: string; role: Role; departmentId: string; title: string };

function FormBody({ target, departments, onClose, onInvite }: Props & { target: User | 'new' }) {
  const { t } = useTranslation();
  const creating = target === 'new';
  const create = useCreateUser();
  const update = useUpdateUser();
  const pending = create.isPending || update.isPending;
  const form = useForm<Values>({
    initialValues: creating
      ? { email: '', name: '', role: 'member', departmentId: '', title: '' }
      : { email: target.email, name: target.name, role: target.role, departmentId: target.departmentId ?? '', title: target.title ?? '' },
    validate: { email: creating ? emailRule(t) : () => null, name: textRule(t, 120), title: textRule(t, 120, true) },
  });
  const choices = departments
    .filter((d) => !d.archived || (!creating && d.id === target.departmentId))
    .map((d) => ({ value: d.id, label: departmentName(d, t) }));
  const failed = (err: unknown) => {
    form.setErrors(fieldErrors(err, t));
    notifyError(err, t);
  };
  const submit = form.onSubmit((v) => {
    const common = { name: v.name.trim(), role: v.role, departmentId: v.departmentId || null, title: orNull(v.title) };
    if (creating) {
      create.mutate(
        { ...common, email: v.email.trim() },
        {
          onSuccess: (invite) => {
            notifySuccess(t('users.created', { name: invite.user.name }));
            onClose();
            if (invite.inviteUrl) onInvite(invite);
          },
          onError: failed,
        },
      );
    } else {
      update.mutate(
        { id: target.id, ...common, expectedVersion: target.version },
        {
          onSuccess: (u) => {
            notifySuccess(t('users.updated', { name: u.name }));
            onClose();
          },
          onError: failed,
        },
      );
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {creating ? (
          <TextInput label={t('field.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
        ) : (
          <TextInput label={t('field.email')} value={target.email} readOnly />
        )}
        <TextInput label={t('field.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('field.role')}
          data={roleList.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
          onChange={(v) => v && form.setFieldValue('role', v as Role)}
        />
        <Select
          label={t('field.department')}
          placeholder={t('department.none')}
          data={choices}
          clearable
          {...form.getInputProps('departmentId')}
          value={form.values.departmentId || null}
          onChange={(v) => form.setFieldValue('departmentId', v ?? '')}
        />
        <TextInput label={t('field.title')} {...form.getInputProps('title')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={pending}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The create/edit user dialog. */
export function UserFormModal(props: Props) {
  const { t } = useTranslation();
  const { target, onClose } = props;
  const shown = useLastDefined(target);
  return (
    <Modal opened={target !== null} onClose={onClose} title={shown === 'new' ? t('users.createTitle') : t('users.editTitle')} centered>
      {target ? <FormBody {...props} target={target} /> : null}
    </Modal>
  );
}
