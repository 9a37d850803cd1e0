// How a failed review action is reported: a stale statement (409) is reloaded with a plain explanation; anything
// else is an error notification.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../web/errors.ts';
import { isConflict } from '../../../crises/web/failure.ts';
import { statementsKeys } from '../queries.ts';

/** Returns a reporter for failed review actions. */
export function useReviewFailure() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (isConflict(err)) {
      notifications.show({ color: 'yellow', title: t('errors.conflict'), message: t('statementReview.stale'), autoClose: 8000 });
      void qc.invalidateQueries({ queryKey: statementsKeys.all });
    } else notifyError(err, t);
  };
}
