#pragma once
// HTTP handlers of the accounts feature (JSON <-> services; no SQL here).

namespace careops::auth {

class AuthHandlers {
 public:
};

}  // namespace careops::auth
