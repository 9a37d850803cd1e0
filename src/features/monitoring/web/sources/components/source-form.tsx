// The source form, for adding and for editing: kind, name, the connector's settings (for RSS/Atom with helpers for
// PTT boards, Google News searches and RSSHub routes; for other connectors fields drawn from their JSON Schema),
// and the polling interval. Server field errors are shown next to the fields they concern.
import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { fieldMessage } from '../../../../../web/errors.ts';
import { textRule } from '../../../../../web/validation.ts';
import type { ConnectorInfo } from '../../../source-contract.ts';
import { BOARD, DEFAULT_RSSHUB, type FeedPreset, feedPresets, feedUrl, isHttpUrl, recognise } from './feed-url.ts';
import { useKindLabel } from './source-status.tsx';

/** The form's values. */
export type SourceFormValues = {
  kind: string;
  name: string;
  preset: FeedPreset;
  board: string;
  newsQuery: string;
  rsshubBase: string;
  rsshubRoute: string;
  url: string;
  intervalMinutes: number | string;
  extra: Record<string, unknown>;
};

/** What the form submits: the API's fields. */
export type SourceSubmit = { kind: string; name: string; config: Record<string, unknown>; intervalSeconds: number | null };

const presetLabel = { ptt: 'presetPtt', googleNews: 'presetGoogleNews', rsshub: 'presetRsshub', url: 'presetUrl' } as const;

type JsonField = { type?: string; description?: string; default?: unknown; enum?: unknown[]; items?: { type?: string } };
const fieldsOf = (c: ConnectorInfo | undefined) =>
  Object.entries(((c?.configSchema as { properties?: Record<string, JsonField> })?.properties ?? {}) as Record<string, JsonField>);

/** Initial values, from an existing source's settings when editing. */
export function initialValues(
  kind: string,
  existing?: { name: string; config: Record<string, unknown> | null; intervalSeconds: number | null },
) {
  const url = typeof existing?.config?.url === 'string' ? existing.config.url : '';
  const known = url ? recognise(url) : { preset: 'ptt' as FeedPreset, parts: {} };
  return {
    kind,
    name: existing?.name ?? '',
    preset: known.preset,
    board: '',
    newsQuery: '',
    rsshubBase: DEFAULT_RSSHUB,
    rsshubRoute: '',
    ...known.parts,
    url,
    intervalMinutes: existing?.intervalSeconds ? Math.round(existing.intervalSeconds / 60) : '',
    extra: kind === 'rss' ? {} : { ...(existing?.config ?? {}) },
  } satisfies SourceFormValues;
}

function cleanExtra(c: ConnectorInfo | undefined, extra: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, f] of fieldsOf(c)) {
    const v = extra[key];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = f.type === 'number' || f.type === 'integer' ? Number(v) : typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** Maps the server's field paths (config.url, intervalSeconds…) onto this form's fields. */
export function serverErrors(err: unknown, t: TFunction, kind: string): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.fieldErrors) {
    const [head, sub] = e.path.split('.');
    const key = head === 'config' ? (kind === 'rss' ? 'url' : `extra.${sub ?? ''}`) : head === 'intervalSeconds' ? 'intervalMinutes' : head;
    if (key && !(key in out)) out[key] = fieldMessage(e, t);
  }
  return out;
}

type Props = {
  connectors: ConnectorInfo[];
  initial: SourceFormValues;
  /** Adding lets the kind be chosen; editing keeps it. */
  creating: boolean;
  pending: boolean;
  submitLabel: string;
  /** Gets the values to send, and a way to show the server's field errors. */
  onSubmit: (v: SourceSubmit, form: { setErrors: (e: Record<string, string>) => void }) => void;
  onCancel?: () => void;
};

function GenericFields({ connector, form }: { connector: ConnectorInfo | undefined; form: SourceFormApi }) {
  const { t, i18n } = useTranslation();
  return fieldsOf(connector).map(([key, f]) => {
    const own = `monitoring.sources.fields.${connector?.kind}.${key}`;
    const label = i18n.exists(own) ? t(own as never) : (f.description ?? key);
    const props = form.getInputProps(`extra.${key}`);
    const placeholder = f.default === undefined ? undefined : String(f.default);
    if (f.type === 'array') return <TagsInput key={key} label={label} {...props} value={(props.value as string[]) ?? []} />;
    if (f.type === 'boolean') return <Switch key={key} label={label} {...form.getInputProps(`extra.${key}`, { type: 'checkbox' })} />;
    if (f.enum) return <Select key={key} label={label} data={f.enum.map(String)} {...props} value={(props.value as string) ?? null} />;
    if (f.type === 'number' || f.type === 'integer') return <NumberInput key={key} label={label} placeholder={placeholder} {...props} />;
    return <TextInput key={key} label={label} placeholder={placeholder} {...props} value={(props.value as string) ?? ''} />;
  });
}

