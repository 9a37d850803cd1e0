// The demo's sign-in picker: every demo person with a role badge and job title, clearly marked as demo; one
// click signs in as that person and enters the app.
import { Alert, Avatar, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconPresentation } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifySuccess } from '../../../../../web/errors.ts';
import type { Role } from '../../../../people/contract.ts';
import type { DemoInfo } from '../../../contract.ts';
import { useDemoSignIn } from '../queries.ts';
import classes from './demo-picker.module.css';

const roleColor: Record<Role, string> = { admin: 'red', manager: 'orange', member: 'blue', reporter: 'teal', guest: 'gray' };

/** The people of an opened demo, each a button that signs in as them. */
export function DemoPicker({ demo }: { demo: NonNullable<DemoInfo['demo']> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = useDemoSignIn();
  const choose = (person: { id: string; name: string }) =>
    signIn.mutate(person.id, {
      onSuccess: () => {
        notifySuccess(t('drillDemo.picker.welcome', { name: person.name }));
        void navigate({ to: '/' });
      },
    });
  return (
    <Stack gap="sm" data-testid="demo-picker">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color="grape" variant="filled" leftSection={<IconPresentation size={12} />} style={{ flex: 'none' }}>
          {t('drillDemo.badge')}
        </Badge>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="demo-org">
          {t('drillDemo.picker.intro', { org: demo.orgName, scenario: demo.scenarioTitle })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('drillDemo.picker.hint')}
      </Text>
      {signIn.error ? (
        <Alert color="red" role="alert">
          {errorMessage(signIn.error, t)}
        </Alert>
      ) : null}
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {demo.people.map((p) => {
          const role = t(`role.${p.role}`);
          const busy = signIn.isPending && signIn.variables === p.id;
          return (
            <li key={p.id}>
              <UnstyledButton
                className={classes.person}
                aria-label={t('drillDemo.picker.signIn', { name: p.name, role })}
                disabled={signIn.isPending}
                onClick={() => choose(p)}
                data-testid="demo-person"
                data-role={p.role}
                style={{ opacity: signIn.isPending && !busy ? 0.6 : 1 }}
              >
                <Group gap="sm" wrap="nowrap">
                  <Avatar color={roleColor[p.role]} radius="xl" size="md" name={p.name} aria-hidden />
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap={6} wrap="wrap" style={{ rowGap: 2 }}>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {p.name}
                      </Text>
                      <Badge size="sm" color={roleColor[p.role]} variant="light" tt="none">
                        {role}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {p.title ?? t('drillDemo.picker.noTitle')}
                    </Text>
                  </Stack>
                  <IconChevronRight size={18} aria-hidden style={{ flex: 'none', opacity: busy ? 0.3 : 0.7 }} />
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('drillDemo.picker.fictional')}
      </Text>
    </Stack>
  );
}
