// Keeps showing a dialog's subject while the dialog animates closed after the subject is cleared.
import { useRef } from 'react';

/** The latest non-null value seen (so closing dialogs keep their title and text). */
export function useLastDefined<T>(value: T | null): T | null {
  const last = useRef<T | null>(value);
  if (value !== null) last.current = value;
  return last.current;
}