function useSourceForm(initial: SourceFormValues) {
  const { t } = useTranslation();
  const k = 'monitoring.sources.form';
  return useForm<SourceFormValues>({
    initialValues: initial,
    validate: {
      name: textRule(t, 100),
      url: (v, values) => (values.kind === 'rss' && !isHttpUrl(v) ? t(`${k}.badUrl`) : null),
      board: (v, values) => (values.kind === 'rss' && values.preset === 'ptt' && !BOARD.test(v.trim()) ? t(`${k}.boardInvalid`) : null),
      intervalMinutes: (v) =>
        v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 1440)
          ? null
          : t('validation.range', { min: 1, max: 1440 }),
    },
  });
}
type SourceFormApi = ReturnType<typeof useSourceForm>;

/** The add/edit form. */
export function SourceForm({ connectors, initial, creating, pending, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const k = 'monitoring.sources.form';
  const form = useSourceForm(initial);
  const kindLabel = useKindLabel();
  const connector = connectors.find((c) => c.kind === form.values.kind);
  const polled = connector?.mode === 'poll';
  const setPart = (field: 'board' | 'newsQuery' | 'rsshubBase' | 'rsshubRoute', value: string) => {
    form.setFieldValue(field, value);
    const parts = { ...form.getValues(), [field]: value };
    const url = feedUrl(form.getValues().preset, parts);
    if (url) form.setFieldValue('url', url);
  };
  const submit = form.onSubmit((v) =>
    onSubmit(
      {
        kind: v.kind,
        name: v.name.trim(),
        config: v.kind === 'rss' ? { url: v.url.trim() } : cleanExtra(connector, v.extra),
        intervalSeconds: polled && v.intervalMinutes !== '' ? Number(v.intervalMinutes) * 60 : null,
      },
      form,
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        {creating ? (
          <Select
            label={t(`${k}.kind`)}
            data={connectors.map((c) => ({ value: c.kind, label: kindLabel({ kind: c.kind, kindLabel: c.label }) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        ) : null}
        <TextInput label={t(`${k}.name`)} description={t(`${k}.nameHint`)} required {...form.getInputProps('name')} />
        {form.values.kind === 'rss' ? (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t(`${k}.preset`)}
              </Text>
              <SegmentedControl
                fullWidth
                orientation="vertical"
                hiddenFrom="sm"
                data={feedPresets.map((p) => ({ value: p, label: t(`${k}.${presetLabel[p]}`) }))}
                {...form.getInputProps('preset')}
              />
              <SegmentedControl
                visibleFrom="sm"
                data={feedPresets.map((p) => ({ value: p, label: t(`${k}.${presetLabel[p]}`) }))}
                {...form.getInputProps('preset')}
              />
            </Stack>
            {form.values.preset === 'ptt' ? (
              <TextInput
                label={t(`${k}.board`)}
                description={t(`${k}.boardHint`)}
                placeholder="Gossiping"
                {...form.getInputProps('board')}
                onChange={(e) => setPart('board', e.currentTarget.value)}
              />
            ) : null}
            {form.values.preset === 'googleNews' ? (
              <TextInput
                label={t(`${k}.newsQuery`)}
                description={t(`${k}.newsQueryHint`)}
                {...form.getInputProps('newsQuery')}
                onChange={(e) => setPart('newsQuery', e.currentTarget.value)}
              />
            ) : null}
            {form.values.preset === 'rsshub' ? (
              <>
                <TextInput
                  label={t(`${k}.rsshubBase`)}
                  description={t(`${k}.rsshubBaseHint`)}
                  {...form.getInputProps('rsshubBase')}
                  onChange={(e) => setPart('rsshubBase', e.currentTarget.value)}
                />
                <TextInput
                  label={t(`${k}.rsshubRoute`)}
                  description={t(`${k}.rsshubRouteHint`)}
                  placeholder="/dcard/posts/mood"
                  {...form.getInputProps('rsshubRoute')}
                  onChange={(e) => setPart('rsshubRoute', e.currentTarget.value)}
                />
              </>
            ) : null}
            <TextInput
              label={t(`${k}.url`)}
              description={form.values.preset === 'url' ? undefined : t(`${k}.urlHint`)}
              required
              type="url"
              inputMode="url"
              placeholder="https://"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('url')}
            />
          </>
        ) : (
          <GenericFields connector={connector} form={form} />
        )}
        {polled ? (
          <NumberInput
            label={t(`${k}.interval`)}
            description={t(`${k}.intervalHint`, { count: Math.round((connector?.defaultIntervalSeconds ?? 900) / 60) })}
            placeholder={String(Math.round((connector?.defaultIntervalSeconds ?? 900) / 60))}
            min={1}
            max={1440}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('intervalMinutes')}
          />
        ) : connector ? (
          <Text size="sm" c="dimmed">
            {t(`${k}.streamHint`)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} disabled={pending}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
