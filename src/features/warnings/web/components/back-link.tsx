// The "← 所有預警" link at the top of an alert's page and of the grading settings.
import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** A link back to the inbox. */
export function BackToAlerts() {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to="/alerts"
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
    >
      <IconArrowLeft size={14} aria-hidden />
      {t('warnings.detail.back')}
    </Anchor>
  );
}
