import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface ConfirmButtonProps {
  /** The first button, e.g. "Remove". */
  label: string;
  /** Asked before anything happens, e.g. "Remove Bo Chen from Sunny Clinic?". */
  question: ComponentChildren;
  /** The button that does it, e.g. "Yes, remove". */
  confirmLabel: string;
  busy: boolean;
  busyLabel: string;
  onConfirm: () => unknown;
}

/**
 * A button for something that cannot be undone: the first press only asks, in the page (no
 * browser dialog), and moves focus to the button that does it; Cancel puts things back.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { label, question, confirmLabel, busy, busyLabel, onConfirm } = props;
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="button button--secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={label}>
      <p class="confirm__question">{question}</p>
      <div class="form__actions">
        <button
          type="button"
          class="button button--danger"
          ref={confirm}
          disabled={busy}
          onClick={() => void onConfirm()}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy}
          onClick={() => setAsking(false)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
