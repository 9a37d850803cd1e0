// Sign-in page: e-mail and password, then — when the session needs it — the second factor: a code, or setting
// one up where the organisation requires it. A pending session sent back here (reload, or the app routing it)
// resumes at that step. When a demo workspace exists (started with --demo), its sign-in picker sits under the form.
import { Alert, Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../../../web/api.ts';
import { errorMessage, notifySuccess } from '../../../../web/errors.ts';
import { AuthLayout } from '../../../../web/ui/auth-layout.tsx';
import { emailRule, requiredRule } from '../../../../web/validation.ts';
import { DemoPicker } from '../../../drills/web/demo/components/demo-picker.tsx';
import { demoInfoQuery } from '../../../drills/web/demo/queries.ts';
import { sessionQuery, useSignIn } from '../queries.ts';
import { EnrolStep, VerifyStep } from '../security/second-factor-step.tsx';

/** Only same-site paths may be returned to after sign-in. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

type Step = 'password' | 'verify' | 'enrol';

/** The sign-in form and its second step. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const signIn = useSignIn();
  const [failure, setFailure] = useState<unknown>(null);
  const [step, setStep] = useState<Step | null>(null);
  // A session already pending (a reload during the second step) resumes there.
  const existing = useQuery({ ...sessionQuery, enabled: step === null });
  const demo = useQuery({ ...demoInfoQuery, retry: false }).data?.demo ?? null;
  const pendingState = existing.data?.secondFactor.state;
  const current: Step = step ?? (pendingState === 'verify' || pendingState === 'enrol' ? pendingState : 'password');
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: emailRule(t), password: requiredRule(t) },
  });
  const finish = () => {
    notifySuccess(t('login.welcome'));
    void navigate({ to: safeRedirect(search.redirect) });
  };
  const cancel = async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    setCsrfToken(null);
    qc.removeQueries({ queryKey: sessionQuery.queryKey });
    form.reset();
    setStep('password');
  };
  const submit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(values, {
      onSuccess: async (r) => {
        const next = (r as { secondFactor?: string } | undefined)?.secondFactor;
        // The next calls need the new session's CSRF token, and the app routes on the fresh session.
        await qc.fetchQuery({ ...sessionQuery, staleTime: 0 });
        if (next === 'verify' || next === 'enrol') setStep(next);
        else finish();
      },
      onError: (err) => setFailure(err),
    });
  });
  if (current === 'verify') {
    return (
      <AuthLayout title={t('security.stepTitle')}>
        <VerifyStep onDone={finish} onCancel={() => void cancel()} />
      </AuthLayout>
    );
  }
  if (current === 'enrol') {
    return (
      <AuthLayout title={t('security.enrolTitle')} intro={t('security.enrolIntro')}>
        <EnrolStep onDone={finish} onCancel={() => void cancel()} />
      </AuthLayout>
    );
  }
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
      {demo ? (
        <>
          <Divider my="lg" label={t('drillDemo.login.divider')} labelPosition="center" />
          <DemoPicker demo={demo} />
        </>
      ) : null}
    </AuthLayout>
  );
}
