// The head version's checker findings for the approvers: open ones (category, excerpt, message, why, a safer
// direction and the law), each with "接受風險" and a reason; and the risks already accepted, with who and why.
import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../web/errors.ts';
import { formatDateTime } from '../../../../web/format.ts';
import { useOrgTimeZone } from '../../../people/web/org-time-zone.ts';
import type { AcceptedRisk, StatementDetail, StoredFinding } from '../../contract.ts';
import { categoryText } from './labels.ts';
import { useAcceptRisk } from './queries.ts';
import { ReasonForm } from './reason-form.tsx';

const wrap = { whiteSpace: 'pre-line', overflowWrap: 'anywhere' } as const;

const categoryLabel = (category: string, language: string) => categoryText(category, language).label;

/** The findings of the head version nobody has accepted yet (matched by rule and span). */
export function openFindings(detail: StatementDetail): StoredFinding[] {
  const v = detail.headVersion;
  return v.findings.filter((f) => !v.accepted.some((a) => a.rule === f.rule && a.start === f.start && a.end === f.end));
}

function AcceptForm({ detail, finding, onClose }: { detail: StatementDetail; finding: StoredFinding; onClose: () => void }) {
  const { t } = useTranslation();
  const accept = useAcceptRisk(detail.id);
  return (
    <ReasonForm
      intro={
        <>
          <Text size="sm">{t('statementReview.findings.acceptIntro', { number: detail.headVersion.number })}</Text>
          <Text size="sm" fw={600} style={wrap}>
            {t('statementReview.findings.excerpt', { excerpt: finding.excerpt })}
          </Text>
        </>
      }
      label={t('statementReview.findings.reason')}
      placeholder={t('statementReview.findings.reasonPlaceholder')}
      maxLength={1000}
      confirm={t('statementReview.findings.accept')}
      color="orange"
      pending={accept.isPending}
      confirmTestId="accept-risk-save"
      send={async (reason) => {
        await accept.mutateAsync({
          versionNumber: detail.headVersion.number,
          rule: finding.rule,
          start: finding.start,
          end: finding.end,
          reason,
        });
        notifySuccess(t('statementReview.findings.acceptDone'));
      }}
      onClose={onClose}
    />
  );
}

function FindingItem({ f, language, onAccept }: { f: StoredFinding; language: string; onAccept: (() => void) | null }) {
  const { t } = useTranslation();
  const info = categoryText(f.category, language);
  return (
    <Paper component="li" withBorder radius="sm" p="xs" data-testid="review-finding" data-category={f.category}>
      <Stack gap={4}>
        <Group gap={6} justify="space-between" wrap="nowrap" align="flex-start">
          <Badge color="orange" variant="light" tt="none" style={{ flex: 'none', maxWidth: '60%' }}>
            {info.label}
          </Badge>
          {onAccept ? (
            <Button size="compact-xs" variant="subtle" color="orange" onClick={onAccept} data-testid="accept-risk">
              {t('statementReview.findings.accept')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" fw={600} style={wrap}>
          {t('statementReview.findings.excerpt', { excerpt: f.excerpt })}
        </Text>
        <Text size="sm" style={wrap}>
          {f.message}
        </Text>
        {info.why && info.why !== f.message ? (
          <Text size="xs" c="dimmed" style={wrap}>
            {t('statementReview.findings.why', { why: info.why })}
          </Text>
        ) : null}
        {f.suggestion || info.safer ? (
          <Text size="xs" c="teal.8" style={wrap}>
            {t('statementReview.findings.safer', { safer: f.suggestion || info.safer })}
          </Text>
        ) : null}
        {f.law || info.law ? (
          <Text size="xs" c="dimmed" style={wrap}>
            {t('statementReview.findings.law', { law: f.law ?? info.law })}
          </Text>
        ) : null}
        {f.ref ? (
          <Text size="xs" c="dimmed" style={wrap}>
            {t('statementReview.findings.ref', { text: f.ref.text })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AcceptedItem({ a, language }: { a: AcceptedRisk; language: string }) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  return (
    <Stack component="li" gap={2} data-testid="accepted-risk">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconShieldCheck size={16} color="var(--mantine-color-teal-6)" style={{ flex: 'none', marginTop: 2 }} aria-hidden />
        <Text size="sm" style={wrap}>
          {categoryLabel(a.category, language)} · {t('statementReview.findings.excerpt', { excerpt: a.excerpt })}
        </Text>
      </Group>
      <Text size="xs" style={wrap}>
        {t('statementReview.findings.acceptedReason', { reason: a.reason })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('statementReview.findings.acceptedBy', { name: a.by.name, time: formatDateTime(a.at, zone) })}
      </Text>
    </Stack>
  );
}

/** The findings section; `canAccept`: the caller may accept risks (approvers and editors). */
export function ReviewFindings({ detail, canAccept }: { detail: StatementDetail; canAccept: boolean }) {
  const { t, i18n } = useTranslation();
  const [accepting, setAccepting] = useState<StoredFinding | null>(null);
  const open = openFindings(detail);
  const accepted = detail.headVersion.accepted;
  const list = { listStyle: 'none', margin: 0, padding: 0 } as const;
  return (
    <Stack gap="xs" data-testid="review-findings">
      <Text size="xs" c="dimmed">
        {t('statementReview.findings.intro')}
      </Text>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="review-findings-none">
          {t('statementReview.findings.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" style={list}>
          {open.map((f) => (
            <FindingItem
              key={`${f.rule}:${f.start}:${f.end}`}
              f={f}
              language={i18n.language}
              onAccept={canAccept ? () => setAccepting(f) : null}
            />
          ))}
        </Stack>
      )}
      {accepted.length ? (
        <Stack gap={6} mt="xs">
          <Text size="xs" fw={600} c="dimmed">
            {t('statementReview.findings.accepted')}
          </Text>
          <Stack component="ul" gap="xs" style={list}>
            {accepted.map((a) => (
              <AcceptedItem key={`${a.rule}:${a.start}:${a.end}`} a={a} language={i18n.language} />
            ))}
          </Stack>
        </Stack>
      ) : null}
      <Modal opened={accepting !== null} onClose={() => setAccepting(null)} title={t('statementReview.findings.acceptTitle')} centered>
        {accepting ? <AcceptForm detail={detail} finding={accepting} onClose={() => setAccepting(null)} /> : null}
      </Modal>
    </Stack>
  );
}
