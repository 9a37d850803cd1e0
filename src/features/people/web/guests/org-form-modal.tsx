// Create or edit an external organisation: kind, contacts, contract scope and dates, NDA signed date and the
// NDA text its guests accept.
import { ActionIcon, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useLastDefined } from '../../../../web/ui/use-last.ts';
import { orNull, textRule } from '../../../../web/validation.ts';
import { type ExternalOrg, type ExternalOrgKind, externalOrgKinds } from '../../guest-contract.ts';
import { useSaveExternalOrg } from './queries.ts';

type Contact = { name: string; email: string; phone: string; title: string };
type Values = {
  name: string;
  kind: ExternalOrgKind;
  contacts: Contact[];
  contractScope: string;
  contractStart: string;
  contractEnd: string;
  ndaSignedOn: string;
  ndaText: string;
};

const emptyContact = (): Contact => ({ name: '', email: '', phone: '', title: '' });

function initial(target: ExternalOrg | 'new'): Values {
  if (target === 'new')
    return {
      name: '',
      kind: 'law_firm',
      contacts: [],
      contractScope: '',
      contractStart: '',
      contractEnd: '',
      ndaSignedOn: '',
      ndaText: '',
    };
  return {
    name: target.name,
    kind: target.kind,
    contacts: target.contacts.map((c) => ({ name: c.name, email: c.email ?? '', phone: c.phone ?? '', title: c.title ?? '' })),
    contractScope: target.contractScope ?? '',
    contractStart: target.contractStart ?? '',
    contractEnd: target.contractEnd ?? '',
    ndaSignedOn: target.ndaSignedOn ?? '',
    ndaText: target.ndaText,
  };
}

function FormBody({ target, onClose, onSaved }: { target: ExternalOrg | 'new'; onClose: () => void; onSaved?: (o: ExternalOrg) => void }) {
  const { t } = useTranslation();
  const save = useSaveExternalOrg();
  const form = useForm<Values>({
    initialValues: initial(target),
    validate: {
      name: textRule(t, 200),
      ndaText: (v) => (v.trim().length < 20 ? t('validation.minLength', { count: 20 }) : null),
      contacts: { name: textRule(t, 120) },
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      contacts: v.contacts.map((c) => ({
        name: c.name.trim(),
        ...(orNull(c.email) ? { email: c.email.trim() } : {}),
        ...(orNull(c.phone) ? { phone: c.phone.trim() } : {}),
        ...(orNull(c.title) ? { title: c.title.trim() } : {}),
      })),
      contractScope: orNull(v.contractScope),
      contractStart: v.contractStart || null,
      contractEnd: v.contractEnd || null,
      ndaSignedOn: v.ndaSignedOn || null,
      ndaText: v.ndaText.trim(),
    };
    save.mutate(target === 'new' ? { body } : { id: target.id, body: { ...body, version: target.version } }, {
      onSuccess: (o) => {
        notifySuccess(t('guests.saved'));
        onClose();
        onSaved?.(o);
      },
      onError: (err) => {
        form.setErrors(fieldErrors(err, t));
        notifyError(err, t);
      },
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('guests.field.name')} required data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('guests.field.kind')}
          data={externalOrgKinds.map((k) => ({ value: k, label: t(`guests.kind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          onChange={(v) => v && form.setFieldValue('kind', v as ExternalOrgKind)}
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('guests.field.contacts')}
          </Text>
          {form.values.contacts.map((_c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id until saved; rows are removed by index
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput label={t('guests.field.contactName')} required {...form.getInputProps(`contacts.${i}.name`)} />
                <TextInput label={t('guests.field.contactTitle')} {...form.getInputProps(`contacts.${i}.title`)} />
                <TextInput label={t('guests.field.contactEmail')} type="email" {...form.getInputProps(`contacts.${i}.email`)} />
                <TextInput label={t('guests.field.contactPhone')} type="tel" {...form.getInputProps(`contacts.${i}.phone`)} />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('guests.field.removeContact')}
                onClick={() => form.removeListItem('contacts', i)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('contacts', emptyContact())}
            >
              {t('guests.field.addContact')}
            </Button>
          </Group>
        </Stack>
        <Textarea label={t('guests.field.contractScope')} autosize minRows={2} maxRows={6} {...form.getInputProps('contractScope')} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <TextInput type="date" label={t('guests.field.contractStart')} {...form.getInputProps('contractStart')} />
          <TextInput type="date" label={t('guests.field.contractEnd')} {...form.getInputProps('contractEnd')} />
          <TextInput type="date" label={t('guests.field.ndaSignedOn')} {...form.getInputProps('ndaSignedOn')} />
        </SimpleGrid>
        <Textarea
          label={t('guests.field.ndaText')}
          description={t('guests.field.ndaTextHint')}
          required
          autosize
          minRows={5}
          maxRows={14}
          {...form.getInputProps('ndaText')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {target === 'new' ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The create/edit external organisation dialog (null: closed). */
export function OrgFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: ExternalOrg | 'new' | null;
  onClose: () => void;
  onSaved?: (o: ExternalOrg) => void;
}) {
  const { t } = useTranslation();
  const shown = useLastDefined(target);
  return (
    <Modal opened={target !== null} onClose={onClose} title={shown === 'new' ? t('guests.newOrg') : t('guests.editOrg')} size="lg" centered>
      {target ? <FormBody target={target} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}
