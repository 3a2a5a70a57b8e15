// One archived thing in a list (a service, a form) with the button that brings it back.
// `restore` does the request; `onRestored` runs after it succeeded; a failure shows in the row.
// Without `canRestore` (not the owner) the row only names it.

import { useAction } from '../hooks';
import { ErrorBanner } from './error_banner';

interface RestoreRowProps {
  name: string;
  /** The button's text, e.g. "Make bookable again". */
  label: string;
  testId: string;
  canRestore?: boolean;
  restore: () => Promise<unknown>;
  onRestored: () => void;
}

export function RestoreRow({
  name,
  label,
  testId,
  canRestore = true,
  restore,
  onRestored,
}: RestoreRowProps) {
  const action = useAction(async () => {
    await restore();
    onRestored();
  });
  return (
    <li class="rows__item" data-testid={testId}>
      <span class="rows__main">{name}</span>
      {canRestore && (
        <button
          type="button"
          class="button button--secondary"
          onClick={() => void action.run()}
          disabled={action.busy}
        >
          {action.busy ? 'Restoring…' : label}
        </button>
      )}
      {action.error && (
        <div class="rows__full">
          <ErrorBanner error={action.error} />
        </div>
      )}
    </li>
  );
}
