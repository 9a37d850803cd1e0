// /briefings and /briefings/$briefingId: the employee's own briefings (對外口徑), phone first — a list with each
// one's acknowledgement, and one briefing with what to say, what not to say and the acknowledge button.
import { Alert, Badge, Button, Card, Container, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { briefingQuery, myBriefingsQuery, pointsOf, useAckBriefing } from './queries.ts';

/** My briefings, newest first. */
export function MyBriefingsPage() {
  const { t } = useTranslation();
  const tz = useOrgTimeZone();
  const q = useQuery(myBriefingsQuery);
  return (
    <Container size="sm" px="xs">
      <Stack gap="sm">
        <Title order={2}>{t('statementBriefings.mine.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('statementBriefings.mine.intro')}
        </Text>
        {q.isPending ? <Loader /> : null}
        {q.data?.length === 0 ? <Text>{t('statementBriefings.mine.empty')}</Text> : null}
        {q.data?.map((b) => (
          <Card key={b.id} withBorder padding="sm" component={Link} to={`/briefings/${b.id}`} data-testid="my-briefing">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{b.title}</Text>
              <Badge color={b.ackedAt ? 'green' : 'orange'} style={{ flexShrink: 0 }}>
                {b.ackedAt ? t('statementBriefings.mine.acked') : t('statementBriefings.mine.pending')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('statementBriefings.mine.sentBy', { name: b.sentBy?.name ?? '—', at: formatDateTime(b.sentAt, tz) })}
            </Text>
          </Card>
        ))}
      </Stack>
    </Container>
  );
}

/** One briefing: 可以說 / 不要說 and the acknowledgement. */
export function BriefingPage() {
  const { t } = useTranslation();
  const tz = useOrgTimeZone();
  const { briefingId } = useParams({ strict: false }) as { briefingId: string };
  const q = useQuery(briefingQuery(briefingId));
  const ack = useAckBriefing(briefingId);
  const b = q.data;
  return (
    <Container size="sm" px="xs">
      <Stack gap="sm">
        <Text component={Link} to="/briefings" size="sm" c="blue">
          {t('statementBriefings.read.back')}
        </Text>
        {q.isPending ? <Loader /> : null}
        {q.isError ? <Alert color="red">{t('statementBriefings.read.notFound')}</Alert> : null}
        {b ? (
          <>
            <Title order={2}>{b.title}</Title>
            {b.statementTitle ? (
              <Text size="sm" c="dimmed">
                {t('statementBriefings.mine.from', { title: b.statementTitle })}
              </Text>
            ) : null}
            <Card withBorder padding="sm" bg="var(--mantine-color-green-light)" data-testid="briefing-say">
              <Title order={4}>{t('statementBriefings.read.say')}</Title>
              <List spacing={4} mt={4}>
                {pointsOf(b.say).map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
                  <List.Item key={i}>{x}</List.Item>
                ))}
              </List>
            </Card>
            <Card withBorder padding="sm" bg="var(--mantine-color-red-light)" data-testid="briefing-dont-say">
              <Title order={4}>{t('statementBriefings.read.dontSay')}</Title>
              <List spacing={4} mt={4}>
                {pointsOf(b.dontSay).map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
                  <List.Item key={i}>{x}</List.Item>
                ))}
              </List>
            </Card>
            {b.recipient && b.ackedAt ? (
              <Alert color="green" data-testid="briefing-acked">
                {t('statementBriefings.read.ackedAt', { at: formatDateTime(b.ackedAt, tz) })}
              </Alert>
            ) : null}
            {b.recipient && !b.ackedAt ? (
              <Button
                size="lg"
                fullWidth
                loading={ack.isPending}
                onClick={() =>
                  ack.mutate(undefined, {
                    onSuccess: () => notifySuccess(t('statementBriefings.read.done')),
                    onError: (e) => notifyError(e, t),
                  })
                }
              >
                {t('statementBriefings.read.ack')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
