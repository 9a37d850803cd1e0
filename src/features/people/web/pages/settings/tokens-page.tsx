// Settings → API tokens: list, create (secret shown once) and revoke (administrators).
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { ConfirmButton } from '../../../../../web/ui/confirm-button.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { CreateTokenModal, TokenSecretModal } from '../../components/token-modals.tsx';
import type { ApiToken } from '../../model.ts';
import { tokensQuery, useRevokeToken } from '../../queries.ts';

function TokenState({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Badge color="gray">{t('tokens.revoked')}</Badge>;
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return <Badge color="orange">{t('tokens.expired')}</Badge>;
  return <Badge color="teal">{t('tokens.active')}</Badge>;
}

/** The API tokens page. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQuery);
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const doRevoke = async (tok: ApiToken) => {
    try {
      await revoke.mutateAsync(tok.id);
      notifySuccess(t('tokens.revokedDone'));
    } catch (err) {
      notifyError(err, t);
      throw err;
    }
  };
  return (
    <RequirePermission permission="token.manage">
      <Stack>
        <PageHeader
          title={t('tokens.title')}
          description={t('tokens.intro')}
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('tokens.create')}
            </Button>
          }
        />
        <QueryState query={tokens}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('common.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={860}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('tokens.name')}</Table.Th>
                      <Table.Th>{t('tokens.scopes')}</Table.Th>
                      <Table.Th>{t('tokens.createdAt')}</Table.Th>
                      <Table.Th>{t('tokens.expires')}</Table.Th>
                      <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                      <Table.Th>{t('field.status')}</Table.Th>
                      <Table.Th aria-label={t('common.actions')} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((tok) => (
                      <Table.Tr key={tok.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {tok.name}
                          </Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {tok.prefix}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {tok.scopes.map((s) => (
                              <Badge key={s} variant="outline" size="sm">
                                {t(`tokens.scope.${s}`)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(tok.createdAt)}</Text>
                          <Text size="xs" c="dimmed">
                            {tok.createdByName ?? ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>{tok.expiresAt ? formatDateTime(tok.expiresAt) : t('tokens.never')}</Table.Td>
                        <Table.Td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('common.none')}</Table.Td>
                        <Table.Td>
                          <TokenState token={tok} />
                        </Table.Td>
                        <Table.Td ta="right">
                          {tok.revokedAt ? null : (
                            <ConfirmButton
                              size="xs"
                              variant="light"
                              color="red"
                              message={t('tokens.revokeConfirm', { name: tok.name })}
                              onConfirm={() => doRevoke(tok)}
                            >
                              {t('tokens.revoke')}
                            </ConfirmButton>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Stack>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} onCreated={setSecret} />
      <TokenSecretModal secret={secret} onClose={() => setSecret(null)} />
    </RequirePermission>
  );
}
