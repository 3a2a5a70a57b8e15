#include "workspaces/module.hpp"

#include "app/config.hpp"
#include "workspaces/activation_service.hpp"
#include "workspaces/channel_handlers.hpp"
#include "workspaces/channel_service.hpp"
#include "workspaces/invitation_handlers.hpp"
#include "workspaces/invitation_service.hpp"
#include "workspaces/member_guard.hpp"
#include "workspaces/onboarding.hpp"
#include "workspaces/onboarding_handlers.hpp"
#include "workspaces/onboarding_steps.hpp"
#include "workspaces/workspace_handlers.hpp"
#include "workspaces/workspace_service.hpp"

namespace careops::workspaces {

struct Module::Impl {
  WorkspaceService service;
  ChannelService channels;
  MemberGuard guard;
  WorkspaceHandlers handlers;
  ChannelHandlers channel_handlers;
  InvitationService invitations;
  InvitationHandlers invitation_handlers;
  Onboarding onboarding;
  ActivationService activation;
  OnboardingHandlers onboarding_handlers;

  Impl(const app::Config& config, const Clock& clock, const SecretKey& key,
       const messaging::Outbox& outbox, http::AccessGuard& user_guard)
      : service(clock),
        channels(clock, key, outbox, ServerProviders{config.sms_provider, config.email_provider}),
        guard(user_guard, service),
        handlers(service),
        channel_handlers(channels),
        invitations(clock, key, outbox, config.public_base_url),
        invitation_handlers(invitations),
        activation(onboarding, clock),
        onboarding_handlers(activation) {
    RegisterWorkspaceSteps(onboarding, clock);
    // Step 2: a channel whose test message the provider accepted or delivered.
    onboarding.Register("channels", [this](db::Connection& conn, const Workspace& w) {
      if (channels.AnyWorks(conn, w.id)) return StepState{true, {}};
      return StepState{false, {"send a test message that arrives, by SMS or email"}};
    });
  }
};

Module::Module(const app::Config& config, const Clock& clock, const SecretKey& key,
               const messaging::Outbox& outbox, http::AccessGuard& user_guard)
    : impl_(std::make_unique<Impl>(config, clock, key, outbox, user_guard)) {}
Module::~Module() = default;
http::AccessGuard& Module::member_guard() { return impl_->guard; }
Onboarding& Module::onboarding() { return impl_->onboarding; }
const WorkspaceHandlers& Module::handlers() const { return impl_->handlers; }
const ChannelHandlers& Module::channel_handlers() const { return impl_->channel_handlers; }
const InvitationHandlers& Module::invitation_handlers() const { return impl_->invitation_handlers; }
const OnboardingHandlers& Module::onboarding_handlers() const { return impl_->onboarding_handlers; }

}  // namespace careops::workspaces
