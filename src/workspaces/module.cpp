#include "workspaces/module.hpp"

#include "app/config.hpp"
#include "workspaces/channel_handlers.hpp"
#include "workspaces/channel_service.hpp"
#include "workspaces/member_guard.hpp"
#include "workspaces/workspace_handlers.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {

struct Module::Impl {
  WorkspaceService service;
  ChannelService channels;
  MemberGuard guard;
  WorkspaceHandlers handlers;
  ChannelHandlers channel_handlers;

  Impl(const app::Config& config, const Clock& clock, const SecretKey& key,
       messaging::Outbox& outbox, http::AccessGuard& user_guard)
      : service(clock),
        channels(clock, key, outbox, ServerProviders{config.sms_provider, config.email_provider}),
        guard(user_guard, service),
        handlers(service),
        channel_handlers(channels) {}
};

Module::Module(const app::Config& config, const Clock& clock, const SecretKey& key,
               messaging::Outbox& outbox, http::AccessGuard& user_guard)
    : impl_(std::make_unique<Impl>(config, clock, key, outbox, user_guard)) {}
Module::~Module() = default;
http::AccessGuard& Module::member_guard() { return impl_->guard; }
const WorkspaceHandlers& Module::handlers() const { return impl_->handlers; }
const ChannelHandlers& Module::channel_handlers() const { return impl_->channel_handlers; }

}  // namespace careops::workspaces
