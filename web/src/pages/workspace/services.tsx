// The workspace's services (owner): what customers can book, with every setting, and who
// serves each. Archiving keeps a service with bookings (no longer bookable); one without
// bookings is deleted.

import { useState } from 'preact/hooks';
import type { Service } from '../../api/booking_types';
import { listServices, updateService } from '../../api/services';
import { listMembers } from '../../api/workspaces';
import { ListCard } from '../../components/list_card';
import { Link } from '../../components/link';
import { Notice } from '../../components/notice';
import { RestoreRow } from '../../components/restore_row';
import { useLoad } from '../../hooks';
import { OwnerOnly, type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { ServiceEditor } from './service_editor';
import { ServiceRow } from './service_row';

export const ServicesPage = workspacePage({ title: () => 'Services', body: ServicesBody });

/** A first guess at the currency from the workspace's phone region. */
function currencyOf(region: string): string {
  const euro = ['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'GR', 'IE', 'IT', 'NL', 'PT', 'SK', 'SI'];
  if (euro.includes(region)) return 'EUR';
  return { GB: 'GBP', CA: 'CAD', AU: 'AUD', CH: 'CHF', IN: 'INR', NZ: 'NZD' }[region] ?? 'USD';
}

function ServicesBody({ id, membership, user }: WorkspaceBodyProps) {
  const [version, setVersion] = useState(0);
  const services = useLoad((signal) => listServices(id, true, { signal }), [version]);
  const members = useLoad((signal) => listMembers(id, { signal }));
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => setVersion((n) => n + 1);

  if (services.error && !services.data && [403, 404].includes(services.error.status)) {
    return (
      <WorkspaceProblem
        error={services.error}
        id={id}
        ownerCan="see its services"
        role={membership?.role}
      />
    );
  }
  if (membership && membership.role !== 'owner') {
    return <OwnerOnly id={id} what="set up services" role={membership.role} />;
  }
  const list = services.data?.services ?? [];
  const active = list.filter((s) => s.is_active);
  const archived = list.filter((s) => !s.is_active);
  const memberList = members.data?.members ?? [];
  const editorProps = {
    workspaceId: id,
    members: memberList,
    userId: user.id,
    currency: currencyOf(membership?.default_region ?? 'US'),
  };
  const slug = membership?.slug;
  let note: string | null = null;
  if (!services.data) note = services.error ? null : 'Loading services…';
  else if (active.length === 0) note = 'No services yet. Add the first one above.';
  return (
    <div class="sections">
      <section class="card" aria-labelledby="new-service-title">
        <div class="page__head">
          <h2 id="new-service-title">New service</h2>
          {!adding && (
            <button type="button" class="button" onClick={() => setAdding(true)}>
              Add a service
            </button>
          )}
        </div>
        <p class="field__hint">
          A service is something customers book: its length, price and place, and who serves it.
          Customers book it on{' '}
          {slug ? (
            <a href={`/w/${slug}/book`} target="_blank" rel="noopener">
              /w/{slug}/book
            </a>
          ) : (
            'the booking page'
          )}
          , in the free times of those members' working hours (set on{' '}
          <Link href={`/workspaces/${id}/availability`}>Availability</Link>).
        </p>
        {notice && <Notice>{notice}</Notice>}
        {adding && (
          <ServiceEditor
            {...editorProps}
            service={null}
            onSaved={(service: Service) => {
              setAdding(false);
              setNotice(`${service.name} was added.`);
              refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
      </section>
      <ListCard
        titleId="services-title"
        title="Services"
        load={{ ...services, reload: refresh }}
        note={note}
        testId="services"
      >
        {active.map((service) => (
          <ServiceRow
            key={service.id}
            service={service}
            editorProps={editorProps}
            members={memberList}
            onChanged={(text) => {
              setNotice(text);
              refresh();
            }}
          />
        ))}
      </ListCard>
      {archived.length > 0 && (
        <section class="card" aria-labelledby="archived-title">
          <h2 id="archived-title">Archived</h2>
          <p class="field__hint">Kept for their past bookings; customers cannot book them.</p>
          <ul class="rows" data-testid="archived-services">
            {archived.map((service) => (
              <RestoreRow
                key={service.id}
                name={service.name}
                label="Make bookable again"
                testId="archived-service"
                restore={() => updateService(id, service.id, { is_active: true })}
                onRestored={() => {
                  setNotice(`${service.name} can be booked again.`);
                  refresh();
                }}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
