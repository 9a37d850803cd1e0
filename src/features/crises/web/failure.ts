// How a failed change in a crisis room is reported: a stale version (someone else changed it first) reloads the
// room with a plain explanation; anything else is an error notification.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../web/api.ts';
import { notifyError } from '../../../web/errors.ts';

/** True when the server refused a change because what the user saw was out of date. */
export function isConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'conflict';
}

/** Returns a reporter for failures; `stale` names the message for a conflict. */
export function useRoomFailure(stale: 'crises.room.stale' | 'crises.tasks.stale' = 'crises.room.stale') {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (isConflict(err)) {
      notifications.show({ color: 'yellow', title: t('errors.conflict'), message: t(stale), autoClose: 8000 });
      void qc.invalidateQueries({ queryKey: ['crises'] });
    } else notifyError(err, t);
  };
}
