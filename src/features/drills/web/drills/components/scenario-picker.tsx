// The shipped scenarios as cards (title, crisis type, company, duration, injects, summary, language); each
// scenario id is one card, with its languages to choose between. Scenario text is shown only as text.
import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '../../../scenario-contract.ts';

/** Which shipped scenario (and language) is chosen. */
export type ScenarioChoice = { id: string; locale: 'zh-TW' | 'en' };

/** The scenarios grouped by id, each language's version in a map. */
function byId(list: ScenarioSummary[]): Map<string, Map<string, ScenarioSummary>> {
  const out = new Map<string, Map<string, ScenarioSummary>>();
  for (const s of list) {
    const m = out.get(s.id) ?? new Map<string, ScenarioSummary>();
    m.set(s.locale, s);
    out.set(s.id, m);
  }
  return out;
}

function ScenarioCard({
  versions,
  chosen,
  preferred,
  onChoose,
}: {
  versions: Map<string, ScenarioSummary>;
  chosen: ScenarioChoice | null;
  preferred: string;
  onChoose: (c: ScenarioChoice) => void;
}) {
  const { t } = useTranslation();
  const first = [...versions.values()][0];
  const isChosen = chosen?.id === first.id;
  const locale = isChosen ? chosen.locale : versions.has(preferred) ? preferred : first.locale;
  const s = versions.get(locale) ?? first;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="scenario-card"
      data-scenario-id={s.id}
      data-chosen={isChosen}
      style={isChosen ? { borderColor: 'var(--mantine-color-blue-6)', boxShadow: '0 0 0 1px var(--mantine-color-blue-6)' } : undefined}
    >
      <Stack gap={6} h="100%">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {s.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="orange" tt="none">
            {t(`crises.type.${s.crisisType}`)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {t('drills.plan.duration', { minutes: s.durationMinutes })}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {t('drills.plan.injects', { count: s.injects })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('drills.plan.company', { name: s.company })}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere', flex: 1 }}>
          {s.summary}
        </Text>
        <Group justify="space-between" gap="xs" wrap="wrap">
          {versions.size > 1 ? (
            <SegmentedControl
              size="xs"
              aria-label={t('drills.plan.language')}
              value={locale}
              onChange={(v) => onChoose({ id: s.id, locale: v as ScenarioChoice['locale'] })}
              data={[...versions.keys()].map((l) => ({ value: l, label: t(`drills.locale.${l as ScenarioChoice['locale']}`) }))}
            />
          ) : (
            <Text size="xs" c="dimmed">
              {t(`drills.locale.${s.locale}`)}
            </Text>
          )}
          <Button
            size="xs"
            variant={isChosen ? 'filled' : 'default'}
            leftSection={isChosen ? <IconCheck size={14} /> : null}
            onClick={() => onChoose({ id: s.id, locale: s.locale })}
            aria-pressed={isChosen}
          >
            {isChosen ? t('drills.plan.chosen') : t('drills.plan.choose')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The shipped scenarios to choose from. */
export function ScenarioPicker({
  scenarios,
  chosen,
  onChoose,
}: {
  scenarios: ScenarioSummary[];
  chosen: ScenarioChoice | null;
  onChoose: (c: ScenarioChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  if (scenarios.length === 0) return <Text c="dimmed">{t('drills.plan.noScenarios')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {[...byId(scenarios).entries()].map(([id, versions]) => (
        <ScenarioCard key={id} versions={versions} chosen={chosen} preferred={i18n.language} onChoose={onChoose} />
      ))}
    </SimpleGrid>
  );
}
