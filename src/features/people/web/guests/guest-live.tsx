// Live behaviour of the guest screens: guest.*/external_org.* events refresh the guest queries; for a guest, a
// grant change refetches every document and search on screen and, when access was removed, says so at once; and
// any read answered 403 `nda_required` sends the guest to the NDA page.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { onLiveEvent } from '../../../../web/live.ts';
import { type GuestSelf, guestsKeys } from './queries.ts';

/** What the banner says: the crisis whose access was removed (null: not known, e.g. the page was opened since). */
type Removed = { crisis: string | null };

/** The crisis title of a grant, from the guest's own view as it was before the change. */
function crisisOfGrant(qc: QueryClient, grantId: string | null): string | null {
  const before = qc.getQueryData<GuestSelf>(guestsKeys.self);
  return before?.grants.find((g) => g.id === grantId)?.crisisTitle ?? null;
}

/** Wires the guest live behaviour; returns what access was just removed (guests only) and how to dismiss it. */
export function useGuestLive(isGuest: boolean): { removed: Removed | null; dismiss: () => void } {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [removed, setRemoved] = useState<Removed | null>(null);
  useEffect(
    () =>
      onLiveEvent((e) => {
        if (!e.type.startsWith('guest.') && !e.type.startsWith('external_org.')) return;
        if (isGuest && (e.type === 'guest.grant_revoked' || e.type === 'guest.grant_updated' || e.type.startsWith('external_org.'))) {
          if (e.type === 'guest.grant_revoked') setRemoved({ crisis: crisisOfGrant(qc, e.id) });
          // What this guest may open changed: everything on screen is asked for again. Reset, not invalidated: a
          // failed refetch would otherwise leave the old data on screen, and a document now gone must vanish.
          void qc.resetQueries({ queryKey: ['documents'] });
          void qc.resetQueries({ queryKey: ['search'] });
        }
        void qc.invalidateQueries({ queryKey: guestsKeys.all });
      }),
    [qc, isGuest],
  );
  useEffect(() => {
    if (!isGuest) return;
    return qc.getQueryCache().subscribe((ev) => {
      const err = ev.query.state.error;
      if (ev.type === 'updated' && err instanceof ApiError && err.code === 'nda_required') void navigate({ to: '/guest/nda' });
    });
  }, [qc, isGuest, navigate]);
  return { removed, dismiss: () => setRemoved(null) };
}

/** The "access removed" notice shown above the page at once when a grant is revoked. */
export function AccessRemovedBanner({ removed, onDismiss }: { removed: Removed; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconLock />} mb="md" role="alert" data-testid="access-removed">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">{removed.crisis ? t('guests.accessRemoved', { crisis: removed.crisis }) : t('guests.accessRemovedGeneric')}</Text>
        <Button size="compact-sm" variant="subtle" color="red" onClick={onDismiss}>
          {t('guests.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
