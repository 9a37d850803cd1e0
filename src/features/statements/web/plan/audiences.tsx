// The plan's audiences as cards: who (a built-in kind or a custom name), the channels, key messages, spokesperson,
// owner and timing. Those who work on the crisis add, edit and delete them in a dialog.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { ConfirmDialog } from '../../../../web/ui/confirm-button.tsx';
import { type AudienceKind, audienceKinds, type CommAudience, type PublishChannel, publishChannels } from '../../contract.ts';
import { usePlanFailure } from './failure.ts';
import { audienceName } from './labels.ts';
import { type AudienceValues, useAddAudience, useDeleteAudience, useUpdateAudience } from './queries.ts';

type Option = { value: string; label: string };
type FormValues = {
  kind: AudienceKind;
  name: string;
  channels: PublishChannel[];
  keyMessages: string;
  spokespersonId: string | null;
  ownerId: string | null;
  timing: string;
};

function AudienceForm({
  crisisId,
  audience,
  people,
  onClose,
}: {
  crisisId: string;
  audience: CommAudience | null;
  people: Option[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddAudience(crisisId);
  const update = useUpdateAudience(crisisId);
  const fail = usePlanFailure();
  const form = useForm<FormValues>({
    initialValues: {
      kind: audience?.kind ?? 'customers',
      name: audience?.name ?? '',
      channels: audience?.channels ?? [],
      keyMessages: audience?.keyMessages ?? '',
      spokespersonId: audience?.spokesperson?.id ?? null,
      ownerId: audience?.owner?.id ?? null,
      timing: audience?.timing ?? '',
    },
    validate: { name: (v, all) => (all.kind === 'custom' && !v.trim() ? t('validation.required') : null) },
  });
  // People named on the audience stay choosable even when they are not on the list this viewer can see.
  const withNamed = (list: Option[]) => {
    const out = [...list];
    for (const p of [audience?.spokesperson, audience?.owner])
      if (p && !out.some((o) => o.value === p.id)) out.push({ value: p.id, label: p.name });
    return out;
  };
  const options = withNamed(people);
  const submit = form.onSubmit(async (v) => {
    const body: AudienceValues = {
      kind: v.kind,
      ...(v.kind === 'custom' ? { name: v.name.trim() } : {}),
      channels: v.channels,
      keyMessages: v.keyMessages.trim(),
      spokespersonId: v.spokespersonId,
      ownerId: v.ownerId,
      timing: v.timing.trim(),
    };
    try {
      if (audience) await update.mutateAsync({ audienceId: audience.id, version: audience.version, ...body });
      else await add.mutateAsync(body);
      notifySuccess(t('statementPlan.audiences.saved'));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  const pending = add.isPending || update.isPending;
  return (
    <form onSubmit={submit} noValidate data-testid="audience-form">
      <Stack gap="sm">
        <Select
          label={t('statementPlan.audiences.kind')}
          data={audienceKinds.map((k) => ({ value: k, label: t(`statementPlan.audience.${k}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        {form.values.kind === 'custom' ? (
          <TextInput
            label={t('statementPlan.audiences.name')}
            placeholder={t('statementPlan.audiences.namePlaceholder')}
            required
            maxLength={100}
            {...form.getInputProps('name')}
          />
        ) : null}
        <MultiSelect
          label={t('statementPlan.audiences.channels')}
          data={publishChannels.map((c) => ({ value: c, label: t(`statementList.channel.${c}`) }))}
          comboboxProps={{ withinPortal: true }}
          searchable
          clearable
          {...form.getInputProps('channels')}
        />
        <Textarea
          label={t('statementPlan.audiences.keyMessages')}
          placeholder={t('statementPlan.audiences.keyMessagesPlaceholder')}
          autosize
          minRows={3}
          maxLength={5000}
          {...form.getInputProps('keyMessages')}
        />
        <Group grow gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t('statementPlan.audiences.spokesperson')}
            placeholder={t('statementPlan.audiences.pick')}
            data={options}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            miw={180}
            {...form.getInputProps('spokespersonId')}
          />
          <Select
            label={t('statementPlan.audiences.owner')}
            placeholder={t('statementPlan.audiences.pick')}
            data={options}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            miw={180}
            {...form.getInputProps('ownerId')}
          />
        </Group>
        <TextInput
          label={t('statementPlan.audiences.timing')}
          placeholder={t('statementPlan.audiences.timingPlaceholder')}
          maxLength={500}
          {...form.getInputProps('timing')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="audience-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Line({ label, children, dimmed }: { label: string; children: string; dimmed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" style={{ flex: 'none', minWidth: '4.5em' }}>
        {label}
      </Text>
      <Text size="sm" c={dimmed ? 'dimmed' : undefined} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

function AudienceCard({ a, canEdit, onEdit, onDelete }: { a: CommAudience; canEdit: boolean; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const name = audienceName(a, t);
  const nobody = t('statementPlan.audiences.nobody');
  return (
    <Card withBorder radius="md" padding="sm" data-testid="audience-card" data-audience-kind={a.kind}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {name}
          </Text>
          {canEdit ? (
            <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
              <ActionIcon variant="subtle" aria-label={t('statementPlan.audiences.editLabel', { name })} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('statementPlan.audiences.deleteLabel', { name })} onClick={onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ) : null}
        </Group>
        <Group gap={4} wrap="wrap">
          {a.channels.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('statementPlan.audiences.channelsNone')}
            </Text>
          ) : (
            a.channels.map((c) => (
              <Badge key={c} size="sm" variant="light" color="blue" tt="none">
                {t(`statementList.channel.${c}`)}
              </Badge>
            ))
          )}
        </Group>
        <Line label={t('statementPlan.audiences.keyMessages')} dimmed={!a.keyMessages}>
          {a.keyMessages || t('statementPlan.audiences.noKeyMessages')}
        </Line>
        <Line label={t('statementPlan.audiences.spokesperson')} dimmed={!a.spokesperson}>
          {a.spokesperson?.name ?? nobody}
        </Line>
        <Line label={t('statementPlan.audiences.owner')} dimmed={!a.owner}>
          {a.owner?.name ?? nobody}
        </Line>
        {a.timing ? <Line label={t('statementPlan.audiences.timing')}>{a.timing}</Line> : null}
      </Stack>
    </Card>
  );
}

/** The audiences section. */
export function Audiences({
  crisisId,
  audiences,
  canEdit,
  people,
}: {
  crisisId: string;
  audiences: CommAudience[];
  canEdit: boolean;
  people: Option[];
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CommAudience | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CommAudience | null>(null);
  const [confirmOpen, confirm] = useDisclosure(false);
  const remove = useDeleteAudience(crisisId);
  const fail = usePlanFailure();
  const sorted = [...audiences].sort((a, b) => a.position - b.position);
  return (
    <Card withBorder radius="md" padding="md" data-testid="plan-audiences">
      <Group justify="space-between" gap="xs" mb={4}>
        <Title order={3} size="h4">
          {t('statementPlan.audiences.title')}
        </Title>
        {canEdit ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="audience-add"
          >
            {t('statementPlan.audiences.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('statementPlan.audiences.intro')}
      </Text>
      {sorted.length === 0 ? (
        <Stack gap={4} data-testid="audiences-empty">
          <Text size="sm" fw={600}>
            {t('statementPlan.audiences.empty')}
          </Text>
          {canEdit ? (
            <Text size="sm" c="dimmed">
              {t('statementPlan.audiences.emptyExplain')}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {sorted.map((a) => (
            <AudienceCard
              key={a.id}
              a={a}
              canEdit={canEdit}
              onEdit={() => setEditing(a)}
              onDelete={() => {
                setDeleting(a);
                confirm.open();
              }}
            />
          ))}
        </SimpleGrid>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('statementPlan.audiences.addTitle') : t('statementPlan.audiences.editTitle')}
        centered
        size="lg"
      >
        {editing !== null ? (
          <AudienceForm
            crisisId={crisisId}
            audience={editing === 'new' ? null : editing}
            people={people}
            onClose={() => setEditing(null)}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={confirmOpen}
        onClose={confirm.close}
        message={deleting ? t('statementPlan.audiences.deleteConfirm', { name: audienceName(deleting, t) }) : ''}
        confirmLabel={t('statementPlan.audiences.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await remove.mutateAsync(deleting.id);
            notifySuccess(t('statementPlan.audiences.deleted'));
          } catch (err) {
            fail(err);
            throw err;
          }
        }}
      />
    </Card>
  );
}
