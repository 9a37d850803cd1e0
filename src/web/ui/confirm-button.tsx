// Confirmation before a consequential action: a dialog, and a button that opens one.
import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

type DialogProps = {
  opened: boolean;
  onClose: () => void;
  /** The question shown in the dialog. */
  message: string;
  confirmLabel: ReactNode;
  color?: string;
  /** Runs on confirm; the dialog closes when it resolves and stays open (to retry) when it rejects. */
  onConfirm: () => Promise<unknown>;
};

/** A modal asking "are you sure?" with cancel and confirm buttons. */
export function ConfirmDialog({ opened, onClose, message, confirmLabel, color = 'red', onConfirm }: DialogProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      await onConfirm();
      onClose();
    } catch {
      // the action reports its own failure
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('common.confirm')} centered>
      <Text mb="lg">{message}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button color={color} loading={pending} onClick={run} data-autofocus>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

type ButtonPropsWithConfirm = ButtonProps & { children: ReactNode; message: string; onConfirm: () => Promise<unknown> };

/** A button whose action runs only after the user confirms it in a dialog. */
export function ConfirmButton({ children, message, onConfirm, color, ...buttonProps }: ButtonPropsWithConfirm) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color={color} {...buttonProps} onClick={open}>
        {children}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={close}
        message={message}
        confirmLabel={children}
        color={color ?? 'red'}
        onConfirm={onConfirm}
      />
    </>
  );
}
