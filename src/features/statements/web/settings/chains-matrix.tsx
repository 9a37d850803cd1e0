// The approval chains tab: a row per crisis level (L1–L4), a card per audience (external statements, internal
// memos) with the chain's steps and backups — marked customised or default — and a button to edit it.
import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { severities } from '../../../warnings/contract.ts';
import { kindGroups } from '../../contract.ts';
import { ChainSteps } from './chain-steps.tsx';
import { chainsQuery } from './queries.ts';

/** The matrix. */
export function ChainsMatrix() {
  const { t } = useTranslation();
  const q = useQuery(chainsQuery);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('statementSettings.chains.intro')}
      </Text>
      <Group gap="xs">
        <Badge variant="filled" color="grape" tt="none">
          {t('statementSettings.chains.legendCustom')}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {t('statementSettings.chains.legendDefault')}
        </Badge>
      </Group>
      <QueryState query={q}>
        {(chains) => (
          <Stack gap="sm" data-testid="chains-matrix">
            {severities.map((severity) => (
              <Paper key={severity} withBorder radius="md" p="sm">
                <Text fw={700} size="sm" mb="xs">
                  {t(`crises.severity.${severity}`)}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {kindGroups.map((group) => {
                    const c = chains.find((x) => x.severity === severity && x.kindGroup === group);
                    if (!c) return null;
                    return (
                      <Card
                        key={group}
                        withBorder
                        radius="md"
                        padding="sm"
                        data-testid={`chain-${severity}-${group}`}
                        data-custom={c.custom}
                        style={c.custom ? { borderColor: 'var(--mantine-color-grape-5)' } : undefined}
                      >
                        <Group justify="space-between" align="flex-start" gap="xs" mb={6} wrap="nowrap">
                          <Stack gap={0} style={{ minWidth: 0 }}>
                            <Text size="sm" fw={600}>
                              {t(`statementSettings.chains.group.${group}`)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t(`statementSettings.chains.groupHelp.${group}`)}
                            </Text>
                          </Stack>
                          <Badge
                            variant={c.custom ? 'filled' : 'outline'}
                            color={c.custom ? 'grape' : 'gray'}
                            tt="none"
                            style={{ flexShrink: 0 }}
                          >
                            {c.custom ? t('statementSettings.chains.legendCustom') : t('statementSettings.chains.legendDefault')}
                          </Badge>
                        </Group>
                        <ChainSteps steps={c.steps} />
                        <Button
                          component={Link}
                          to={`/statements/settings/chains/${severity}/${group}`}
                          size="xs"
                          variant="light"
                          mt="sm"
                          style={{ alignSelf: 'flex-start' }}
                          leftSection={<IconPencil size={14} />}
                          aria-label={t('statementSettings.chains.editLabel', {
                            severity,
                            group: t(`statementSettings.chains.group.${group}`),
                          })}
                          data-testid="chain-edit"
                        >
                          {t('statementSettings.chains.edit')}
                        </Button>
                      </Card>
                    );
                  })}
                </SimpleGrid>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
