// One moved signal drawn as a small horizontal scale: the usual range as a band, the expected value as a tick,
// and what was observed as a dot, with the same numbers written underneath (the drawing is only a picture of them).
import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignalMove } from '../../contract.ts';
import { useSignalFormat } from './signal-format.ts';

const pct = (v: number, max: number) => `${Math.min(100, Math.max(0, (v / max) * 100))}%`;

/** A signal's observed value against its expected value and usual band. */
export function SignalBand({ move: m }: { move: SignalMove }) {
  const { t } = useTranslation();
  const f = useSignalFormat();
  const max = Math.max(m.high, m.observed, m.expected, m.signal === 'negative_share' ? 0.05 : 1) * 1.1;
  const low = Math.max(0, m.low);
  const above = m.observed > m.high;
  const name = t(`warnings.signal.${m.signal}`);
  const v = { observed: f(m.signal, m.observed), expected: f(m.signal, m.expected), low: f(m.signal, low), high: f(m.signal, m.high) };
  return (
    <Stack gap={6} data-testid="signal-band" data-signal={m.signal}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {name}
        </Text>
        <Text size="sm" fw={700} c={above ? 'red.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('warnings.detail.observed', { value: v.observed })}
        </Text>
      </Group>
      <Box
        role="img"
        aria-label={t('warnings.detail.bandLabel', { signal: name, ...v })}
        pos="relative"
        h={18}
        style={{ overflow: 'hidden' }}
      >
        <Box
          pos="absolute"
          left={0}
          right={0}
          top={6}
          h={6}
          style={{ borderRadius: 3, background: 'var(--mantine-color-default-border)' }}
        />
        <Box
          pos="absolute"
          top={3}
          h={12}
          style={{
            left: pct(low, max),
            width: `calc(${pct(m.high, max)} - ${pct(low, max)})`,
            minWidth: 3,
            borderRadius: 3,
            background: 'var(--mantine-color-teal-light)',
            border: '1px solid var(--mantine-color-teal-outline)',
          }}
        />
        <Box pos="absolute" top={0} h={18} w={2} style={{ left: pct(m.expected, max), background: 'var(--mantine-color-teal-7)' }} />
        <Box
          pos="absolute"
          top={2}
          w={14}
          h={14}
          style={{
            left: `clamp(0px, calc(${pct(m.observed, max)} - 7px), calc(100% - 14px))`,
            borderRadius: '50%',
            background: above ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-orange-5)',
            border: '2px solid var(--mantine-color-body)',
          }}
        />
      </Box>
      <Text size="xs" c="dimmed">
        {t('warnings.detail.expected', { value: v.expected })} · {t('warnings.detail.band', { low: v.low, high: v.high })}
      </Text>
    </Stack>
  );
}
