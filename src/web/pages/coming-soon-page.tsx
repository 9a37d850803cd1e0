// An honest placeholder for a section that a later release will build.
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Section } from '../sections.ts';

/** Sections that have their own screens (everything else shows this page). */
export const builtSections: readonly Section['key'][] = ['monitoring', 'alerts', 'crises', 'statements', 'documents', 'drills'];

/** A section still to come. */
export type UnbuiltSection = Exclude<Section['key'], 'monitoring' | 'alerts' | 'crises'>;

/** Says plainly that the section is not built yet, and what it will do. */
export function ComingSoonPage({ section }: { section: UnbuiltSection }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={2}>{t(`nav.${section}`)}</Title>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm" align="flex-start">
          <Badge variant="light" color="gray">
            {t('comingSoon.badge')}
          </Badge>
          <Text fw={500}>{t('comingSoon.body')}</Text>
          <Text c="dimmed">{t(`sections.${section}.description`)}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
