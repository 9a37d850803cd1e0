// Export (download all playbooks as YAML or JSON) and import (upload or paste; check first — errors are listed
// with their line and column and marked beside the file's line numbers — then import, all or nothing).
import { Alert, Anchor, Button, Card, Code, FileButton, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../../web/api.ts';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import type { ImportIssue, ImportResult } from '../../../playbook-contract.ts';
import { exportUrl, useImportPlaybooks } from '../queries.ts';

/** The problems of a refused import, with their positions (none: it failed for another reason). */
function issuesOf(err: unknown): ImportIssue[] {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return [];
  return (err.fieldErrors as Array<Partial<ImportIssue>>)
    .filter((e) => typeof e.line === 'number')
    .map((e) => ({ line: e.line ?? 1, column: e.column ?? 1, path: e.path ?? '', message: e.message ?? '', code: e.code ?? '' }));
}

/** The file with line numbers, the lines with problems marked and their messages beneath. */
function Annotated({ text, issues }: { text: string; issues: ImportIssue[] }) {
  const { t } = useTranslation();
  const lines = text.split('\n');
  const bad = new Map<number, ImportIssue[]>();
  for (const i of issues) bad.set(i.line, [...(bad.get(i.line) ?? []), i]);
  // Only the lines around the problems (3 either side), so a long file stays readable.
  const shown = new Set<number>();
  for (const l of bad.keys()) for (let k = l - 3; k <= l + 3; k++) if (k >= 1 && k <= lines.length) shown.add(k);
  const order = [...shown].sort((a, b) => a - b);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('crisisConfig.io.preview')}
      </Text>
      <Code block style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="import-annotated">
        {order.map((n, idx) => (
          <div key={n}>
            {idx > 0 && order[idx - 1] !== n - 1 ? <div style={{ opacity: 0.5 }}>⋯</div> : null}
            <div
              data-testid={bad.has(n) ? 'import-bad-line' : undefined}
              data-line={n}
              style={{
                whiteSpace: 'pre',
                background: bad.has(n) ? 'var(--mantine-color-red-light)' : undefined,
              }}
            >
              <span
                style={{
                  display: 'inline-block',
                  width: '3.5em',
                  textAlign: 'right',
                  marginRight: '1em',
                  opacity: 0.6,
                  userSelect: 'none',
                }}
              >
                {n}
              </span>
              {lines[n - 1]}
            </div>
            {(bad.get(n) ?? []).map((i) => (
              <div
                key={`${i.column}-${i.path}-${i.code}`}
                style={{ whiteSpace: 'pre-wrap', color: 'var(--mantine-color-red-text)', paddingLeft: '4.5em' }}
              >
                {`${' '.repeat(Math.max(0, Math.min(i.column - 1, 60)))}↑ ${i.message}`}
              </div>
            ))}
          </div>
        ))}
      </Code>
    </Stack>
  );
}

/** The import and export panel. */
export function ImportExport() {
  const { t } = useTranslation();
  const run = useImportPlaybooks();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ text: string; result: ImportResult } | null>(null);
  const [issues, setIssues] = useState<{ text: string; list: ImportIssue[] } | null>(null);

  const load = async (file: File | null) => {
    if (!file) return;
    setText(await file.text());
    setChecked(null);
    setIssues(null);
  };
  const submit = async (dryRun: boolean) => {
    setIssues(null);
    try {
      const result = await run.mutateAsync({ text, dryRun });
      if (dryRun) setChecked({ text, result });
      else {
        setChecked(null);
        notifySuccess(t('crisisConfig.io.imported', { count: result.playbooks, changed: result.changed.length }));
      }
    } catch (err) {
      setChecked(null);
      const list = issuesOf(err);
      if (list.length) setIssues({ text, list });
      else notifyError(err, t);
    }
  };
  const ready = checked !== null && checked.text === text;

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h5" mb={4}>
          {t('crisisConfig.io.exportTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('crisisConfig.io.exportHelp')}
        </Text>
        <Group gap="sm">
          <Button component="a" href={exportUrl('yaml')} download="playbooks.yaml" variant="light" leftSection={<IconDownload size={16} />}>
            {t('crisisConfig.io.downloadYaml')}
          </Button>
          <Button
            component="a"
            href={exportUrl('json')}
            download="playbooks.json"
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('crisisConfig.io.downloadJson')}
          </Button>
        </Group>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={3} size="h5" mb={4}>
          {t('crisisConfig.io.importTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('crisisConfig.io.importHelp')}
        </Text>
        <Stack gap="sm">
          <Group>
            <FileButton onChange={(f) => void load(f)} accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} />}>
                  {t('crisisConfig.io.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Textarea
            label={t('crisisConfig.io.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={18}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            data-testid="import-text"
          />
          {issues && issues.text === text ? (
            <Stack gap="xs" data-testid="import-errors">
              <Alert color="red" variant="light" title={t('crisisConfig.io.errors', { count: issues.list.length })}>
                <Stack gap={2} component="ul" m={0} pl="md">
                  {issues.list.map((i) => (
                    <Text component="li" size="sm" key={`${i.line}-${i.column}-${i.path}-${i.code}`} style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component="span" fw={600} size="sm">
                        {t('crisisConfig.io.lineCol', { line: i.line, column: i.column })}
                      </Anchor>
                      {i.path ? ` · ${i.path}` : ''} — {i.message}
                    </Text>
                  ))}
                </Stack>
              </Alert>
              <Annotated text={issues.text} issues={issues.list} />
            </Stack>
          ) : null}
          {ready ? (
            <Alert color="green" variant="light" icon={<IconCheck size={18} />} data-testid="import-checked">
              {t('crisisConfig.io.checkedOk', { count: checked.result.playbooks, changed: checked.result.changed.length })}
              {checked.result.changed.length ? (
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {t('crisisConfig.io.changed', { list: checked.result.changed.join(', ') })}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => void submit(true)}
              loading={run.isPending && run.variables?.dryRun}
              disabled={!text.trim()}
            >
              {t('crisisConfig.io.check')}
            </Button>
            <Button onClick={() => void submit(false)} loading={run.isPending && !run.variables?.dryRun} disabled={!ready}>
              {t('crisisConfig.io.import')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
