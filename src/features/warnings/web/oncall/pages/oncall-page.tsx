// /alerts/oncall: the on-call schedules escalation levels can notify. Each schedule as a card with who is on call
// now, the rotation and hand-over, the covered hours, the next 7 days as a coverage strip with its gaps, and the
// overrides; administrators and crisis managers add, edit and delete.
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { usersQuery } from '../../../../people/web/queries.ts';
import { EditDeleteButtons } from '../../components/edit-delete.tsx';
import { SettingsList } from '../../components/settings-list.tsx';
import { isStale } from '../../form-errors.ts';
import { CoverageStrip } from '../components/coverage-strip.tsx';
import { ScheduleFormModal } from '../components/schedule-form.tsx';
import { useCoverageText, useHandoffText } from '../components/schedule-text.ts';
import { type ScheduleOut, schedulesQuery, useDeleteSchedule } from '../queries.ts';
import { localText } from '../zoned.ts';

const k = 'warnings.oncall';

/** The organisation's people by id (names for the cards and the form). */
export function usePeopleNames(): Map<string, string> {
  const users = useQuery(usersQuery);
  return new Map((users.data ?? []).map((u) => [u.id, u.name]));
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function ScheduleCard({ schedule: s, canManage, onEdit }: { schedule: ScheduleOut; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const names = usePeopleNames();
  const handoff = useHandoffText();
  const coverage = useCoverageText()(s);
  const remove = useDeleteSchedule();
  const name = (id: string) => names.get(id) ?? t(`${k}.formerMember`);
  const when = (iso: string) => {
    const l = localText(iso, s.timeZone);
    return `${l.date} ${l.time}`;
  };
  const del = () =>
    remove.mutateAsync(s.id).then(
      () => notifySuccess(t(`${k}.deleted`, { name: s.name })),
      (err) => {
        if (isStale(err)) notifications.show({ color: 'yellow', message: t(`${k}.stale`) });
        else notifyError(err, t);
        throw err;
      },
    );
  return (
    <Card withBorder padding="md" radius="md" data-testid="schedule-card" data-schedule-id={s.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {s.name}
          </Text>
          <Badge variant="light" color="gray" tt="none" style={{ flex: 'none' }}>
            {t(`${k}.timeZone`, { tz: s.timeZone })}
          </Badge>
        </Group>
        <Labelled label={t(`${k}.onCallNow`)}>
          <Text fw={600} c={s.onCallNow ? undefined : 'orange'} data-testid="on-call-now">
            {s.onCallNow ? name(s.onCallNow) : t(`${k}.nobody`)}
          </Text>
        </Labelled>
        <Labelled label={t(`${k}.rotation`)}>
          <Group gap={6} wrap="wrap" style={{ rowGap: 4 }} data-testid="rotation">
            {s.participants.map((id, i) => (
              <Badge key={id} variant="outline" color="gray" tt="none" maw="100%">
                {i + 1}. {name(id)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" data-testid="handoff">
            {handoff(s)}
          </Text>
        </Labelled>
        <Labelled label={t(`${k}.coverage`)}>
          <Text size="sm" data-testid="covered-hours">
            {coverage ? coverage.join(t(`${k}.daySep`)) : t(`${k}.allDay`)}
          </Text>
        </Labelled>
        <CoverageStrip schedule={s} names={names} />
        <Labelled label={t(`${k}.overrides`)}>
          {s.overrides.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t(`${k}.noOverrides`)}
            </Text>
          ) : (
            <Stack gap={2} data-testid="overrides">
              {s.overrides.map((o) => (
                <Text key={`${o.userId}-${o.start}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t(`${k}.override`, { name: name(o.userId), start: when(o.start), end: when(o.end) })}
                </Text>
              ))}
            </Stack>
          )}
        </Labelled>
        {canManage ? (
          <Group justify="flex-end">
            <EditDeleteButtons area="oncall" name={s.name} onEdit={onEdit} onDelete={del} />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The on-call schedules page. */
export function OncallPage() {
  const canManage = useCan('oncall.manage');
  const schedules = useQuery(schedulesQuery);
  const [editing, setEditing] = useState<ScheduleOut | 'new' | null>(null);
  return (
    <RequirePermission permission="alert.read">
      <SettingsList area="oncall" onAdd={canManage ? () => setEditing('new') : undefined} query={schedules}>
        {(s) => <ScheduleCard key={s.id} schedule={s} canManage={canManage} onEdit={() => setEditing(s)} />}
      </SettingsList>
      <ScheduleFormModal target={editing} onClose={() => setEditing(null)} />
    </RequirePermission>
  );
}
