#include "inventory/inventory_step.hpp"

#include "db/database.hpp"
#include "inventory/inventory_repository.hpp"

namespace careops::inventory {

workspaces::StepState InventoryStep(db::Connection& conn, const workspaces::Workspace& w) {
  if (InventoryRepository(conn).HasActiveUsage(w.id)) return {true, {}};
  const bool has_item =
      conn.QueryOne(
              "SELECT 1 FROM inventory_items WHERE workspace_id = ? AND is_active = 1 LIMIT 1",
              {w.id})
          .has_value();
  if (!has_item) return {false, {"add the supplies you track"}};
  return {false, {"say which services use your supplies"}};
}

}  // namespace careops::inventory
