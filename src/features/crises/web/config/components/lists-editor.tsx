// The crisis type and team role names editor (類型與角色): per type its shipped name, a Chinese and an English
// name (blank = shipped, shown as the placeholder) and a "not used" switch; per role the two names. Saved with
// the version loaded (409: reload). One column on phones.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { fieldMessage, notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { toLocale } from '../../../../../web/i18n/index.ts';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import type { CrisisLists, ListLabel } from '../../../lists-contract.ts';
import { crisisListsQuery, shipped, useSaveCrisisLists } from '../labels.ts';
import { ConflictAlert } from './editor-alerts.tsx';

/** The editor, loaded. */
export function ListsEditor() {
  const q = useQuery({ ...crisisListsQuery, staleTime: 0, refetchOnWindowFocus: false });
  return <QueryState query={q}>{(v) => <Editor key={v.version} view={v} onReload={() => void q.refetch()} />}</QueryState>;
}

function Names({
  name,
  label,
  testId,
  onChange,
}: {
  name: { 'zh-TW': string; en: string };
  label: ListLabel;
  testId: string;
  onChange: (l: ListLabel) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
      <TextInput
        size="xs"
        label={t('crisisConfig.lists.nameZh')}
        placeholder={name['zh-TW']}
        value={label['zh-TW']}
        maxLength={40}
        data-testid={`${testId}-zh`}
        onChange={(e) => onChange({ ...label, 'zh-TW': e.currentTarget.value })}
      />
      <TextInput
        size="xs"
        label={t('crisisConfig.lists.nameEn')}
        placeholder={name.en}
        value={label.en}
        maxLength={40}
        data-testid={`${testId}-en`}
        onChange={(e) => onChange({ ...label, en: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}

function Editor({ view, onReload }: { view: CrisisLists; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = toLocale(i18n.language);
  const [lists, setLists] = useState<CrisisLists>(view);
  const [conflict, setConflict] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveCrisisLists();
  const allHidden = lists.types.every((x) => x.hidden);
  const customised = view.version > 0;
  const shippedName = (kind: 'type' | 'role', id: string) => ({
    'zh-TW': (shipped['zh-TW'][kind] as Record<string, string>)[id] ?? id,
    en: (shipped.en[kind] as Record<string, string>)[id] ?? id,
  });

  const submit = async () => {
    setProblems([]);
    try {
      await save.mutateAsync({ types: lists.types, roles: lists.roles, version: view.version });
      notifySuccess(t('crisisConfig.lists.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setConflict(true);
      else if (err instanceof ApiError && err.fieldErrors.length)
        setProblems(err.fieldErrors.map((e) => `${e.path}: ${fieldMessage(e, t)}`));
      else notifyError(err, t);
    }
  };

  return (
    <Stack gap="md" data-testid="lists-editor">
      <Text size="sm" c="dimmed">
        {t('crisisConfig.lists.intro')}
      </Text>
      <Group gap="xs">
        <Badge variant={customised ? 'filled' : 'outline'} color={customised ? 'grape' : 'gray'} tt="none">
          {customised ? t('crisisConfig.lists.customised', { version: view.version }) : t('crisisConfig.lists.default')}
        </Badge>
      </Group>
      {conflict ? <ConflictAlert message={t('crisisConfig.lists.conflict')} onReload={onReload} /> : null}

      <Title order={3} size="h5">
        {t('crisisConfig.lists.types')}
      </Title>
      {lists.types.map((x, i) => {
        const name = shippedName('type', x.id);
        return (
          <Card key={x.id} withBorder radius="md" padding="sm" data-testid={`list-type-${x.id}`} opacity={x.hidden ? 0.7 : 1}>
            <Group justify="space-between" gap="xs" mb={6} wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} style={{ minWidth: 0 }} td={x.hidden ? 'line-through' : undefined}>
                {name[lng]}
                <Text span size="xs" c="dimmed" ml={6} fw={400} ff="monospace">
                  {x.id}
                </Text>
              </Text>
              <Switch
                size="sm"
                label={t('crisisConfig.lists.hidden')}
                aria-label={`${t('crisisConfig.lists.hidden')}：${name[lng]}`}
                title={t('crisisConfig.lists.hiddenHelp')}
                checked={x.hidden}
                data-testid={`list-type-${x.id}-hidden`}
                style={{ flexShrink: 0 }}
                onChange={(e) => {
                  const hidden = e.currentTarget.checked;
                  setLists((l) => ({ ...l, types: l.types.map((y, k) => (k === i ? { ...y, hidden } : y)) }));
                }}
              />
            </Group>
            <Names
              name={name}
              label={x.label}
              testId={`list-type-${x.id}`}
              onChange={(label) => setLists((l) => ({ ...l, types: l.types.map((y, k) => (k === i ? { ...y, label } : y)) }))}
            />
          </Card>
        );
      })}
      {allHidden ? (
        <Alert color="red" variant="light" data-testid="lists-all-hidden">
          {t('crisisConfig.lists.allHidden')}
        </Alert>
      ) : null}

      <Title order={3} size="h5">
        {t('crisisConfig.lists.roles')}
      </Title>
      {lists.roles.map((x, i) => {
        const name = shippedName('role', x.id);
        return (
          <Card key={x.id} withBorder radius="md" padding="sm" data-testid={`list-role-${x.id}`}>
            <Text size="sm" fw={600} mb={6}>
              {name[lng]}
              <Text span size="xs" c="dimmed" ml={6} fw={400} ff="monospace">
                {x.id}
              </Text>
            </Text>
            <Names
              name={name}
              label={x.label}
              testId={`list-role-${x.id}`}
              onChange={(label) => setLists((l) => ({ ...l, roles: l.roles.map((y, k) => (k === i ? { ...y, label } : y)) }))}
            />
          </Card>
        );
      })}

      {problems.length ? (
        <Alert color="red" variant="light">
          <Stack gap={2}>
            {problems.map((p) => (
              <Text key={p} size="sm">
                {p}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      <Group>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          loading={save.isPending}
          disabled={allHidden || conflict}
          onClick={() => void submit()}
          data-testid="lists-save"
        >
          {t('crisisConfig.lists.save')}
        </Button>
      </Group>
    </Stack>
  );
}
