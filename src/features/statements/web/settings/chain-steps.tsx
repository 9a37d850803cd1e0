// A chain's steps in order — role → role → role — each with its named backups (text only).
import { Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalChain } from '../../contract.ts';
import { roleName } from '../review/labels.ts';

/** The steps of a chain on one wrapping line. */
export function ChainSteps({ steps }: { steps: ApprovalChain['steps'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} align="flex-start" data-testid="chain-steps">
      {steps.map((s, i) => (
        <Fragment key={s.role}>
          {i > 0 ? <IconArrowRight size={14} style={{ marginTop: 4, flex: 'none' }} aria-hidden /> : null}
          <Stack gap={0} style={{ minWidth: 0 }} data-testid="chain-step" data-role={s.role}>
            <Text size="sm" fw={600}>
              {roleName(s.role, t)}
            </Text>
            {s.backups.length ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('statementSettings.chains.backups', { names: s.backups.map((b) => b.name).join('、') })}
              </Text>
            ) : null}
          </Stack>
        </Fragment>
      ))}
    </Group>
  );
}
