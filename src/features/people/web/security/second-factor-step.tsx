// The sign-in's second step, on the sign-in page: a code from the app (or a recovery code), or — where the
// organisation requires a second factor and none is set up — setting one up before anything else.
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../web/errors.ts';
import { usePassSecondFactor } from './queries.ts';
import { CodeInput, TotpEnrol } from './totp-enrol.tsx';

/** A code from the authenticator app, or a recovery code; `onDone` once the session has passed. */
export function VerifyStep({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const pass = usePassSecondFactor();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const complete = recovery ? /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i.test(code.trim()) : code.length === 6;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    pass.mutate(code.trim(), { onSuccess: onDone, onError: () => setCode('') });
  };
  const error = pass.error ? errorMessage(pass.error, t) : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text c="dimmed">{recovery ? t('security.stepRecoveryIntro') : t('security.stepIntro')}</Text>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {recovery ? (
          <TextInput
            label={t('security.recoveryCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.slice(0, 20))}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
          />
        ) : (
          <CodeInput label={t('security.code')} value={code} onChange={setCode} autoFocus />
        )}
        <Button type="submit" loading={pass.isPending} disabled={!complete || pass.isPending}>
          {t('security.verify')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              pass.reset();
            }}
          >
            {recovery ? t('security.useApp') : t('security.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            {t('security.signOutInstead')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

/** Setting up a second factor where it is required before anything else; `onDone` after the recovery codes. */
export function EnrolStep({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TotpEnrol onDone={onDone} />
      <Anchor component="button" type="button" size="sm" onClick={onCancel} style={{ alignSelf: 'flex-start' }}>
        {t('security.signOutInstead')}
      </Anchor>
    </Stack>
  );
}
