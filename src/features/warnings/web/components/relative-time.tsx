// A time shown relative to now inside a sentence ("25 分鐘前開啟"), with the exact time on hover.
import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { relativeTime } from '../../../monitoring/web/mentions/format.ts';

/** `phrase` gets the relative time ("剛剛" under a minute) as `time`; the <time> element carries the exact one. */
export function RelativeTime({ iso, phrase, testId }: { iso: string; phrase: (time: string) => string; testId?: string }) {
  const { t } = useTranslation();
  const recent = Math.abs(Date.now() - new Date(iso).getTime()) < 60_000;
  return (
    <Tooltip label={formatDateTime(iso)} withArrow>
      <Text component="time" dateTime={iso} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
        {phrase(recent ? t('warnings.justNow') : relativeTime(iso))}
      </Text>
    </Tooltip>
  );
}
