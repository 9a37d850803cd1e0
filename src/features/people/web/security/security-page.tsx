// Settings → Two-step verification: set it up or turn it off; admins also choose which roles must use it.
import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { errorMessage, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useSession } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { type SecuritySettings, totpRoles } from '../../totp-contract.ts';
import { securitySettingsQuery, useDisableTotp, useUpdateSecuritySettings } from './queries.ts';
import { TotpEnrol } from './totp-enrol.tsx';

function TurnOff({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const [password, setPassword] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('security.turnOffTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          disable.mutate(password, {
            onSuccess: () => {
              notifySuccess(t('security.turnedOff'));
              onDone();
            },
          });
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{t('security.turnOffIntro')}</Text>
          <PasswordInput
            label={t('field.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={disable.error ? errorMessage(disable.error, t) : null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={disable.isPending} disabled={!password}>
              {t('security.turnOffConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PolicyCard({ settings }: { settings: SecuritySettings }) {
  const { t } = useTranslation();
  const update = useUpdateSecuritySettings();
  const [roles, setRoles] = useState<string[]>(settings.totpRequiredRoles);
  useEffect(() => setRoles(settings.totpRequiredRoles), [settings]);
  const save = () =>
    update.mutate(
      { version: settings.version, totpRequiredRoles: roles as SecuritySettings['totpRequiredRoles'] },
      { onSuccess: () => notifySuccess(t('security.policySaved')), onError: (err) => notifyError(err, t) },
    );
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('security.policyTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('security.policyIntro')}
        </Text>
        <Checkbox.Group value={roles} onChange={setRoles} aria-label={t('security.policyTitle')}>
          <Stack gap="xs">
            {totpRoles.map((r) => (
              <Checkbox key={r} value={r} label={t(`role.${r}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button onClick={save} loading={update.isPending}>
            {t('security.policySave')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The two-step verification settings page. */
export function SecurityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const sf = session.secondFactor;
  const isAdmin = session.permissions.includes('org.update');
  const policy = useQuery({ ...securitySettingsQuery, enabled: isAdmin });
  const [turningOff, setTurningOff] = useState(false);
  // The set-up stays on screen after the session says "enabled", until the recovery codes are saved.
  const [enrolling, setEnrolling] = useState(!sf.enabled);
  return (
    <Stack maw={640}>
      <PageHeader title={t('security.title')} description={t('security.intro')} />
      <Paper withBorder p="md">
        <Stack>
          <Group gap="xs">
            <Badge color={sf.enabled ? 'teal' : 'gray'} variant="light" data-testid="totp-status">
              {sf.enabled ? t('security.statusOn') : t('security.statusOff')}
            </Badge>
            {sf.enabled ? <Text size="sm">{t('security.recoveryLeft', { count: sf.recoveryCodesLeft })}</Text> : null}
          </Group>
          {sf.graceEndsAt && !sf.enabled ? (
            <Alert color="orange">{t('security.graceNotice', { date: formatDateTime(sf.graceEndsAt, session.org.timeZone) })}</Alert>
          ) : sf.required && !sf.enabled ? (
            <Text size="sm">{t('security.requiredForRole')}</Text>
          ) : null}
          {enrolling ? (
            <TotpEnrol
              onDone={() => {
                setEnrolling(false);
                notifySuccess(t('security.enabled'));
              }}
            />
          ) : sf.required ? (
            <Text size="sm" c="dimmed">
              {t('security.cannotTurnOff')}
            </Text>
          ) : (
            <Group>
              <Button variant="default" color="red" onClick={() => setTurningOff(true)}>
                {t('security.turnOff')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {turningOff ? (
        <TurnOff
          onClose={() => setTurningOff(false)}
          onDone={() => {
            setTurningOff(false);
            setEnrolling(true);
          }}
        />
      ) : null}
      {isAdmin && policy.data ? <PolicyCard settings={policy.data} /> : null}
      {isAdmin && policy.error instanceof ApiError ? <Alert color="red">{errorMessage(policy.error, t)}</Alert> : null}
    </Stack>
  );
}
