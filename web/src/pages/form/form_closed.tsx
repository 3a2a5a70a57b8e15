// Why a form link can no longer be filled in: already done, the appointment was cancelled, or
// the link is not a real one.

export type ClosedReason = 'done' | 'cancelled' | 'invalid';

const kTexts: Record<ClosedReason, { title: string; body: (business: string) => string }> = {
  done: {
    title: 'This form is already filled in.',
    body: (business) =>
      `Thank you: ${business} has your answers. To change anything, contact them.`,
  },
  cancelled: {
    title: 'This appointment was cancelled.',
    body: (business) => `The form is no longer needed. To book again, contact ${business}.`,
  },
  invalid: {
    title: 'This link is not valid.',
    body: () =>
      'Open the whole link from your message again; if it still does not work, contact the business.',
  },
};

export function FormClosed({
  reason,
  business = 'the business',
}: {
  reason: ClosedReason;
  business?: string;
}) {
  const text = kTexts[reason];
  return (
    <div
      class={reason === 'done' ? 'notice' : 'notice notice--warn'}
      role={reason === 'done' ? 'status' : 'alert'}
      data-testid="form-closed"
      data-reason={reason}
    >
      <p>
        <strong>{text.title}</strong>
      </p>
      <p>{text.body(business)}</p>
    </div>
  );
}
