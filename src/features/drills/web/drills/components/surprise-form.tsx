// The facilitator's surprise inject: written now, delivered to the players at once.
import { Button, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../../web/errors.ts';
import type { DrillView } from '../../../contract.ts';
import { type InjectKind, injectKinds } from '../../../scenario-contract.ts';
import { useCommand } from './control-panel.tsx';

const empty = { kind: 'email' as InjectKind, from: '', subject: '', body: '', respondBy: '' };

/** The form; cleared once the inject has gone out. */
export function SurpriseForm({ drill }: { drill: DrillView }) {
  const { t } = useTranslation();
  const { send, pending, action } = useCommand(drill);
  const [v, setV] = useState(empty);
  const set = (patch: Partial<typeof empty>) => setV((old) => ({ ...old, ...patch }));
  const ready = v.from.trim() && v.subject.trim() && v.body.trim();
  const submit = async () => {
    const respondBy = v.respondBy.trim();
    await send({
      action: 'surprise',
      inject: { kind: v.kind, from: v.from.trim(), subject: v.subject.trim(), body: v.body.trim(), ...(respondBy ? { respondBy } : {}) },
    });
    setV(empty);
    notifySuccess(t('drills.room.surpriseSent'));
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="surprise-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('drills.room.surprise')}
        </Title>
        <Select
          label={t('drills.room.surpriseKind')}
          data={injectKinds.map((k) => ({ value: k, label: t(`drills.injectKind.${k}`) }))}
          value={v.kind}
          onChange={(k) => k && set({ kind: k as InjectKind })}
          allowDeselect={false}
        />
        <TextInput
          label={t('drills.room.surpriseFrom')}
          value={v.from}
          maxLength={200}
          onChange={(e) => set({ from: e.currentTarget.value })}
        />
        <TextInput
          label={t('drills.room.surpriseSubject')}
          value={v.subject}
          maxLength={300}
          onChange={(e) => set({ subject: e.currentTarget.value })}
        />
        <Textarea
          label={t('drills.room.surpriseBody')}
          value={v.body}
          maxLength={5000}
          autosize
          minRows={3}
          onChange={(e) => set({ body: e.currentTarget.value })}
        />
        <TextInput
          label={t('drills.room.surpriseRespondBy')}
          value={v.respondBy}
          maxLength={200}
          onChange={(e) => set({ respondBy: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button onClick={() => void submit().catch(() => {})} disabled={!ready} loading={pending && action === 'surprise'}>
            {t('drills.room.surpriseSend')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
