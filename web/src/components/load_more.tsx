import type { MorePages } from '../hooks';
import { ErrorBanner } from './error_banner';

interface LoadMoreProps {
  pages: MorePages<unknown>;
  /** The button, e.g. "Load older events". */
  label: string;
}

/** Under a list: the button for its next page while there is one, and that load's failure. */
export function LoadMore({ pages, label }: LoadMoreProps) {
  const { more, hasMore } = pages;
  return (
    <>
      {more.error && (
        <ErrorBanner error={more.error} onRetry={() => void more.run()} retrying={more.busy} />
      )}
      {hasMore && (
        <div class="form__actions">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void more.run()}
            disabled={more.busy}
          >
            {more.busy ? 'Loading…' : label}
          </button>
        </div>
      )}
    </>
  );
}
