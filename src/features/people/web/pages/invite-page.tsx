// Accepting an invitation: shows the organisation and e-mail, then sets a name and password.
import { Alert, Button, Center, Loader, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { currentLocale } from '../../../../web/i18n/index.ts';
import { AuthLayout } from '../../../../web/ui/auth-layout.tsx';
import { passwordRule, textRule } from '../../../../web/validation.ts';
import { inviteQuery, useAcceptInvite } from '../queries.ts';

/** The invitation page reached from an invite link. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token } = useParams({ strict: false }) as { token: string };
  const navigate = useNavigate();
  const info = useQuery(inviteQuery(token));
  const accept = useAcceptInvite(token);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: { name: textRule(t, 120), password: passwordRule(t) },
  });
  const invitedName = info.data?.name;
  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill once when the invitation loads
  useEffect(() => {
    if (invitedName && !form.values.name) form.setFieldValue('name', invitedName);
  }, [invitedName]);

  if (info.isPending) {
    return (
      <AuthLayout title={t('invite.title')}>
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </AuthLayout>
    );
  }
  if (info.error || !info.data) {
    return (
      <AuthLayout title={t('invite.title')}>
        <Alert color="red" role="alert" mb="md">
          {t('invite.invalid')}
        </Alert>
        <Button variant="default" renderRoot={(props) => <Link to="/login" {...props} />}>
          {t('login.title')}
        </Button>
      </AuthLayout>
    );
  }
  const submit = form.onSubmit((values) => {
    setFailure(null);
    accept.mutate(
      { name: values.name.trim(), password: values.password, locale: currentLocale() },
      {
        onSuccess: () => {
          notifySuccess(t('invite.done'));
          void navigate({ to: '/' });
        },
        onError: (err) => {
          form.setErrors(fieldErrors(err, t));
          setFailure(err);
        },
      },
    );
  });
  return (
    <AuthLayout title={t('invite.title')} intro={t('invite.intro', { org: info.data.orgName, email: info.data.email })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {failure ? (
            <Alert color="red" role="alert">
              {errorMessage(failure, t)}
            </Alert>
          ) : null}
          <TextInput label={t('field.email')} value={info.data.email} readOnly autoComplete="username" />
          <TextInput label={t('field.name')} required autoComplete="name" {...form.getInputProps('name')} />
          <PasswordInput
            label={t('field.password')}
            description={t('setup.passwordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={accept.isPending} disabled={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
