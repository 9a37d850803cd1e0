// Settings → external partners: the external organisations (PR agencies, law firms …), each opening its page.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import type { ExternalOrg } from '../../guest-contract.ts';
import { OrgFormModal } from './org-form-modal.tsx';
import { externalOrgsQuery } from './queries.ts';

function OrgCard({ org }: { org: ExternalOrg }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      renderRoot={(props) => <Link to={`/settings/guests/${org.id}`} {...props} />}
      data-testid="external-org"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb={4}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {org.name}
        </Text>
        {org.archived ? <Badge color="gray">{t('guests.archived')}</Badge> : null}
      </Group>
      <Group gap={6} mb={6}>
        <Badge variant="light">{t(`guests.kind.${org.kind}`)}</Badge>
        <Badge variant="outline" color="gray">
          {t('guests.guestCount', { count: org.guestCount })}
        </Badge>
        <Badge variant="outline" color={org.activeGrantCount > 0 ? 'teal' : 'gray'}>
          {t('guests.activeGrants', { count: org.activeGrantCount })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {org.ndaSignedOn ? t('guests.ndaSigned', { date: org.ndaSignedOn }) : t('guests.ndaNotSigned')}
      </Text>
    </Card>
  );
}

/** The page at /settings/guests. */
export function OrgsPage() {
  const { t } = useTranslation();
  const orgs = useQuery(externalOrgsQuery);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <RequirePermission permission="guest.manage">
      <Stack gap="md">
        <PageHeader
          title={t('guests.title')}
          description={t('guests.intro')}
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('guests.newOrg')}
            </Button>
          }
        />
        <QueryState query={orgs}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('guests.noOrgs')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {list.map((o) => (
                  <OrgCard key={o.id} org={o} />
                ))}
              </SimpleGrid>
            )
          }
        </QueryState>
        <OrgFormModal
          target={creating ? 'new' : null}
          onClose={() => setCreating(false)}
          onSaved={(o) => void navigate({ to: `/settings/guests/${o.id}` })}
        />
      </Stack>
    </RequirePermission>
  );
}
