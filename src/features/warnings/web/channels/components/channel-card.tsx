// One notification channel: kind, name, masked destination, the severities it gets, health with the last
// success and failure, the last error verbatim, an on/off switch, and (for administrators) test, edit and delete.
import { ActionIcon, Badge, Button, Card, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconHistory, IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { ConfirmDialog } from '../../../../../web/ui/confirm-button.tsx';
import type { ChannelOut } from '../../../notify-contract.ts';
import { RelativeTime } from '../../components/relative-time.tsx';
import { isStale } from '../../form-errors.ts';
import { useDeleteChannel, useSaveChannel } from '../queries.ts';
import { KindIcon } from './channel-kind.tsx';
import { RawError } from './delivery-attempt.tsx';
import { MaskedTarget } from './target-fields.tsx';
import { TestResult, useChannelTest } from './test-result.tsx';

const healthColor: Record<ChannelOut['health'], string> = { ok: 'teal', failing: 'red', unused: 'gray' };

/** Working, failing or not used yet. */
export function ChannelHealthBadge({ health }: { health: ChannelOut['health'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={healthColor[health]} variant="light" tt="none" style={{ flex: 'none' }} data-testid="channel-health" data-health={health}>
      {t(`warnings.channels.health.${health}`)}
    </Badge>
  );
}

/** When it last worked and last failed, and the failure streak. */
function HealthTimes({ channel: c }: { channel: ChannelOut }) {
  const { t } = useTranslation();
  const k = 'warnings.channels';
  if (!c.lastSuccessAt && !c.lastFailureAt) return null;
  return (
    <Group gap="xs" wrap="wrap" style={{ rowGap: 2 }}>
      {c.lastSuccessAt ? <RelativeTime iso={c.lastSuccessAt} phrase={(time) => t(`${k}.lastSuccess`, { time })} /> : null}
      {c.lastFailureAt ? <RelativeTime iso={c.lastFailureAt} phrase={(time) => t(`${k}.lastFailure`, { time })} /> : null}
      {c.consecutiveFailures > 0 ? (
        <Text size="xs" c="red.7" fw={500}>
          {t(`${k}.failuresInRow`, { count: c.consecutiveFailures })}
        </Text>
      ) : null}
    </Group>
  );
}

/** The last error is worth showing only while it is newer than the last success. */
const errorIsCurrent = (c: ChannelOut) =>
  c.lastError !== null && c.lastFailureAt !== null && (c.lastSuccessAt === null || c.lastFailureAt >= c.lastSuccessAt);

function EnabledSwitch({ channel: c, canManage }: { channel: ChannelOut; canManage: boolean }) {
  const { t } = useTranslation();
  const save = useSaveChannel();
  const toggle = (enabled: boolean) =>
    save.mutateAsync({ id: c.id, enabled, version: c.version }).then(
      () => notifySuccess(t(enabled ? 'warnings.channels.enabledOn' : 'warnings.channels.enabledOff', { name: c.name })),
      (err) => (isStale(err) ? notifications.show({ color: 'yellow', message: t('warnings.channels.stale') }) : notifyError(err, t)),
    );
  return (
    <Switch
      label={t('warnings.channels.enabled')}
      checked={c.enabled}
      disabled={!canManage || save.isPending}
      onChange={(e) => void toggle(e.currentTarget.checked)}
      data-testid="channel-enabled"
    />
  );
}

type Props = { channel: ChannelOut; canManage: boolean; onEdit: () => void; onHistory: () => void };

/** Edit and delete, as icons so that a card's actions fit one row on a phone. */
function ManageIcons({ channel: c, onEdit }: { channel: ChannelOut; onEdit: () => void }) {
  const { t } = useTranslation();
  const k = 'warnings.channels';
  const [confirming, { open, close }] = useDisclosure(false);
  const remove = useDeleteChannel();
  const del = () =>
    remove.mutateAsync(c.id).then(
      () => notifySuccess(t(`${k}.deleted`, { name: c.name })),
      (err) => {
        notifyError(err, t);
        throw err;
      },
    );
  return (
    <>
      <Tooltip label={t(`${k}.edit`)} withArrow>
        <ActionIcon variant="default" size={30} aria-label={t(`${k}.edit`)} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t(`${k}.delete`)} withArrow>
        <ActionIcon variant="subtle" color="red" size={30} aria-label={t(`${k}.delete`)} onClick={open}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={confirming}
        onClose={close}
        message={t(`${k}.deleteConfirm`, { name: c.name })}
        confirmLabel={t(`${k}.delete`)}
        onConfirm={del}
      />
    </>
  );
}

/** The card of one channel. */
export function ChannelCard({ channel: c, canManage, onEdit, onHistory }: Props) {
  const { t } = useTranslation();
  const k = 'warnings.channels';
  const test = useChannelTest(c.id);
  return (
    <Card withBorder padding="md" radius="md" data-testid="channel-card" data-channel-id={c.id} data-kind={c.kind}>
      <Stack gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <KindIcon kind={c.kind} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="channel-name">
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`${k}.kind.${c.kind}`)} · {t(`${k}.minSeverity.${c.minSeverity}`)}
            </Text>
            <MaskedTarget target={c.target} />
          </Stack>
          <ChannelHealthBadge health={c.health} />
        </Group>
        <HealthTimes channel={c} />
        {/* While a test result is open it shows the same error with its attempt; once is enough. */}
        {test.watching ? (
          <TestResult delivery={test.delivery} timedOut={test.timedOut} onClose={test.close} />
        ) : errorIsCurrent(c) && c.lastError ? (
          <RawError label={t(`${k}.lastError`)} text={c.lastError} />
        ) : null}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <EnabledSwitch channel={c} canManage={canManage} />
          <Group gap={6} wrap="nowrap">
            {canManage ? (
              <Button size="xs" leftSection={<IconSend size={14} />} loading={test.sending} onClick={() => void test.send()}>
                {t(`${k}.test`)}
              </Button>
            ) : null}
            <Button size="xs" variant="default" leftSection={<IconHistory size={14} />} onClick={onHistory}>
              {t(`${k}.history`)}
            </Button>
            {canManage ? <ManageIcons channel={c} onEdit={onEdit} /> : null}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
