// A loaded list's rows with its loading note, failure and "show more": ListCard without the
// card, for a list inside another card.

import type { ComponentChildren } from 'preact';
import { ErrorBanner } from '../../components/error_banner';
import { LoadMore } from '../../components/load_more';
import type { Loaded, MorePages } from '../../hooks';

interface ListCardBodyProps {
  load: Loaded<unknown>;
  pages: MorePages<unknown>;
  /** Said when the list is loaded and empty; null when it is not empty. */
  empty: string | null;
  loadingNote: string;
  testId: string;
  moreLabel: string;
  children: ComponentChildren;
}

export function ListCardBody(props: ListCardBodyProps) {
  const { load, pages } = props;
  return (
    <div aria-busy={load.loading}>
      {load.error && (
        <ErrorBanner error={load.error} onRetry={load.reload} retrying={load.loading} />
      )}
      {!load.data && load.loading && <p class="muted">{props.loadingNote}</p>}
      {load.data !== null && props.empty && <p class="muted">{props.empty}</p>}
      <ul class="rows" data-testid={props.testId}>
        {props.children}
      </ul>
      <LoadMore pages={pages} label={props.moreLabel} />
    </div>
  );
}
