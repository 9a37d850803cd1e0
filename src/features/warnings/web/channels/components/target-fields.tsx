// The per-kind destination fields of the channel dialog: a webhook URL (Slack, Teams, Discord), LINE's token and
// recipient, e-mail recipients as tags, or a generic webhook's URL and signing secret with how receivers verify it.
import { ActionIcon, Alert, Group, List, PasswordInput, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconDice5, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '../../../notify-contract.ts';

/** What the dialog edits. */
export type ChannelValues = {
  name: string;
  kind: ChannelKind;
  url: string;
  token: string;
  to: string;
  recipients: string[];
  secret: string;
  minSeverity: 'L1' | 'L2' | 'L3' | 'L4';
  enabled: boolean;
  /** Editing: whether the destination is being replaced (always true when adding). */
  changeTarget: boolean;
};

/** A random 32-character secret (24 random bytes, base64url). */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}

function VerifyHelp() {
  const { t } = useTranslation();
  const k = 'warnings.channels.form';
  return (
    <Alert variant="light" color="gray" icon={<IconShieldCheck size={18} />} title={t(`${k}.verifyTitle`)} p="sm">
      <List size="xs" spacing={4} style={{ overflowWrap: 'anywhere' }}>
        <List.Item>{t(`${k}.verifySignature`)}</List.Item>
        <List.Item>{t(`${k}.verifyHmac`)}</List.Item>
        <List.Item>{t(`${k}.verifyIdempotency`)}</List.Item>
      </List>
    </Alert>
  );
}

function WebhookSecret({ form }: { form: UseFormReturnType<ChannelValues> }) {
  const { t } = useTranslation();
  const k = 'warnings.channels.form';
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <PasswordInput
          label={t(`${k}.secret`)}
          description={t(`${k}.secretHelp`)}
          required
          autoComplete="off"
          style={{ flex: 1, minWidth: 0 }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('secret')}
        />
        <Tooltip label={t(`${k}.generateLabel`)} withArrow>
          <ActionIcon
            variant="default"
            size={36}
            aria-label={t(`${k}.generateLabel`)}
            onClick={() => form.setFieldValue('secret', randomSecret())}
            data-testid="generate-secret"
            mb={form.errors.secret ? 22 : 0}
          >
            <IconDice5 size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <VerifyHelp />
    </Stack>
  );
}

/** The destination fields for the chosen kind. */
export function TargetFields({ form }: { form: UseFormReturnType<ChannelValues> }) {
  const { t } = useTranslation();
  const k = 'warnings.channels.form';
  const kind = form.values.kind;
  if (kind === 'email') {
    return (
      <TagsInput
        label={t(`${k}.recipients`)}
        description={t(`${k}.recipientsHelp`)}
        placeholder={t(`${k}.recipientsPlaceholder`)}
        required
        maxTags={50}
        splitChars={[',', ' ', ';']}
        acceptValueOnBlur
        clearable
        {...form.getInputProps('recipients')}
      />
    );
  }
  if (kind === 'line') {
    return (
      <>
        <PasswordInput
          label={t(`${k}.token`)}
          description={t(`${k}.tokenHelp`)}
          required
          autoComplete="off"
          {...form.getInputProps('token')}
        />
        <TextInput label={t(`${k}.lineTo`)} description={t(`${k}.lineToHelp`)} required autoComplete="off" {...form.getInputProps('to')} />
      </>
    );
  }
  return (
    <>
      <TextInput
        label={t(kind === 'webhook' ? `${k}.webhookUrl` : `${k}.url`)}
        description={t(`${k}.urlHelp.${kind}`)}
        placeholder="https://"
        type="url"
        required
        autoComplete="off"
        {...form.getInputProps('url')}
      />
      {kind === 'webhook' ? <WebhookSecret form={form} /> : null}
    </>
  );
}

/** The masked destination of a channel, for reading (monospace, wraps anywhere). */
export function MaskedTarget({ target }: { target: string }) {
  return (
    <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="channel-target">
      {target}
    </Text>
  );
}
