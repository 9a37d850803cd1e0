// The "← 所有危機" link at the top of the declare form and of a crisis room.
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../../web/ui/back-link.tsx';

/** A link back to the crises list. */
export function BackToCrises() {
  const { t } = useTranslation();
  return <BackLink to="/crises" label={t('crises.room.back')} />;
}
