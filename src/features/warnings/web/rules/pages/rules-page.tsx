// /alerts/rules: the manual alert rules beside automatic detection. Each rule as a card with its sentence, the
// watch-listed authors and sources, when it last fired and an on/off switch; topic managers add, edit and delete.
import { Badge, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { useCan } from '../../../../../web/session.ts';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { EditDeleteButtons } from '../../components/edit-delete.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { SettingsList } from '../../components/settings-list.tsx';
import { isStale } from '../../form-errors.ts';
import { RuleFormModal } from '../components/rule-form.tsx';
import { useRuleSentence } from '../components/rule-sentence.tsx';
import { type Rule, rulesQuery, useDeleteRule, useSaveRule } from '../queries.ts';

function Names({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" style={{ rowGap: 4 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {names.map((n) => (
        <Badge key={n} variant="outline" color="gray" tt="none" maw="100%" title={n}>
          {n}
        </Badge>
      ))}
    </Group>
  );
}

function RuleCard({ rule: r, canManage, onEdit }: { rule: Rule; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const k = 'warnings.rules';
  const sentence = useRuleSentence();
  const save = useSaveRule();
  const remove = useDeleteRule();
  const failed = (err: unknown) => (isStale(err) ? notifications.show({ color: 'yellow', message: t(`${k}.stale`) }) : notifyError(err, t));
  const toggle = (enabled: boolean) =>
    save
      .mutateAsync({ id: r.id, enabled, version: r.version })
      .then(() => notifySuccess(t(enabled ? `${k}.enabledOn` : `${k}.enabledOff`, { name: r.name })), failed);
  const del = () =>
    remove.mutateAsync(r.id).then(
      () => notifySuccess(t(`${k}.deleted`, { name: r.name })),
      (err) => {
        failed(err);
        throw err;
      },
    );
  return (
    <Card withBorder padding="md" radius="md" data-testid="rule-card" data-rule-id={r.id} data-kind={r.config.kind}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {r.name}
          </Text>
          <Badge variant="light" color={r.config.kind === 'threshold' ? 'orange' : 'violet'} tt="none" style={{ flex: 'none' }}>
            {t(`${k}.kind.${r.config.kind}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="rule-sentence">
          {sentence(r.topicName, r.config)}
        </Text>
        {r.config.kind === 'watchlist' ? (
          <>
            <Names label={t(`${k}.authors`)} names={r.config.authors} />
            <Names label={t(`${k}.sources`)} names={r.config.sources} />
          </>
        ) : null}
        {r.lastFiredAt ? (
          <RelativeTime iso={r.lastFiredAt} phrase={(time) => t(`${k}.lastFired`, { time })} testId="rule-last-fired" />
        ) : (
          <Text size="xs" c="dimmed" data-testid="rule-last-fired">
            {t(`${k}.neverFired`)}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Switch
            label={t(`${k}.enabled`)}
            checked={r.enabled}
            disabled={!canManage || save.isPending}
            onChange={(e) => void toggle(e.currentTarget.checked)}
            data-testid="rule-enabled"
          />
          {canManage ? <EditDeleteButtons area="rules" name={r.name} onEdit={onEdit} onDelete={del} /> : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** The alert rules page. */
export function RulesPage() {
  const canManage = useCan('topic.manage');
  const rules = useQuery(rulesQuery);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  return (
    <RequirePermission permission="alert.read">
      <SettingsList area="rules" onAdd={canManage ? () => setEditing('new') : undefined} query={rules}>
        {(r) => <RuleCard key={r.id} rule={r} canManage={canManage} onEdit={() => setEditing(r)} />}
      </SettingsList>
      <RuleFormModal target={editing} onClose={() => setEditing(null)} />
    </RequirePermission>
  );
}
