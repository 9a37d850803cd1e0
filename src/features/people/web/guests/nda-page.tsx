// /guest/nda: the NDA of the guest's organisation, shown as text, accepted by its SHA-256 (a text changed since
// it was shown is refused by the server and shown again).
import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { guestSelfQuery, useAcceptNda } from './queries.ts';

/** The page at /guest/nda. */
export function NdaPage() {
  const { t } = useTranslation();
  const self = useQuery(guestSelfQuery);
  const accept = useAcceptNda();
  const navigate = useNavigate();
  const onAccept = (sha256: string) =>
    accept.mutate(sha256, {
      onSuccess: () => {
        notifySuccess(t('guests.nda.accepted'));
        void navigate({ to: '/' });
      },
      onError: (err) => {
        // The text changed while it was on screen: show the new one.
        if (err instanceof ApiError && err.status === 409) void self.refetch();
        notifyError(err, t);
      },
    });
  return (
    <RequirePermission permission="guest.self">
      <QueryState query={self}>
        {(me) => (
          <Stack gap="md" maw={760}>
            <PageHeader title={t('guests.nda.title')} description={t('guests.nda.intro', { org: me.externalOrg.name })} />
            {accept.error instanceof ApiError && accept.error.status === 409 ? (
              <Alert color="yellow">{t('guests.nda.changed')}</Alert>
            ) : null}
            <Card withBorder radius="md" padding="md" mah="60vh" style={{ overflowY: 'auto' }}>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="nda-text">
                {me.nda.text}
              </Text>
            </Card>
            {me.nda.acceptedAt ? (
              <Alert color="teal" icon={<IconShieldCheck />}>
                {t('guests.nda.accepted')}
              </Alert>
            ) : (
              <Button
                size="md"
                leftSection={<IconShieldCheck size={18} />}
                loading={accept.isPending}
                onClick={() => onAccept(me.nda.sha256)}
              >
                {t('guests.nda.accept')}
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </RequirePermission>
  );
}
