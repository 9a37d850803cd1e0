// How a failed change on the plan page is reported: a stale version refetches with a plain explanation; anything
// else is an error notification.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../web/errors.ts';
import { isConflict } from '../../../crises/web/failure.ts';
import { statementsKeys } from '../queries.ts';

/** Returns a reporter for failed plan and fact sheet changes. */
export function usePlanFailure() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (err: unknown) => {
    if (isConflict(err)) {
      notifications.show({ color: 'yellow', title: t('errors.conflict'), message: t('statementPlan.stale'), autoClose: 8000 });
      void qc.invalidateQueries({ queryKey: statementsKeys.all });
    } else notifyError(err, t);
  };
}
