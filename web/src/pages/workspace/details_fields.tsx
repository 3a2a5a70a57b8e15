// The workspace details as form inputs, shared by "New workspace" and the settings page.

import { useState } from 'preact/hooks';
import type { ApiError } from '../../api/client';
import type { WorkspaceDetails } from '../../api/types';
import { Field, errorForField, fieldBinder } from '../../components/field';

export const kDetailFields = [
  'name',
  'slug',
  'address',
  'timezone',
  'contact_email',
  'contact_phone',
  'default_region',
] as const;

/** "Sunny Café & Spa" → "sunny-cafe-spa": the letters a slug may hold, at most 40. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** The browser's IANA time zone, e.g. "Europe/Berlin"; "UTC" when it cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The country of the browser's language ("en-GB" → "GB"), else "US". */
export function browserRegion(): string {
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    return region && /^[A-Z]{2}$/.test(region) ? region : 'US';
  } catch {
    return 'US';
  }
}

let timeZones: string[] | null = null;

function knownTimeZones(): string[] {
  if (timeZones === null) {
    try {
      timeZones = Intl.supportedValuesOf('timeZone');
    } catch {
      timeZones = [];
    }
    if (!timeZones.includes('UTC')) timeZones.push('UTC');
  }
  return timeZones;
}

interface DetailsFieldsProps {
  value: WorkspaceDetails;
  onValue: (value: WorkspaceDetails) => void;
  /** The last failure: one blaming a field shows beside it. */
  error: ApiError | null;
  /** Also the address and contact inputs (the settings page); else the four a start needs. */
  withContact?: boolean;
  /** Fills the slug from the name until the slug is typed in by hand (a new workspace). */
  suggestSlugFromName?: boolean;
}

export function DetailsFields(props: DetailsFieldsProps) {
  const { value, onValue, error, withContact = false, suggestSlugFromName = false } = props;
  const [slugTyped, setSlugTyped] = useState(!suggestSlugFromName);
  const field = fieldBinder(value, onValue, error);
  const onName = (name: string) =>
    onValue({ ...value, name, ...(slugTyped ? {} : { slug: suggestSlug(name) }) });
  const onSlug = (slug: string) => {
    setSlugTyped(true);
    onValue({ ...value, slug: slug.toLowerCase() });
  };
  const slugError = errorForField(error, 'slug');
  const slugTaken = error?.status === 409 && error.field === 'slug';
  const publicAddress = `${window.location.origin}/w/${value.slug || 'your-name'}`;
  return (
    <>
      <Field
        label="Business name"
        {...field('name')}
        onValue={onName}
        autocomplete="organization"
        required
        maxLength={120}
      />
      <Field
        label="Web address"
        {...field('slug')}
        onValue={onSlug}
        autocomplete="off"
        required
        maxLength={40}
        hint={
          <>
            Your public page: <code>{publicAddress}</code>. 3 to 40 lower-case letters, digits and
            dashes.
          </>
        }
        error={slugTaken ? 'Another business has this address already. Choose another.' : slugError}
      />
      {withContact && (
        <>
          <Field
            label="Address"
            {...field('address')}
            autocomplete="street-address"
            hint="Shown to customers on your public page."
          />
          <Field
            label="Contact email"
            {...field('contact_email')}
            type="email"
            inputMode="email"
            autocomplete="email"
          />
          <Field
            label="Contact phone"
            {...field('contact_phone')}
            type="tel"
            inputMode="tel"
            autocomplete="tel"
          />
        </>
      )}
      <Field
        label="Time zone"
        {...field('timezone')}
        autocomplete="off"
        list="careops-time-zones"
        required
        hint="Where the business is, as a region name like Europe/Berlin or America/New_York. Opening hours and bookings use it."
      />
      <datalist id="careops-time-zones">
        {knownTimeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Field
        label="Country for phone numbers"
        {...field('default_region')}
        onValue={(text) => onValue({ ...value, default_region: text.toUpperCase() })}
        autocomplete="off"
        required
        maxLength={2}
        inputClass="input--short"
        hint="Two letters, like US, GB or DE. Phone numbers written without + and a country code are read as numbers of this country."
      />
    </>
  );
}
