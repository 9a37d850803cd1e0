// Step 1 (CSV): which column fills which mention field, the time zone for dates without one, and a
// preview of the first rows. File content is shown as plain text, never as HTML.

import { Badge, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneChoices } from '../../../../../platform/time-zone.ts';
import { type ImportMapping, type ImportPreview, type MappableField, mappableFields, requiredFields } from '../../../import-contract.ts';

/** The column selects and time zone; `onChange` gets the whole new mapping. */
export function MappingForm({
  preview,
  mapping,
  disabled,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  disabled: boolean;
  onChange: (m: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const timeZones = useMemo(() => timeZoneChoices(), []);
  const options = preview.headers.map((h, i) => ({
    value: h,
    label: h || t('monitoring.import.mapping.column', { n: i + 1 }),
    disabled: !h,
  }));
  const set = (field: MappableField, header: string | null) => {
    const columns = { ...mapping.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        {mappableFields.map((field) => {
          const required = (requiredFields as readonly string[]).includes(field);
          return (
            <Select
              key={field}
              label={t(`monitoring.import.mapping.field.${field}`)}
              withAsterisk={required}
              placeholder={t('monitoring.import.mapping.none')}
              data={options}
              value={mapping.columns[field] ?? null}
              onChange={(v) => set(field, v)}
              clearable={!required}
              disabled={disabled}
              data-testid={`map-${field}`}
              comboboxProps={{ withinPortal: true }}
            />
          );
        })}
      </SimpleGrid>
      <Select
        label={t('monitoring.import.mapping.timeZone')}
        description={t('monitoring.import.mapping.timeZoneHint')}
        data={timeZones}
        value={mapping.timeZone}
        onChange={(v) => v && onChange({ ...mapping, timeZone: v })}
        searchable
        allowDeselect={false}
        disabled={disabled}
        data-testid="map-timezone"
        maw={420}
      />
      <PreviewTable preview={preview} mapping={mapping} />
    </Stack>
  );
}

/** The header and first rows of the file, each column labelled with the field it fills. */
export function PreviewTable({ preview, mapping }: { preview: ImportPreview; mapping: ImportMapping | null }) {
  const { t } = useTranslation();
  const fieldOf = (h: string) => mappableFields.find((f) => mapping?.columns[f] === h);
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('monitoring.import.mapping.preview', { count: preview.rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(320, preview.headers.length * 140)} type="native">
        <Table striped withTableBorder verticalSpacing={4} fz="xs" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((h, i) => {
                const field = fieldOf(h);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; their position is their identity
                  <Table.Th key={`${i}-${h}`} style={{ verticalAlign: 'bottom' }}>
                    <Stack gap={2} align="flex-start">
                      {field ? (
                        <Badge size="xs" variant="light">
                          {t(`monitoring.import.mapping.field.${field}`)}
                        </Badge>
                      ) : null}
                      <span style={{ overflowWrap: 'anywhere' }}>{h || t('monitoring.import.mapping.column', { n: i + 1 })}</span>
                    </Stack>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position
              <Table.Tr key={r}>
                {preview.headers.map((_, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their position
                  <Table.Td key={c} style={{ maxWidth: 280, verticalAlign: 'top' }}>
                    <Text size="xs" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {row[c] ?? ''}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
