// A moment shown both ways: relative ("5 分鐘前", "剛剛" under a minute) and exact in the organisation's zone.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { relativeTime } from '../../../monitoring/web/mentions/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { useNow } from '../clock.ts';

/** "5 分鐘前 · 2025年3月1日 下午2:05"; `phrase` wraps the relative part ("5 分鐘前宣告"). */
export function When({ iso, phrase }: { iso: string; phrase?: (time: string) => string }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const now = useNow(30_000);
  const recent = Math.abs(now - new Date(iso).getTime()) < 60_000;
  const rel = recent ? t('warnings.justNow') : relativeTime(iso, now);
  return (
    <Text component="time" dateTime={iso} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {phrase ? phrase(rel) : rel} · {formatDateTime(iso, zone)}
    </Text>
  );
}
