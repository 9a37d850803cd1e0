// /crises/$crisisId/answers: the crisis's customer-service answer book — entries in force, searchable, and the
// retired ones collapsed underneath with when they were retired and which statement version they came from.
import { Accordion, Card, Container, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { AnswerEntry } from '../../briefing-contract.ts';
import { answersQuery } from './queries.ts';

function Entry({ e, retired }: { e: AnswerEntry; retired?: boolean }) {
  const { t } = useTranslation();
  const tz = useOrgTimeZone();
  return (
    <Card withBorder padding="sm" data-testid={retired ? 'answer-retired' : 'answer-entry'} opacity={retired ? 0.7 : 1}>
      <Text fw={600}>{e.question}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{e.answer}</Text>
      <Text size="xs" c="dimmed">
        {t('statementBriefings.book.from', { title: e.statementTitle, n: e.versionNumber })}
        {e.retiredAt ? `・${t('statementBriefings.book.retiredAt', { at: formatDateTime(e.retiredAt, tz) })}` : ''}
      </Text>
    </Card>
  );
}

/** The answer book of a crisis. */
export function AnswersPage() {
  const { t } = useTranslation();
  const { crisisId } = useParams({ strict: false }) as { crisisId: string };
  const q = useQuery(answersQuery(crisisId, true));
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const all = q.data ?? [];
  const active = all.filter((e) => !e.retiredAt);
  const retired = all.filter((e) => e.retiredAt);
  const shown = needle ? active.filter((e) => `${e.question}\n${e.answer}`.toLowerCase().includes(needle)) : active;
  return (
    <Container size="md" px="xs">
      <Stack gap="sm">
        <Text component={Link} to={`/crises/${crisisId}`} size="sm" c="blue">
          {t('statementBriefings.book.back')}
        </Text>
        <Title order={2}>{t('statementBriefings.book.title')}</Title>
        <TextInput
          placeholder={t('statementBriefings.book.search')}
          aria-label={t('statementBriefings.book.search')}
          value={search}
          onChange={(ev) => setSearch(ev.currentTarget.value)}
        />
        {q.isPending ? <Loader /> : null}
        {!q.isPending && active.length === 0 ? <Text c="dimmed">{t('statementBriefings.book.empty')}</Text> : null}
        {active.length > 0 && shown.length === 0 ? <Text c="dimmed">{t('statementBriefings.book.noMatch')}</Text> : null}
        {shown.map((e) => (
          <Entry key={e.id} e={e} />
        ))}
        {retired.length > 0 ? (
          <Accordion variant="contained">
            <Accordion.Item value="retired">
              <Accordion.Control>{t('statementBriefings.book.retired', { count: retired.length })}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  {retired.map((e) => (
                    <Entry key={e.id} e={e} retired />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        ) : null}
      </Stack>
    </Container>
  );
}
