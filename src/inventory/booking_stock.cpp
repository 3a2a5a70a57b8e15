#include "inventory/booking_stock.hpp"

#include "inventory/inventory_live.hpp"
#include "inventory/inventory_repository.hpp"
#include "inventory/inventory_rules.hpp"
#include "inventory/stock.hpp"
#include "messaging/outbox.hpp"
#include "workspaces/model.hpp"

namespace careops::inventory {
namespace {

using booking::BookingStatus;

const char* ReasonOf(BookingStatus status) {
  switch (status) {
    case BookingStatus::kConfirmed:
      return "booking confirmed";
    case BookingStatus::kCancelled:
      return "booking cancelled";
    case BookingStatus::kNoShow:
      return "booking no-show";
    case BookingStatus::kCompleted:
      return "booking completed";
    case BookingStatus::kPending:
      break;
  }
  return "booking";
}

}  // namespace

std::vector<std::int64_t> ApplyBookingChange(const messaging::Outbox& outbox,
                                             booking::BookingChangeContext& ctx) {
  const booking::Booking& b = ctx.after;
  const std::optional<BookingStatus> before =
      ctx.before ? std::optional<BookingStatus>(ctx.before->status) : std::nullopt;
  const BookingStockAction action = StockActionFor(before, b.status);
  if (action == BookingStockAction::kNone) return {};

  InventoryRepository repo(ctx.conn);
  std::vector<StockMove> moves;
  if (action == BookingStockAction::kReserve) {
    if (repo.HasReserved(b.id)) return {};  // a booking never reserves twice
    for (const ServiceUsage& u : repo.UsageOfService(b.service_id)) {
      if (!u.is_active) continue;
      StockMove m;
      m.item_id = u.item_id;
      m.kind = LedgerKind::kReserve;
      m.reserved_delta = u.quantity;
      moves.push_back(std::move(m));
    }
  } else {
    for (const auto& [item_id, held] : repo.HeldBy(b.id)) {
      StockMove m;
      m.item_id = item_id;
      m.reserved_delta = -held;
      if (action == BookingStockAction::kConsume) {
        m.kind = LedgerKind::kConsume;
        m.on_hand_delta = -held;
      } else {
        m.kind = LedgerKind::kRelease;
      }
      moves.push_back(std::move(m));
    }
  }

  StockEffects effects;
  std::vector<std::int64_t> changed;
  for (StockMove& m : moves) {
    m.booking_id = b.id;
    m.reason = ReasonOf(b.status);
    m.author_id = ctx.author_id;
    RecordMove(ctx.conn, outbox, ctx.workspace, m, ctx.now, effects);
    changed.push_back(m.item_id);
  }
  if (effects.messages_queued > 0) {
    ctx.after_commit.push_back([&outbox] { outbox.Wake(); });
  }
  return changed;
}

booking::BookingObserver BookingStockObserver(const messaging::Outbox& outbox,
                                              http::EventHub& events) {
  return [&outbox, &events](booking::BookingChangeContext& ctx) {
    const std::vector<std::int64_t> changed = ApplyBookingChange(outbox, ctx);
    if (changed.empty()) return;
    const std::int64_t workspace_id = ctx.workspace.id;
    ctx.after_commit.push_back([&events, workspace_id, changed] {
      for (std::int64_t id : changed) PublishItem(events, workspace_id, id);
    });
  };
}

}  // namespace careops::inventory
