// The centred card used by the sign-in, setup and invitation pages, with a language picker.
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle, LanguageSelect } from './preference-controls.tsx';

/** Frames a public page: product name, language picker, title, intro and the form. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-body)" px="md" py="xl">
      <Center>
        <Stack w="100%" maw={440} gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              <IconFlame size={28} color="var(--mantine-color-orange-6)" aria-hidden />
              <Stack gap={0}>
                <Text fw={700} size="lg">
                  {t('app.name')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <ColorSchemeToggle />
              <LanguageSelect />
            </Group>
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Title order={2} mb="xs">
              {title}
            </Title>
            {intro ? (
              <Text c="dimmed" mb="md">
                {intro}
              </Text>
            ) : null}
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
