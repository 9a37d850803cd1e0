// First-run setup: the organisation and its first administrator — or, while no real organisation exists, a demo
// workspace instead (opened here, then a demo person picked to sign in as).
import { Alert, Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { applyLocale, currentLocale, type Locale, locales, toLocale } from '../../../../web/i18n/index.ts';
import { AuthLayout } from '../../../../web/ui/auth-layout.tsx';
import { emailRule, passwordRule, textRule } from '../../../../web/validation.ts';
import { DemoPanel, SetupChoice, type SetupChoiceValue } from '../../../drills/web/demo/components/demo-entry.tsx';
import { demoInfoQuery } from '../../../drills/web/demo/queries.ts';
import { useSetUp } from '../queries.ts';

/** The first-run form; it exists only until an organisation has been set up. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setUp = useSetUp();
  const [failure, setFailure] = useState<unknown>(null);
  // The demo is offered while it may be opened or already exists; the form stays the default choice.
  const demo = useQuery({ ...demoInfoQuery, retry: false }).data;
  const offersDemo = demo !== undefined && (demo.canOpen || demo.demo !== null);
  const [picked, setPicked] = useState<SetupChoiceValue | null>(null);
  const choice = picked ?? (demo?.demo ? 'demo' : 'create');
  const form = useForm({
    initialValues: { orgName: '', name: '', email: '', password: '', locale: currentLocale() as Locale },
    validate: { orgName: textRule(t, 200), name: textRule(t, 120), email: emailRule(t), password: passwordRule(t) },
  });
  const submit = form.onSubmit((values) => {
    setFailure(null);
    setUp.mutate(values, {
      onSuccess: () => {
        notifySuccess(t('setup.done'));
        void navigate({ to: '/' });
      },
      onError: (err) => {
        form.setErrors(fieldErrors(err, t));
        setFailure(err);
      },
    });
  });
  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      {offersDemo ? <SetupChoice value={choice} onChange={setPicked} /> : null}
      {offersDemo && choice === 'demo' ? (
        <DemoPanel info={demo} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {failure ? (
              <Alert color="red" role="alert">
                {errorMessage(failure, t)}
              </Alert>
            ) : null}
            <TextInput label={t('field.orgName')} required autoComplete="organization" {...form.getInputProps('orgName')} />
            <TextInput label={t('field.name')} required autoComplete="name" {...form.getInputProps('name')} />
            <TextInput label={t('field.email')} type="email" required autoComplete="email" {...form.getInputProps('email')} />
            <PasswordInput
              label={t('field.password')}
              description={t('setup.passwordHint')}
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Select
              label={t('field.locale')}
              data={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps('locale')}
              onChange={(v) => {
                const l = toLocale(v);
                form.setFieldValue('locale', l);
                applyLocale(l);
              }}
            />
            <Button type="submit" loading={setUp.isPending} disabled={setUp.isPending}>
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
