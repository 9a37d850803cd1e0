// Home: a welcome with the organisation's name, the user's role, the way to report a possible crisis (通報), and
// links into every section the user may use. Guests (outside partners) see their own home instead.
import { Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSettings, IconSpeakerphone } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { GuestHome } from '../../features/people/web/guests/guest-home.tsx';
import { sections } from '../sections.ts';
import { useSession } from '../session.ts';

/** The page at `/`: a guest's own home for guests, else the staff home. */
export function HomePage() {
  return useSession().permissions.includes('guest.self') ? <GuestHome /> : <StaffHome />;
}

function StaffHome() {
  const { t } = useTranslation();
  const session = useSession();
  const may = (permission: string) => session.permissions.includes(permission);
  const usable = sections.filter((s) => may(s.permission));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('home.welcome', { org: session.org.name })}</Title>
        <Text c="dimmed" data-testid="home-role">
          {t('home.signedInAs', { name: session.user.name, role: t(`role.${session.user.role}`) })}
        </Text>
      </Stack>
      {may('report.create') ? (
        <Paper withBorder radius="md" p="md" bg="red.0" data-testid="home-report">
          <Stack gap="sm" align="flex-start">
            <Text fw={500}>{t('reports.homeCta')}</Text>
            <Group gap="xs">
              <Button component={Link} to="/report" color="red" size="md" leftSection={<IconSpeakerphone size={18} />}>
                {t('reports.nav.reportCta')}
              </Button>
              <Button component={Link} to="/reports/mine" variant="default" size="md">
                {t('reports.nav.mine')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {usable.length ? (
        <Title order={3} size="h4">
          {t('home.sectionsTitle')}
        </Title>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {usable.map((s) => (
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
