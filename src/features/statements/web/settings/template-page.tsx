// /statements/settings/templates/new (?from=id) and /statements/settings/templates/$templateId: one template —
// name, kind, language, crisis type and text with `{{field}}` fill-ins; the fields the text uses and how the text
// looks when drafting; the checker's findings as you type (a template that trips it says so before it is saved);
// legal sign-off (when legal last signed it; a changed text voids it). Shipped templates are shown read-only, to
// copy. Saving is guarded by the version loaded (409: reload).
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Mark,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArchive, IconCopy, IconDeviceFloppy, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api.ts';
import { fieldMessage, notifyError, notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { currentLocale } from '../../../../web/i18n/index.ts';
import { useCan, useSession } from '../../../../web/session.ts';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { ConfirmButton } from '../../../../web/ui/confirm-button.tsx';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { crisisTypes } from '../../../crises/contract.ts';
import { ConflictAlert, ProblemsAlert } from '../../../crises/web/config/components/editor-alerts.tsx';
import { checkStatement, type Finding } from '../../checker/index.ts';
import { type StatementKind, type StatementLanguage, type StatementTemplate, statementKinds, statementLanguages } from '../../contract.ts';
import { fillTemplate, templateFields } from '../../templates.ts';
import { FindingText } from '../editor/findings-panel.tsx';
import { categoryLabel } from '../editor/risk.ts';
import { LegalBadge } from './legal-status.tsx';
import { templatesQuery, useArchiveTemplate, useCreateTemplate, useSignTemplate, useUpdateTemplate } from './queries.ts';
import type { NewTemplateSearch } from './routes.tsx';

type Draft = { name: string; kind: StatementKind; language: StatementLanguage; crisisType: string | null; body: string };

const SETTINGS = '/statements/settings';
const fieldTag = (f: string) => `{{${f}}}`;
const draftOf = (x: StatementTemplate): Draft => ({
  name: x.name,
  kind: x.kind,
  language: x.language,
  crisisType: x.crisisType,
  body: x.body,
});

function Header({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <BackLink to={SETTINGS} label={t('statementSettings.back')} />
      <PageHeader title={title} />
    </Stack>
  );
}

/** A new template, blank or a copy of another. */
export function NewTemplatePage() {
  const { t } = useTranslation();
  const { from } = useSearch({ strict: false }) as NewTemplateSearch;
  const q = useQuery({ ...templatesQuery, refetchOnWindowFocus: false });
  return (
    <RequirePermission permission="crisis.configure">
      <Header title={t('statementSettings.editor.newTitle')} />
      <QueryState query={q}>
        {(all) => {
          const source = from ? all.find((x) => x.id === from) : undefined;
          const initial: Draft = source
            ? { ...draftOf(source), name: t('statementSettings.editor.copyOf', { name: source.name }).slice(0, 200) }
            : { name: '', kind: 'holding', language: currentLocale(), crisisType: null, body: '' };
          return <Editor key={from ?? 'blank'} initial={initial} existing={null} onReload={() => void q.refetch()} />;
        }}
      </QueryState>
    </RequirePermission>
  );
}

/**
 * One template: shipped (read-only) or the organisation's (edited). The editor keeps the version it loaded while
 * live updates refresh the list: a newer version from someone else shows the "reload" notice instead of
 * replacing what is being typed.
 */
export function TemplatePage() {
  const { t } = useTranslation();
  const { templateId } = useParams({ strict: false }) as { templateId: string };
  const q = useQuery({ ...templatesQuery, refetchOnWindowFocus: false });
  const current = q.data?.find((x) => x.id === templateId);
  const [seen, setSeen] = useState<StatementTemplate | null>(null);
  // Set when a save changed the text of a signed template: the sign-off no longer covers it.
  const [voided, setVoided] = useState(false);
  useEffect(() => {
    if (current && (!seen || seen.id !== current.id)) setSeen(current);
  }, [current, seen]);
  const shown = seen && current && seen.id === current.id ? seen : current;
  const reload = async () => {
    setSeen(null);
    await q.refetch();
  };
  return (
    <RequirePermission permission="crisis.configure">
      <Header title={shown?.name ?? t('statementSettings.editor.editTitle')} />
      <QueryState query={q}>
        {() => {
          if (!shown)
            return (
              <Alert color="yellow" data-testid="template-not-found">
                {t('statementSettings.editor.notFound')}
              </Alert>
            );
          if (shown.builtin) return <ShippedView template={shown} />;
          return (
            <Editor
              key={shown.version}
              initial={draftOf(shown)}
              existing={shown}
              stale={current !== undefined && current.version > shown.version}
              voided={voided}
              onVoided={setVoided}
              onSaved={setSeen}
              onReload={() => void reload()}
            />
          );
        }}
      </QueryState>
    </RequirePermission>
  );
}

/** The text with its unfilled fields marked, as a drafter first sees it (text only, never HTML). */
function Preview({ body }: { body: string }) {
  const parts = fillTemplate(body, {}).split(/(【[^】\n]+】)/);
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="template-preview">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {parts.map((p, i) =>
          i % 2 === 1 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text; their order is their identity.
            <Mark key={i} color="yellow">
              {p}
            </Mark>
          ) : (
            p
          ),
        )}
      </Text>
    </Paper>
  );
}

