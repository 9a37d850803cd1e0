// The decision log: what was decided, the options weighed and why, by whom and when (level changes marked), and
// "記錄決策" for those who manage the crisis.
import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { CrisisDecision, CrisisDetail } from '../../contract.ts';
import { useRoomFailure } from '../failure.ts';
import { useLogDecision } from '../queries.ts';

function DecisionForm({ crisisId, onClose }: { crisisId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const log = useLogDecision(crisisId);
  const fail = useRoomFailure();
  const form = useForm({
    initialValues: { decision: '', options: '', rationale: '' },
    validate: { decision: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async (v) => {
    const options = v.options.trim();
    const rationale = v.rationale.trim();
    try {
      await log.mutateAsync({ decision: v.decision.trim(), ...(options ? { options } : {}), ...(rationale ? { rationale } : {}) });
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

function DecisionItem({ d }: { d: CrisisDecision }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const wrap = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } as const;
  return (
    <Stack component="li" gap={2} data-testid="decision" data-kind={d.kind}>
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
            <DecisionItem key={d.id} d={d} />
          ))}
        </Stack>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('crises.decisions.addTitle')} centered>
        {adding ? <DecisionForm crisisId={crisis.id} onClose={() => setAdding(false)} /> : null}
      </Modal>
    </Card>
  );
}
