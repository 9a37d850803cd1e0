// A titled panel, the building block of the drill planner and the after-action report.
import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered panel with a small heading. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
