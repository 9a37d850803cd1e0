// A template's legal sign-off as a badge: when legal last signed it off (green), not signed (orange), or a shipped
// template (which has none).
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import type { StatementTemplate } from '../../contract.ts';

/** The sign-off badge of a template. */
export function LegalBadge({ template, size = 'md' }: { template: StatementTemplate; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (template.builtin)
    return (
      <Badge variant="outline" color="gray" tt="none" size={size} data-testid="legal-status" data-signed="n/a">
        {t('statementSettings.legal.notApplicable')}
      </Badge>
    );
  return template.legalSignedAt ? (
    <Badge
      variant="light"
      color="teal"
      tt="none"
      size={size}
      leftSection={<IconShieldCheck size={14} />}
      data-testid="legal-status"
      data-signed="true"
      style={{ maxWidth: '100%' }}
    >
      {t('statementSettings.legal.signed', { date: formatDateTime(template.legalSignedAt) })}
    </Badge>
  ) : (
    <Badge
      variant="light"
      color="orange"
      tt="none"
      size={size}
      leftSection={<IconAlertTriangle size={14} />}
      data-testid="legal-status"
      data-signed="false"
    >
      {t('statementSettings.legal.unsigned')}
    </Badge>
  );
}
