// Step 0: choose a file and the import source, then upload it with a real progress bar.
import { Autocomplete, Button, FileInput, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../../../web/session.ts';
import { MAX_IMPORT_BYTES } from '../../../import-contract.ts';
import { importErrorMessage, uploadFile } from '../queries.ts';

/** The upload form: file, target source (existing import source or a new name), upload progress. */
export function UploadCard({ sources }: { sources: Array<{ name: string; status: string }> }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (f: File | null) => {
    setFile(f);
    setError(f && f.size > MAX_IMPORT_BYTES ? t('monitoring.import.upload.tooLarge') : null);
    if (f && !source) setSource(f.name.replace(/\.[^.]+$/, '').slice(0, 100));
  };
  const submit = async () => {
    if (!file || !source.trim()) return setError(t('monitoring.import.upload.required'));
    if (file.size > MAX_IMPORT_BYTES) return setError(t('monitoring.import.upload.tooLarge'));
    setError(null);
    setProgress(0);
    try {
      const imp = await uploadFile(file, source.trim(), session.csrfToken, setProgress);
      await qc.invalidateQueries({ queryKey: ['imports'] });
      void navigate({ to: `/monitoring/import/${imp.id}` });
    } catch (err) {
      setError(importErrorMessage(err, t));
      setProgress(null);
    }
  };
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('monitoring.import.upload.title')}
        </Title>
        <FileInput
          label={t('monitoring.import.upload.file')}
          placeholder={t('monitoring.import.upload.filePlaceholder')}
          description={t('monitoring.import.upload.fileHint')}
          accept=".csv,.tsv,.txt,.ndjson,.jsonl,text/csv,application/x-ndjson"
          value={file}
          onChange={choose}
          clearable
          disabled={progress !== null}
          data-testid="import-file"
        />
        <Autocomplete
          label={t('monitoring.import.upload.source')}
          description={t('monitoring.import.upload.sourceHint')}
          placeholder={t('monitoring.import.upload.sourcePlaceholder')}
          data={sources.map((s) => s.name)}
          value={source}
          onChange={setSource}
          maxLength={100}
          disabled={progress !== null}
        />
        {progress !== null ? (
          <Stack gap={4}>
            <Progress value={percent} size="lg" aria-label={t('monitoring.import.upload.progressLabel')} data-testid="upload-progress" />
            <Text size="sm" c="dimmed">
              {t('monitoring.import.upload.uploading', { percent })}
            </Text>
          </Stack>
        ) : null}
        {error ? (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
        <Button
          leftSection={<IconUpload size={16} />}
          onClick={() => void submit()}
          loading={progress !== null}
          disabled={!file}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('monitoring.import.upload.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
