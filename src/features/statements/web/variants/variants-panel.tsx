// Channel variants of a statement: one tab per channel made (a dot when the master changed since), adding the
// channels not made yet, a textarea with the channel's counter (red over the limit; X's weighted count explained),
// the checker's findings count, and for a stale variant 「主稿已更新，請核對」 with the master's changes since its base,
// 標記已核對 and 依主稿重新產生 (after a confirmation). User text is shown only as text.
import { Alert, Badge, Button, Card, Group, Menu, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../web/api.ts';
import { notifySuccess } from '../../../../web/errors.ts';
import type { StatementDetail } from '../../contract.ts';
import {
  deriveVariant,
  measureVariant,
  type StatementVariant,
  type VariantChannel,
  type VariantList,
  variantChannels,
} from '../../variants.ts';
import { DiffView } from '../editor/diff-view.tsx';
import { versionQuery } from '../editor/queries.ts';
import { statementPath, useStatementsChanged } from '../queries.ts';
import { useReviewFailure } from '../review/failure.ts';

const variantsPath = (statementId: string, channel?: VariantChannel) =>
  `${statementPath(statementId)}/variants${channel ? `/${channel}` : ''}`;

/** A statement's variants; the key starts with 'statements' so live statement events refresh it. */
const variantsQuery = (statementId: string) =>
  queryOptions({
    queryKey: ['statements', 'variants', statementId],
    queryFn: ({ signal }) => api<VariantList>('GET', variantsPath(statementId), undefined, { signal }),
  });

function useVariantAction<V>(call: (v: V) => Promise<unknown>) {
  const changed = useStatementsChanged();
  return useMutation({ mutationFn: call, onSettled: changed });
}

function useChannelName() {
  const { t } = useTranslation();
  return (ch: VariantChannel) => t(`statementList.channel.${ch}`);
}

function Counter({ text, channel }: { text: string; channel: VariantChannel }) {
  const { t } = useTranslation();
  const m = measureVariant(text, channel);
  return (
    <Stack gap={2}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" fw={600} c={m.over ? 'red' : undefined} data-testid="variant-count" data-over={m.over ? 'true' : 'false'}>
          {m.limit === null ? t('statementVariants.countNoLimit', { length: m.length }) : t('statementVariants.count', m)}
        </Text>
        {m.over && m.limit !== null ? (
          <Badge color="red" variant="light" data-testid="variant-over">
            {t('statementVariants.over', { count: m.length - m.limit })}
          </Badge>
        ) : null}
      </Group>
      {m.weighted ? (
        <Text size="xs" c="dimmed" data-testid="variant-x-rule">
          {t('statementVariants.xRule')}
        </Text>
      ) : null}
    </Stack>
  );
}

function MasterDiff({ detail, basedOn }: { detail: StatementDetail; basedOn: number }) {
  const { t } = useTranslation();
  const base = useQuery(versionQuery(detail.id, basedOn));
  if (!base.data) return <Text size="sm">{t('statementVariants.diffLoading', { n: basedOn })}</Text>;
  return <DiffView older={base.data.text} newer={detail.headVersion.text} />;
}

function ConfirmModal(props: {
  opened: boolean;
  message: string;
  onCancel: () => void;
  onConfirm: () => void;
  testId: string;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={t('common.confirm')} centered>
      <Stack gap="sm">
        <Text size="sm">{props.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color={props.color} onClick={props.onConfirm} data-testid={props.testId}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function VariantEditor({ detail, v }: { detail: StatementDetail; v: StatementVariant }) {
  const { t } = useTranslation();
  const name = useChannelName()(v.channel);
  const fail = useReviewFailure();
  const [text, setText] = useState(v.text);
  const [showDiff, setShowDiff] = useState(false);
  const [confirm, setConfirm] = useState<'rederive' | 'remove' | null>(null);
  const save = useVariantAction((body: { text: string; version: number; reconcile: boolean }) =>
    api<StatementVariant>('PUT', variantsPath(detail.id, v.channel), body),
  );
  const remove = useVariantAction(() => api<unknown>('DELETE', variantsPath(detail.id, v.channel)));
  const canEdit = detail.can.edit;
  const dirty = text !== v.text;
  const run = async (body: { text: string; reconcile: boolean }, done: string) => {
    try {
      await save.mutateAsync({ ...body, version: v.version });
      notifySuccess(done);
    } catch (err) {
      fail(err);
    }
  };
  const doRemove = async () => {
    setConfirm(null);
    try {
      await remove.mutateAsync(undefined);
      notifySuccess(t('statementVariants.removed', { channel: name }));
    } catch (err) {
      fail(err);
    }
  };
  const inPlace = v.basedOn >= detail.head;
  return (
    <Stack gap="sm" data-testid="variant-editor" data-channel={v.channel}>
      {v.stale ? (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} />} data-testid="variant-stale">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('statementVariants.stale')}
            </Text>
            {/* Stale on the same number: the master was autosaved in place, so its earlier text is gone and there is no diff to show. */}
            <Text size="xs">
              {inPlace
                ? t('statementVariants.staleInPlace', { head: detail.head })
                : t('statementVariants.staleDetail', { basedOn: v.basedOn, head: detail.head })}
            </Text>
            <Group gap="xs" wrap="wrap">
              {inPlace ? null : (
                <Button size="xs" variant="subtle" onClick={() => setShowDiff((x) => !x)} data-testid="variant-diff-toggle">
                  {showDiff ? t('statementVariants.hideDiff') : t('statementVariants.viewDiff')}
                </Button>
              )}
              {canEdit ? (
                <Button
                  size="xs"
                  variant="light"
                  color="teal"
                  loading={save.isPending}
                  onClick={() => void run({ text, reconcile: true }, t('statementVariants.reconciled', { head: detail.head }))}
                  data-testid="variant-reconcile"
                >
                  {t('statementVariants.reconcile')}
                </Button>
              ) : null}
            </Group>
            {showDiff && !inPlace ? <MasterDiff detail={detail} basedOn={v.basedOn} /> : null}
          </Stack>
        </Alert>
      ) : (
        <Text size="xs" c="dimmed" data-testid="variant-based-on">
          {t('statementVariants.basedOn', { n: v.basedOn })}
        </Text>
      )}
      <Textarea
        label={t('statementVariants.text', { channel: name })}
        autosize
        minRows={4}
        maxRows={16}
        maxLength={100_000}
        value={text}
        readOnly={!canEdit}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="variant-text"
      />
      <Counter text={text} channel={v.channel} />
      <Text size="xs" c={v.findings > 0 ? 'orange' : 'dimmed'} data-testid="variant-findings" data-count={v.findings}>
        {v.findings > 0 ? t('statementVariants.findings', { count: v.findings }) : t('statementVariants.findingsNone')}
        {dirty ? ` ${t('statementVariants.findingsUnsaved')}` : ''}
      </Text>
      {canEdit ? (
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              onClick={() => setConfirm('rederive')}
              data-testid="variant-rederive"
            >
              {t('statementVariants.rederive')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => setConfirm('remove')}
              data-testid="variant-delete"
            >
              {t('statementVariants.remove')}
            </Button>
          </Group>
          <Button
            size="xs"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => void run({ text, reconcile: false }, t('statementVariants.saved'))}
            data-testid="variant-save"
          >
            {t('statementVariants.save')}
          </Button>
        </Group>
      ) : null}
      <ConfirmModal
        opened={confirm === 'rederive'}
        message={t('statementVariants.rederiveConfirm', { channel: name, head: detail.head })}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          const derived = deriveVariant(detail.headVersion.text, v.channel, detail.language);
          setText(derived);
          void run({ text: derived, reconcile: true }, t('statementVariants.rederived'));
        }}
        testId="variant-rederive-confirm"
      />
      <ConfirmModal
        opened={confirm === 'remove'}
        color="red"
        message={t('statementVariants.removeConfirm', { channel: name })}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void doRemove()}
        testId="variant-delete-confirm"
      />
    </Stack>
  );
}

