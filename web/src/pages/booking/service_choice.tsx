// The first step of the public booking page: what to book.

import type { PublicService } from '../../api/booking_types';
import { formatMinutes, formatPrice, kLocationLabels } from '../../booking_text';

interface ServiceChoiceProps {
  services: readonly PublicService[];
  onPick: (service: PublicService) => void;
}

export function ServiceChoice({ services, onPick }: ServiceChoiceProps) {
  if (services.length === 0) {
    return (
      <p class="notice notice--warn" data-testid="no-services">
        Nothing can be booked online right now. Please contact us instead.
      </p>
    );
  }
  return (
    <ul class="service-choices" data-testid="service-choices">
      {services.map((service) => (
        <li key={service.id}>
          <button
            type="button"
            class="service-choice"
            onClick={() => onPick(service)}
            data-testid="service-choice"
          >
            <span class="service-choice__name">{service.name}</span>
            <span class="service-choice__facts">
              {[
                formatMinutes(service.duration_minutes),
                formatPrice(service.price_cents, service.currency),
                kLocationLabels[service.location_kind] ?? '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {service.description && (
              <span class="service-choice__description">{service.description}</span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
