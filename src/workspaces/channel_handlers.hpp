#pragma once
// HTTP handlers of a workspace's channels: JSON <-> ChannelService (docs/API.md, Channels).
// Credentials leave only masked. Owner-only routes: MemberGuard has checked access.
// Thread-safe (const, stateless).

#include "http/message.hpp"
#include "http/router.hpp"

namespace careops::workspaces {

class ChannelService;

class ChannelHandlers {
 public:
  explicit ChannelHandlers(const ChannelService& service) : service_(service) {}

  http::Response List(http::RequestContext& ctx) const;
  // {channel} is "sms" or "email".
  http::Response Update(http::RequestContext& ctx) const;
  http::Response SendTest(http::RequestContext& ctx) const;

 private:
  const ChannelService& service_;
};

}  // namespace careops::workspaces
