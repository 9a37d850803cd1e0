// The 9 × 4 grid of playbooks: one row per crisis type, one button per level — filled when the organisation
// customised it, outlined when the shipped default applies. Each opens the editor.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { crisisTypes, severities } from '../../../contract.ts';
import { playbooksQuery } from '../queries.ts';

/** The grid. */
export function PlaybookGrid() {
  const { t } = useTranslation();
  const q = useQuery(playbooksQuery);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('crisisConfig.grid.intro')}
      </Text>
      <Group gap="xs">
        <Badge variant="filled" color="grape" tt="none">
          {t('crisisConfig.grid.legendCustom')}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {t('crisisConfig.grid.legendDefault')}
        </Badge>
      </Group>
      <QueryState query={q}>
        {(data) => (
          <Stack gap={6} data-testid="playbook-grid">
            {crisisTypes.map((type) => (
              <Paper key={type} withBorder radius="md" p="xs">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600} size="sm" style={{ flex: '1 1 10rem', minWidth: 0 }}>
                    {t(`crises.type.${type}`)}
                  </Text>
                  <SimpleGrid cols={4} spacing={6} style={{ flex: '1 1 16rem' }}>
                    {severities.map((severity) => {
                      const e = data.playbooks.find((x) => x.type === type && x.severity === severity);
                      const custom = e?.customised === true;
                      const state = t(custom ? 'crisisConfig.grid.customised' : 'crisisConfig.grid.default');
                      return (
                        <Button
                          key={severity}
                          component={Link}
                          to={`/crises/settings/playbooks/${type}/${severity}`}
                          size="xs"
                          variant={custom ? 'filled' : 'default'}
                          color={custom ? 'grape' : undefined}
                          aria-label={t('crisisConfig.grid.cell', {
                            type: t(`crises.type.${type}`),
                            severity,
                            state,
                            tasks: e?.tasks ?? 0,
                          })}
                          data-testid={`playbook-cell-${type}-${severity}`}
                          data-customised={custom}
                          px={4}
                        >
                          {severity}
                          <Text span size="xs" ml={4} opacity={0.75}>
                            {e?.tasks ?? ''}
                          </Text>
                        </Button>
                      );
                    })}
                  </SimpleGrid>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
