// /drills/new: choose a shipped scenario or a scenario file of one's own (checked, problems at line:column), then
// the title, speed, days of calm history and who plays and observes; creating it opens the drill.
import { Alert, Button, Group, MultiSelect, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../../../../web/errors.ts';
import { useSession } from '../../../../../web/session.ts';
import { BackLink } from '../../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { usersQuery } from '../../../../people/web/queries.ts';
import { type Speed, speeds } from '../../../scenario-contract.ts';
import { type CheckedScenario, ScenarioFile } from '../components/scenario-file.tsx';
import { type ScenarioChoice, ScenarioPicker } from '../components/scenario-picker.tsx';
import { Section } from '../components/section.tsx';
import { scenariosQuery, useCreateDrill } from '../queries.ts';

/** Players and observers from the organisation's active people (the facilitator — me — is not offered). */
function People({
  players,
  observers,
  onChange,
}: {
  players: string[];
  observers: string[];
  onChange: (players: string[], observers: string[]) => void;
}) {
  const { t } = useTranslation();
  const me = useSession().user.id;
  const users = useQuery(usersQuery);
  return (
    <QueryState query={users}>
      {(list) => {
        const options = list
          .filter((u) => u.status === 'active' && u.id !== me && u.role !== 'guest')
          .map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }));
        return (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('drills.plan.facilitatorNote')}
            </Text>
            <MultiSelect
              label={t('drills.plan.players')}
              placeholder={t('drills.plan.peoplePlaceholder')}
              data={options.filter((o) => !observers.includes(o.value))}
              value={players}
              onChange={(v) => onChange(v, observers)}
              searchable
              clearable
              data-testid="drill-players"
            />
            <MultiSelect
              label={t('drills.plan.observers')}
              placeholder={t('drills.plan.peoplePlaceholder')}
              data={options.filter((o) => !players.includes(o.value))}
              value={observers}
              onChange={(v) => onChange(players, v)}
              searchable
              clearable
              data-testid="drill-observers"
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function PlanForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scenarios = useQuery(scenariosQuery);
  const create = useCreateDrill();
  const [source, setSource] = useState<'shipped' | 'file'>('shipped');
  const [choice, setChoice] = useState<ScenarioChoice | null>(null);
  const [checked, setChecked] = useState<CheckedScenario | null>(null);
  const [title, setTitle] = useState('');
  const [speed, setSpeed] = useState<Speed>(1);
  const [historyDays, setHistoryDays] = useState<number>(14);
  const [players, setPlayers] = useState<string[]>([]);
  const [observers, setObservers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const shipped = choice ? scenarios.data?.find((s) => s.id === choice.id && s.locale === choice.locale) : undefined;
  const fileOk = checked?.result.ok ? checked.result.summary : null;
  const picked = source === 'shipped' ? shipped : fileOk;
  const submit = async () => {
    setError(null);
    if (!picked || (source === 'file' && !checked)) return setError(t('drills.plan.needScenario'));
    const scenario =
      source === 'shipped' && choice ? { scenarioId: choice.id, locale: choice.locale } : { scenarioText: checked?.text ?? '' };
    try {
      const drill = await create.mutateAsync({
        title: title.trim() || picked.title,
        ...scenario,
        speed,
        historyDays,
        participants: [
          ...players.map((userId) => ({ userId, role: 'player' as const })),
          ...observers.map((userId) => ({ userId, role: 'observer' as const })),
        ],
      });
      notifySuccess(t('drills.plan.created'));
      await navigate({ to: `/drills/${drill.id}` });
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  return (
    <Stack gap="md">
      <Section title={t('drills.plan.source')}>
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as 'shipped' | 'file')}
          data={[
            { value: 'shipped', label: t('drills.plan.shipped') },
            { value: 'file', label: t('drills.plan.upload') },
          ]}
          data-testid="scenario-source"
          fullWidth
        />
        {source === 'shipped' ? (
          <QueryState query={scenarios}>{(list) => <ScenarioPicker scenarios={list} chosen={choice} onChoose={setChoice} />}</QueryState>
        ) : (
          <ScenarioFile checked={checked} onChecked={setChecked} />
        )}
      </Section>
      <Section title={t('drills.plan.settings')}>
        <TextInput
          label={t('drills.plan.drillTitle')}
          value={title}
          placeholder={picked?.title ?? ''}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="drill-speed-label">
            {t('drills.plan.speedLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="drill-speed-label"
            value={String(speed)}
            onChange={(v) => setSpeed(Number(v) as Speed)}
            data={speeds.map((s) => ({ value: String(s), label: t(`drills.speed.x${s}`) }))}
            data-testid="plan-speed"
          />
          <Text size="xs" c="dimmed">
            {t('drills.plan.speedHint')}
          </Text>
        </Stack>
        <NumberInput
          label={t('drills.plan.historyDays')}
          description={t('drills.plan.historyHint')}
          value={historyDays}
          onChange={(v) => setHistoryDays(typeof v === 'number' ? v : 0)}
          min={0}
          max={30}
          allowDecimal={false}
          clampBehavior="strict"
        />
        <People
          players={players}
          observers={observers}
          onChange={(p, o) => {
            setPlayers(p);
            setObservers(o);
          }}
        />
      </Section>
      {error ? (
        <Alert color="red" role="alert" data-testid="plan-error">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={create.isPending} data-testid="create-drill">
          {t('drills.plan.create')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The drill planner. */
export function NewDrillPage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="drill.manage">
      <Stack gap={4} mb="sm">
        <BackLink to="/drills" label={t('drills.back')} />
      </Stack>
      <PageHeader title={t('drills.plan.title')} description={t('drills.plan.intro')} />
      <PlanForm />
    </RequirePermission>
  );
}
