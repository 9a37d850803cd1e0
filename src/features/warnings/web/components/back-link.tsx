// The "← 所有預警" link at the top of an alert's page and of the grading settings.
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../../web/ui/back-link.tsx';

/** A link back to the inbox. */
export function BackToAlerts() {
  const { t } = useTranslation();
  return <BackLink to="/alerts" label={t('warnings.detail.back')} />;
}
