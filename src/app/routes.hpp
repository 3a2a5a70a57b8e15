#pragma once
// The route table: every endpoint of CareOps in one list, with the access level it requires.
// Add a route here (and nowhere else); the router refuses to start on a route without an
// access level.

#include <vector>

#include "http/router.hpp"

namespace careops::ops {
class OpsHandlers;
}
namespace careops::messaging {
class MessagingHandlers;
}
namespace careops::auth {
class AuthHandlers;
}

namespace careops::inbox {
class InboxHandlers;
}
namespace careops::workspaces {
class InvitationHandlers;
class OnboardingHandlers;
class WorkspaceHandlers;
class ChannelHandlers;
}  // namespace careops::workspaces

namespace careops::contacts {
class ContactHandlers;
}
namespace careops::booking {
class BookingHandlers;
class CalendarFeedHandlers;
class PublicCatalogHandlers;
class ServiceHandlers;
}  // namespace careops::booking
namespace careops::inventory {
class InventoryHandlers;
}

namespace careops::forms {
class FormHandlers;
}
namespace careops::automation {
class AutomationHandlers;
}
namespace careops::dashboard {
class DashboardHandlers;
}

namespace careops::app {

// The handler objects the routes call; all outlive the router.
struct Handlers {
  const ops::OpsHandlers& ops;
  const messaging::MessagingHandlers& messaging;
  const auth::AuthHandlers& auth;
  const workspaces::WorkspaceHandlers& workspaces;
  const workspaces::ChannelHandlers& channels;
  const workspaces::InvitationHandlers& invitations;
  const workspaces::OnboardingHandlers& onboarding;
  const inbox::InboxHandlers& inbox;
  const contacts::ContactHandlers& contacts;
  const booking::ServiceHandlers& services;
  const booking::PublicCatalogHandlers& public_booking;
  const booking::CalendarFeedHandlers& calendar_feeds;
  const booking::BookingHandlers& bookings;
  const forms::FormHandlers& forms;
  const inventory::InventoryHandlers& inventory;
  const automation::AutomationHandlers& automation;
  const dashboard::DashboardHandlers& dashboard;
};

std::vector<http::Route> BuildRoutes(const Handlers& h);

}  // namespace careops::app
