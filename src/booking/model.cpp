#include "booking/model.hpp"

#include <array>
#include <utility>

namespace careops::booking {
namespace {

constexpr std::array<std::pair<BookingStatus, const char*>, 5> kStatusNames{{
    {BookingStatus::kPending, "pending"},
    {BookingStatus::kConfirmed, "confirmed"},
    {BookingStatus::kCompleted, "completed"},
    {BookingStatus::kNoShow, "no_show"},
    {BookingStatus::kCancelled, "cancelled"},
}};

}  // namespace

const char* BookingStatusName(BookingStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "pending";  // unreachable: every enumerator is listed
}

std::optional<BookingStatus> ParseBookingStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (name == n) return s;
  }
  return std::nullopt;
}

}  // namespace careops::booking
