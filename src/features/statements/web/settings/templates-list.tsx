// The templates tab: the organisation's templates and the shipped ones, grouped by kind and language, filtered by
// kind, language and crisis type. Shipped ones can be viewed and copied; the organisation's are edited, and show
// when legal last signed them off.
import { Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconEye, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../../web/ui/query-state.tsx';
import { crisisTypes } from '../../../crises/contract.ts';
import { type StatementKind, type StatementLanguage, type StatementTemplate, statementKinds, statementLanguages } from '../../contract.ts';
import { LegalBadge } from './legal-status.tsx';
import { templatesQuery } from './queries.ts';

type Filters = { kind: StatementKind | null; language: StatementLanguage | null; crisisType: string | null };

/** Templates grouped by kind, then language, in the order of the lists. */
function grouped(list: StatementTemplate[]): { kind: StatementKind; language: StatementLanguage; items: StatementTemplate[] }[] {
  return statementKinds.flatMap((kind) =>
    statementLanguages.flatMap((language) => {
      const items = list.filter((x) => x.kind === kind && x.language === language);
      return items.length ? [{ kind, language, items }] : [];
    }),
  );
}

const fieldTag = (f: string) => `{{${f}}}`;
/** The text on one line (blank lines and line breaks folded), for a two-line excerpt. */
const excerpt = (body: string) => body.replace(/\s*\n+\s*/g, ' ').trim();

function TemplateCard({ template }: { template: StatementTemplate }) {
  const { t } = useTranslation();
  const to = `/statements/settings/templates/${encodeURIComponent(template.id)}`;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="template-card" data-template-id={template.id} data-builtin={template.builtin}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {template.name}
          </Text>
          {template.builtin ? (
            <Badge variant="outline" color="gray" tt="none" size="sm" style={{ flexShrink: 0 }}>
              {t('statementSettings.templates.shippedBadge')}
            </Badge>
          ) : null}
        </Group>
        <Group gap={6}>
          {template.builtin ? null : <LegalBadge template={template} size="sm" />}
          {template.crisisType ? (
            <Badge variant="light" color="grape" tt="none" size="sm">
              {t('statementSettings.templates.forType', {
                type: (crisisTypes as readonly string[]).includes(template.crisisType)
                  ? t(`crises.type.${template.crisisType as (typeof crisisTypes)[number]}`)
                  : template.crisisType,
              })}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {excerpt(template.body)}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {template.fields.length
            ? t('statementSettings.templates.fields', { fields: template.fields.map(fieldTag).join(' ') })
            : t('statementSettings.templates.noFields')}
        </Text>
        <Group gap="xs">
          <Button
            component={Link}
            to={to}
            size="xs"
            variant="light"
            leftSection={template.builtin ? <IconEye size={14} /> : <IconPencil size={14} />}
            aria-label={t(template.builtin ? 'statementSettings.templates.viewLabel' : 'statementSettings.templates.editLabel', {
              name: template.name,
            })}
            data-testid="template-open"
          >
            {template.builtin ? t('statementSettings.templates.view') : t('statementSettings.templates.edit')}
          </Button>
          <Button
            component={Link}
            to="/statements/settings/templates/new"
            search={{ from: template.id } as never}
            size="xs"
            variant="default"
            leftSection={<IconCopy size={14} />}
            aria-label={t('statementSettings.templates.copyLabel', { name: template.name })}
            data-testid="template-copy"
          >
            {t('statementSettings.templates.copy')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Groups({ list, testId }: { list: StatementTemplate[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid={testId}>
      {grouped(list).map((g) => (
        <Stack key={`${g.kind}-${g.language}`} gap={6} data-testid="template-group" data-kind={g.kind} data-language={g.language}>
          <Text size="sm" fw={600} c="dimmed">
            {t(`statementList.kind.${g.kind}`)} · {t(`statementList.language.${g.language}`)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {g.items.map((x) => (
              <TemplateCard key={x.id} template={x} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

/** The templates tab. */
export function TemplatesList() {
  const { t } = useTranslation();
  const q = useQuery(templatesQuery);
  const [f, setF] = useState<Filters>({ kind: null, language: null, crisisType: null });
  const matches = (x: StatementTemplate) =>
    (!f.kind || x.kind === f.kind) && (!f.language || x.language === f.language) && (!f.crisisType || x.crisisType === f.crisisType);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('statementSettings.templates.intro')}
      </Text>
      <Group justify="space-between" align="flex-end" gap="sm">
        <SimpleGrid
          cols={{ base: 1, xs: 3 }}
          spacing="xs"
          style={{ flex: '1 1 24rem' }}
          aria-label={t('statementSettings.templates.filters')}
        >
          <Select
            size="xs"
            label={t('statementSettings.templates.kind')}
            placeholder={t('statementSettings.templates.anyKind')}
            clearable
            data={statementKinds.map((k) => ({ value: k, label: t(`statementList.kind.${k}`) }))}
            value={f.kind}
            onChange={(v) => setF((x) => ({ ...x, kind: (v as StatementKind | null) ?? null }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="template-filter-kind"
          />
          <Select
            size="xs"
            label={t('statementSettings.templates.language')}
            placeholder={t('statementSettings.templates.anyLanguage')}
            clearable
            data={statementLanguages.map((l) => ({ value: l, label: t(`statementList.language.${l}`) }))}
            value={f.language}
            onChange={(v) => setF((x) => ({ ...x, language: (v as StatementLanguage | null) ?? null }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="template-filter-language"
          />
          <Select
            size="xs"
            label={t('statementSettings.templates.crisisType')}
            placeholder={t('statementSettings.templates.anyCrisisType')}
            clearable
            data={crisisTypes.map((c) => ({ value: c, label: t(`crises.type.${c}`) }))}
            value={f.crisisType}
            onChange={(v) => setF((x) => ({ ...x, crisisType: v ?? null }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="template-filter-crisis-type"
          />
        </SimpleGrid>
        <Button component={Link} to="/statements/settings/templates/new" leftSection={<IconPlus size={16} />} data-testid="template-add">
          {t('statementSettings.templates.add')}
        </Button>
      </Group>
      <QueryState query={q}>
        {(all) => {
          const own = all.filter((x) => !x.builtin);
          const shownOwn = own.filter(matches);
          const shownShipped = all.filter((x) => x.builtin && matches(x));
          return (
            <Stack gap="lg">
              <Stack gap="sm">
                <Title order={3} size="h5">
                  {t('statementSettings.templates.own')}
                </Title>
                {shownOwn.length ? (
                  <Groups list={shownOwn} testId="templates-own" />
                ) : (
                  <Paper withBorder p="md" radius="md" data-testid="templates-own-empty">
                    <Text size="sm" c="dimmed">
                      {own.length ? t('statementSettings.templates.noMatch') : t('statementSettings.templates.noOwn')}
                    </Text>
                  </Paper>
                )}
              </Stack>
              <Stack gap="sm">
                <Title order={3} size="h5">
                  {t('statementSettings.templates.shipped')}
                </Title>
                {shownShipped.length ? (
                  <Groups list={shownShipped} testId="templates-shipped" />
                ) : (
                  <Paper withBorder p="md" radius="md">
                    <Text size="sm" c="dimmed">
                      {t('statementSettings.templates.noMatch')}
                    </Text>
                  </Paper>
                )}
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
