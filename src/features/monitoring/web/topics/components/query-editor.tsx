// The topic query editor: a monospace textarea parsed on every keystroke (in the browser, with the
// server's own parser), the error translated and pointed at the exact characters, with line and column.
import { Badge, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_QUERY_LENGTH, parseTopicQuery, type TopicQueryError, topicTerms } from '../../../topic-query.ts';
import { positionOf, queryErrorMessage } from '../query-errors.ts';

/** An error to point at: the parser's, or one the server sent back on save. */
export type PointedError = Pick<TopicQueryError, 'code' | 'offset' | 'length'>;

/** Parses a query for the editor (cheap: compiled once per keystroke, no server round trip). */
export function useParsedQuery(source: string) {
  return useMemo(() => parseTopicQuery(source), [source]);
}

const CONTEXT = 40;

/** The line holding the error, with the offending characters marked (a caret when the range is empty). */
function ErrorPointer({ source, error }: { source: string; error: PointedError }) {
  const { t } = useTranslation();
  const { lineStart, lineEnd } = positionOf(source, error.offset);
  const start = Math.max(lineStart, error.offset - CONTEXT);
  const end = Math.min(lineEnd, error.offset + Math.max(error.length, 1) + CONTEXT);
  const badEnd = Math.min(lineEnd, error.offset + error.length);
  const before = source.slice(start, error.offset);
  const bad = source.slice(error.offset, badEnd);
  const after = source.slice(badEnd, end);
  return (
    <Box
      component="pre"
      data-testid="query-error-pointer"
      m={0}
      p="xs"
      style={{
        fontFamily: 'var(--mantine-font-family-monospace)',
        fontSize: 'var(--mantine-font-size-sm)',
        background: 'var(--mantine-color-default-hover)',
        borderRadius: 'var(--mantine-radius-sm)',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {start > lineStart ? '…' : ''}
      {before}
      {bad.trim() ? (
        <span
          data-testid="query-error-mark"
          style={{
            background: 'var(--mantine-color-red-light)',
            color: 'var(--mantine-color-red-light-color)',
            textDecoration: 'underline wavy var(--mantine-color-red-6)',
            textUnderlineOffset: 3,
            borderRadius: 2,
          }}
        >
          {bad}
        </span>
      ) : (
        <span
          data-testid="query-error-mark"
          title={t('monitoring.topics.editor.endOfQuery')}
          style={{ borderLeft: '2px solid var(--mantine-color-red-6)', marginLeft: 1, background: 'var(--mantine-color-red-light)' }}
        >
          {bad || '\u2002'}
        </span>
      )}
      {after}
      {end < lineEnd ? '…' : ''}
    </Box>
  );
}

type Props = {
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  /** Show "empty query" too (after the first save attempt or once the field was left). */
  touched: boolean;
  onBlur?: () => void;
  /** An error the server reported on save, shown when the text still is what was saved. */
  serverError?: PointedError | null;
};

/** The editor with live syntax feedback. */
export function QueryEditor({ value, onChange, readOnly, touched, onBlur, serverError }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const parsed = useParsedQuery(value);
  const local = parsed.ok ? null : parsed.errors[0];
  const error: PointedError | null = local && (touched || local.code !== 'EMPTY_QUERY') ? local : (serverError ?? null);
  const pos = error ? positionOf(value, error.offset) : null;
  const multiline = value.includes('\n');
  const select = () => {
    const el = ref.current;
    if (!el || !error) return;
    el.focus();
    el.setSelectionRange(error.offset, error.offset + Math.max(error.length, 0));
  };
  const terms = parsed.ok ? topicTerms(parsed.query).slice(0, 16) : [];
  return (
    <Stack gap={6}>
      <Textarea
        ref={ref}
        label={t('monitoring.topics.field.query')}
        placeholder={t('monitoring.topics.field.queryPlaceholder')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={onBlur}
        readOnly={readOnly}
        autosize
        minRows={3}
        maxRows={12}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        required={!readOnly}
        error={error ? true : undefined}
        aria-describedby="topic-query-feedback"
        data-testid="topic-query"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
      />
      <div id="topic-query-feedback" aria-live="polite">
        {error && pos ? (
          <Stack gap={6} data-testid="query-error" data-code={error.code} data-column={pos.column}>
            <Group gap={6} wrap="nowrap" align="flex-start" c="red">
              <IconAlertCircle size={18} style={{ flex: 'none', marginTop: 2 }} aria-hidden />
              <Text size="sm" c="red">
                <Text span fw={600} inherit>
                  {multiline
                    ? t('monitoring.topics.editor.position', { line: pos.line, column: pos.column })
                    : t('monitoring.topics.editor.positionShort', { column: pos.column })}
                </Text>
                {'　'}
                {queryErrorMessage(error.code, value, error.offset, error.length, t)}
              </Text>
            </Group>
            {value ? <ErrorPointer source={value} error={error} /> : null}
            {value && !readOnly ? (
              <Button variant="subtle" size="compact-xs" color="red" onClick={select} style={{ alignSelf: 'flex-start' }}>
                {t('monitoring.topics.editor.jump')}
              </Button>
            ) : null}
          </Stack>
        ) : parsed.ok ? (
          <Group gap={6} data-testid="query-ok" wrap="wrap" style={{ rowGap: 4 }}>
            <Group gap={4} c="teal" wrap="nowrap">
              <IconCircleCheck size={16} aria-hidden />
              <Text size="sm" c="teal">
                {t('monitoring.topics.editor.ok')}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('monitoring.topics.editor.terms')}
            </Text>
            {terms.map((term) => (
              <Badge key={`${term.phrase}|${term.prefix}|${term.value}`} variant="light" color="gray" style={{ textTransform: 'none' }}>
                {term.phrase ? `"${term.text}"` : term.prefix ? `${term.text}*` : term.text}
              </Badge>
            ))}
          </Group>
        ) : null}
      </div>
      <Text size="xs" c={value.length > MAX_QUERY_LENGTH ? 'red' : 'dimmed'} ta="right">
        {t('monitoring.topics.editor.count', { count: value.length, max: MAX_QUERY_LENGTH })}
      </Text>
    </Stack>
  );
}
