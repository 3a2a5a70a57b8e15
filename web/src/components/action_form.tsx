import type { ComponentChildren } from 'preact';

interface ActionFormProps {
  /** Runs on submit, after the browser's own submit (a page load) is prevented. */
  onSubmit: () => unknown;
  children: ComponentChildren;
}

/** A `.form` that leaves validation to the page and runs `onSubmit` instead of navigating. */
export function ActionForm({ onSubmit, children }: ActionFormProps) {
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

interface BusyButtonProps {
  /** True while the action runs: the button is disabled and shows `busyLabel`. */
  busy: boolean;
  busyLabel: string;
  label: string;
  /** Also disables the button when true. */
  disabled?: boolean;
}

interface SubmitActionsProps extends BusyButtonProps {
  /** More buttons after the submit button, in the same row. */
  children?: ComponentChildren;
}

/** A form's button row: the submit button, showing `busyLabel` while the action runs. */
export function SubmitActions(props: SubmitActionsProps) {
  const { busy, busyLabel, label, disabled = false, children } = props;
  return (
    <div class="form__actions">
      <button type="submit" class="button" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      {children}
    </div>
  );
}

interface ActionButtonProps extends BusyButtonProps {
  onClick: () => unknown;
  /** The quieter `button--secondary` look. */
  secondary?: boolean;
}

/** A button row of one button outside a form, showing `busyLabel` while its action runs. */
export function ActionButton(props: ActionButtonProps) {
  const { busy, busyLabel, label, disabled = false, onClick, secondary = false } = props;
  return (
    <div class="form__actions">
      <button
        type="button"
        class={secondary ? 'button button--secondary' : 'button'}
        onClick={() => void onClick()}
        disabled={busy || disabled}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
