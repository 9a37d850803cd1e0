// Settings → Audit log: events newest first, filters, "load more", and a hash-chain check.
import { ActionIcon, Alert, Button, Center, Code, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../../web/errors.ts';
import { formatDateTime } from '../../../../../web/format.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { AuditFilterBar, type AuditFilterValues, noFilters, toQuery } from '../../components/audit-filters.tsx';
import { type AuditEvent, isPeopleEvent } from '../../model.ts';
import { auditQuery, usersQuery, verifyChain } from '../../queries.ts';

function EventRow({ e }: { e: AuditEvent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td w={36}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={open ? t('audit.hideDetails') : t('audit.showDetails')}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</Table.Td>
        <Table.Td>
          <Text size="sm">{isPeopleEvent(e.type) ? t(`events.${e.type}`) : e.type}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {e.type}
          </Text>
        </Table.Td>
        <Table.Td>{e.actorLabel ?? (e.actorType === 'system' ? t('audit.system') : t('common.none'))}</Table.Td>
        <Table.Td>
          <Text size="xs" ff="monospace">
            {e.subjectType ? `${e.subjectType}:${e.subjectId ?? ''}` : t('common.none')}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="xs" ff="monospace">
            {e.ip ?? t('common.none')}
          </Text>
        </Table.Td>
      </Table.Tr>
      {open ? (
        <Table.Tr>
          <Table.Td colSpan={6}>
            <Code block>{JSON.stringify({ data: e.data, requestId: e.requestId, actorId: e.actorId, id: e.id }, null, 2)}</Code>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}

function VerifyResult({ r }: { r: { ok: boolean; checked: number; brokenAt?: number; reason?: string } }) {
  const { t } = useTranslation();
  if (r.ok)
    return (
      <Alert color="teal" role="status">
        {t('audit.verifyOk', { count: r.checked })}
      </Alert>
    );
  const reason = r.reason ?? '';
  return (
    <Alert color="red" role="alert">
      {r.brokenAt !== undefined ? t('audit.verifyBroken', { at: r.brokenAt, reason }) : t('audit.verifyBrokenNoAt', { reason })}
    </Alert>
  );
}

/** The audit log page. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(noFilters);
  const events = useInfiniteQuery(auditQuery(toQuery(filters)));
  const users = useQuery(usersQuery);
  const verify = useMutation({ mutationFn: verifyChain, onError: (err) => notifyError(err, t) });
  const list = events.data?.pages.flatMap((p) => p.events);
  return (
    <RequirePermission permission="audit.read">
      <Stack>
        <PageHeader
          title={t('audit.title')}
          description={t('audit.intro')}
          actions={
            <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate()}>
              {t('audit.verify')}
            </Button>
          }
        />
        {verify.data ? <VerifyResult r={verify.data} /> : null}
        <AuditFilterBar value={filters} users={users.data ?? []} onChange={setFilters} />
        <QueryState query={{ ...events, data: list }}>
          {(rows) => (
            <>
              <Table.ScrollContainer minWidth={820}>
                <Table verticalSpacing="xs" data-testid="audit-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th aria-label={t('audit.details')} />
                      <Table.Th>{t('audit.time')}</Table.Th>
                      <Table.Th>{t('audit.type')}</Table.Th>
                      <Table.Th>{t('audit.actor')}</Table.Th>
                      <Table.Th>{t('audit.subject')}</Table.Th>
                      <Table.Th>{t('audit.ip')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((e) => (
                      <EventRow key={e.id} e={e} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Center>
                {events.hasNextPage ? (
                  <Button variant="default" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                    {t('common.loadMore')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {rows.length ? t('audit.end') : t('common.empty')}
                  </Text>
                )}
              </Center>
            </>
          )}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
