// The customer's choice of the zone times are shown in: their own (the browser's) or the
// business's. Nothing to choose when both are the same.

import { ChoiceField } from '../../components/choice_field';
import { zoneLabel } from '../../time_zone';

interface ZoneChoiceProps {
  mine: string;
  business: string;
  businessName: string;
  value: string;
  onValue: (tz: string) => void;
}

export function ZoneChoice({ mine, business, businessName, value, onValue }: ZoneChoiceProps) {
  if (mine === business) {
    return (
      <p class="fact-note" data-testid="zone-note">
        Times are in {zoneLabel(mine)} time.
      </p>
    );
  }
  return (
    <div data-testid="zone-choice">
      <ChoiceField<'mine' | 'business'>
        legend="Show times in"
        value={value === business ? 'business' : 'mine'}
        choices={[
          { value: 'mine', label: `Your time (${zoneLabel(mine)})` },
          { value: 'business', label: `${businessName}'s time (${zoneLabel(business)})` },
        ]}
        onValue={(choice) => onValue(choice === 'business' ? business : mine)}
      />
    </div>
  );
}
