// Create or edit a topic: name, description and the query editor (live syntax errors), the syntax
// help, the 7-day preview, and for a saved topic: archive and re-apply to stored mentions.
import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { fieldErrors, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { TOPIC_QUERY_ERROR_CODES, type TopicQueryErrorCode } from '../../../topic-query.ts';
import { type PointedError, QueryEditor, useParsedQuery } from '../components/query-editor.tsx';
import { SyntaxHelp } from '../components/syntax-help.tsx';
import { ArchiveButton, ReapplyCard } from '../components/topic-actions.tsx';
import { TopicPreview } from '../components/topic-preview.tsx';
import { SensitivityCard } from '../components/topic-sensitivity.tsx';
import { type Topic, topicsQuery, useSaveTopic } from '../queries.ts';
import { errorLength } from '../query-errors.ts';

/** The query error the server pointed at on save, if any. */
function serverQueryError(err: unknown, source: string): (PointedError & { source: string }) | null {
  if (!(err instanceof ApiError)) return null;
  const e = err.fieldErrors.find((x) => x.path === 'query' && (TOPIC_QUERY_ERROR_CODES as readonly string[]).includes(x.code));
  return e ? { code: e.code as TopicQueryErrorCode, offset: e.limit ?? 0, length: errorLength(source, e.limit ?? 0), source } : null;
}

function TopicForm({ topic }: { topic: Topic | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('topic.manage');
  const save = useSaveTopic();
  const [name, setName] = useState(topic?.name ?? '');
  const [description, setDescription] = useState(topic?.description ?? '');
  const [query, setQuery] = useState(topic?.query ?? '');
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<(PointedError & { source: string }) | null>(null);
  const parsed = useParsedQuery(query);
  const readOnly = !canManage;

  const submit = async () => {
    setTouched(true);
    if (!name.trim()) return setErrors({ name: t('validation.required') });
    if (!parsed.ok) return void notifications.show({ color: 'red', message: t('monitoring.topics.page.fixQuery') });
    setErrors({});
    setServerError(null);
    try {
      const body = { name: name.trim(), query, description: description.trim() || null };
      if (!topic) {
        const created = await save.mutateAsync(body);
        notifySuccess(t('monitoring.topics.page.created'));
        void navigate({ to: `/monitoring/topics/${created.id}`, replace: true });
      } else {
        await save.mutateAsync({ id: topic.id, ...body });
        notifySuccess(query !== topic.query ? t('monitoring.topics.page.savedReapplied') : t('monitoring.topics.page.saved'));
      }
    } catch (err) {
      setErrors(fieldErrors(err, t));
      setServerError(serverQueryError(err, query));
      notifyError(err, t);
    }
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <Stack gap="sm">
                <TextInput
                  label={t('monitoring.topics.field.name')}
                  placeholder={t('monitoring.topics.field.namePlaceholder')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                  readOnly={readOnly}
                  required={!readOnly}
                  maxLength={120}
                />
                <Textarea
                  label={t('monitoring.topics.field.description')}
                  placeholder={t('monitoring.topics.field.descriptionPlaceholder')}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  error={errors.description}
                  readOnly={readOnly}
                  autosize
                  minRows={1}
                  maxLength={500}
                />
                <QueryEditor
                  value={query}
                  onChange={setQuery}
                  readOnly={readOnly}
                  touched={touched}
                  onBlur={() => query && setTouched(true)}
                  serverError={serverError && serverError.source === query ? serverError : null}
                />
                {errors.query && !serverError ? (
                  <Text size="sm" c="red">
                    {errors.query}
                  </Text>
                ) : null}
                {canManage ? (
                  <Group justify="space-between">
                    <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending}>
                      {topic ? t('monitoring.topics.page.save') : t('common.create')}
                    </Button>
                    {topic ? <ArchiveButton topic={topic} /> : null}
                  </Group>
                ) : null}
              </Stack>
            </form>
          </Paper>
          {topic ? <SensitivityCard topic={topic} /> : null}
          <TopicPreview query={query} valid={parsed.ok} />
          {topic && canManage ? <ReapplyCard topic={topic} unsavedQuery={query !== topic.query} /> : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <SyntaxHelp />
      </Grid.Col>
    </Grid>
  );
}

/** /monitoring/topics/new and /monitoring/topics/$id. */
export function TopicEditPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id?: string };
  const canManage = useCan('topic.manage');
  const topics = useQuery(topicsQuery);
  const title = !id
    ? t('monitoring.topics.page.newTitle')
    : canManage
      ? t('monitoring.topics.page.editTitle')
      : t('monitoring.topics.page.viewTitle');
  return (
    <RequirePermission permission={id ? 'topic.read' : 'topic.manage'}>
      <Stack gap="md">
        <Anchor
          component={Link}
          to="/monitoring/topics"
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
        >
          <IconArrowLeft size={14} aria-hidden />
          {t('monitoring.topics.page.back')}
        </Anchor>
        {id ? (
          <QueryState query={topics}>
            {(list) => {
              const topic = list.find((x) => x.id === id);
              if (!topic) return <Text c="dimmed">{t('monitoring.topics.page.notFound')}</Text>;
              return (
                <Stack gap="md">
                  <Group gap="sm">
                    <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
                      {title}
                    </Title>
                    {topic.archived ? <Badge color="gray">{t('monitoring.topics.archived')}</Badge> : null}
                  </Group>
                  {topic.archived ? (
                    <Text size="sm" c="dimmed">
                      {t('monitoring.topics.archive.hint')}
                    </Text>
                  ) : null}
                  {canManage ? null : (
                    <Text size="sm" c="dimmed">
                      {t('monitoring.topics.readOnly')}
                    </Text>
                  )}
                  <TopicForm key={topic.id} topic={topic} />
                </Stack>
              );
            }}
          </QueryState>
        ) : (
          <Stack gap="md">
            <Title order={2} size="h3">
              {title}
            </Title>
            <TopicForm topic={null} />
          </Stack>
        )}
      </Stack>
    </RequirePermission>
  );
}
