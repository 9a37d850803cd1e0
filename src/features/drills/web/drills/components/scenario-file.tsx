// A scenario file of one's own: choose a file (or paste its text) and check it with the server's validator,
// which points every problem at its line and column. The text is only ever shown in a textarea.
import { Alert, Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../../../web/errors.ts';
import { type ValidateResult, validateScenario } from '../queries.ts';

/** The largest file the server reads (2,000,000 characters). */
const MAX_BYTES = 2_000_000;

/** The checked text and its result (a later edit of the text makes it stale). */
export type CheckedScenario = { text: string; result: ValidateResult };

/** The upload/paste box with the validator's answer. */
export function ScenarioFile({ checked, onChecked }: { checked: CheckedScenario | null; onChecked: (c: CheckedScenario | null) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(checked?.text ?? '');
  const [busy, setBusy] = useState(false);
  const check = async (value: string) => {
    if (!value.trim()) return;
    setBusy(true);
    try {
      onChecked({ text: value, result: await validateScenario(value) });
    } catch (err) {
      onChecked(null);
      notifyError(err, t);
    } finally {
      setBusy(false);
    }
  };
  const load = async (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      notifications.show({ color: 'red', title: t('errors.title'), message: t('drills.plan.tooBig') });
      return;
    }
    const value = await file.text();
    setText(value);
    await check(value);
  };
  const current = checked && checked.text === text ? checked.result : null;
  return (
    <Stack gap="sm">
      <Group>
        <FileButton onChange={(f) => void load(f)} accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} />} data-testid="scenario-upload">
              {t('drills.plan.file')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Textarea
        label={t('drills.plan.text')}
        description={t('drills.plan.textHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={14}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        data-testid="scenario-text"
      />
      {current && !current.ok ? (
        <Alert color="red" variant="light" title={t('drills.plan.issues', { count: current.issues.length })} data-testid="scenario-issues">
          <Stack gap={2} component="ul" m={0} pl="md">
            {current.issues.map((i) => (
              <Text component="li" size="sm" key={`${i.line}:${i.column}:${i.path}:${i.message}`} style={{ overflowWrap: 'anywhere' }}>
                <Text component="span" fw={600} size="sm">
                  {t('drills.plan.issueAt', { line: i.line, column: i.column })}
                </Text>
                {i.path ? ` · ${i.path}` : ''} — {i.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {current?.ok && current.summary ? (
        <Alert color="green" variant="light" icon={<IconCheck size={18} />} data-testid="scenario-ok">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('drills.plan.valid', {
              title: current.summary.title,
              minutes: current.summary.durationMinutes,
              count: current.summary.injects,
            })}
          </Text>
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void check(text)} loading={busy} disabled={!text.trim()}>
          {t('drills.plan.validate')}
        </Button>
      </Group>
    </Stack>
  );
}
