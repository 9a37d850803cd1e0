// A statement's review panel, beside the editor: its status (and the permanent red "緊急核准" marker with who, why
// and when), the actions the caller may take, the approval chain, the head version's risk findings for the
// approvers, and the publication record.
import { Alert, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { StatementDetail } from '../../contract.ts';
import { StatementStatusBadge } from '../list/badges.tsx';
import { StatementClock } from '../list/statement-row.tsx';
import { ReviewActions } from './actions.tsx';
import { ApprovalChain } from './chain.tsx';
import { ReviewFindings } from './findings.tsx';
import { Publications } from './publications.tsx';

function OverrideMarker({ override }: { override: NonNullable<StatementDetail['override']> }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  return (
    <Alert color="red" variant="filled" icon={<IconAlertOctagon />} p="xs" data-testid="override-marker">
      <Text size="sm" fw={700}>
        {t('statementReview.override.marker', { name: override.by.name, time: formatDateTime(override.at, zone) })}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {t('statementReview.override.markerReason', { reason: override.reason })}
      </Text>
    </Alert>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The review panel. */
export function ReviewPanel({ detail }: { detail: StatementDetail }) {
  const { t } = useTranslation();
  const published = detail.publications.length > 0;
  const approved = detail.status === 'approved' || detail.status === 'published';
  return (
    <Card withBorder radius="md" padding="md" data-testid="review-panel" data-status={detail.status}>
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={3} size="h4">
            {t('statementReview.title')}
          </Title>
          <Group gap={6} wrap="wrap">
            <StatementStatusBadge status={detail.status} />
            <Text size="xs" c="dimmed">
              {t('statementReview.headVersion', { number: detail.head })}
            </Text>
            {detail.approvedVersion !== null ? (
              <Text size="xs" c="teal" data-testid="approved-version">
                {t('statementReview.approvedVersion', { number: detail.approvedVersion })}
              </Text>
            ) : null}
            <StatementClock s={detail} />
          </Group>
          {detail.override ? <OverrideMarker override={detail.override} /> : null}
        </Stack>
        <ReviewActions detail={detail} />
        <Divider />
        <Section title={t('statementReview.chain.title')}>
          <ApprovalChain detail={detail} />
        </Section>
        <Divider />
        <Section title={t('statementReview.findings.title')}>
          <ReviewFindings detail={detail} canAccept={detail.can.decide || detail.can.edit} />
        </Section>
        <Divider />
        <Section title={t('statementReview.publish.list')}>
          {!approved && !published ? (
            <Text size="xs" c="dimmed">
              {t('statementReview.notApprovedYet')}
            </Text>
          ) : null}
          <Publications detail={detail} />
        </Section>
      </Stack>
    </Card>
  );
}
