// A small dot in the header telling whether live updates are flowing.
import { Box, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../live.ts';

const colours = { open: 'var(--mantine-color-teal-6)', connecting: 'var(--mantine-color-yellow-6)', closed: 'var(--mantine-color-gray-5)' };

/** Connection indicator: green when connected, amber while reconnecting, grey when closed. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const label = t(`live.${status}`);
  return (
    <Tooltip label={label} withArrow>
      <Box
        role="status"
        aria-label={label}
        data-testid="live-indicator"
        data-live-status={status}
        w={12}
        h={12}
        style={{ borderRadius: '50%', background: colours[status], flex: 'none' }}
      />
    </Tooltip>
  );
}
