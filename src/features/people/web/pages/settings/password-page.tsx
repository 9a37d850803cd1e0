// Settings → Password: change one's own password.
import { Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { errorMessage, fieldErrors, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { passwordRule, requiredRule } from '../../../../../web/validation.ts';
import { useChangePassword } from '../../queries.ts';

/** The change-password form. */
export function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: requiredRule(t),
      newPassword: passwordRule(t),
      confirm: (v, values) => (v === values.newPassword ? null : t('validation.mismatch')),
    },
  });
  const submit = form.onSubmit((v) => {
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('password.done'));
        },
        onError: (err) => {
          const fields = fieldErrors(err, t);
          if (err instanceof ApiError && err.code === 'wrong_password') fields.currentPassword = errorMessage(err, t);
          if (err instanceof ApiError && err.code === 'password_too_weak') fields.newPassword = errorMessage(err, t);
          form.setErrors(fields);
          notifyError(err, t);
        },
      },
    );
  });
  return (
    <Stack maw={560}>
      <PageHeader title={t('password.title')} description={t('password.intro')} />
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasswordInput
              label={t('field.currentPassword')}
              required
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput label={t('field.newPassword')} required autoComplete="new-password" {...form.getInputProps('newPassword')} />
            <PasswordInput label={t('field.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending} disabled={change.isPending}>
                {t('password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
