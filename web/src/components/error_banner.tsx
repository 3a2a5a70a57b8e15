import { type ApiError, kInvalidResponse, kNetworkError } from '../api/client';
import { formatDuration } from '../format';
import { useSecondsUntil } from '../hooks';

interface ErrorBannerProps {
  error: ApiError;
  /** Shown as a Retry button when given; omit it when retrying cannot help. */
  onRetry?: () => void;
  /** True while the retry is in flight: the button is disabled. */
  retrying?: boolean;
  /**
   * Replaces the generic title and advice, for a caller that knows what this failure means
   * here (a 409 is rarely "changed at the same time").
   */
  explanation?: { title: string; advice: string } | undefined;
}

interface Explanation {
  /** What happened, in plain words. */
  title: string;
  /** What the person can do about it. */
  advice: string;
  /** Whether to show the server's own message (it is written for people). */
  showServerMessage: boolean;
}

/** Announces an API failure (role="alert") and tells the reader what to do next. */
export function ErrorBanner({ error, onRetry, retrying = false, explanation }: ErrorBannerProps) {
  const waitSeconds = useSecondsUntil(error.retryAt);
  const generic = explain(error, waitSeconds);
  const { title, advice } = explanation ?? generic;
  const { showServerMessage } = generic;
  return (
    <div class="error-banner" role="alert" data-testid="error-banner">
      <p class="error-banner__title">{title}</p>
      {showServerMessage && (
        <p class="error-banner__detail">
          The server said: <q>{error.message}</q>
          {error.field && <> (field: {error.field})</>}
        </p>
      )}
      <p class="error-banner__advice">{advice}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  );
}

/** `waitSeconds`: what is left of the server's Retry-After, 0 when none or over. */
function explain(error: ApiError, waitSeconds: number): Explanation {
  if (error.code === kNetworkError) {
    return {
      title: 'Could not reach the server',
      advice: 'Check that it is running and that this device is online, then retry.',
      showServerMessage: false,
    };
  }
  if (error.code === kInvalidResponse) {
    return {
      title: 'The server sent a response this page could not read',
      advice: 'Reload the page; if it keeps happening, check that the app and server versions match.',
      showServerMessage: false,
    };
  }
  const status = error.status;
  if (status === 401) {
    return { title: 'You are signed out', advice: 'Sign in again, then retry.', showServerMessage: false };
  }
  if (status === 403) {
    return {
      title: 'You do not have permission for this',
      advice: 'Ask the workspace owner to give you access.',
      showServerMessage: true,
    };
  }
  if (status === 404) {
    return {
      title: 'Not found',
      advice: 'It may have been removed. Go back and try again.',
      showServerMessage: true,
    };
  }
  if (status === 409) {
    return {
      title: 'Someone changed this at the same time',
      advice: 'Reload to see the latest version, then try again.',
      showServerMessage: true,
    };
  }
  if (status === 429) {
    let advice = 'Wait a minute, then try again.';
    if (error.retryAt !== undefined) {
      advice =
        waitSeconds > 0 ? `Try again in ${formatDuration(waitSeconds)}.` : 'You can try again now.';
    }
    return { title: 'Too many attempts', advice, showServerMessage: true };
  }
  if (status === 400 || status === 422) {
    return {
      title: 'The request was not accepted',
      advice: 'Correct what the server pointed out, then try again.',
      showServerMessage: true,
    };
  }
  if (status >= 500) {
    return {
      title: 'The server could not do this right now',
      advice: 'Wait a moment, then retry. If it keeps failing, check the server log.',
      showServerMessage: true,
    };
  }
  return {
    title: 'Something went wrong',
    advice: 'Retry; if it keeps failing, check the server log.',
    showServerMessage: true,
  };
}
