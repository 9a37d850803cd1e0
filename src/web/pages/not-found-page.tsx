// Shown for an address that matches no page.
import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The 404 page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" p="md">
      <Title order={2}>404</Title>
      <Text>{t('errors.notFoundPage')}</Text>
      <Button variant="default" renderRoot={(props) => <Link to="/" {...props} />}>
        {t('nav.home')}
      </Button>
    </Stack>
  );
}
