// Opening the demo: what it is (a fictional company, people in every role, a month of history, a crisis story
// that plays live, kept apart from real data), the button, and progress while the server builds it (seconds).
import { Alert, Button, List, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingStore, IconChartLine, IconPlayerPlay, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../../web/errors.ts';
import { currentLocale } from '../../../../../web/i18n/index.ts';
import { useOpenDemo } from '../queries.ts';

const points = [
  ['company', IconBuildingStore],
  ['history', IconChartLine],
  ['story', IconPlayerPlay],
  ['separate', IconShieldLock],
] as const;

/** Seconds since `running` became true (0 when not running). */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? seconds : 0;
}

/** The demo's explanation and its open button; the picker takes over once it answers. */
export function OpenDemo({ canOpen }: { canOpen: boolean }) {
  const { t } = useTranslation();
  const open = useOpenDemo();
  const elapsed = useElapsed(open.isPending);
  return (
    <Stack gap="md" data-testid="open-demo">
      <Text size="sm">{t('drillDemo.open.intro')}</Text>
      <List spacing="xs" size="sm" center>
        {points.map(([key, Icon]) => (
          <List.Item
            key={key}
            icon={
              <ThemeIcon color="grape" variant="light" size={24} radius="xl" aria-hidden>
                <Icon size={14} />
              </ThemeIcon>
            }
          >
            {t(`drillDemo.open.points.${key}`)}
          </List.Item>
        ))}
      </List>
      {open.error ? (
        <Alert color="red" role="alert">
          {errorMessage(open.error, t)}
        </Alert>
      ) : null}
      {!canOpen ? (
        <Alert color="gray" data-testid="demo-unavailable">
          {t('drillDemo.open.unavailable')}
        </Alert>
      ) : open.isPending ? (
        <Stack gap={6} role="status" aria-live="polite" data-testid="demo-opening">
          <Text size="sm" fw={600}>
            {t('drillDemo.open.opening')}
          </Text>
          <Progress value={100} striped animated color="grape" aria-label={t('drillDemo.open.opening')} />
          <Text size="xs" c="dimmed">
            {t('drillDemo.open.openingHint')}
          </Text>
          <Text size="xs" c="dimmed" data-testid="demo-elapsed">
            {t('drillDemo.open.elapsed', { count: elapsed })}
          </Text>
        </Stack>
      ) : (
        <Button
          color="grape"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => open.mutate(currentLocale())}
          data-testid="open-demo-submit"
        >
          {t('drillDemo.open.submit')}
        </Button>
      )}
    </Stack>
  );
}
