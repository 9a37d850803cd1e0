// /demo, outside the app shell: the demo workspace's own door — the sign-in picker once a demo exists, opening
// one while that is allowed, else a pointer to the ordinary sign-in.
import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../../../web/ui/auth-layout.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { DemoPanel } from '../components/demo-entry.tsx';
import { demoInfoQuery } from '../queries.ts';

/** The public demo page. */
export function DemoPage() {
  const { t } = useTranslation();
  const info = useQuery(demoInfoQuery);
  return (
    <AuthLayout title={t('drillDemo.page.title')}>
      <QueryState query={info}>
        {(data) =>
          data.demo || data.canOpen ? (
            <DemoPanel info={data} />
          ) : (
            <Stack gap="sm" data-testid="demo-none">
              <Text>{t('drillDemo.page.none')}</Text>
              <Anchor component={Link} to="/login">
                {t('drillDemo.page.toLogin')}
              </Anchor>
            </Stack>
          )
        }
      </QueryState>
    </AuthLayout>
  );
}
