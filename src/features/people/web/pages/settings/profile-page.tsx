// Settings → Profile: name, job title, phone, and the language and colour-scheme preferences.
import { Button, Divider, Group, Input, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan, useSession } from '../../../../../web/session.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { ColorSchemeControl, LanguageSelect } from '../../../../../web/ui/preference-controls.tsx';
import { orNull, textRule } from '../../../../../web/validation.ts';
import { QuietHoursCard } from '../../components/quiet-hours-card.tsx';
import { useUpdateMe } from '../../queries.ts';

/** The signed-in user's own profile. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const onCallable = useCan('alert.read');
  const updateMe = useUpdateMe();
  const form = useForm({
    initialValues: { name: user.name, title: user.title ?? '', phone: user.phone ?? '' },
    validate: { name: textRule(t, 120), title: textRule(t, 120, true), phone: textRule(t, 40, true) },
  });
  const submit = form.onSubmit((v) => {
    updateMe.mutate(
      { name: v.name.trim(), title: orNull(v.title), phone: orNull(v.phone) },
      {
        onSuccess: () => {
          form.resetDirty();
          notifySuccess(t('common.saved'));
        },
        onError: (err) => {
          form.setErrors(fieldErrors(err, t));
          notifyError(err, t);
        },
      },
    );
  });
  return (
    <Stack maw={560}>
      <PageHeader title={t('profile.title')} description={t('profile.intro')} />
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t('field.email')} value={user.email} readOnly />
            <TextInput label={t('field.name')} required autoComplete="name" {...form.getInputProps('name')} />
            <TextInput label={t('field.title')} autoComplete="organization-title" {...form.getInputProps('title')} />
            <TextInput label={t('field.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
            <Group justify="flex-end">
              <Button type="submit" loading={updateMe.isPending} disabled={updateMe.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Divider my="md" />
        <Stack>
          <LanguageSelect size="sm" />
          <Input.Wrapper label={t('field.colorScheme')}>
            <div>
              <ColorSchemeControl />
            </div>
          </Input.Wrapper>
        </Stack>
      </Paper>
      {onCallable && <QuietHoursCard />}
    </Stack>
  );
}
