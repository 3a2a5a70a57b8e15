#include "inventory/inventory_rules.hpp"

#include <date/date.h>

#include <algorithm>

#include "core/text.hpp"

namespace careops::inventory {
namespace {

Result<std::string> Text(std::string_view input, const char* field, std::size_t min_chars,
                         std::size_t max_chars, bool multiline) {
  std::string text = Trim(input);
  if (HasControlChars(text, multiline)) {
    return Error::InvalidArgument(std::string(field) + " must not contain control characters",
                                  field);
  }
  const std::size_t n = CodePoints(text);
  if (n < min_chars) return Error::InvalidArgument(std::string(field) + " is required", field);
  if (n > max_chars) {
    return Error::InvalidArgument(
        std::string(field) + " must be at most " + std::to_string(max_chars) + " characters",
        field);
  }
  return text;
}

}  // namespace

Result<std::string> CheckName(std::string_view name) {
  return Text(name, "name", 1, kMaxNameChars, false);
}

Result<std::string> CheckUnit(std::string_view unit) {
  return Text(unit, "unit", 1, kMaxUnitChars, false);
}

Status CheckStockQuantity(std::int64_t value, const char* field) {
  if (value < 0 || value > kMaxQuantity) {
    return Error::InvalidArgument(
        std::string(field) + " must be between 0 and " + std::to_string(kMaxQuantity), field);
  }
  return Ok();
}

Result<StockMove> AdjustmentMove(std::string_view kind, std::int64_t quantity,
                                 std::string_view reason, std::int64_t on_hand) {
  StockMove move;
  if (kind == "restock") {
    move.kind = LedgerKind::kRestock;
    if (quantity < 1 || quantity > kMaxQuantity) {
      return Error::InvalidArgument(
          "quantity of a restock must be between 1 and " + std::to_string(kMaxQuantity),
          "quantity");
    }
  } else if (kind == "adjustment") {
    move.kind = LedgerKind::kAdjustment;
    if (quantity == 0 || quantity < -kMaxQuantity || quantity > kMaxQuantity) {
      return Error::InvalidArgument(
          "quantity of an adjustment must be a non-zero whole number "
          "between -" +
              std::to_string(kMaxQuantity) + " and " + std::to_string(kMaxQuantity),
          "quantity");
    }
  } else {
    return Error::InvalidArgument("kind must be \"restock\" or \"adjustment\"", "kind");
  }
  auto text =
      Text(reason, "reason", move.kind == LedgerKind::kAdjustment ? 1 : 0, kMaxReasonChars, true);
  if (!text.ok()) return std::move(text).error();
  if (quantity < 0 && on_hand + quantity < 0) {
    return Error::Conflict("only " + std::to_string(std::max<std::int64_t>(on_hand, 0)) +
                               " on hand: an adjustment cannot take stock below zero",
                           "quantity");
  }
  move.on_hand_delta = quantity;
  move.reason = std::move(text).value();
  return move;
}

BookingStockAction StockActionFor(const std::optional<booking::BookingStatus>& before,
                                  booking::BookingStatus after) {
  using booking::BookingStatus;
  if (before && *before == after) return BookingStockAction::kNone;
  switch (after) {
    case BookingStatus::kConfirmed:
      return BookingStockAction::kReserve;
    case BookingStatus::kCancelled:
    case BookingStatus::kNoShow:
      return BookingStockAction::kRelease;
    case BookingStatus::kCompleted:
      return BookingStockAction::kConsume;
    case BookingStatus::kPending:
      break;
  }
  return BookingStockAction::kNone;
}

AlertStep NextAlertStep(std::int64_t available, std::int64_t threshold, bool alert_open) {
  const bool low = available <= threshold;
  if (low && !alert_open) return AlertStep::kRaise;
  if (!low && alert_open) return AlertStep::kClear;
  return AlertStep::kNone;
}

std::int64_t DaysBetween(const booking::LocalDate& from, const booking::LocalDate& to) {
  const date::sys_days a{date::year{from.year} / date::month{from.month} / date::day{from.day}};
  const date::sys_days b{date::year{to.year} / date::month{to.month} / date::day{to.day}};
  return (b - a).count();
}

Forecast ForecastRunOut(std::int64_t on_hand, std::int64_t reserved,
                        const std::vector<HeldUse>& upcoming, const booking::LocalDate& today) {
  std::int64_t upcoming_total = 0;
  for (const HeldUse& u : upcoming) upcoming_total += u.quantity;
  // Held by bookings already under way (confirmed, not yet completed): taken first.
  const std::int64_t started = std::max<std::int64_t>(0, reserved - upcoming_total);
  std::int64_t left = on_hand - started;
  Forecast f;
  if (left < 0) {
    f.runs_out_on = today;
    f.days = 0;
    return f;
  }
  for (const HeldUse& u : upcoming) {
    left -= u.quantity;
    if (left < 0) {
      f.runs_out_on = u.date;
      f.days = std::max<std::int64_t>(0, DaysBetween(today, u.date));
      return f;
    }
  }
  return f;
}

}  // namespace careops::inventory
