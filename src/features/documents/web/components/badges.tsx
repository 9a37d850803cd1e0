// Badges of a document: its classification (coloured by how restricted it is, with the level in words for screen
// readers), its kind, and the legal-hold marker.
import { Badge } from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Classification, DocumentKind } from '../../contract.ts';

/** Colour per classification, least to most restricted. */
export const classificationColor: Record<Classification, string> = {
  public: 'teal',
  internal: 'blue',
  confidential: 'orange',
  legal_privileged: 'red',
};

/** A classification badge: colour and words (never colour alone). */
export function ClassificationBadge({ value, size = 'sm' }: { value: Classification; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const label = t(`documents.classifications.${value}`);
  return (
    <Badge
      size={size}
      color={classificationColor[value]}
      variant={value === 'legal_privileged' || value === 'confidential' ? 'filled' : 'light'}
      leftSection={value === 'legal_privileged' ? <IconShieldLock size={12} aria-hidden /> : undefined}
      aria-label={t('documents.classificationLabel', { level: label })}
      data-testid="classification-badge"
      data-classification={value}
      style={{ flexShrink: 0 }}
    >
      {label}
    </Badge>
  );
}

/** The document's kind. */
export function KindBadge({ value }: { value: DocumentKind }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }}>
      {t(`documents.kinds.${value}`)}
    </Badge>
  );
}

/** Shown while a legal hold covers the document (its own or its crisis's). */
export function HoldBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      color="grape"
      variant="light"
      leftSection={<IconLock size={12} aria-hidden />}
      data-testid="hold-badge"
      style={{ flexShrink: 0 }}
    >
      {t('documents.onHold')}
    </Badge>
  );
}
