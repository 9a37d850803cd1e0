// Employee reports (通報) accepted as or attached to the crisis: number, urgency, status and the start of what was
// reported (never who reported it), each linking to the report in the triage queue.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LinkedReport } from '../../contract.ts';
import { When } from './when.tsx';

const urgencyColor: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', critical: 'red' };
const known = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);
const urgencies = ['low', 'normal', 'high', 'critical'] as const;
const statuses = ['new', 'accepted', 'attached', 'closed'] as const;

/** The linked-reports card (nothing when none are linked). */
export function LinkedReports({ reports }: { reports: LinkedReport[] }) {
  const { t } = useTranslation();
  if (reports.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="linked-reports">
      <Title order={3} size="h4" mb="sm">
        {t('crises.reports.title')}
      </Title>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {reports.map((r) => (
          <Stack component="li" key={r.id} gap={2} data-testid="linked-report">
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to="/reports" search={{ open: r.id } as never} size="sm" fw={600}>
                {t('crises.reports.item', { number: r.number })}
              </Anchor>
              {known(urgencies, r.urgency) ? (
                <Badge size="xs" variant="light" color={urgencyColor[r.urgency]} tt="none">
                  {t(`crises.reports.urgency.${r.urgency}`)}
                </Badge>
              ) : null}
              {known(statuses, r.status) ? (
                <Badge size="xs" variant="outline" color="gray" tt="none">
                  {t(`crises.reports.status.${r.status}`)}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              {r.what}
            </Text>
            <When iso={r.createdAt} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
