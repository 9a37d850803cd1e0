// Renders its children only for users holding a permission; others see a plain "not allowed" message.
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../session.ts';

/** Guards a page the navigation already hides from users without the permission. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (!useCan(permission)) {
    return (
      <Alert color="yellow" role="alert">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return <>{children}</>;
}
