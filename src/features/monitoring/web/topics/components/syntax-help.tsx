// A compact reference of the topic query language, with Chinese examples.
import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const ROWS = [
  { op: 'AND', example: '鼎泰豐 AND 食安', key: 'and' },
  { op: 'OR', example: '鼎泰豐 OR 鼎泰丰', key: 'or' },
  { op: 'NOT', example: '鼎泰豐 NOT 徵才', key: 'not' },
  { op: '( )', example: '鼎泰豐 AND (食安 OR 蟑螂)', key: 'group' },
  { op: '"…"', example: '"食物中毒"', key: 'phrase' },
  { op: 'NEAR/n', example: '鼎泰豐 NEAR/5 蟑螂', key: 'near' },
  { op: '*', example: 'appl*', key: 'prefix' },
] as const;

/** The syntax card beside the query editor. */
export function SyntaxHelp() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="syntax-help">
      <Title order={3} size="h5" mb={4}>
        {t('monitoring.topics.help.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('monitoring.topics.help.intro')}
      </Text>
      <Table verticalSpacing={6} horizontalSpacing={6} fz="sm" layout="fixed">
        <Table.Tbody>
          {ROWS.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td w={68} style={{ verticalAlign: 'top' }}>
                <Code fw={700}>{r.op}</Code>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.example}</Code>
                <Text size="xs" c="dimmed" mt={2}>
                  {t(`monitoring.topics.help.${r.key}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={4} mt="sm">
        <Text size="xs" fw={600}>
          {t('monitoring.topics.help.example')}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          (鼎泰豐 OR 鼎泰丰) AND (食安 OR 蟑螂) NOT 徵才
        </Code>
      </Stack>
    </Paper>
  );
}
