#pragma once
// The workspaces feature as the composition root sees it: the service, the kMember access
// guard and the handlers.

#include <memory>

namespace careops {
class Clock;
}
namespace careops::http {
class AccessGuard;
}

namespace careops::workspaces {

class WorkspaceHandlers;

class Module {
 public:
  // `user_guard` (the kUser guard) and `clock` must outlive the module.
  Module(const Clock& clock, http::AccessGuard& user_guard);
  ~Module();

  // The Access::kMember guard (see member_guard.hpp); runs `user_guard` itself.
  http::AccessGuard& member_guard();
  const WorkspaceHandlers& handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::workspaces
