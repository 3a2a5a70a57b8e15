#include "booking/booking_hooks.hpp"

#include <stdexcept>

namespace careops::booking {

void BookingObservers::Add(BookingObserver observer) {
  if (!observer) throw std::invalid_argument("empty booking observer");
  observers_.push_back(std::move(observer));
}

void BookingObservers::Notify(BookingChangeContext& ctx) const {
  for (const auto& observer : observers_) observer(ctx);
}

}  // namespace careops::booking
