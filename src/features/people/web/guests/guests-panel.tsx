// An external organisation's guests: who, status, last sign-in, NDA acceptance, active grants; and the invite
// (an e-mail goes out, and the link is shown once for sending another way).
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { CopyField } from '../../../../web/ui/copy-field.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { emailRule, textRule } from '../../../../web/validation.ts';
import type { ExternalOrg } from '../../guest-contract.ts';
import { type GuestInvite, type GuestPerson, orgGuestsQuery, useInviteGuest } from './queries.ts';

const statusColor = { invited: 'yellow', active: 'teal', deactivated: 'gray' } as const;

function InviteModal({
  org,
  opened,
  onClose,
  onInvite,
}: {
  org: ExternalOrg;
  opened: boolean;
  onClose: () => void;
  onInvite: (i: GuestInvite) => void;
}) {
  const { t, i18n } = useTranslation();
  const invite = useInviteGuest();
  const form = useForm({
    initialValues: { email: '', name: '', locale: i18n.language === 'en' ? 'en' : 'zh-TW' },
    validate: { email: emailRule(t), name: textRule(t, 120) },
  });
  const submit = form.onSubmit((v) =>
    invite.mutate(
      { externalOrgId: org.id, email: v.email.trim(), name: v.name.trim(), locale: v.locale as 'zh-TW' | 'en' },
      {
        onSuccess: (res) => {
          if (res.emailSent) notifySuccess(t('guests.inviteSent', { email: v.email.trim() }));
          form.reset();
          onClose();
          onInvite(res);
        },
        onError: (err) => {
          form.setErrors(fieldErrors(err, t));
          notifyError(err, t);
        },
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('guests.inviteTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('guests.inviteHint')}
          </Text>
          <TextInput label={t('field.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
          <TextInput label={t('field.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('guests.locale')}
            data={[
              { value: 'zh-TW', label: t('language.zh-TW') },
              { value: 'en', label: t('language.en') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={invite.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('guests.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function GuestRow({ g }: { g: GuestPerson }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="guest-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {g.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {g.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[g.status as keyof typeof statusColor] ?? 'gray'} variant="light">
          {t(`guests.status.${g.status as keyof typeof statusColor}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{g.lastSignInAt ? formatDateTime(g.lastSignInAt) : t('guests.never')}</Table.Td>
      <Table.Td>{g.ndaAcceptedAt ? formatDateTime(g.ndaAcceptedAt) : t('common.none')}</Table.Td>
      <Table.Td>{g.activeGrantCount}</Table.Td>
    </Table.Tr>
  );
}

/** The guests section of an organisation's page. */
export function GuestsPanel({ org }: { org: ExternalOrg }) {
  const { t } = useTranslation();
  const guests = useQuery(orgGuestsQuery(org.id));
  const [inviting, setInviting] = useState(false);
  const [invite, setInvite] = useState<GuestInvite | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600} size="lg">
          {t('guests.people')}
        </Text>
        {org.archived ? null : (
          <Button size="sm" leftSection={<IconMailPlus size={16} />} onClick={() => setInviting(true)}>
            {t('guests.invite')}
          </Button>
        )}
      </Group>
      <QueryState query={guests}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('guests.noGuests')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={620}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('guests.guest')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                    <Table.Th>{t('guests.lastSignIn')}</Table.Th>
                    <Table.Th>{t('guests.ndaAccepted')}</Table.Th>
                    <Table.Th>{t('guests.grants')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((g) => (
                    <GuestRow key={g.id} g={g} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <InviteModal org={org} opened={inviting} onClose={() => setInviting(false)} onInvite={setInvite} />
      {invite ? (
        <Alert
          color="yellow"
          withCloseButton
          onClose={() => setInvite(null)}
          closeButtonLabel={t('common.close')}
          data-testid="guest-invite"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t(invite.emailSent ? 'guests.inviteSentLink' : 'guests.inviteNotSent', {
                email: invite.guest.email,
                expires: formatDateTime(invite.expiresAt),
              })}
            </Text>
            <CopyField label={t('guests.inviteLink')} value={invite.inviteUrl} testId="invite-link" />
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
