import { useEffect, useState } from 'preact/hooks';
import { getChannels } from '../../api/channels';
import type { ChannelsResponse, EmailChannel, SmsChannel } from '../../api/types';
import { useLoad } from '../../hooks';
import { EmailChannelCard } from './email_channel';
import { type WorkspaceBodyProps, WorkspaceProblem, workspacePage } from './frame';
import { SmsChannelCard } from './sms_channel';

/** How the workspace sends SMS and email (owner only): the server's provider or its own. */
export const ChannelsPage = workspacePage({ title: () => 'Channels', body: ChannelsBody });

function ChannelsBody({ id, membership, user }: WorkspaceBodyProps) {
  const loaded = useLoad((signal) => getChannels(id, { signal }));
  const [channels, setChannels] = useState<ChannelsResponse | null>(null);
  useEffect(() => {
    if (loaded.data) setChannels(loaded.data);
  }, [loaded.data]);

  if (loaded.error && !channels) {
    return (
      <WorkspaceProblem
        error={loaded.error}
        id={id}
        ownerCan="manage how it sends SMS and email"
        role={membership?.role}
        onRetry={loaded.reload}
        retrying={loaded.loading}
      />
    );
  }
  if (!channels) return <p class="muted">Loading channels…</p>;
  const onSms = (sms: SmsChannel) => setChannels((c) => c && { ...c, sms });
  const onEmail = (email: EmailChannel) => setChannels((c) => c && { ...c, email });
  return (
    <div class="sections">
      <p class="muted">
        How {membership?.name ?? 'this workspace'} sends messages: invitations now, and
        confirmations, reminders and replies as they arrive. One working channel is enough to
        activate.
      </p>
      <SmsChannelCard
        id={id}
        channel={channels.sms}
        onChannel={onSms}
        onChannels={setChannels}
        defaultTo={user.phone_number ?? ''}
      />
      <EmailChannelCard
        id={id}
        channel={channels.email}
        onChannel={onEmail}
        onChannels={setChannels}
        defaultTo={user.email}
      />
    </div>
  );
}
