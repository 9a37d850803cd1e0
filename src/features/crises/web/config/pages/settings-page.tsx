// /crises/settings (?tab=io|grading|lists): the crisis settings for admins — the 9 × 4 grid of playbooks (type × level,
// customised or default), importing and exporting them as YAML or JSON, the grading matrix, and the names of
// crisis types and team roles (and which types are not used).
import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { BackToCrises } from '../../components/back-link.tsx';
import { GradingEditor } from '../components/grading-editor.tsx';
import { ImportExport } from '../components/import-export.tsx';
import { ListsEditor } from '../components/lists-editor.tsx';
import { PlaybookGrid } from '../components/playbook-grid.tsx';
import type { SettingsSearch } from '../routes.tsx';

/** The settings page. */
export function CrisisSettingsPage() {
  const { t } = useTranslation();
  const { tab } = useSearch({ strict: false }) as SettingsSearch;
  const navigate = useNavigate();
  const current = tab ?? 'playbooks';
  return (
    <RequirePermission permission="crisis.configure">
      <Stack gap="xs">
        <BackToCrises />
        <PageHeader title={t('crisisConfig.title')} description={t('crisisConfig.intro')} />
      </Stack>
      <Tabs
        value={current}
        onChange={(v) =>
          void navigate({
            to: '/crises/settings',
            search: (v && v !== 'playbooks' ? { tab: v } : {}) as Record<string, unknown>,
            replace: true,
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('crisisConfig.tabs.label')} mb="md">
          <Tabs.Tab value="playbooks" data-testid="config-tab-playbooks">
            {t('crisisConfig.tabs.playbooks')}
          </Tabs.Tab>
          <Tabs.Tab value="io" data-testid="config-tab-io">
            {t('crisisConfig.tabs.io')}
          </Tabs.Tab>
          <Tabs.Tab value="grading" data-testid="config-tab-grading">
            {t('crisisConfig.tabs.grading')}
          </Tabs.Tab>
          <Tabs.Tab value="lists" data-testid="config-tab-lists">
            {t('crisisConfig.tabs.lists')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="playbooks">
          <PlaybookGrid />
        </Tabs.Panel>
        <Tabs.Panel value="io">
          <ImportExport />
        </Tabs.Panel>
        <Tabs.Panel value="grading">
          <GradingEditor />
        </Tabs.Panel>
        <Tabs.Panel value="lists">
          <ListsEditor />
        </Tabs.Panel>
      </Tabs>
    </RequirePermission>
  );
}
