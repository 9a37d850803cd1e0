// /statements/settings (?tab=chains): the statement settings for admins — the templates (shipped ones to copy, the
// organisation's own with their legal sign-off) and the approval chains by crisis level × audience.
import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../../web/ui/back-link.tsx';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { ChainsMatrix } from './chains-matrix.tsx';
import type { StatementSettingsSearch } from './routes.tsx';
import { TemplatesList } from './templates-list.tsx';

/** The settings page. */
export function StatementSettingsPage() {
  const { t } = useTranslation();
  const { tab } = useSearch({ strict: false }) as StatementSettingsSearch;
  const navigate = useNavigate();
  const current = tab ?? 'templates';
  return (
    <RequirePermission permission="crisis.configure">
      <Stack gap="xs">
        <BackLink to="/statements" label={t('statementList.title')} />
        <PageHeader title={t('statementSettings.title')} description={t('statementSettings.intro')} />
      </Stack>
      <Tabs
        value={current}
        onChange={(v) =>
          void navigate({
            to: '/statements/settings',
            search: (v === 'chains' ? { tab: v } : {}) as Record<string, unknown>,
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('statementSettings.tabs.label')} mb="md">
          <Tabs.Tab value="templates" data-testid="statement-settings-tab-templates">
            {t('statementSettings.tabs.templates')}
          </Tabs.Tab>
          <Tabs.Tab value="chains" data-testid="statement-settings-tab-chains">
            {t('statementSettings.tabs.chains')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="templates">
          <TemplatesList />
        </Tabs.Panel>
        <Tabs.Panel value="chains">
          <ChainsMatrix />
        </Tabs.Panel>
      </Tabs>
    </RequirePermission>
  );
}