/** The statement's channel variants. */
export function VariantsPanel({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const fail = useReviewFailure();
  const q = useQuery(variantsQuery(detail.id));
  const [tab, setTab] = useState<string | null>(null);
  const create = useVariantAction((channel: VariantChannel) => api<StatementVariant>('POST', variantsPath(detail.id), { channel }));
  const variants = q.data?.variants ?? [];
  const missing = variantChannels.filter((ch) => !variants.some((v) => v.channel === ch));
  const active = variants.find((v) => v.channel === tab)?.channel ?? variants[0]?.channel ?? null;
  const add = async (channel: VariantChannel) => {
    try {
      await create.mutateAsync(channel);
      setTab(channel);
      notifySuccess(t('statementVariants.added', { channel: channelName(channel) }));
    } catch (err) {
      fail(err);
    }
  };
  return (
    <Card withBorder padding="md" data-testid="variants-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{t('statementVariants.title')}</Text>
          {detail.can.edit && missing.length > 0 ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} loading={create.isPending} data-testid="variant-add">
                  {t('statementVariants.add')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {missing.map((ch) => (
                  <Menu.Item key={ch} onClick={() => void add(ch)} data-testid="variant-add-option" data-channel={ch}>
                    {channelName(ch)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('statementVariants.intro')}
        </Text>
        {q.isSuccess && variants.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="variants-empty">
            {t('statementVariants.empty')}
          </Text>
        ) : null}
        {active ? (
          <Tabs value={active} onChange={setTab} keepMounted={false}>
            <Tabs.List style={{ flexWrap: 'wrap' }}>
              {variants.map((v) => (
                <Tabs.Tab
                  key={v.channel}
                  value={v.channel}
                  data-testid="variant-tab"
                  data-channel={v.channel}
                  data-stale={v.stale ? 'true' : 'false'}
                  rightSection={
                    v.stale || v.over ? (
                      <Badge size="xs" circle color={v.over ? 'red' : 'orange'}>
                        !
                      </Badge>
                    ) : null
                  }
                >
                  {channelName(v.channel)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {variants.map((v) => (
              <Tabs.Panel key={v.channel} value={v.channel} pt="sm">
                <VariantEditor key={`${v.channel}:${v.version}`} detail={detail} v={v} />
              </Tabs.Panel>
            ))}
          </Tabs>
        ) : null}
      </Stack>
    </Card>
  );
}
