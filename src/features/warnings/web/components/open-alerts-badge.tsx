// The number of open alerts, for the navigation (shown only to people who may read alerts, and only when > 0).
import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { openAlertCountQuery } from '../queries.ts';

/** How many alerts are open (the shell shows it only to people with `alert.read`). */
export function useOpenAlertCount(enabled: boolean): number {
  return useQuery({ ...openAlertCountQuery, enabled }).data ?? 0;
}

/** A red count badge, or nothing when no alert is open. */
export function OpenAlertsBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <>
      <Badge size="sm" color="red" variant="filled" circle={count < 10} aria-hidden data-testid="open-alerts-badge">
        {count > 99 ? '99+' : count}
      </Badge>
      <VisuallyHidden>{t('warnings.openCount', { count })}</VisuallyHidden>
    </>
  );
}
