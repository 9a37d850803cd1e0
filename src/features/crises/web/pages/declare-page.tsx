// /crises/new (?alertId=…): the declare form, pre-filled from an alert when one hands over (its topic as the
// title, its suggested level as the severity).
import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../web/session.ts';
import { PageHeader } from '../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../web/ui/require-permission.tsx';
import { alertQuery } from '../../../warnings/web/queries.ts';
import { BackToCrises } from '../components/back-link.tsx';
import { DeclareForm } from '../components/declare-form.tsx';
import type { DeclareSearch } from '../search.ts';

function FromAlert({ alertId }: { alertId: string }) {
  const { t } = useTranslation();
  const alert = useQuery({ ...alertQuery(alertId), retry: false });
  if (alert.isError)
    return (
      <Stack gap="md">
        <Alert color="yellow" variant="light">
          {t('crises.form.alertMissing')}
        </Alert>
        <DeclareForm />
      </Stack>
    );
  return <QueryState query={alert}>{(a) => <DeclareForm from={{ alertId: a.id, topic: a.topicName, severity: a.severity }} />}</QueryState>;
}

/** The declare page. */
export function DeclarePage() {
  const { t } = useTranslation();
  const { alertId } = useSearch({ strict: false }) as DeclareSearch;
  const readsAlerts = useCan('alert.read');
  return (
    <RequirePermission permission="crisis.declare">
      <Stack gap="xs">
        <BackToCrises />
        <PageHeader title={t('crises.form.title')} description={t('crises.form.intro')} />
      </Stack>
      {alertId && readsAlerts ? <FromAlert alertId={alertId} /> : <DeclareForm />}
    </RequirePermission>
  );
}
