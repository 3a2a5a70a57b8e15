import type { ComponentChildren } from 'preact';

/** A polite, visible confirmation ("Password changed."): role=status, not an alert. */
export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice" role="status" data-testid="notice">
      {children}
    </p>
  );
}
