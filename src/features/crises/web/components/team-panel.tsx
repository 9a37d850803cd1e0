// The response team: every role with its holder. Those who manage the crisis pick a person to assign or hand a role
// over (or clear it); the change is on everyone's screen at once.
import { Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../web/errors.ts';
import { useCan } from '../../../../web/session.ts';
import { usersQuery } from '../../../people/web/queries.ts';
import { type CrisisDetail, type TeamMember, type TeamRole, teamRoles } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { useAssignRole } from '../queries.ts';

type Option = { value: string; label: string };

type RowProps = { crisisId: string; role: TeamRole; holder?: TeamMember; options: Option[] | null; wanted: boolean };

/** "手冊要求": the playbook calls for this role and nobody holds it yet. */
function Wanted() {
  const { t } = useTranslation();
  return (
    <Badge size="xs" color="orange" variant="light" tt="none">
      {t('crises.team.inPlaybook')}
    </Badge>
  );
}

function RoleRow({ crisisId, role, holder, options, wanted }: RowProps) {
  const { t } = useTranslation();
  const assign = useAssignRole(crisisId);
  const fail = useRoomFailure();
  const label = t(`crises.role.${role}`);
  if (!options) {
    return (
      <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={`team-role-${role}`}>
        <Group gap={6} style={{ flex: 'none' }}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {wanted ? <Wanted /> : null}
        </Group>
        <Text size="sm" c={holder ? undefined : 'dimmed'} ta="right" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {holder?.name ?? t('crises.team.vacant')}
        </Text>
      </Group>
    );
  }
  const data =
    holder && !options.some((o) => o.value === holder.userId) ? [{ value: holder.userId, label: holder.name }, ...options] : options;
  const change = async (userId: string | null) => {
    if (userId === (holder?.userId ?? null)) return;
    try {
      await assign.mutateAsync({ role, userId, expectedUserId: holder?.userId ?? null });
      const name = data.find((o) => o.value === userId)?.label ?? '';
      notifySuccess(userId ? t('crises.team.assigned', { name, role: label }) : t('crises.team.unassigned', { role: label }));
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Select
      label={
        <Group gap={6} component="span" style={{ display: 'inline-flex' }}>
          {label}
          {wanted ? <Wanted /> : null}
        </Group>
      }
      aria-label={label}
      placeholder={t('crises.team.vacant')}
      data={data}
      value={holder?.userId ?? null}
      onChange={(v) => void change(v)}
      searchable
      clearable
      nothingFoundMessage={t('crises.team.nobody')}
      disabled={assign.isPending}
      comboboxProps={{ withinPortal: true }}
      data-testid={`team-role-${role}`}
    />
  );
}

/** The team card. */
export function TeamPanel({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const listsUsers = useCan('user.list');
  const manages = crisis.can.manage && listsUsers;
  const users = useQuery({ ...usersQuery, enabled: manages });
  const options =
    manages && users.data ? users.data.filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.name })) : null;
  const holders = new Map(crisis.team.map((m) => [m.role, m]));
  const wanted = new Set(crisis.rolesToFill);
  // Filled roles first, then those the playbook calls for, then the rest, each in the contract's order.
  const rank = (r: TeamRole) => (holders.has(r) ? 0 : wanted.has(r) ? 1 : 2);
  const roles = [...teamRoles].sort((a, b) => rank(a) - rank(b));
  return (
    <Card withBorder radius="md" padding="md" data-testid="team-panel">
      <Title order={3} size="h4" mb={4}>
        {t('crises.team.title')}
      </Title>
      {options ? (
        <Text size="xs" c="dimmed" mb="sm">
          {t('crises.team.intro')}
        </Text>
      ) : null}
      <Stack gap={options ? 'sm' : 6}>
        {roles.map((r) => (
          <RoleRow key={r} crisisId={crisis.id} role={r} holder={holders.get(r)} options={options} wanted={wanted.has(r)} />
        ))}
      </Stack>
    </Card>
  );
}
