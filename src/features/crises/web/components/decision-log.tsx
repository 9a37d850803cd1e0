// The decision log: what was decided, the options weighed and why, by whom and when (level changes marked), and
// "記錄決策" for those who manage the crisis.
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useCan, useSession } from '../../../../web/session.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import { usersQuery } from '../../../people/web/queries.ts';
import type { CrisisDecision, CrisisDetail } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { useLogDecision, useSignoff } from '../queries.ts';

/** Who may be asked to sign: the team, and the organisation's admins and managers when the viewer may list users. */
function useSigners(crisis: CrisisDetail) {
  const listsUsers = useCan('user.list');
  const users = useQuery({ ...usersQuery, enabled: listsUsers });
  const out = new Map<string, string>();
  for (const m of crisis.team) out.set(m.userId, m.name);
  for (const u of users.data ?? []) if (u.status === 'active' && (u.role === 'admin' || u.role === 'manager')) out.set(u.id, u.name);
  return [...out].map(([value, label]) => ({ value, label }));
}

function DecisionForm({ crisis, onClose }: { crisis: CrisisDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const crisisId = crisis.id;
  const log = useLogDecision(crisisId);
  const fail = useRoomFailure();
  const signers = useSigners(crisis);
  const sponsor = crisis.team.find((m) => m.role === 'executive_sponsor')?.userId ?? null;
  const form = useForm({
    initialValues: { decision: '', options: '', rationale: '', ask: false, signoffFrom: sponsor as string | null },
    validate: {
      decision: (v) => (v.trim() ? null : t('validation.required')),
      signoffFrom: (v, all) => (all.ask && !v ? t('validation.required') : null),
    },
  });
  const submit = form.onSubmit(async (v) => {
    const options = v.options.trim();
    const rationale = v.rationale.trim();
    try {
      await log.mutateAsync({
        decision: v.decision.trim(),
        ...(options ? { options } : {}),
        ...(rationale ? { rationale } : {}),
        ...(v.ask ? { requestSignoff: true, ...(v.signoffFrom ? { signoffFrom: v.signoffFrom } : {}) } : {}),
      });
      notifySuccess(t('crises.decisions.added'));
      onClose();
    } catch (err) {
      form.setErrors(fieldErrors(err, t));
      fail(err);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Textarea
          label={t('crises.decisions.decision')}
          placeholder={t('crises.decisions.decisionPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          data-autofocus
          {...form.getInputProps('decision')}
        />
        <Textarea
          label={`${t('crises.decisions.options')} ${t('common.optional')}`}
          placeholder={t('crises.decisions.optionsPlaceholder')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('options')}
        />
        <Textarea
          label={`${t('crises.decisions.rationale')} ${t('common.optional')}`}
          placeholder={t('crises.decisions.rationalePlaceholder')}
          autosize
          minRows={2}
          maxLength={5000}
          {...form.getInputProps('rationale')}
        />
        <Checkbox label={t('crises.decisions.signoffAsk')} {...form.getInputProps('ask', { type: 'checkbox' })} />
        {form.values.ask ? (
          <Select
            label={t('crises.decisions.signoffFrom')}
            description={t('crises.decisions.signoffFromHelp')}
            placeholder={t('crises.decisions.signoffPick')}
            data={signers}
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('signoffFrom')}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={log.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t('crises.decisions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "需要您簽核": sign or decline, with an optional note (an admin may do it for the person asked). */
function SignPanel({ crisisId, d, forThem }: { crisisId: string; d: CrisisDecision; forThem: boolean }) {
  const { t } = useTranslation();
  const sign = useSignoff(crisisId);
  const fail = useRoomFailure('crises.room.stale');
  const [note, setNote] = useState('');
  const go = async (verdict: 'signed' | 'declined') => {
    try {
      await sign.mutateAsync({ decisionId: d.id, verdict, version: d.version, ...(note.trim() ? { note: note.trim() } : {}) });
      notifySuccess(verdict === 'signed' ? t('crises.decisions.signedDone') : t('crises.decisions.declinedDone'));
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Alert
      color={forThem ? 'gray' : 'orange'}
      variant="light"
      icon={<IconSignature size={18} />}
      title={forThem ? t('crises.decisions.signForThem') : t('crises.decisions.needsYou')}
      data-testid="signoff-panel"
      p="sm"
    >
      <Stack gap="xs">
        {forThem ? null : <Text size="sm">{t('crises.decisions.needsYouIntro')}</Text>}
        <Textarea
          size="xs"
          label={t('crises.decisions.signNote')}
          autosize
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" color="red" loading={sign.isPending} onClick={() => void go('declined')}>
            {t('crises.decisions.decline')}
          </Button>
          <Button size="xs" color="teal" loading={sign.isPending} onClick={() => void go('signed')}>
            {t('crises.decisions.sign')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function SignoffLine({ d }: { d: CrisisDecision }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const s = d.signoff;
  if (!s) return null;
  const time = s.at ? formatDateTime(s.at, zone) : '';
  const who = s.byName ?? s.fromName;
  const [color, text] =
    s.status === 'requested'
      ? ['orange', t('crises.decisions.signoffRequested', { name: s.fromName })]
      : s.status === 'signed'
        ? ['teal', t('crises.decisions.signoffSigned', { name: who, time })]
        : ['red', t('crises.decisions.signoffDeclined', { name: who, time })];
  return (
    <Stack gap={2}>
      <Badge
        size="sm"
        variant="light"
        color={color}
        tt="none"
        leftSection={<IconSignature size={12} />}
        data-testid="signoff-status"
        data-status={s.status}
        style={{ maxWidth: '100%', height: 'auto', whiteSpace: 'normal' }}
      >
        {text}
      </Badge>
      {s.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {t('crises.decisions.signoffNote', { note: s.note })}
        </Text>
      ) : null}
    </Stack>
  );
}

function DecisionItem({ crisisId, d }: { crisisId: string; d: CrisisDecision }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const session = useSession();
  const asked = d.signoff?.status === 'requested' && d.signoff.fromId === session.user.id;
  const admin = d.signoff?.status === 'requested' && !asked && session.user.role === 'admin';
  const wrap = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } as const;
  return (
    <Stack component="li" gap={4} data-testid="decision" data-kind={d.kind} data-signoff={d.signoff?.status ?? 'none'}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Badge size="sm" variant="light" color={d.kind === 'severity' ? 'red' : 'grape'} tt="none" style={{ flex: 'none' }}>
          {t(`crises.decisions.kind.${d.kind}`)}
        </Badge>
        <Text size="sm" fw={600} style={wrap}>
          {d.decision}
        </Text>
      </Group>
      {d.options ? (
        <Text size="sm" style={wrap}>
          {t('crises.decisions.optionsLine', { options: d.options })}
        </Text>
      ) : null}
      {d.rationale ? (
        <Text size="sm" style={wrap}>
          {t('crises.decisions.rationaleLine', { rationale: d.rationale })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('crises.decisions.by', { name: d.decidedBy, time: formatDateTime(d.decidedAt, zone) })}
      </Text>
      <SignoffLine d={d} />
      {asked || admin ? <SignPanel crisisId={crisisId} d={d} forThem={admin} /> : null}
    </Stack>
  );
}

/** The decision log card. */
export function DecisionLog({ crisis }: { crisis: CrisisDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const decisions = [...crisis.decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return (
    <Card withBorder radius="md" padding="md" data-testid="decision-log">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4">
          {t('crises.decisions.title')}
        </Title>
        {crisis.can.manage ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {t('crises.decisions.add')}
          </Button>
        ) : null}
      </Group>
      {decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('crises.decisions.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {decisions.map((d) => (
            <DecisionItem key={d.id} crisisId={crisis.id} d={d} />
          ))}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('crises.decisions.addTitle')} centered>
        {adding ? <DecisionForm crisis={crisis} onClose={() => setAdding(false)} /> : null}
      </Modal>
    </Card>
  );
}
