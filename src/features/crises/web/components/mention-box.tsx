// A comment composer with @mentions: typing "@" followed by the start of a name offers the people who may read the
// crisis (its team, and the organisation's admins and managers when the viewer may list users); picking one
// inserts "@名字 ". The server resolves mentions from the text the same way (the longest name after each "@").
import { Button, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import { usersQuery } from '../../../people/web/queries.ts';
import type { CrisisDetail } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { useAddComment } from '../queries.ts';

/** The people one may mention in this crisis's room. */
function useMentionable(crisis: CrisisDetail): { id: string; name: string }[] {
  const listsUsers = useCan('user.list');
  const users = useQuery({ ...usersQuery, enabled: listsUsers });
  const out = new Map<string, string>();
  for (const m of crisis.team) out.set(m.userId, m.name);
  for (const u of users.data ?? []) if (u.status === 'active' && (u.role === 'admin' || u.role === 'manager')) out.set(u.id, u.name);
  return [...out].map(([id, name]) => ({ id, name }));
}

/** The "@partial" being typed just before the cursor, if any. */
function typing(text: string, cursor: number): { start: number; query: string } | null {
  const m = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, cursor));
  return m ? { start: cursor - m[2].length - 1, query: m[2] } : null;
}

/** The composer. */
export function MentionBox({ crisis, taskId }: { crisis: CrisisDetail; taskId: string }) {
  const { t } = useTranslation();
  const add = useAddComment(crisis.id);
  const fail = useRoomFailure();
  const people = useMentionable(crisis);
  const [text, setText] = useState('');
  const [cursor, setCursor] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const at = typing(text, cursor);
  const q = at?.query.toLowerCase() ?? '';
  const suggestions = at ? people.filter((p) => p.name.toLowerCase().includes(q)).slice(0, 6) : [];

  const pick = (name: string) => {
    if (!at) return;
    const next = `${text.slice(0, at.start)}@${name} ${text.slice(cursor)}`;
    const pos = at.start + name.length + 2;
    setText(next);
    setCursor(pos);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(pos, pos);
    });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) {
      setError(t('validation.required'));
      return;
    }
    try {
      await add.mutateAsync({ taskId, body });
      setText('');
      setCursor(0);
      setError(null);
      notifySuccess(t('crises.tasks.commentAdded'));
    } catch (err) {
      setError(fieldErrors(err, t).body ?? null);
      fail(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={6}>
        <Textarea
          ref={ref}
          label={t('crises.tasks.comment')}
          placeholder={t('crises.tasks.commentPlaceholder')}
          autosize
          minRows={2}
          maxLength={5000}
          value={text}
          error={error}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setCursor(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
          }}
          onSelect={(e) => setCursor(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && suggestions.length > 0 && !e.shiftKey) {
              e.preventDefault();
              pick(suggestions[0].name);
            }
          }}
          data-testid="comment-input"
        />
        {suggestions.length > 0 ? (
          <Paper withBorder p={4} radius="sm" role="listbox" aria-label={t('crises.tasks.mentionHint')} data-testid="mention-suggestions">
            <Text size="xs" c="dimmed" px={6}>
              {t('crises.tasks.mentionHint')}
            </Text>
            {suggestions.map((p) => (
              <UnstyledButton
                key={p.id}
                role="option"
                aria-selected={false}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(p.name)}
                px={6}
                py={4}
                style={{ display: 'block', width: '100%', borderRadius: 4 }}
              >
                <Text size="sm">@{p.name}</Text>
              </UnstyledButton>
            ))}
          </Paper>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('crises.tasks.commentSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
