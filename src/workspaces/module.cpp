#include "workspaces/module.hpp"

#include "workspaces/member_guard.hpp"
#include "workspaces/workspace_handlers.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {

struct Module::Impl {
  WorkspaceService service;
  MemberGuard guard;
  WorkspaceHandlers handlers;

  Impl(const Clock& clock, http::AccessGuard& user_guard)
      : service(clock), guard(user_guard, service), handlers(service) {}
};

Module::Module(const Clock& clock, http::AccessGuard& user_guard)
    : impl_(std::make_unique<Impl>(clock, user_guard)) {}
Module::~Module() = default;
http::AccessGuard& Module::member_guard() { return impl_->guard; }
const WorkspaceHandlers& Module::handlers() const { return impl_->handlers; }

}  // namespace careops::workspaces
