// Monitoring → Sources → Add: choose a kind, fill in the feed (with helpers) or the connector's settings, save;
// the new source is collected at once and its page shows how that went.
import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../../../web/errors.ts';
import { PageHeader } from '../../../../../web/ui/page-header.tsx';
import { QueryState } from '../../../../../web/ui/query-state.tsx';
import { RequirePermission } from '../../../../../web/ui/require-permission.tsx';
import { initialValues, SourceForm, serverErrors } from '../components/source-form.tsx';
import { connectorsQuery, useCreateSource } from '../queries.ts';

/** The "add source" page. */
export function SourceNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const connectors = useQuery(connectorsQuery);
  const create = useCreateSource();
  return (
    <RequirePermission permission="source.manage">
      <Stack gap={0}>
        <Anchor component={Link} to="/monitoring/sources" size="sm" mb="xs">
          ← {t('monitoring.sources.backToList')}
        </Anchor>
        <PageHeader title={t('monitoring.sources.form.newTitle')} description={t('monitoring.sources.form.newIntro')} />
        <QueryState query={connectors}>
          {(list) =>
            list.length === 0 ? (
              <Text c="dimmed">{t('monitoring.sources.form.noConnectors')}</Text>
            ) : (
              <SourceForm
                connectors={list}
                initial={initialValues(list.some((c) => c.kind === 'rss') ? 'rss' : list[0].kind)}
                creating
                pending={create.isPending}
                submitLabel={t('monitoring.sources.form.create')}
                onCancel={() => void navigate({ to: '/monitoring/sources' })}
                onSubmit={(v, form) =>
                  create.mutate(
                    { kind: v.kind, name: v.name, config: v.config, ...(v.intervalSeconds ? { intervalSeconds: v.intervalSeconds } : {}) },
                    {
                      onSuccess: (s) => {
                        notifySuccess(t('monitoring.sources.created'));
                        void navigate({ to: `/monitoring/sources/${s.id}` });
                      },
                      onError: (err) => {
                        form.setErrors(serverErrors(err, t, v.kind));
                        notifyError(err, t);
                      },
                    },
                  )
                }
              />
            )
          }
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}
