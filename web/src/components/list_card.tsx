import type { ComponentChildren } from 'preact';
import type { Loaded } from '../hooks';
import { ErrorBanner } from './error_banner';

interface ListCardProps {
  /** The heading's id, for the card's aria-labelledby. */
  titleId: string;
  title: string;
  /**
   * The list's load (as useLoad answers it): while `loading` the card is busy and Refresh
   * waits; Refresh calls `reload`; a failed load shows with Retry, which does the same.
   */
  load: Pick<Loaded<unknown>, 'loading' | 'error' | 'reload'>;
  /** Between the heading and the rows, e.g. what the list holds. */
  intro?: ComponentChildren;
  /** A line above the rows, such as "Loading…" or "Nothing yet."; null when there is none. */
  note?: string | null;
  /** The data-testid of the list. */
  testId: string;
  /** The rows: <li class="rows__item"> each. */
  children: ComponentChildren;
  /** Under the rows, e.g. a way to see more of them. */
  footer?: ComponentChildren;
}

/** A card holding a list loaded from the API, with a Refresh button. */
export function ListCard(props: ListCardProps) {
  const { titleId, title, note } = props;
  const { loading, error, reload } = props.load;
  return (
    <section class="card" aria-labelledby={titleId} aria-busy={loading}>
      <div class="page__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="button button--secondary" onClick={reload} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {props.intro}
      {error && <ErrorBanner error={error} onRetry={reload} retrying={loading} />}
      {note && <p class="muted">{note}</p>}
      <ul class="rows" data-testid={props.testId}>
        {props.children}
      </ul>
      {props.footer}
    </section>
  );
}
