// Setting up the second factor: a QR code made here (never by a third-party service: it holds the secret), the
// secret as text for typing by hand, a first code to confirm, then the recovery codes shown once.
import { Alert, Button, Code, CopyButton, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../web/errors.ts';
import { useConfirmTotp, useStartTotp } from './queries.ts';

/** The code field: six digits, what phones offer from SMS/authenticator autofill. */
export function CodeInput(props: {
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
  label: string;
  autoFocus?: boolean;
}) {
  return (
    <TextInput
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      error={props.error}
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9]*"
      maxLength={6}
      required
      autoFocus={props.autoFocus}
      styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}

/** The recovery codes, once: copy or download them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = t('security.recoveryFileName');
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack data-testid="recovery-codes">
      <Text fw={600}>{t('security.recoveryTitle')}</Text>
      <Text size="sm" c="dimmed">
        {t('security.recoveryIntro')}
      </Text>
      <Code block style={{ fontSize: '1rem', lineHeight: 1.8 }}>
        {codes.join('\n')}
      </Code>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('security.copied') : t('security.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t('security.downloadCodes')}
        </Button>
        <Button onClick={onDone}>{t('security.savedCodes')}</Button>
      </Group>
    </Stack>
  );
}

/** Start → scan or type the secret → confirm with a code → recovery codes; `onDone` after they are saved. */
export function TotpEnrol({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = start.data;

  useEffect(() => {
    if (!setup) return;
    let live = true;
    // An SVG drawn in the browser from the URI; shown as a data: image (the CSP allows data: images only).
    void QRCode.toString(setup.otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
      if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [setup]);

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;
  if (!setup) {
    return (
      <Stack align="flex-start">
        {start.error ? (
          <Alert color="red" role="alert">
            {errorMessage(start.error, t)}
          </Alert>
        ) : null}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('security.start')}
        </Button>
      </Stack>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.length !== 6) return;
    confirm.mutate(code, { onSuccess: (r) => setCodes(r.recoveryCodes), onError: () => setCode('') });
  };
  // The secret in groups of four, as authenticator apps show and accept it.
  const grouped = setup.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Stack>
      <Text fw={600}>{t('security.scan')}</Text>
      {qr ? <Image src={qr} alt={t('security.qrAlt')} w={200} h={200} bg="white" p={4} radius="sm" /> : null}
      <Text size="sm">{t('security.manual')}</Text>
      <Group gap="xs" wrap="wrap">
        <Code data-testid="totp-secret" style={{ fontSize: '0.95rem', wordBreak: 'break-all' }}>
          {grouped}
        </Code>
        <CopyButton value={setup.secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? t('security.copied') : t('security.copySecret')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fw={600}>{t('security.confirmStep')}</Text>
          <CodeInput
            label={t('security.code')}
            value={code}
            onChange={setCode}
            error={confirm.error ? errorMessage(confirm.error, t) : null}
          />
          <Group gap="xs">
            <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6}>
              {t('security.confirm')}
            </Button>
            <Button variant="subtle" onClick={() => start.mutate()} disabled={start.isPending}>
              {t('security.restart')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
