// One service in the owner's list: its settings in short, Edit (inline) and Archive.

import { useState } from 'preact/hooks';
import type { Service } from '../../api/booking_types';
import { archiveService } from '../../api/services';
import type { Member } from '../../api/types';
import { ConfirmButton } from '../../components/confirm_button';
import { ErrorBanner } from '../../components/error_banner';
import { formatMinutes, formatPrice, kLocationLabels, reminderLabel } from '../../booking_text';
import { useAction } from '../../hooks';
import { ServiceEditor } from './service_editor';

interface ServiceRowProps {
  service: Service;
  members: readonly Member[];
  editorProps: {
    workspaceId: number;
    members: readonly Member[];
    userId: number;
    currency: string;
  };
  /** After a change, with what to tell the owner. */
  onChanged: (notice: string) => void;
}

export function ServiceRow({ service, members, editorProps, onChanged }: ServiceRowProps) {
  const [editing, setEditing] = useState(false);
  const archive = useAction(async () => {
    await archiveService(editorProps.workspaceId, service.id);
    onChanged(`${service.name} was archived (or deleted, as it had no bookings).`);
  });
  const staff = members
    .filter((m) => service.member_ids.includes(m.user_id))
    .map((m) => m.full_name);
  const facts = [
    formatMinutes(service.duration_minutes),
    formatPrice(service.price_cents, service.currency),
    kLocationLabels[service.location_kind],
    service.requires_approval ? 'needs approval' : '',
  ].filter(Boolean);
  const reminders = service.reminder_offsets_minutes.map(reminderLabel).join(', ') || 'none';
  return (
    <li class="rows__item" data-testid="service" data-id={service.id}>
      <div class="rows__main">
        <strong data-testid="service-name">{service.name}</strong>
        <span class="fact-note">{facts.join(' · ')}</span>
        <span class="fact-note">
          Staff: {staff.length ? staff.join(', ') : <span class="warning">nobody yet</span>} ·
          Reminders: {reminders}
        </span>
      </div>
      {!editing && (
        <div class="rows__actions">
          <button type="button" class="button button--secondary" onClick={() => setEditing(true)}>
            Edit
          </button>
          <ConfirmButton
            label="Archive"
            question={`Archive ${service.name}? Customers can no longer book it; its bookings stay.`}
            confirmLabel="Yes, archive"
            busy={archive.busy}
            busyLabel="Archiving…"
            onConfirm={archive.run}
          />
        </div>
      )}
      {archive.error && (
        <div class="rows__full">
          <ErrorBanner error={archive.error} />
        </div>
      )}
      {editing && (
        <div class="rows__full member-editor">
          <ServiceEditor
            {...editorProps}
            service={service}
            onSaved={(saved) => {
              setEditing(false);
              onChanged(`${saved.name} was saved.`);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
    </li>
  );
}
