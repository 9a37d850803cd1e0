// A source's status at a glance: the health badge, relative times, the numbers, and the last error in plain text.
import { Alert, Badge, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../../web/format.ts';
import i18n from '../../../../../web/i18n/index.ts';
import type { SourceHealth, SourceOut } from '../../../source-contract.ts';
import { zhTW } from '../messages.ts';

const healthColor: Record<SourceHealth, string> = { ok: 'teal', failing: 'red', waiting: 'blue', paused: 'gray' };

/** The coloured health badge. */
export function HealthBadge({ health }: { health: SourceHealth }) {
  const { t } = useTranslation();
  return (
    <Badge color={healthColor[health]} variant="light" style={{ flex: 'none' }}>
      {t(`monitoring.sources.health.${health}`)}
    </Badge>
  );
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 minutes ago" / "in 5 minutes" in the interface language. */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const fmt = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return fmt.format(Math.round(diff / ms), unit);
  return fmt.format(Math.round(diff / 1000), 'second');
}

/** A timestamp shown relative, with the exact time on hover. */
export function When({ iso, fallback }: { iso: string | null; fallback: string }) {
  if (!iso) return <>{fallback}</>;
  return (
    <Tooltip label={formatDateTime(iso)} openDelay={300}>
      <time dateTime={iso}>{relativeTime(iso)}</time>
    </Tooltip>
  );
}

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The status numbers: last run, next run, items per hour and in the last hour (compact: four of them). */
export function SourceStats({ source: s, full = false }: { source: SourceOut; full?: boolean }) {
  const { t } = useTranslation();
  const k = 'monitoring.sources.stat';
  const next =
    s.mode === 'stream' && s.status === 'active' ? t(`${k}.continuous`) : <When iso={s.nextRunAt} fallback={t(`${k}.notScheduled`)} />;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
      <Stat label={t(`${k}.lastRun`)}>
        <When iso={s.lastRunAt} fallback={t(`${k}.never`)} />
      </Stat>
      <Stat label={t(`${k}.nextRun`)}>{s.mode === 'push' ? t(`${k}.notScheduled`) : next}</Stat>
      <Stat label={t(`${k}.perHour`)}>{t('monitoring.sources.perHourValue', { count: s.itemsPerHour })}</Stat>
      <Stat label={t(`${k}.lastHour`)}>{t('monitoring.sources.itemsValue', { count: s.itemsLastHour })}</Stat>
      {full ? (
        <>
          <Stat label={t(`${k}.lastSuccess`)}>
            <When iso={s.lastSuccessAt} fallback={t(`${k}.never`)} />
          </Stat>
          <Stat label={t(`${k}.total`)}>{t('monitoring.sources.itemsValue', { count: s.itemsTotal })}</Stat>
          <Stat label={t(`${k}.lastItems`)}>
            {s.lastItems === null ? t(`${k}.notScheduled`) : t('monitoring.sources.itemsValue', { count: s.lastItems })}
          </Stat>
          <Stat label={t(`${k}.duration`)}>
            {s.lastDurationMs === null
              ? t(`${k}.notScheduled`)
              : t('monitoring.sources.durationValue', { seconds: (s.lastDurationMs / 1000).toFixed(1) })}
          </Stat>
        </>
      ) : null}
    </SimpleGrid>
  );
}

const errorCodeKeys = zhTW.errorCodes;

/** The last error as text (never HTML), when it is current or recent, with what happens next. */
export function LastError({ source: s, compact = false }: { source: SourceOut; compact?: boolean }) {
  const { t } = useTranslation();
  if (!s.lastError || !s.lastErrorAt) return null;
  const current = s.health === 'failing';
  if (compact && !current) return null;
  const code = s.lastErrorCode && s.lastErrorCode in errorCodeKeys ? (s.lastErrorCode as keyof typeof errorCodeKeys) : null;
  return (
    <Alert
      color={current ? 'red' : 'gray'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('monitoring.sources.lastError')}
      p={compact ? 'xs' : 'sm'}
    >
      {code ? (
        <>
          <Text size="sm">{t(`monitoring.sources.errorCodes.${code}`)}</Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('monitoring.sources.errorDetail', { detail: s.lastError })}
          </Text>
        </>
      ) : (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {s.lastError}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('monitoring.sources.lastErrorAt', { time: formatDateTime(s.lastErrorAt) })}{' '}
        {current
          ? s.mode === 'poll' && s.consecutiveFailures > 0
            ? `${t('monitoring.sources.failuresInRow', { count: s.consecutiveFailures })} ${t('monitoring.sources.retrying')}`
            : ''
          : t('monitoring.sources.errorResolved')}
      </Text>
    </Alert>
  );
}

const translatedKinds = ['push', 'import', 'report', 'rss', 'jetstream'] as const;
const isTranslatedKind = (k: string): k is (typeof translatedKinds)[number] => (translatedKinds as readonly string[]).includes(k);

/** The kind of a source in words: a connector's label, or the built-in kind translated. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (s: Pick<SourceOut, 'kind' | 'kindLabel'>) => (isTranslatedKind(s.kind) ? t(`monitoring.sources.kind.${s.kind}`) : s.kindLabel);
}
