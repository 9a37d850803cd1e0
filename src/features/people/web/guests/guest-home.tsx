// A guest's home: their organisation, their live grants (crisis, classifications, expiry) and, per crisis, the
// documents they may open. A revoked grant disappears at once (the live message refetches everything).
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFolder, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useSession } from '../../../../web/session.ts';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import type { DocumentSummary } from '../../../documents/contract.ts';
import type { Grant } from '../../guest-contract.ts';
import { guestSelfQuery } from './queries.ts';

/** The documents of one crisis the guest may open (key under 'documents' so document events refresh it). */
const crisisDocumentsQuery = (crisisId: string) => ({
  queryKey: ['documents', 'guest-crisis', crisisId] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<{ items: DocumentSummary[] }>('GET', `/api/documents?crisisId=${encodeURIComponent(crisisId)}&limit=100`, undefined, { signal }),
});

function GrantCard({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const docs = useQuery(crisisDocumentsQuery(grant.crisisId));
  return (
    <Card withBorder radius="md" padding="md" data-testid="guest-grant">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            #{grant.crisisNumber} {grant.crisisTitle}
          </Text>
          <Text size="sm" c="dimmed">
            {t('guests.home.until', { date: formatDateTime(grant.expiresAt) })}
          </Text>
        </Group>
        <Group gap={4}>
          {grant.classifications.map((c) => (
            <Badge key={c} size="sm" variant="outline" color={c === 'legal_privileged' ? 'grape' : 'gray'}>
              {t(`guests.classification.${c}`)}
            </Badge>
          ))}
        </Group>
        <QueryState query={docs}>
          {(list) =>
            list.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('guests.home.noDocuments')}
              </Text>
            ) : (
              <Stack gap={4}>
                {list.items.map((d) => (
                  <Group key={d.id} gap="xs" wrap="nowrap">
                    <IconFolder size={16} aria-hidden style={{ flex: 'none' }} />
                    <Text
                      size="sm"
                      component={Link}
                      to={`/documents/${d.id}`}
                      c="blue"
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="guest-document"
                    >
                      {d.title}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  );
}

/** The home page of a guest. */
export function GuestHome() {
  const { t } = useTranslation();
  const session = useSession();
  const self = useQuery(guestSelfQuery);
  return (
    <QueryState query={self}>
      {(me) =>
        me.nda.acceptedAt === null ? (
          <Navigate to="/guest/nda" />
        ) : (
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={2}>{t('guests.home.welcome', { name: session.user.name })}</Title>
              <Text c="dimmed" data-testid="guest-org">
                {t('guests.home.org', { org: me.externalOrg.name })}
              </Text>
            </Stack>
            <Group>
              <Button component={Link} to="/search" variant="light" leftSection={<IconSearch size={16} />}>
                {t('guests.home.search')}
              </Button>
            </Group>
            <Title order={3} size="h4">
              {t('guests.home.grantsTitle')}
            </Title>
            {me.grants.filter((g) => g.state === 'active').length === 0 ? (
              <Alert color="gray" data-testid="guest-no-grants">
                {t('guests.home.noGrants')}
              </Alert>
            ) : (
              me.grants.filter((g) => g.state === 'active').map((g) => <GrantCard key={g.id} grant={g} />)
            )}
          </Stack>
        )
      }
    </QueryState>
  );
}
