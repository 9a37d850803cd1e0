// Grants of an external organisation's guests: which crisis, which classifications, until when; grant, change,
// revoke (with a confirmation — it takes effect on the guest's open pages at once).
import { Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { ConfirmButton } from '../../../../web/ui/confirm-button.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { useLastDefined } from '../../../../web/ui/use-last.ts';
import { crisesQuery } from '../../../crises/web/queries.ts';
import { type Classification, classifications } from '../../../documents/contract.ts';
import type { ExternalOrg, Grant } from '../../guest-contract.ts';
import { type GuestPerson, grantsQuery, orgGuestsQuery, useRevokeGrant, useSaveGrant } from './queries.ts';

// A new grant starts with no classification ticked: access is chosen, never given by default.
const stateColor = { active: 'teal', expired: 'orange', revoked: 'gray' } as const;

/** A `datetime-local` value (local time, minutes) for an instant. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

type Values = { guestId: string; crisisId: string; classifications: Classification[]; expiresAt: string };

function GrantForm({ target, guests, onClose }: { target: Grant | 'new'; guests: GuestPerson[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveGrant();
  const crises = useQuery(crisesQuery('all'));
  const form = useForm<Values>({
    initialValues:
      target === 'new'
        ? {
            guestId: guests[0]?.id ?? '',
            crisisId: '',
            classifications: [],
            expiresAt: localInput(new Date(Date.now() + 30 * 86_400_000)),
          }
        : {
            guestId: target.guestId,
            crisisId: target.crisisId,
            classifications: target.classifications,
            expiresAt: localInput(new Date(target.expiresAt)),
          },
    validate: {
      guestId: (v) => (v ? null : t('validation.required')),
      crisisId: (v) => (v ? null : t('validation.required')),
      classifications: (v) => (v.length ? null : t('validation.required')),
      expiresAt: (v) => (v && !Number.isNaN(new Date(v).getTime()) ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    const expiresAt = new Date(v.expiresAt).toISOString();
    const req =
      target === 'new'
        ? { body: { guestId: v.guestId, crisisId: v.crisisId, classifications: v.classifications, expiresAt } }
        : { id: target.id, body: { version: target.version, classifications: v.classifications, expiresAt } };
    save.mutate(req, {
      onSuccess: () => {
        notifySuccess(t('guests.saved'));
        onClose();
      },
      onError: (err) => {
        form.setErrors(fieldErrors(err, t));
        notifyError(err, t);
      },
    });
  });
  const crisisOptions = (crises.data?.crises ?? []).map((c) => ({ value: c.id, label: `#${c.number} ${c.title}` }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('guests.guest')}
          data={guests.map((g) => ({ value: g.id, label: `${g.name} <${g.email}>` }))}
          disabled={target !== 'new'}
          allowDeselect={false}
          {...form.getInputProps('guestId')}
          value={form.values.guestId || null}
          onChange={(v) => form.setFieldValue('guestId', v ?? '')}
        />
        <Select
          label={t('guests.crisis')}
          data={target === 'new' ? crisisOptions : [{ value: target.crisisId, label: `#${target.crisisNumber} ${target.crisisTitle}` }]}
          disabled={target !== 'new'}
          searchable
          {...form.getInputProps('crisisId')}
          value={form.values.crisisId || null}
          onChange={(v) => form.setFieldValue('crisisId', v ?? '')}
        />
        <Checkbox.Group label={t('guests.classifications')} {...form.getInputProps('classifications')}>
          <Group gap="md" mt={4}>
            {classifications.map((c) => (
              <Checkbox key={c} value={c} label={t(`guests.classification.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          type="datetime-local"
          label={t('guests.expiresAt')}
          description={t('guests.expiresHint')}
          required
          {...form.getInputProps('expiresAt')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {target === 'new' ? t('guests.grant') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GrantRow({ g, onEdit }: { g: Grant; onEdit: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeGrant();
  return (
    <Table.Tr data-testid="grant-row">
      <Table.Td>{g.guestName}</Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          #{g.crisisNumber} {g.crisisTitle}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {g.classifications.map((c) => (
            <Badge key={c} size="sm" variant="outline" color={c === 'legal_privileged' ? 'grape' : 'gray'}>
              {t(`guests.classification.${c}`)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{formatDateTime(g.expiresAt)}</Table.Td>
      <Table.Td>
        <Badge color={stateColor[g.state]} data-testid="grant-state">
          {t(`guests.grantState.${g.state}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {g.state === 'revoked' ? null : (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('guests.editGrant')}
            </Button>
            <ConfirmButton
              size="xs"
              variant="light"
              color="red"
              message={t('guests.revokeConfirm', { guest: g.guestName, crisis: g.crisisTitle })}
              onConfirm={async () => {
                try {
                  await revoke.mutateAsync(g);
                  notifySuccess(t('guests.revoked'));
                } catch (err) {
                  notifyError(err, t);
                  throw err;
                }
              }}
            >
              {t('guests.revoke')}
            </ConfirmButton>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The grants section of an organisation's page. */
export function GrantsPanel({ org }: { org: ExternalOrg }) {
  const { t } = useTranslation();
  const guests = useQuery(orgGuestsQuery(org.id));
  // There is no filter by organisation: all grants, kept to this organisation's guests.
  const grants = useQuery({ ...grantsQuery({}), select: (list) => list.filter((g) => g.externalOrgId === org.id) });
  const [target, setTarget] = useState<Grant | 'new' | null>(null);
  const shown = useLastDefined(target);
  const guestList = (guests.data ?? []).filter((g) => g.status !== 'deactivated');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600} size="lg">
          {t('guests.grants')}
        </Text>
        {org.archived || guestList.length === 0 ? null : (
          <Button size="sm" leftSection={<IconKey size={16} />} onClick={() => setTarget('new')}>
            {t('guests.grant')}
          </Button>
        )}
      </Group>
      <QueryState query={grants}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('guests.noGrants')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('guests.guest')}</Table.Th>
                    <Table.Th>{t('guests.crisis')}</Table.Th>
                    <Table.Th>{t('guests.classifications')}</Table.Th>
                    <Table.Th>{t('guests.expiresAt')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                    <Table.Th aria-label={t('common.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((g) => (
                    <GrantRow key={g.id} g={g} onEdit={() => setTarget(g)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={shown === 'new' ? t('guests.grantTitle') : t('guests.editGrantTitle')}
        centered
      >
        {target ? <GrantForm target={target} guests={guestList} onClose={() => setTarget(null)} /> : null}
      </Modal>
    </Stack>
  );
}
