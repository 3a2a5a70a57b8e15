#include "inventory/model.hpp"

#include <array>
#include <utility>

namespace careops::inventory {
namespace {

constexpr std::array<std::pair<LedgerKind, const char*>, 6> kKinds{{
    {LedgerKind::kInitial, "initial"},
    {LedgerKind::kRestock, "restock"},
    {LedgerKind::kAdjustment, "adjustment"},
    {LedgerKind::kReserve, "reserve"},
    {LedgerKind::kRelease, "release"},
    {LedgerKind::kConsume, "consume"},
}};

}  // namespace

const char* LedgerKindName(LedgerKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "adjustment";
}

std::optional<LedgerKind> ParseLedgerKind(std::string_view name) {
  for (const auto& [k, text] : kKinds) {
    if (name == text) return k;
  }
  return std::nullopt;
}

}  // namespace careops::inventory
