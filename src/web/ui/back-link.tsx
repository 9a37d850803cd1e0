// The "← back to the list" link at the top of a detail page (an alert, a crisis room, a form).
import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';

/** A small link back to a list page. */
export function BackLink({ to, label }: { to: '/alerts' | '/crises'; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
      <IconArrowLeft size={14} aria-hidden />
      {label}
    </Anchor>
  );
}
