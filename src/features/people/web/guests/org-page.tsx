// /settings/guests/$orgId: one external organisation — its contract and NDA, its guests, their grants and the
// access report.
import { Anchor, Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import { ConfirmButton } from '../../../../web/ui/confirm-button.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import type { ExternalOrg } from '../../guest-contract.ts';
import { AccessReport } from './access-report.tsx';
import { GrantsPanel } from './grants-panel.tsx';
import { GuestsPanel } from './guests-panel.tsx';
import { OrgFormModal } from './org-form-modal.tsx';
import { externalOrgQuery, useSaveExternalOrg } from './queries.ts';

function Details({ org }: { org: ExternalOrg }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const save = useSaveExternalOrg();
  const toggleArchive = async () => {
    try {
      await save.mutateAsync({ id: org.id, body: { version: org.version, archived: !org.archived } });
      notifySuccess(t('guests.saved'));
    } catch (err) {
      notifyError(err, t);
      throw err;
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {org.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light">{t(`guests.kind.${org.kind}`)}</Badge>
            {org.archived ? <Badge color="gray">{t('guests.archived')}</Badge> : null}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" size="sm" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
          {org.archived ? (
            <Button variant="light" size="sm" onClick={() => void toggleArchive().catch(() => {})}>
              {t('guests.unarchive')}
            </Button>
          ) : (
            <ConfirmButton
              variant="light"
              color="red"
              size="sm"
              message={t('guests.archiveConfirm', { name: org.name })}
              onConfirm={toggleArchive}
            >
              {t('guests.archive')}
            </ConfirmButton>
          )}
        </Group>
      </Group>
      <Card withBorder radius="md" padding="sm">
        <Stack gap={6}>
          <Text size="sm">
            <b>{t('guests.contract')}</b>{' '}
            {[org.contractStart, org.contractEnd].some(Boolean)
              ? `${org.contractStart ?? '…'} – ${org.contractEnd ?? '…'}`
              : t('common.none')}
          </Text>
          {org.contractScope ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {org.contractScope}
            </Text>
          ) : null}
          <Text size="sm">{org.ndaSignedOn ? t('guests.ndaSigned', { date: org.ndaSignedOn }) : t('guests.ndaNotSigned')}</Text>
          {org.contacts.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; the list is replaced whole
            <Text key={i} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[c.name, c.title, c.email, c.phone].filter(Boolean).join(' · ')}
            </Text>
          ))}
        </Stack>
      </Card>
      <OrgFormModal target={editing ? org : null} onClose={() => setEditing(false)} />
    </Stack>
  );
}

/** The page at /settings/guests/$orgId. */
export function OrgPage() {
  const { t } = useTranslation();
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const org = useQuery(externalOrgQuery(orgId));
  const reports = useCan('guest.report');
  return (
    <RequirePermission permission="guest.manage">
      <Stack gap="lg">
        <Anchor size="sm" renderRoot={(props) => <Link to="/settings/guests" {...props} />}>
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('guests.back')}
          </Group>
        </Anchor>
        <QueryState query={org}>
          {(o) => (
            <Stack gap="lg">
              <Details org={o} />
              <Divider />
              <GuestsPanel org={o} />
              <Divider />
              <GrantsPanel org={o} />
              {reports ? (
                <>
                  <Divider />
                  <AccessReport org={o} />
                </>
              ) : null}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
