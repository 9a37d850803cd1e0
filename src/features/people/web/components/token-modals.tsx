// API token dialogs: create (name, scopes, optional expiry) and show the new secret once.
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError } from '../../../../web/errors.ts';
import { CopyField } from '../../../../web/ui/copy-field.tsx';
import { textRule } from '../../../../web/validation.ts';
import { scopeList, type TokenScope } from '../model.ts';
import { useCreateToken } from '../queries.ts';

type Values = { name: string; scopes: TokenScope[]; expiresInDays: number | string };

function CreateForm({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useForm<Values>({
    initialValues: { name: '', scopes: ['mentions:write'], expiresInDays: 90 },
    validate: {
      name: textRule(t, 80),
      scopes: (v) => (v.length ? null : t('validation.scopes')),
      expiresInDays: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 3650)
          ? null
          : t('validation.range', { min: 1, max: 3650 }),
    },
  });
  const submit = form.onSubmit((v) => {
    create.mutate(
      { name: v.name.trim(), scopes: v.scopes, expiresInDays: v.expiresInDays === '' ? null : Number(v.expiresInDays) },
      {
        onSuccess: (res) => {
          onClose();
          onCreated(res.secret);
        },
        onError: (err) => {
          form.setErrors(fieldErrors(err, t));
          notifyError(err, t);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('tokens.name')} required data-autofocus {...form.getInputProps('name')} />
        <Checkbox.Group label={t('tokens.scopes')} required {...form.getInputProps('scopes')}>
          <Stack gap="xs" mt="xs">
            {scopeList.map((s) => (
              <Checkbox key={s} value={s} label={t(`tokens.scope.${s}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t('tokens.expiresInDays')}
          description={t('tokens.expiresHint')}
          min={1}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('expiresInDays')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The create-token dialog. */
export function CreateTokenModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('tokens.createTitle')} centered>
      {opened ? <CreateForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

/** Shows a new token's secret once, with a warning and a copy button. */
export function TokenSecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={t('tokens.secretTitle')} centered size="lg" closeOnClickOutside={false}>
      {secret ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />}>
            {t('tokens.secretWarning')}
          </Alert>
          <CopyField label={t('tokens.secretLabel')} value={secret} testId="token-secret" />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
