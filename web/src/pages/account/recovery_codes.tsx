import { useState } from 'preact/hooks';
import { useFocusOnMount } from '../../hooks';

interface RecoveryCodesProps {
  codes: string[];
  /** Called once the user confirms they saved the codes; they are never shown again. */
  onDone: () => void;
}

/** The ten recovery codes, shown once, with a copy button and an "I saved them" check. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const [saved, setSaved] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <div class="recovery" data-testid="recovery-codes">
      <h3 tabIndex={-1} ref={heading}>
        Two-step sign-in is on. Save your recovery codes
      </h3>
      <p>
        If your phone is lost, each of these codes lets you sign in once instead of an SMS code.
        Keep them somewhere safe, like a password manager. <strong>They are shown only now.</strong>
      </p>
      <ol class="recovery__codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="form__actions">
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          Copy codes
        </button>
      </div>
      <p class="field__hint" role="status">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' &&
          'This browser did not allow copying: select the codes and copy them by hand.'}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        I saved these codes somewhere safe
      </label>
      <div class="form__actions">
        <button type="button" class="button" disabled={!saved} onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
