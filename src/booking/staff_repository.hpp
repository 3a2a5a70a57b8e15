#pragma once
// Staff members as booking shows them: their names (users.full_name). SQL only; uses the
// caller's connection.

#include <cstdint>
#include <string>
#include <vector>

namespace careops::db {
class Connection;
}

namespace careops::booking {

struct StaffRef {
  std::int64_t id = 0;
  std::string name;  // users.full_name
};

class StaffRepository {
 public:
  explicit StaffRepository(db::Connection& conn) : conn_(conn) {}

  // `ids` with their names, in the order given; an unknown id gets "".
  std::vector<StaffRef> Names(const std::vector<std::int64_t>& ids) const;

 private:
  db::Connection& conn_;
};

}  // namespace careops::booking
