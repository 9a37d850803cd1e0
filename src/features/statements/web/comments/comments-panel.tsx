// The comment threads beside the statement's text (below it on a phone): the comment being written on the selected
// words, then each thread with its quote (struck through, with a note, when the text no longer has those words),
// who wrote it and when, its replies, and resolve / reopen; resolved threads on request. Clicking a thread selects
// its words in the text. Everything people wrote is shown as plain text.
import { Alert, Badge, Button, Card, CloseButton, Group, Paper, Stack, Switch, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMessagePlus, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../web/errors.ts';
import { When } from '../../../crises/web/components/when.tsx';
import { isConflict } from '../../../crises/web/failure.ts';
import { type CommentThread, MAX_COMMENT_CHARS } from '../../comments-contract.ts';
import type { Placed } from './anchors.ts';
import { commentsKey, useCommentAction } from './queries.ts';
import type { Comments } from './use-comments.ts';

function useFailure(statementId: string) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (isConflict(err)) {
      notifications.show({ color: 'yellow', title: t('errors.conflict'), message: t('statementComments.stale'), autoClose: 8000 });
      void qc.invalidateQueries({ queryKey: commentsKey(statementId) });
    } else notifyError(err, t);
  };
}

/** A small form: a text area and its two buttons. */
function BodyForm({
  label,
  submit,
  onSubmit,
  onCancel,
  testId,
  placeholder,
}: {
  label: string;
  submit: string;
  onSubmit: (body: string) => Promise<boolean>;
  onCancel: () => void;
  testId: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    const ok = await onSubmit(body.trim());
    setBusy(false);
    if (ok) setBody('');
  };
  return (
    <Stack gap={6} data-testid={testId}>
      <Textarea
        label={label}
        placeholder={placeholder}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={MAX_COMMENT_CHARS}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send();
          if (e.key === 'Escape') onCancel();
        }}
        data-autofocus
        autoFocus
      />
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="subtle" color="gray" onClick={onCancel}>
          {t('statementComments.form.cancel')}
        </Button>
        <Button size="xs" onClick={() => void send()} loading={busy} disabled={!body.trim()} data-testid={`${testId}-submit`}>
          {submit}
        </Button>
      </Group>
    </Stack>
  );
}

