#include "booking/staff_repository.hpp"

#include "db/database.hpp"

namespace careops::booking {

std::vector<StaffRef> StaffRepository::Names(const std::vector<std::int64_t>& ids) const {
  std::vector<StaffRef> out;
  out.reserve(ids.size());
  for (std::int64_t id : ids) {
    auto row = conn_.QueryOne("SELECT full_name FROM users WHERE id = ?", {id});
    out.push_back({id, row ? row->Text(0) : std::string()});
  }
  return out;
}

}  // namespace careops::booking
