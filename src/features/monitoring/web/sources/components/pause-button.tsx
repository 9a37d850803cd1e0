// Pause or resume a source (people who manage sources).
import { Button, type ButtonProps } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import type { SourceOut } from '../../../source-contract.ts';
import { useUpdateSource } from '../queries.ts';

/** A button that pauses an active source or resumes a paused one. */
export function PauseButton({ source, ...props }: { source: SourceOut } & ButtonProps) {
  const { t } = useTranslation();
  const update = useUpdateSource();
  const paused = source.status === 'paused';
  const toggle = () =>
    update.mutate(
      { id: source.id, status: paused ? 'active' : 'paused' },
      {
        onSuccess: () => notifySuccess(t(paused ? 'monitoring.sources.resumed' : 'monitoring.sources.paused')),
        onError: (err) => notifyError(err, t),
      },
    );
  return (
    <Button
      variant="light"
      color={paused ? 'teal' : 'gray'}
      leftSection={paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
      loading={update.isPending}
      onClick={toggle}
      {...props}
    >
      {t(paused ? 'monitoring.sources.resume' : 'monitoring.sources.pause')}
    </Button>
  );
}
