#pragma once
// HTTP handlers of the messaging feature (JSON <-> services; no SQL here).

namespace careops::messaging {

class MessagingHandlers {
 public:
};

}  // namespace careops::messaging
