// A deadline as a live countdown ("還有 12 分鐘" / "逾期 5 分鐘" in red), the exact time in the organisation's zone on hover.
import { Text, type TextProps, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { countdown, useNow } from '../clock.ts';

/** The countdown to `dueAt`, re-rendered every 15 s; `prefix` wraps it ("下一個期限：…"). */
export function Deadline({
  dueAt,
  prefix,
  testId,
  ...text
}: { dueAt: string; prefix?: (time: string) => string; testId?: string } & TextProps) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const now = useNow(15_000);
  const c = countdown(dueAt, now, t);
  return (
    <Tooltip label={formatDateTime(dueAt, zone)} withArrow>
      <Text
        component="time"
        dateTime={dueAt}
        size="sm"
        c={c.overdue ? 'red' : undefined}
        fw={c.overdue ? 600 : undefined}
        data-testid={testId}
        data-overdue={c.overdue}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        {...text}
      >
        <IconClock size={14} aria-hidden style={{ flex: 'none' }} />
        {prefix ? prefix(c.text) : c.text}
      </Text>
    </Tooltip>
  );
}
