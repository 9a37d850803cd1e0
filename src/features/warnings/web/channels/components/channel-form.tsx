// Add or edit a notification channel: name, kind (fixed once added), destination, which severities it gets, and
// whether it is on. Editing keeps the stored destination unless "change the destination" is ticked, because
// secrets are never sent back to the browser and must be entered again.
import { Checkbox, Group, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { textRule } from '../../../../../web/validation.ts';
import { severities } from '../../../contract.ts';
import { type ChannelConfig, type ChannelKind, type ChannelOut, channelKinds } from '../../../notify-contract.ts';
import { DialogButtons, EditDialog } from '../../components/edit-dialog.tsx';
import { formErrors, isStale } from '../../form-errors.ts';
import { type ChannelInput, useSaveChannel } from '../queries.ts';
import { KindIcon } from './channel-kind.tsx';
import { type ChannelValues, MaskedTarget, TargetFields } from './target-fields.tsx';

type Target = ChannelOut | 'new';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isHttpUrl = (v: string) => /^https?:\/\//i.test(v.trim()) && URL.canParse(v.trim());
const usesUrl = (k: ChannelKind) => k !== 'email' && k !== 'line';

function initialValues(target: Target): ChannelValues {
  const blank = { url: '', token: '', to: '', recipients: [], secret: '' };
  if (target === 'new') return { ...blank, name: '', kind: 'slack', minSeverity: 'L4', enabled: true, changeTarget: true };
  // E-mail addresses are not secret: the masked target is the list itself, so it can be edited in place.
  const recipients = target.kind === 'email' ? target.target.split(', ').filter(Boolean) : [];
  return {
    ...blank,
    recipients,
    name: target.name,
    kind: target.kind,
    minSeverity: target.minSeverity,
    enabled: target.enabled,
    changeTarget: false,
  };
}

function toConfig(v: ChannelValues): ChannelConfig {
  if (v.kind === 'email') return { kind: 'email', to: v.recipients.map((r) => r.trim()) };
  if (v.kind === 'line') return { kind: 'line', token: v.token.trim(), to: v.to.trim() };
  if (v.kind === 'webhook') return { kind: 'webhook', url: v.url.trim(), secret: v.secret };
  return { kind: v.kind, url: v.url.trim() };
}

function rules(t: TFunction) {
  const k = 'warnings.channels.form';
  const when = (test: (v: ChannelValues) => boolean, rule: (value: string) => string | null) => (value: string, v: ChannelValues) =>
    v.changeTarget && test(v) ? rule(value) : null;
  return {
    name: textRule(t, 120),
    url: when(
      (v) => usesUrl(v.kind),
      (u) => (isHttpUrl(u) ? null : t(`${k}.urlInvalid`)),
    ),
    token: when(
      (v) => v.kind === 'line',
      (s) => (s.trim().length < 10 ? t('validation.minLength', { count: 10 }) : null),
    ),
    to: when((v) => v.kind === 'line', textRule(t, 100)),
    secret: when(
      (v) => v.kind === 'webhook',
      (s) => (s.length < 16 ? t('validation.minLength', { count: 16 }) : s.length > 200 ? t('validation.maxLength', { count: 200 }) : null),
    ),
    recipients: (list: string[], v: ChannelValues) => {
      if (!v.changeTarget || v.kind !== 'email') return null;
      if (list.length === 0) return t('validation.required');
      const bad = list.find((r) => !EMAIL.test(r.trim()));
      return bad ? t(`${k}.recipientsInvalid`, { email: bad }) : null;
    },
  };
}

/** Maps the server's paths (config.url, config.to…) onto this dialog's fields. */
function renamer(kind: ChannelKind) {
  return (path: string) => {
    const [head, sub] = path.split('.');
    if (head !== 'config') return head;
    if (sub === 'to') return kind === 'email' ? 'recipients' : 'to';
    return sub === 'kind' ? 'kind' : (sub ?? null);
  };
}

function FormBody({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const k = 'warnings.channels.form';
  const creating = target === 'new';
  const save = useSaveChannel();
  const form = useForm<ChannelValues>({ initialValues: initialValues(target), validate: rules(t) });
  const submit = form.onSubmit(async (v) => {
    const body: ChannelInput = { name: v.name.trim(), minSeverity: v.minSeverity, enabled: v.enabled };
    if (v.changeTarget) body.config = toConfig(v);
    try {
      const out = await save.mutateAsync(creating ? body : { ...body, id: target.id, version: target.version });
      notifySuccess(t(creating ? 'warnings.channels.created' : 'warnings.channels.updated', { name: out.name }));
      onClose();
    } catch (err) {
      if (isStale(err)) {
        notifications.show({ color: 'yellow', message: t('warnings.channels.stale') });
        onClose();
        return;
      }
      const errors = formErrors(err, t, renamer(v.kind));
      if (err instanceof ApiError && err.fieldErrors.some((e) => e.path === 'name' && e.code === 'taken'))
        errors.name = t(`${k}.nameTaken`);
      form.setErrors(errors);
      notifyError(err, t);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t(`${k}.name`)} placeholder={t(`${k}.namePlaceholder`)} required data-autofocus {...form.getInputProps('name')} />
        {creating ? (
          <Select
            label={t(`${k}.kind`)}
            data={channelKinds.map((kind) => ({ value: kind, label: t(`warnings.channels.kind.${kind}`) }))}
            allowDeselect={false}
            leftSection={<KindIcon kind={form.values.kind} size="md" />}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
        ) : (
          <Paper withBorder p="sm" radius="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <KindIcon kind={target.kind} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {t(`warnings.channels.kind.${target.kind}`)} · {t(`${k}.currentTarget`)}
                </Text>
                <MaskedTarget target={target.target} />
              </Stack>
            </Group>
            <Checkbox mt="sm" label={t(`${k}.changeTarget`)} {...form.getInputProps('changeTarget', { type: 'checkbox' })} />
          </Paper>
        )}
        {form.values.changeTarget ? (
          <>
            {creating ? null : (
              <Text size="sm" c="dimmed">
                {t(`${k}.reenter`)}
              </Text>
            )}
            <TargetFields form={form} />
          </>
        ) : null}
        <Select
          label={t(`${k}.minSeverity`)}
          data={severities.map((s) => ({ value: s, label: t(`${k}.minSeverityOption.${s}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('minSeverity')}
        />
        <Switch label={t(`${k}.enabled`)} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <DialogButtons creating={creating} pending={save.isPending} onClose={onClose} />
      </Stack>
    </form>
  );
}

/** The add/edit channel dialog: `target` is the channel, 'new', or null when closed. */
export function ChannelFormModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <EditDialog
      target={target}
      onClose={onClose}
      addTitle={t('warnings.channels.form.addTitle')}
      editTitle={t('warnings.channels.form.editTitle')}
    >
      {(x) => <FormBody target={x} onClose={onClose} />}
    </EditDialog>
  );
}
