// The inbox header's switch for desktop notifications and a sound on new alerts (off until the user turns it on).
import { Box, Switch, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../../web/errors.ts';
import { disableAlertNotifications, enableAlertNotifications, notificationsSupported, useAlertNotificationsOn } from '../alert-notifier.ts';

/** A switch that asks for notification permission only when clicked. */
export function NotifyToggle() {
  const { t } = useTranslation();
  const on = useAlertNotificationsOn();
  const [pending, setPending] = useState(false);
  const supported = notificationsSupported();
  const toggle = async (want: boolean) => {
    if (!want) {
      disableAlertNotifications();
      notifySuccess(t('warnings.notify.off'));
      return;
    }
    setPending(true);
    try {
      const result = await enableAlertNotifications();
      if (result === 'on') notifySuccess(t('warnings.notify.on'));
      else
        notifications.show({ color: 'yellow', message: t(result === 'denied' ? 'warnings.notify.denied' : 'warnings.notify.unsupported') });
    } finally {
      setPending(false);
    }
  };
  return (
    <Tooltip label={supported ? t('warnings.notify.hint') : t('warnings.notify.unsupported')} withArrow multiline w={260}>
      <Box>
        <Switch
          label={t('warnings.notify.label')}
          checked={on}
          disabled={!supported || pending}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          data-testid="notify-toggle"
        />
      </Box>
    </Tooltip>
  );
}