function ThreadCard({
  thread: th,
  placed,
  active,
  comments,
  statementId,
}: {
  thread: CommentThread;
  placed: Placed | undefined;
  active: boolean;
  comments: Comments;
  statementId: string;
}) {
  const { t } = useTranslation();
  const act = useCommentAction(statementId);
  const fail = useFailure(statementId);
  const [replying, setReplying] = useState(false);
  const anchor = placed?.anchor ?? th.anchor;
  const lost = anchor === 'lost';
  const name = (p: CommentThread['author']) => p?.name || t('statementComments.unknownAuthor');
  const toggle = async () => {
    try {
      await act.mutateAsync({ kind: th.resolved ? 'reopen' : 'resolve', id: th.id, version: th.version });
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Paper
      withBorder
      radius="sm"
      p="xs"
      tabIndex={-1}
      data-testid="comment-thread"
      data-thread-id={th.id}
      data-anchor={anchor}
      data-active={active ? 'true' : 'false'}
      data-resolved={th.resolved ? 'true' : 'false'}
      style={{
        borderLeft: `3px solid var(--mantine-color-${lost ? 'gray' : th.resolved ? 'teal' : 'yellow'}-6)`,
        background: active ? 'var(--mantine-color-yellow-light)' : undefined,
        opacity: th.resolved && !active ? 0.8 : 1,
      }}
    >
      <Stack gap={6}>
        <UnstyledButton
          onClick={() => comments.focusInText(th.id)}
          disabled={lost}
          title={lost ? undefined : t('statementComments.focus')}
          data-testid="comment-quote"
          style={{ display: 'block', width: '100%' }}
        >
          <Text
            size="sm"
            fw={600}
            td={lost ? 'line-through' : undefined}
            c={lost ? 'dimmed' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            「{th.quote}」
          </Text>
        </UnstyledButton>
        {lost ? (
          <Text size="xs" c="orange" data-testid="comment-lost">
            {t('statementComments.lost')}
          </Text>
        ) : null}
        <Group gap={6} wrap="wrap">
          {th.resolved ? (
            <Badge color="teal" variant="light" tt="none" size="sm" leftSection={<IconCheck size={12} />}>
              {t('statementComments.resolvedBy', { name: name(th.resolved.by) })}
            </Badge>
          ) : null}
          {anchor === 'moved' ? (
            <Text size="xs" c="dimmed">
              {t('statementComments.moved')}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('statementComments.version', { number: th.versionNumber })}
          </Text>
        </Group>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {name(th.author)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="comment-body">
            {th.body}
          </Text>
          <When iso={th.createdAt} />
        </Stack>
        {th.replies.map((r) => (
          <Stack
            key={r.id}
            gap={2}
            pl="sm"
            style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
            data-testid="comment-reply"
          >
            <Text size="sm" fw={600}>
              {name(r.author)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.body}
            </Text>
            <When iso={r.createdAt} />
          </Stack>
        ))}
        {replying ? (
          <BodyForm
            label={t('statementComments.reply.label')}
            submit={t('statementComments.reply.submit')}
            testId="reply-form"
            onCancel={() => setReplying(false)}
            onSubmit={async (body) => {
              try {
                await act.mutateAsync({ kind: 'reply', id: th.id, body });
                setReplying(false);
                return true;
              } catch (err) {
                fail(err);
                return false;
              }
            }}
          />
        ) : (
          <Group gap="xs" justify="flex-end" wrap="wrap">
            <Button size="compact-xs" variant="subtle" onClick={() => setReplying(true)} data-testid="comment-reply-open">
              {t('statementComments.reply.open')}
            </Button>
            {th.canResolve ? (
              <Button
                size="compact-xs"
                variant="light"
                color={th.resolved ? 'gray' : 'teal'}
                leftSection={th.resolved ? <IconRefresh size={14} /> : <IconCheck size={14} />}
                onClick={() => void toggle()}
                loading={act.isPending}
                data-testid={th.resolved ? 'comment-reopen' : 'comment-resolve'}
              >
                {th.resolved ? t('statementComments.reopen') : t('statementComments.resolve')}
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The comments panel. */
export function CommentsPanel({ comments, statementId }: { comments: Comments; statementId: string }) {
  const { t } = useTranslation();
  const act = useCommentAction(statementId);
  const fail = useFailure(statementId);
  const { threads, placed, draft } = comments;
  const open = threads.filter((x) => !x.resolved).length;
  // In the order of the text; threads whose words are gone last.
  const shown = threads
    .filter((x) => comments.showResolved || !x.resolved)
    .map((x) => ({ x, at: placed.get(x.id)?.range?.from ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at)
    .map((a) => a.x);
  return (
    <Card withBorder radius="md" padding="md" data-testid="comments-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {t('statementComments.title')}
          </Title>
          <Text size="xs" c={open ? 'yellow.8' : 'dimmed'} aria-live="polite" data-testid="comments-count">
            {t('statementComments.count', { count: open })}
          </Text>
        </Group>
        <Switch
          size="xs"
          label={t('statementComments.showResolved')}
          checked={comments.showResolved}
          onChange={(e) => comments.setShowResolved(e.currentTarget.checked)}
          data-testid="comments-show-resolved"
        />
        {draft && !draft.ok ? (
          <Alert color={draft.reason === 'unsaved' ? 'orange' : 'blue'} variant="light" p="xs" data-testid="comment-draft-hint">
            <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">{draft.reason === 'unsaved' ? t('statementComments.form.unsaved') : t('statementComments.addHint')}</Text>
              <CloseButton size="sm" onClick={() => comments.setDraft(null)} aria-label={t('statementComments.form.cancel')} />
            </Group>
          </Alert>
        ) : null}
        {draft?.ok ? (
          <Paper withBorder radius="sm" p="xs" style={{ borderLeft: '3px solid var(--mantine-color-blue-6)' }}>
            <Stack gap={6}>
              <Group gap={6} wrap="nowrap">
                <IconMessagePlus size={16} />
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="comment-draft-quote">
                  {t('statementComments.form.quote', { quote: draft.quote })}
                </Text>
              </Group>
              <BodyForm
                label={t('statementComments.form.label')}
                placeholder={t('statementComments.form.placeholder')}
                submit={t('statementComments.form.submit')}
                testId="comment-form"
                onCancel={() => comments.setDraft(null)}
                onSubmit={async (body) => {
                  try {
                    const th = await act.mutateAsync({
                      kind: 'add',
                      input: { versionNumber: draft.versionNumber, start: draft.start, end: draft.end, body },
                    });
                    comments.setDraft(null);
                    comments.setActive(th.id);
                    return true;
                  } catch (err) {
                    fail(err);
                    return false;
                  }
                }}
              />
            </Stack>
          </Paper>
        ) : null}
        {threads.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="comments-none">
            {t('statementComments.none')}
          </Text>
        ) : shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('statementComments.noneOpen')}
          </Text>
        ) : (
          <Stack gap="xs">
            {shown.map((x) => (
              <ThreadCard
                key={x.id}
                thread={x}
                placed={placed.get(x.id)}
                active={comments.active === x.id}
                comments={comments}
                statementId={statementId}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