function Fields({ body }: { body: string }) {
  const { t } = useTranslation();
  const fields = templateFields(body);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} size="h5" mb={4}>
        {t('statementSettings.editor.fields')}
      </Title>
      {fields.length ? (
        <Group gap={6} mb="xs" data-testid="template-fields">
          {fields.map((f) => (
            <Code key={f} data-testid="template-field">
              {fieldTag(f)}
            </Code>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed" mb="xs">
          {t('statementSettings.editor.noFields')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mb="sm">
        {t('statementSettings.editor.fieldsHelp', { example: `【${fields[0] ?? '公司名稱'}】` })}
      </Text>
      <Text size="sm" fw={500} mb={4}>
        {t('statementSettings.editor.preview')}
      </Text>
      <Preview body={body} />
    </Card>
  );
}

function Findings({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="md" padding="md" data-testid="template-checker" data-count={findings.length}>
      <Title order={3} size="h5" mb="xs">
        {t('statementSettings.editor.checker')}
      </Title>
      {findings.length === 0 ? (
        <Text size="sm" c="teal" data-testid="template-checker-clean">
          {t('statementSettings.editor.checkerClean')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Alert color="orange" variant="light" p="xs" data-testid="template-checker-warning">
            <Text size="sm">{t('statementSettings.editor.checkerFound', { count: findings.length })}</Text>
          </Alert>
          {findings.map((f) => (
            <Paper
              key={`${f.rule}-${f.start}`}
              p="xs"
              radius="sm"
              data-testid="template-finding"
              data-category={f.category}
              style={{ borderLeft: '3px solid var(--mantine-color-orange-6)', background: 'var(--mantine-color-default-hover)' }}
            >
              <Stack gap={2}>
                <Text size="xs" fw={600} c="orange">
                  {categoryLabel(f.category, locale)}
                </Text>
                <FindingText f={f} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Runs the checker on the text as it is typed (deferred, so typing stays smooth). */
function useFindings(body: string, language: StatementLanguage): Finding[] {
  const deferred = useDeferredValue(body);
  const locale = currentLocale();
  return useMemo(() => checkStatement(deferred, { lang: language, locale }).findings, [deferred, language, locale]);
}

function ShippedView({ template }: { template: StatementTemplate }) {
  const { t } = useTranslation();
  const findings = useFindings(template.body, template.language);
  return (
    <Stack gap="md" data-testid="template-shipped">
      <Alert color="blue" variant="light">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('statementSettings.editor.readOnly')}</Text>
          <Button
            component={Link}
            to="/statements/settings/templates/new"
            search={{ from: template.id } as never}
            size="xs"
            leftSection={<IconCopy size={14} />}
            data-testid="template-copy"
          >
            {t('statementSettings.editor.copy')}
          </Button>
        </Stack>
      </Alert>
      <Group gap="xs">
        <Badge variant="outline" color="gray" tt="none">
          {t('statementSettings.editor.viewTitle')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t(`statementList.kind.${template.kind}`)} · {t(`statementList.language.${template.language}`)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Fields body={template.body} />
        <Findings findings={findings} />
      </SimpleGrid>
    </Stack>
  );
}

function LegalCard({
  template,
  dirty,
  voided,
  onSigned,
}: {
  template: StatementTemplate;
  dirty: boolean;
  voided: boolean;
  onSigned: (t: StatementTemplate) => void;
}) {
  const { t } = useTranslation();
  const sign = useSignTemplate();
  const session = useSession();
  // The API lets administrators record sign-off.
  const canSign = useCan('crisis.configure') && session.user.role === 'admin';
  return (
    <Card withBorder radius="md" padding="md" data-testid="template-legal">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <LegalBadge template={template} size="lg" />
          {template.legalSignedBy ? (
            <Text size="xs" c="dimmed">
              {t('statementSettings.legal.signedBy', { name: template.legalSignedBy.name })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {dirty ? t('statementSettings.legal.saveFirst') : t('statementSettings.legal.help')}
          </Text>
        </Stack>
        {canSign ? (
          <ConfirmButton
            color="teal"
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            disabled={dirty}
            message={t('statementSettings.legal.signConfirm')}
            data-testid="template-sign"
            onConfirm={async () => {
              try {
                const r = await sign.mutateAsync(template.id);
                notifySuccess(t('statementSettings.legal.signedDone'));
                onSigned(r);
              } catch (err) {
                notifyError(err, t);
                throw err;
              }
            }}
          >
            {t('statementSettings.legal.sign')}
          </ConfirmButton>
        ) : null}
      </Group>
      {voided && !template.legalSignedAt ? (
        <Alert color="orange" variant="light" mt="sm" p="xs" data-testid="template-signoff-voided">
          <Text size="sm">{t('statementSettings.legal.cleared')}</Text>
        </Alert>
      ) : null}
    </Card>
  );
}

function Editor({
  initial,
  existing,
  stale = false,
  voided = false,
  onVoided,
  onSaved,
  onReload,
}: {
  initial: Draft;
  existing: StatementTemplate | null;
  /** Someone else saved a newer version since this one was loaded. */
  stale?: boolean;
  voided?: boolean;
  onVoided?: (v: boolean) => void;
  onSaved?: (t: StatementTemplate) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [d, setD] = useState<Draft>(initial);
  const [conflicted, setConflict] = useState(false);
  const conflict = conflicted || stale;
  const [problems, setProblems] = useState<string[]>([]);
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const archive = useArchiveTemplate();
  const findings = useFindings(d.body, d.language);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const dirty = JSON.stringify(d) !== JSON.stringify(initial);
  const bodyChanged = existing !== null && d.body !== existing.body;
  const ready = d.name.trim() !== '' && d.body.trim() !== '';

  const submit = async () => {
    setProblems([]);
    const input = { ...d, name: d.name.trim(), crisisType: d.crisisType ?? null };
    try {
      if (existing) {
        const wasSigned = existing.legalSignedAt !== null;
        const r = await update.mutateAsync({ id: existing.id, ...input, version: existing.version });
        notifySuccess(t('statementSettings.editor.saved', { name: r.name }));
        onVoided?.(wasSigned && bodyChanged);
        onSaved?.(r);
      } else {
        const r = await create.mutateAsync(input);
        notifySuccess(t('statementSettings.editor.created', { name: r.name }));
        void navigate({ to: `/statements/settings/templates/${encodeURIComponent(r.id)}`, replace: true });
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setConflict(true);
      else if (err instanceof ApiError && err.fieldErrors.length)
        setProblems(err.fieldErrors.map((e) => `${e.path}: ${fieldMessage(e, t)}`));
      else notifyError(err, t);
    }
  };
  const saveLabel = existing ? t('statementSettings.editor.save') : t('statementSettings.editor.create');
  const pending = create.isPending || update.isPending;

  return (
    <Stack gap="md" data-testid="template-editor">
      {existing ? <LegalCard template={existing} dirty={dirty} voided={voided} onSigned={(r) => onSaved?.(r)} /> : null}
      {conflict ? <ConflictAlert message={t('statementSettings.editor.conflict')} onReload={onReload} testId="template-conflict" /> : null}
      {existing?.legalSignedAt && bodyChanged ? (
        <Alert color="orange" variant="light" data-testid="template-signoff-will-clear">
          <Text size="sm">{t('statementSettings.legal.willClear', { date: formatDateTime(existing.legalSignedAt) })}</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <TextInput
              label={t('statementSettings.editor.name')}
              value={d.name}
              maxLength={200}
              required
              onChange={(e) => set({ name: e.currentTarget.value })}
              data-testid="template-name"
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <Select
                label={t('statementSettings.editor.kind')}
                data={statementKinds.map((k) => ({ value: k, label: t(`statementList.kind.${k}`) }))}
                value={d.kind}
                onChange={(v) => v && set({ kind: v as StatementKind })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="template-kind"
              />
              <Select
                label={t('statementSettings.editor.language')}
                data={statementLanguages.map((l) => ({ value: l, label: t(`statementList.language.${l}`) }))}
                value={d.language}
                onChange={(v) => v && set({ language: v as StatementLanguage })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="template-language"
              />
            </SimpleGrid>
            <Select
              label={t('statementSettings.editor.crisisType')}
              description={t('statementSettings.editor.crisisTypeHelp')}
              placeholder={t('statementSettings.editor.anyCrisisType')}
              clearable
              data={crisisTypes.map((c) => ({ value: c, label: t(`crises.type.${c}`) }))}
              value={d.crisisType}
              onChange={(v) => set({ crisisType: v ?? null })}
              comboboxProps={{ withinPortal: true }}
              data-testid="template-crisis-type"
            />
            <Textarea
              label={t('statementSettings.editor.body')}
              description={t('statementSettings.editor.bodyHelp', { example: '{{公司名稱}}' })}
              value={d.body}
              required
              autosize
              minRows={8}
              maxRows={24}
              maxLength={20_000}
              onChange={(e) => set({ body: e.currentTarget.value })}
              data-testid="template-body"
            />
          </Stack>
        </Card>
        <Stack gap="md">
          <Findings findings={findings} />
          <Fields body={d.body} />
        </Stack>
      </SimpleGrid>
      <ProblemsAlert problems={problems} testId="template-problems" />
      <Group justify="space-between" gap="sm">
        {existing ? (
          <ConfirmButton
            variant="default"
            color="red"
            leftSection={<IconArchive size={16} />}
            message={t('statementSettings.editor.archiveConfirm', { name: existing.name })}
            data-testid="template-archive"
            onConfirm={async () => {
              try {
                await archive.mutateAsync(existing.id);
                notifySuccess(t('statementSettings.editor.archived', { name: existing.name }));
                void navigate({ to: SETTINGS });
              } catch (err) {
                notifyError(err, t);
                throw err;
              }
            }}
          >
            {t('statementSettings.editor.archive')}
          </ConfirmButton>
        ) : (
          <span />
        )}
        {findings.length ? (
          <ConfirmButton
            color="orange"
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!ready || conflict || (existing !== null && !dirty)}
            loading={pending}
            message={t('statementSettings.editor.saveWithFindings', { count: findings.length })}
            data-testid="template-save"
            data-findings={findings.length}
            onConfirm={submit}
          >
            {saveLabel}
          </ConfirmButton>
        ) : (
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!ready || conflict || (existing !== null && !dirty)}
            loading={pending}
            onClick={() => void submit()}
            data-testid="template-save"
            data-findings={0}
          >
            {saveLabel}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
