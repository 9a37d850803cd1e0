// The "← back to the list" link at the top of a detail page (an alert, a crisis room, a form).
import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';

/** A small link back to a list page (or to the page a sub-page belongs to, e.g. a crisis room). */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
      <IconArrowLeft size={14} aria-hidden />
      {label}
    </Anchor>
  );
}
