// The report's clocks against their targets: measured and target as m:ss / h:mm:ss, and the result in words with
// an icon as well as a colour (never colour alone). Clocks count real time, whatever the playback speed.
import { Badge, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../contract.ts';
import { formatSeconds } from '../format.ts';

function Result({ clock: c }: { clock: ClockView }) {
  const { t } = useTranslation();
  if (c.seconds === null)
    return (
      <Badge color="gray" variant="light" tt="none" leftSection={<IconMinus size={12} aria-hidden />} data-result="none">
        {t('drills.report.notHappened')}
      </Badge>
    );
  if (c.met === null)
    return (
      <Text size="sm" c="dimmed" data-result="untargeted">
        {t('drills.report.noTarget')}
      </Text>
    );
  return c.met ? (
    <Badge color="green" variant="light" tt="none" leftSection={<IconCheck size={12} aria-hidden />} data-result="met">
      {t('drills.report.met')}
    </Badge>
  ) : (
    <Badge color="red" variant="filled" tt="none" leftSection={<IconX size={12} aria-hidden />} data-result="missed">
      {t('drills.report.missed')}
    </Badge>
  );
}

/** The clocks table with its note. */
export function ReportClocks({ clocks }: { clocks: ClockView[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="clocks-note">
        {t('drills.report.clocksNote')}
      </Text>
      <ScrollArea type="auto" visibleFrom="sm">
        <Table fz="sm" miw={520} data-testid="report-clocks" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('drills.report.clockCol')}</Table.Th>
              <Table.Th>{t('drills.report.measuredCol')}</Table.Th>
              <Table.Th>{t('drills.report.targetCol')}</Table.Th>
              <Table.Th>{t('drills.report.resultCol')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clocks.map((c) => (
              <Table.Tr key={c.key} data-testid="clock-row" data-clock={c.key} data-seconds={c.seconds ?? ''}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`drills.clock.${c.key}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`drills.clockFrom.${c.from as 'alert_opened'}`, { defaultValue: c.from })}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace" data-testid="clock-measured">
                  {c.seconds === null ? '—' : formatSeconds(c.seconds)}
                </Table.Td>
                <Table.Td ff="monospace">{c.targetSeconds === null ? '—' : formatSeconds(c.targetSeconds)}</Table.Td>
                <Table.Td>
                  <Result clock={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {/* On a phone each clock is a small card: a five-column table would scroll sideways and hide the result. */}
      <Stack gap="xs" hiddenFrom="sm" data-testid="report-clock-cards">
        {clocks.map((c) => (
          <Paper key={c.key} withBorder radius="sm" p="xs" data-testid="clock-card" data-clock={c.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {t(`drills.clock.${c.key}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`drills.clockFrom.${c.from as 'alert_opened'}`, { defaultValue: c.from })}
                </Text>
              </Stack>
              <Result clock={c} />
            </Group>
            <Text size="sm" ff="monospace" mt={4}>
              {t('drills.report.measuredVsTarget', {
                measured: c.seconds === null ? '—' : formatSeconds(c.seconds),
                target: c.targetSeconds === null ? '—' : formatSeconds(c.targetSeconds),
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
