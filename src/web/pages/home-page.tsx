// Home: a welcome with the organisation's name, the user's role and links into every section.
import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sections } from '../sections.ts';
import { useSession } from '../session.ts';

/** The page at `/`. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('home.welcome', { org: session.org.name })}</Title>
        <Text c="dimmed" data-testid="home-role">
          {t('home.signedInAs', { name: session.user.name, role: t(`role.${session.user.role}`) })}
        </Text>
      </Stack>
      <Title order={3} size="h4">
        {t('home.sectionsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {sections.map((s) => (
          <Card key={s.key} withBorder padding="md" radius="md" renderRoot={(props) => <Link to={s.path} {...props} />}>
            <Group gap="sm" wrap="nowrap" mb="xs">
              <ThemeIcon variant="light" color="orange" size="lg">
                <s.icon size={20} />
              </ThemeIcon>
              <Text fw={600}>{t(`nav.${s.key}`)}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`sections.${s.key}.description`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group gap="xs" wrap="nowrap" align="center">
        <IconSettings size={16} aria-hidden style={{ flex: 'none' }} />
        <Anchor renderRoot={(props) => <Link to="/settings/profile" {...props} />}>{t('home.settingsLink')}</Anchor>
      </Group>
    </Stack>
  );
}
