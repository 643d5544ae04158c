import { useRef } from 'react';

/**
 * Puts the focus on the safe choice of a confirmation once the dialog has finished opening. `autoFocus` alone
 * runs at mount, before the dialog's focus trap settles, and the trap can then take the focus back to the frame.
 */
export function useFocusOnEntered<T extends HTMLElement>(): {
  ref: React.RefObject<T | null>;
  slotProps: { transition: { onEntered: () => void } };
} {
  const ref = useRef<T | null>(null);
  return { ref, slotProps: { transition: { onEntered: () => ref.current?.focus() } } };
}
