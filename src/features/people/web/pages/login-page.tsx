// Sign-in page: e-mail and password.
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../../../web/errors.ts';
import { AuthLayout } from '../../../../web/ui/auth-layout.tsx';
import { emailRule, requiredRule } from '../../../../web/validation.ts';
import { useSignIn } from '../queries.ts';

/** Only same-site paths may be returned to after sign-in. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

/** The sign-in form. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const signIn = useSignIn();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: emailRule(t), password: requiredRule(t) },
  });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(values, {
      onSuccess: () => {
        notifySuccess(t('login.welcome'));
        void navigate({ to: safeRedirect(search.redirect) });
      },
      onError: (err) => setFailure(err),
    });
  });
  return (
    <AuthLayout title={t('login.title')} intro={t('login.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure ? (
            <Alert color="red" role="alert">
              {errorMessage(failure, t)}
            </Alert>
          ) : null}
          <TextInput label={t('field.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label={t('field.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} disabled={signIn.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
