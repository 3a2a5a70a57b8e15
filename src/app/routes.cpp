#include "app/routes.hpp"

#include <iterator>
#include <memory>

#include "auth/auth_handlers.hpp"
#include "automation/automation_handlers.hpp"
#include "booking/booking_handlers.hpp"
#include "booking/calendar_feed_handlers.hpp"
#include "booking/public_catalog_handlers.hpp"
#include "booking/service_handlers.hpp"
#include "contacts/contact_csv.hpp"
#include "contacts/contact_handlers.hpp"
#include "dashboard/dashboard_handlers.hpp"
#include "forms/form_handlers.hpp"
#include "inbox/inbox_handlers.hpp"
#include "inventory/inventory_handlers.hpp"
#include "messaging/messaging_handlers.hpp"
#include "ops/ops_handlers.hpp"
#include "workspaces/channel_handlers.hpp"
#include "workspaces/invitation_handlers.hpp"
#include "workspaces/onboarding_handlers.hpp"
#include "workspaces/workspace_handlers.hpp"

namespace careops::app {
namespace {

using http::Access;
using http::AccessRule;
using http::Method;
using http::Permission;
using http::RequestContext;

constexpr AccessRule kPublic{Access::kPublic};
constexpr AccessRule kUser{Access::kUser};
constexpr AccessRule kWebhook{Access::kWebhook};
// Members of the workspace in {id:int}: any active member, or the owner only.
constexpr AccessRule kAnyMember{Access::kMember, Permission::kNone};
constexpr AccessRule kOwner{Access::kMember, Permission::kOwner};
constexpr AccessRule kInbox{Access::kMember, Permission::kInbox};
constexpr AccessRule kBookings{Access::kMember, Permission::kBookings};
constexpr AccessRule kForms{Access::kMember, Permission::kForms};
constexpr AccessRule kInventory{Access::kMember, Permission::kInventory};

// Routes that hash or verify a password (argon2id, ~0.1 s and 64 MiB each) share this many
// requests in flight; beyond it they answer 503 at once without taking a worker, so a login
// flood leaves the other workers (max(8, 4 x cores) in all) to everything else.
constexpr int kPasswordRoutesInFlight = 4;

// Binds a const member function of a handler object as a route handler.
template <typename T>
http::Handler Bind(const T& object, http::Response (T::*method)(RequestContext&) const) {
  return [&object, method](RequestContext& ctx) { return (object.*method)(ctx); };
}

// Gives every route of a group the same concurrency budget.
std::vector<http::Route> Limited(const std::shared_ptr<http::ConcurrencyLimit>& limit,
                                 std::vector<http::Route> routes) {
  for (auto& r : routes) r.limit = limit;
  return routes;
}

// A route that takes a body larger than MAX_BODY_BYTES (an upload).
http::Route LargeBody(std::size_t max_body_bytes, http::Route route) {
  route.max_body_bytes = max_body_bytes;
  return route;
}

std::vector<http::Route> Join(std::vector<std::vector<http::Route>> groups) {
  std::vector<http::Route> all;
  for (auto& g : groups) std::move(g.begin(), g.end(), std::back_inserter(all));
  return all;
}

}  // namespace

std::vector<http::Route> BuildRoutes(const Handlers& h) {
  using auth::AuthHandlers;
  using automation::AutomationHandlers;
  using booking::BookingHandlers;
  using booking::CalendarFeedHandlers;
  using booking::PublicCatalogHandlers;
  using booking::ServiceHandlers;
  using contacts::ContactHandlers;
  using dashboard::DashboardHandlers;
  using forms::FormHandlers;
  using inbox::InboxHandlers;
  using inventory::InventoryHandlers;
  using messaging::MessagingHandlers;
  using ops::OpsHandlers;
  using workspaces::ChannelHandlers;
  using workspaces::InvitationHandlers;
  using workspaces::OnboardingHandlers;
  using workspaces::WorkspaceHandlers;
  const auto password_routes = std::make_shared<http::ConcurrencyLimit>(
      kPasswordRoutesInFlight, "sign-in is busy, retry shortly");
  return Join({
      // Operations.
      {
          {Method::kGet, "/healthz", kPublic, Bind(h.ops, &OpsHandlers::Healthz)},
          {Method::kGet, "/readyz", kPublic, Bind(h.ops, &OpsHandlers::Readyz)},
          {Method::kGet, "/metrics", kPublic, Bind(h.ops, &OpsHandlers::Metrics)},
          {Method::kGet, "/api/status", kPublic, Bind(h.ops, &OpsHandlers::Status)},
      },
      // Accounts (src/auth/): the routes that hash or verify a password.
      Limited(
          password_routes,
          {
              {Method::kPost, "/api/auth/register", kPublic, Bind(h.auth, &AuthHandlers::Register)},
              {Method::kPost, "/api/auth/login", kPublic, Bind(h.auth, &AuthHandlers::Login)},
              {Method::kPost, "/api/auth/password-reset/confirm", kPublic,
               Bind(h.auth, &AuthHandlers::ConfirmPasswordReset)},
              {Method::kPost, "/api/auth/password", kUser,
               Bind(h.auth, &AuthHandlers::ChangePassword)},
              {Method::kPost, "/api/auth/phone", kUser, Bind(h.auth, &AuthHandlers::ChangePhone)},
              {Method::kPost, "/api/auth/2fa", kUser, Bind(h.auth, &AuthHandlers::EnableTwoFactor)},
              {Method::kDelete, "/api/auth/2fa", kUser,
               Bind(h.auth, &AuthHandlers::DisableTwoFactor)},
          }),
      // Accounts: the rest.
      {
          {Method::kPost, "/api/auth/verify-sms", kPublic, Bind(h.auth, &AuthHandlers::VerifySms)},
          {Method::kPost, "/api/auth/resend-sms", kPublic, Bind(h.auth, &AuthHandlers::ResendSms)},
          {Method::kPost, "/api/auth/login/verify", kPublic,
           Bind(h.auth, &AuthHandlers::LoginVerify)},
          {Method::kGet, "/api/auth/me", kUser, Bind(h.auth, &AuthHandlers::Me)},
          {Method::kPost, "/api/auth/logout", kUser, Bind(h.auth, &AuthHandlers::Logout)},
          {Method::kGet, "/api/auth/sessions", kUser, Bind(h.auth, &AuthHandlers::ListSessions)},
          {Method::kDelete, "/api/auth/sessions", kUser,
           Bind(h.auth, &AuthHandlers::RevokeOtherSessions)},
          {Method::kDelete, "/api/auth/sessions/{id:int}", kUser,
           Bind(h.auth, &AuthHandlers::RevokeSession)},
          {Method::kGet, "/api/auth/audit", kUser, Bind(h.auth, &AuthHandlers::Audit)},
          {Method::kPost, "/api/auth/password-reset", kPublic,
           Bind(h.auth, &AuthHandlers::RequestPasswordReset)},
          {Method::kPost, "/api/auth/phone/verify", kUser,
           Bind(h.auth, &AuthHandlers::VerifyPhoneChange)},
      },
      // Messaging (src/messaging/).
      {
          {Method::kGet, "/api/messages/{id:int}", kUser,
           Bind(h.messaging, &MessagingHandlers::GetMessage)},
          {Method::kPost, "/api/webhooks/twilio/status", kWebhook,
           Bind(h.messaging, &MessagingHandlers::TwilioStatus)},
          {Method::kGet, "/api/dev/outbox", kPublic,
           Bind(h.messaging, &MessagingHandlers::DevOutbox)},
      },
      // Workspaces (src/workspaces/): membership and permission are checked by the kMember
      // guard before the handler runs.
      {
          {Method::kPost, "/api/workspaces", kUser, Bind(h.workspaces, &WorkspaceHandlers::Create)},
          {Method::kGet, "/api/workspaces", kUser,
           Bind(h.workspaces, &WorkspaceHandlers::ListMine)},
          {Method::kGet, "/api/workspaces/{id:int}", kAnyMember,
           Bind(h.workspaces, &WorkspaceHandlers::Get)},
          {Method::kPatch, "/api/workspaces/{id:int}", kOwner,
           Bind(h.workspaces, &WorkspaceHandlers::Update)},
          {Method::kGet, "/api/workspaces/{id:int}/members", kAnyMember,
           Bind(h.workspaces, &WorkspaceHandlers::ListMembers)},
          {Method::kPatch, "/api/workspaces/{id:int}/members/{member_id:int}", kOwner,
           Bind(h.workspaces, &WorkspaceHandlers::UpdateMember)},
          {Method::kDelete, "/api/workspaces/{id:int}/members/{member_id:int}", kOwner,
           Bind(h.workspaces, &WorkspaceHandlers::RemoveMember)},
          {Method::kGet, "/api/workspaces/{id:int}/audit", kOwner,
           Bind(h.workspaces, &WorkspaceHandlers::Audit)},
      },
      // Staff invitations (src/workspaces/invitation_*): owners invite; whoever holds the link
      // previews it (public, token in the body) and accepts it signed in.
      {
          {Method::kPost, "/api/workspaces/{id:int}/invitations", kOwner,
           Bind(h.invitations, &InvitationHandlers::Create)},
          {Method::kGet, "/api/workspaces/{id:int}/invitations", kOwner,
           Bind(h.invitations, &InvitationHandlers::List)},
          {Method::kDelete, "/api/workspaces/{id:int}/invitations/{invitation_id:int}", kOwner,
           Bind(h.invitations, &InvitationHandlers::Revoke)},
          {Method::kPost, "/api/invitations/preview", kPublic,
           Bind(h.invitations, &InvitationHandlers::Preview)},
          {Method::kPost, "/api/invitations/accept", kUser,
           Bind(h.invitations, &InvitationHandlers::Accept)},
      },
      // Onboarding, activation and the public workspace page (src/workspaces/onboarding*,
      // activation_service, public_workspace).
      {
          {Method::kGet, "/api/workspaces/{id:int}/onboarding", kOwner,
           Bind(h.onboarding, &OnboardingHandlers::GetOnboarding)},
          {Method::kPost, "/api/workspaces/{id:int}/activate", kOwner,
           Bind(h.onboarding, &OnboardingHandlers::Activate)},
          {Method::kGet, "/api/public/{slug}", kPublic,
           Bind(h.onboarding, &OnboardingHandlers::PublicWorkspace)},
      },
      // A workspace's own SMS and email channels (src/workspaces/channel_*).
      {
          {Method::kGet, "/api/workspaces/{id:int}/channels", kOwner,
           Bind(h.channels, &ChannelHandlers::List)},
          {Method::kPut, "/api/workspaces/{id:int}/channels/{channel}", kOwner,
           Bind(h.channels, &ChannelHandlers::Update)},
          {Method::kPost, "/api/workspaces/{id:int}/channels/{channel}/test", kOwner,
           Bind(h.channels, &ChannelHandlers::SendTest)},
      },
      // The inbox (src/inbox/): conversations, replies, the contact form, inbound SMS.
      {
          {Method::kGet, "/api/workspaces/{id:int}/conversations", kInbox,
           Bind(h.inbox, &InboxHandlers::ListConversations)},
          {Method::kGet, "/api/workspaces/{id:int}/conversations/{conversation_id:int}", kInbox,
           Bind(h.inbox, &InboxHandlers::GetConversation)},
          {Method::kPatch, "/api/workspaces/{id:int}/conversations/{conversation_id:int}", kInbox,
           Bind(h.inbox, &InboxHandlers::UpdateConversation)},
          {Method::kPost, "/api/workspaces/{id:int}/conversations/{conversation_id:int}/replies",
           kInbox, Bind(h.inbox, &InboxHandlers::Reply)},
          {Method::kGet, "/api/workspaces/{id:int}/events", kAnyMember,
           Bind(h.inbox, &InboxHandlers::Events)},
          {Method::kGet, "/api/workspaces/{id:int}/templates/{key}", kOwner,
           Bind(h.inbox, &InboxHandlers::GetTemplate)},
          {Method::kPut, "/api/workspaces/{id:int}/templates/{key}", kOwner,
           Bind(h.inbox, &InboxHandlers::PutTemplate)},
          {Method::kPost, "/api/public/{slug}/contact", kPublic,
           Bind(h.inbox, &InboxHandlers::ContactForm)},
          {Method::kPost, "/api/webhooks/twilio/inbound", kWebhook,
           Bind(h.inbox, &InboxHandlers::InboundSms)},
      },
      // Contacts (src/contacts/): members holding the inbox permission.
      {
          {Method::kGet, "/api/workspaces/{id:int}/contacts", kInbox,
           Bind(h.contacts, &ContactHandlers::List)},
          {Method::kPost, "/api/workspaces/{id:int}/contacts", kInbox,
           Bind(h.contacts, &ContactHandlers::Create)},
          LargeBody(contacts::kMaxImportBytes,
                    {Method::kPost, "/api/workspaces/{id:int}/contacts/import", kInbox,
                     Bind(h.contacts, &ContactHandlers::Import)}),
          {Method::kGet, "/api/workspaces/{id:int}/contacts/export", kInbox,
           Bind(h.contacts, &ContactHandlers::Export)},
          {Method::kGet, "/api/workspaces/{id:int}/contacts/{contact_id:int}", kInbox,
           Bind(h.contacts, &ContactHandlers::Get)},
          {Method::kPatch, "/api/workspaces/{id:int}/contacts/{contact_id:int}", kInbox,
           Bind(h.contacts, &ContactHandlers::Update)},
          {Method::kDelete, "/api/workspaces/{id:int}/contacts/{contact_id:int}", kInbox,
           Bind(h.contacts, &ContactHandlers::Delete)},
      },
      // Booking (src/booking/): the service catalog (owners manage it, every member reads
      // it), staff availability (owners, or the member themself: AvailabilityService checks
      // which), slots, calendar feeds (the feed's path token is its credential) and the
      // public booking page's reads.
      {
          {Method::kGet, "/api/workspaces/{id:int}/services", kAnyMember,
           Bind(h.services, &ServiceHandlers::List)},
          {Method::kPost, "/api/workspaces/{id:int}/services", kOwner,
           Bind(h.services, &ServiceHandlers::Create)},
          {Method::kGet, "/api/workspaces/{id:int}/services/{service_id:int}", kAnyMember,
           Bind(h.services, &ServiceHandlers::Get)},
          {Method::kPatch, "/api/workspaces/{id:int}/services/{service_id:int}", kOwner,
           Bind(h.services, &ServiceHandlers::Update)},
          {Method::kDelete, "/api/workspaces/{id:int}/services/{service_id:int}", kOwner,
           Bind(h.services, &ServiceHandlers::Delete)},
          {Method::kGet, "/api/workspaces/{id:int}/services/{service_id:int}/slots", kBookings,
           Bind(h.services, &ServiceHandlers::StaffSlots)},
          {Method::kGet, "/api/workspaces/{id:int}/staff/{member_id:int}/availability", kAnyMember,
           Bind(h.services, &ServiceHandlers::GetAvailability)},
          {Method::kPut, "/api/workspaces/{id:int}/staff/{member_id:int}/availability", kAnyMember,
           Bind(h.services, &ServiceHandlers::PutAvailability)},
          {Method::kGet, "/api/workspaces/{id:int}/calendar-feeds", kAnyMember,
           Bind(h.calendar_feeds, &CalendarFeedHandlers::List)},
          {Method::kPost, "/api/workspaces/{id:int}/calendar-feeds/rotate", kAnyMember,
           Bind(h.calendar_feeds, &CalendarFeedHandlers::Rotate)},
          {Method::kGet, "/api/calendar/{token}", kPublic,
           Bind(h.calendar_feeds, &CalendarFeedHandlers::Feed)},
          {Method::kGet, "/api/public/{slug}/services", kPublic,
           Bind(h.public_booking, &PublicCatalogHandlers::Services)},
          {Method::kGet, "/api/public/{slug}/services/{service_id:int}/slots", kPublic,
           Bind(h.public_booking, &PublicCatalogHandlers::Slots)},
      },
      // Bookings (src/booking/booking_*): members holding the bookings permission; the public
      // page books by slug, and customers manage with the signed token in the body.
      {
          {Method::kGet, "/api/workspaces/{id:int}/bookings", kBookings,
           Bind(h.bookings, &BookingHandlers::List)},
          {Method::kPost, "/api/workspaces/{id:int}/bookings", kBookings,
           Bind(h.bookings, &BookingHandlers::Create)},
          {Method::kGet, "/api/workspaces/{id:int}/bookings/{booking_id:int}", kBookings,
           Bind(h.bookings, &BookingHandlers::Get)},
          {Method::kPatch, "/api/workspaces/{id:int}/bookings/{booking_id:int}", kBookings,
           Bind(h.bookings, &BookingHandlers::Update)},
          {Method::kPost, "/api/public/{slug}/bookings", kPublic,
           Bind(h.bookings, &BookingHandlers::PublicCreate)},
          {Method::kPost, "/api/public/bookings/manage", kPublic,
           Bind(h.bookings, &BookingHandlers::Manage)},
          {Method::kPost, "/api/public/bookings/cancel", kPublic,
           Bind(h.bookings, &BookingHandlers::Cancel)},
          {Method::kPost, "/api/public/bookings/reschedule", kPublic,
           Bind(h.bookings, &BookingHandlers::Reschedule)},
          {Method::kPost, "/api/public/bookings/confirm", kPublic,
           Bind(h.bookings, &BookingHandlers::Confirm)},
      },
      // Intake forms (src/forms/): members holding the forms permission read them, owners
      // build them; customers open and answer a form with its link's token in the body.
      {
          {Method::kGet, "/api/workspaces/{id:int}/forms", kForms,
           Bind(h.forms, &FormHandlers::List)},
          {Method::kPost, "/api/workspaces/{id:int}/forms", kOwner,
           Bind(h.forms, &FormHandlers::Create)},
          {Method::kGet, "/api/workspaces/{id:int}/forms/{form_id:int}", kForms,
           Bind(h.forms, &FormHandlers::Get)},
          {Method::kPatch, "/api/workspaces/{id:int}/forms/{form_id:int}", kOwner,
           Bind(h.forms, &FormHandlers::Update)},
          {Method::kDelete, "/api/workspaces/{id:int}/forms/{form_id:int}", kOwner,
           Bind(h.forms, &FormHandlers::Delete)},
          {Method::kGet, "/api/workspaces/{id:int}/form-requests", kForms,
           Bind(h.forms, &FormHandlers::ListRequests)},
          {Method::kGet, "/api/workspaces/{id:int}/form-requests/{request_id:int}", kForms,
           Bind(h.forms, &FormHandlers::GetRequest)},
          {Method::kPost, "/api/public/forms/open", kPublic, Bind(h.forms, &FormHandlers::Open)},
          {Method::kPost, "/api/public/forms/submit", kPublic,
           Bind(h.forms, &FormHandlers::Submit)},
      },
      // The dashboard (src/dashboard/): any member; its sections follow the caller's
      // permissions (the handler reads them).
      {
          {Method::kGet, "/api/workspaces/{id:int}/dashboard", kAnyMember,
           Bind(h.dashboard, &DashboardHandlers::Get)},
      },
      // Automation (src/automation/): the owner sees and switches every automatic message.
      {
          {Method::kGet, "/api/workspaces/{id:int}/automation", kOwner,
           Bind(h.automation, &AutomationHandlers::List)},
          {Method::kPatch, "/api/workspaces/{id:int}/automation/{rule}", kOwner,
           Bind(h.automation, &AutomationHandlers::Update)},
          {Method::kGet, "/api/workspaces/{id:int}/automation/{rule}/log", kOwner,
           Bind(h.automation, &AutomationHandlers::Log)},
      },
      // Inventory (src/inventory/): members holding the inventory permission; stock moves by
      // adjustments here and with bookings (the booking observer), each change a ledger row.
      {
          {Method::kGet, "/api/workspaces/{id:int}/inventory", kInventory,
           Bind(h.inventory, &InventoryHandlers::List)},
          {Method::kPost, "/api/workspaces/{id:int}/inventory", kInventory,
           Bind(h.inventory, &InventoryHandlers::Create)},
          {Method::kGet, "/api/workspaces/{id:int}/inventory/{item_id:int}", kInventory,
           Bind(h.inventory, &InventoryHandlers::Get)},
          {Method::kPatch, "/api/workspaces/{id:int}/inventory/{item_id:int}", kInventory,
           Bind(h.inventory, &InventoryHandlers::Update)},
          {Method::kDelete, "/api/workspaces/{id:int}/inventory/{item_id:int}", kInventory,
           Bind(h.inventory, &InventoryHandlers::Delete)},
          {Method::kPost, "/api/workspaces/{id:int}/inventory/{item_id:int}/adjustments",
           kInventory, Bind(h.inventory, &InventoryHandlers::Adjust)},
          {Method::kGet, "/api/workspaces/{id:int}/inventory/{item_id:int}/ledger", kInventory,
           Bind(h.inventory, &InventoryHandlers::Ledger)},
          {Method::kGet, "/api/workspaces/{id:int}/services/{service_id:int}/usage", kInventory,
           Bind(h.inventory, &InventoryHandlers::GetUsage)},
          {Method::kPut, "/api/workspaces/{id:int}/services/{service_id:int}/usage", kInventory,
           Bind(h.inventory, &InventoryHandlers::PutUsage)},
      },
  });
}

}  // namespace careops::app
