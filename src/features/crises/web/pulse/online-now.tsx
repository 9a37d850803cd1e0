// Who is in the crisis room now: the team with a green dot on those who have the room open (pushed by the
// server as people come and go), and how many others (admins, managers) are looking.
import { Avatar, Card, Group, Indicator, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLiveRoom } from '../../../../web/live.ts';
import type { TeamMember } from '../../contract.ts';
import { presenceQuery } from './queries.ts';

/** The initials shown in an avatar: the first character of a Chinese name, the first letters of two words otherwise. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  if (/^[\p{Script=Han}]/u.test(name)) return [...name.trim()].slice(0, 1).join('');
  return words
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();
}

/** The team, online first, with who holds which role. */
export function OnlineNow({ crisisId, team }: { crisisId: string; team: TeamMember[] }) {
  const { t, i18n } = useTranslation();
  useLiveRoom(`crisis:${crisisId}`);
  const q = useQuery(presenceQuery(crisisId));
  const online = new Set(q.data?.userIds ?? []);
  // One entry per person, with all their roles.
  const people = new Map<string, { userId: string; name: string; roles: string[] }>();
  for (const m of team) {
    const p = people.get(m.userId) ?? { userId: m.userId, name: m.name, roles: [] };
    p.roles.push(t(`crises.role.${m.role}`));
    people.set(m.userId, p);
  }
  const list = [...people.values()].sort((a, b) => Number(online.has(b.userId)) - Number(online.has(a.userId)));
  const others = [...online].filter((id) => !people.has(id)).length;
  return (
    <Card withBorder padding="md" data-testid="online-now">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5">
          {t('crisisPulse.online.title')}
        </Title>
        <Text size="xs" c="dimmed" data-testid="online-count">
          {t('crisisPulse.online.count', { count: online.size })}
        </Text>
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('crisisPulse.online.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {list.map((p) => {
            const on = online.has(p.userId);
            const state = on ? t('crisisPulse.online.online') : t('crisisPulse.online.offline');
            return (
              <Group key={p.userId} gap="sm" wrap="nowrap" data-testid={`online-${p.userId}`} data-online={on}>
                <Tooltip label={state} withArrow>
                  <Indicator color="green" size={11} offset={4} position="bottom-end" withBorder disabled={!on} processing={on}>
                    <Avatar radius="xl" size={36} color={on ? 'blue' : 'gray'} aria-hidden>
                      {initials(p.name)}
                    </Avatar>
                  </Indicator>
                </Tooltip>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} c={on ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                    {p.name}
                    <Text span size="xs" c={on ? 'green.8' : 'dimmed'} ml={6}>
                      {state}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {p.roles.join(i18n.language === 'en' ? ', ' : '、')}
                  </Text>
                </Stack>
              </Group>
            );
          })}
        </Stack>
      )}
      {others > 0 ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('crisisPulse.online.others', { count: others })}
        </Text>
      ) : null}
    </Card>
  );
}
