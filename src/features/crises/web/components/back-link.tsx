// The "← 所有危機" link at the top of the declare form and of a crisis room.
import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** A link back to the crises list. */
export function BackToCrises() {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to="/crises"
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
    >
      <IconArrowLeft size={14} aria-hidden />
      {t('crises.room.back')}
    </Anchor>
  );
}
