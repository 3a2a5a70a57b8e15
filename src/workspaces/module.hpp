#pragma once
// The workspaces feature as the composition root sees it: the service, the kMember access
// guard and the handlers.

#include <memory>

namespace careops {
class Clock;
class SecretKey;
}  // namespace careops
namespace careops::app {
struct Config;
}
namespace careops::http {
class AccessGuard;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::workspaces {

class WorkspaceHandlers;
class ChannelHandlers;

class Module {
 public:
  // Everything passed must outlive the module; `user_guard` is the kUser guard.
  Module(const app::Config& config, const Clock& clock, const SecretKey& key,
         messaging::Outbox& outbox, http::AccessGuard& user_guard);
  ~Module();

  // The Access::kMember guard (see member_guard.hpp); runs `user_guard` itself.
  http::AccessGuard& member_guard();
  const WorkspaceHandlers& handlers() const;
  const ChannelHandlers& channel_handlers() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace careops::workspaces
