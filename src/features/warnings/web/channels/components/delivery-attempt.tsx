// One delivery attempt in a line ("第 2 次 · 14:03:22 · 失敗 · HTTP 500 · 120 毫秒") with its error underneath,
// and the raw error text block. Errors come from receivers and transports, in English: shown as-is, as text.
import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../queries.ts';

type Attempt = Delivery['attempts'][number];

/** A receiver's or transport's message, verbatim, in a muted monospace block that wraps on a phone. */
export function RawError({ text, label }: { text: string; label?: string }) {
  return (
    <Stack gap={2}>
      {label ? (
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      ) : null}
      <Code block c="dimmed" fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="raw-error">
        {text}
      </Code>
    </Stack>
  );
}

/** Exact time with seconds (retries come seconds apart). */
function useAttemptTime() {
  const { i18n } = useTranslation();
  const f = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (iso: string) => f.format(new Date(iso));
}

/** One attempt: number, time, result, HTTP status, duration, and the error when it failed. */
export function AttemptLine({ attempt: a }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const time = useAttemptTime();
  const k = 'warnings.channels.deliveries';
  return (
    <Stack gap={4} data-testid="delivery-attempt" data-ok={a.ok}>
      <Group gap={6} wrap="wrap" style={{ rowGap: 2 }}>
        <Text size="xs" fw={600}>
          {t(`${k}.attempt`, { n: a.attempt })}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={a.at}>
          {time(a.at)}
        </Text>
        <Badge size="xs" variant="light" color={a.ok ? 'teal' : 'red'} tt="none">
          {t(a.ok ? `${k}.ok` : `${k}.notOk`)}
        </Badge>
        {a.statusCode === null ? null : (
          <Text size="xs" ff="monospace" data-testid="attempt-status">
            {t(`${k}.statusCode`, { code: a.statusCode })}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t(`${k}.duration`, { ms: a.durationMs })}
        </Text>
      </Group>
      {a.error ? <RawError text={a.error} /> : null}
    </Stack>
  );
}
