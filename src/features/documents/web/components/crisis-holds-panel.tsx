// The legal holds on a whole crisis, shown on the documents list when it is filtered by that crisis (for those
// who may place holds): every document linked to the crisis is covered while one is in force.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../web/ui/query-state.tsx';
import { crisisHoldsQuery, useDocumentsChanged } from '../queries.ts';
import { HoldsPanel } from './holds-panel.tsx';

/** The crisis's holds panel. */
export function CrisisHoldsPanel({ crisisId }: { crisisId: string }) {
  const { t } = useTranslation();
  const holds = useQuery(crisisHoldsQuery(crisisId));
  const changed = useDocumentsChanged();
  if (holds.error) return <ErrorAlert error={holds.error} onRetry={() => void holds.refetch()} />;
  if (!holds.data) return null;
  return (
    <HoldsPanel
      title={t('documents.crisisHolds.title')}
      empty={t('documents.crisisHolds.none')}
      intro={t('documents.crisisHolds.intro')}
      holds={holds.data}
      target={{ crisisId }}
      canManage
      onChanged={changed}
    />
  );
}
