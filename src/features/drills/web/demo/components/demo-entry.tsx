// The demo's ways in from the public pages: the setup page's choice between creating my organisation and opening
// a demo, and the demo panel (open it, or — once it exists — pick a person to sign in as).
import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconPresentation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DemoInfo } from '../../../contract.ts';
import { DemoPicker } from './demo-picker.tsx';
import { OpenDemo } from './open-demo.tsx';

/** The first-run choice. */
export type SetupChoiceValue = 'create' | 'demo';

/** Two large radio cards: 「建立我的組織」 or 「開啟示範」. */
export function SetupChoice({ value, onChange }: { value: SetupChoiceValue; onChange: (v: SetupChoiceValue) => void }) {
  const { t } = useTranslation();
  const options = [
    {
      value: 'create',
      icon: IconBuildingSkyscraper,
      color: 'orange',
      title: t('drillDemo.setup.createTitle'),
      hint: t('drillDemo.setup.createHint'),
    },
    { value: 'demo', icon: IconPresentation, color: 'grape', title: t('drillDemo.setup.demoTitle'), hint: t('drillDemo.setup.demoHint') },
  ] as const;
  return (
    <Radio.Group value={value} onChange={(v) => onChange(v === 'demo' ? 'demo' : 'create')} label={t('drillDemo.setup.choose')} mb="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt="xs">
        {options.map((o) => (
          <Radio.Card key={o.value} value={o.value} radius="md" p="sm" data-testid={`setup-choice-${o.value}`}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator color={o.color} mt={2} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <o.icon size={18} color={`var(--mantine-color-${o.color}-6)`} aria-hidden style={{ flex: 'none' }} />
                  <Text fw={700}>{o.title}</Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {o.hint}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** The demo: its explanation and open button, or, once opened, the sign-in picker. */
export function DemoPanel({ info }: { info: DemoInfo }) {
  return info.demo ? <DemoPicker demo={info.demo} /> : <OpenDemo canOpen={info.canOpen} />;
}
