// Which services' bookings get a form: a checkbox per active service.

import type { Service } from '../../api/booking_types';

interface FormServicesProps {
  services: readonly Service[];
  value: number[];
  onValue: (ids: number[]) => void;
  error: string | null;
}

export function FormServices({ services, value, onValue, error }: FormServicesProps) {
  const shown = services.filter((s) => s.is_active || value.includes(s.id));
  const toggle = (id: number, on: boolean) =>
    onValue(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset class="checks" data-testid="form-services">
      <legend class="field__label">Sent for bookings of</legend>
      <p class="field__hint">
        Each booking of a ticked service gets this form by SMS (or email), with a link.
      </p>
      {shown.length === 0 && <p class="muted">No services yet: add them on the Services page.</p>}
      {shown.map((service) => (
        <label class="check" key={service.id}>
          <input
            type="checkbox"
            name="service_ids"
            checked={value.includes(service.id)}
            onChange={(event) => toggle(service.id, event.currentTarget.checked)}
          />
          {service.name}
          {!service.is_active && <span class="muted-inline">&nbsp;(archived)</span>}
        </label>
      ))}
      {error && (
        <p class="field__error" data-testid="error-service_ids">
          {error}
        </p>
      )}
    </fieldset>
  );
}
