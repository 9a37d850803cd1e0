// Legal holds (保全) on a document or a whole crisis: the holds in force with who placed them, when and why, and
// — for those who may (`document.hold`) — placing one and releasing one, each with a reason kept on the record.
import { Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import type { Hold } from '../../contract.ts';
import { placeHold, releaseHold } from '../queries.ts';

type Target = { documentId: string } | { crisisId: string };

/** A dialog asking for a reason (1–500 characters), then running `onSubmit` with it. */
function ReasonDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  color: string;
  onSubmit: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    props.onClose();
  };
  const submit = async () => {
    const r = reason.replace(/\s+/g, ' ').trim();
    if (!r) return setError(t('validation.required'));
    setPending(true);
    try {
      await props.onSubmit(r);
      close();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered>
      <Stack gap="sm">
        <Textarea
          label={props.label}
          description={props.hint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          error={error}
          data-autofocus
          data-testid="hold-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button color={props.color} loading={pending} onClick={() => void submit()} data-testid="hold-submit">
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One hold in force, with its release button when this panel may release it. */
function HoldRow({ hold, target, canRelease, onChanged }: { hold: Hold; target: Target; canRelease: boolean; onChanged: () => unknown }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const ownScope = 'documentId' in target ? 'document' : 'crisis';
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="hold-row" data-scope={hold.scope}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Badge color="grape" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
            {hold.scope === 'crisis' ? t('documents.holds.crisisScope') : t('documents.holds.documentScope')}
          </Badge>
          {canRelease && hold.scope === ownScope ? (
            <Button
              size="compact-sm"
              variant="light"
              color="grape"
              leftSection={<IconLockOpen size={14} />}
              onClick={open}
              data-testid="hold-release"
            >
              {t('documents.holds.release')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {hold.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('documents.holds.placedBy', { name: hold.placedBy ?? '—', time: formatDateTime(hold.placedAt) })}
        </Text>
        {hold.scope !== ownScope ? (
          <Text size="xs" c="dimmed">
            {t('documents.holds.crisisScopeHint')}
          </Text>
        ) : null}
      </Stack>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('documents.holds.release')}
        label={t('documents.holds.releaseReason')}
        submitLabel={t('documents.holds.release')}
        color="grape"
        onSubmit={async (reason) => {
          await releaseHold(target, hold.id, reason);
          notifySuccess(t('documents.holds.released'));
          await onChanged();
        }}
      />
    </Paper>
  );
}

/** The holds panel of a document or a crisis. */
export function HoldsPanel(props: {
  title: string;
  intro: string;
  empty: string;
  holds: Hold[];
  target: Target;
  canManage: boolean;
  onChanged: () => unknown;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper withBorder p="md" radius="md" data-testid="holds-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            {props.title}
          </Title>
          {props.canManage ? (
            <Button size="xs" color="grape" leftSection={<IconLock size={14} />} onClick={open} data-testid="hold-place">
              {t('documents.holds.place')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {props.intro}
        </Text>
        {props.holds.length === 0 ? (
          <Text size="sm" data-testid="holds-none">
            {props.empty}
          </Text>
        ) : (
          props.holds.map((h) => (
            <HoldRow key={h.id} hold={h} target={props.target} canRelease={props.canManage} onChanged={props.onChanged} />
          ))
        )}
      </Stack>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t('documents.holds.place')}
        label={t('documents.holds.reason')}
        hint={t('documents.holds.reasonHint')}
        submitLabel={t('documents.holds.place')}
        color="grape"
        onSubmit={async (reason) => {
          await placeHold(props.target, reason);
          notifySuccess(t('documents.holds.placed'));
          await props.onChanged();
        }}
      />
    </Paper>
  );
}
