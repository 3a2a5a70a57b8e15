#pragma once
// One-time SMS codes for every purpose (phone verification, 2FA sign-in, password reset,
// phone change) and the send limits around them.
//
// Codes: 6 digits from the CSPRNG, stored only as a keyed hash bound to (user, purpose), valid
// for 10 minutes, single use, dead after 5 wrong tries; only the newest code of a (user,
// purpose) counts. There is no universal or test code in any mode.
// Sends are limited under keys (the keyed email and, when there is one, the keyed number), so
// unknown emails meet exactly the same limits as known ones: under each key at most
// kSendsPerHour sends per hour, of every purpose together (against SMS pumping), and no
// second code of the same purpose within kResendCooldown (a code of another purpose does not
// wait). A key may be counted toward the hourly cap only, without a cooldown.
//
// Every method joins the caller's open transaction on `conn` (REQUIRES: one is open for
// Issue, IssueUnlessLimited and Verify, whose writes must commit together with the caller's
// change, also when the answer is an error). Thread-safe: no state besides the database.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "auth/model.hpp"
#include "core/error.hpp"

namespace careops {
class SecretKey;
}
namespace careops::db {
class Connection;
}
namespace careops::messaging {
class Outbox;
}

namespace careops::auth {

inline constexpr int kCodeDigits = 6;
inline constexpr Millis kCodeLifetime = 10 * kMinute;
inline constexpr int kMaxCodeAttempts = 5;
inline constexpr Millis kResendCooldown = 30 * kSecond;
inline constexpr std::size_t kSendsPerHour = 5;

// What a client is told about a sent code (docs/API.md "verification").
struct Verification {
  std::string to;  // masked number; empty when no number can be shown
  Millis expires_at = 0;
  Millis resend_after = 0;
};

struct CodeRequest {
  std::int64_t user_id = 0;
  CodePurpose purpose = CodePurpose::kVerifyPhone;
  std::string to;                       // E.164
  std::vector<std::string> limit_keys;  // hourly cap and cooldown: EmailLimitKey, PhoneLimitKey
  std::string ip;                       // for the audit log
  std::vector<std::string> hourly_only_keys;  // the hourly cap alone
};

// Issue's answer when it may withhold the code (IssueUnlessLimited).
struct IssueOutcome {
  Verification verification;
  bool sent = false;
};

class CodeService {
 public:
  // All must outlive the service.
  CodeService(const SecretKey& key, const Clock& clock, const messaging::Outbox& outbox)
      : key_(key), clock_(clock), outbox_(outbox) {}

  // How long (ms) until a code of `purpose` may be sent under every key of `keys` (hourly
  // cap and cooldown) and `hourly_only_keys` (hourly cap); 0 when it may be now.
  Millis SendWait(db::Connection& conn, CodePurpose purpose, const std::vector<std::string>& keys,
                  const std::vector<std::string>& hourly_only_keys = {}) const;
  // RateLimited (Retry-After = SendWait) unless SendWait is 0.
  Status CheckSendLimits(db::Connection& conn, CodePurpose purpose,
                         const std::vector<std::string>& keys,
                         const std::vector<std::string>& hourly_only_keys = {}) const;
  // Counts a send of `purpose` under each key: after a real send (Issue does it) or in place
  // of one, so that an answer for an unknown email or a verified phone is the same as a real
  // send's.
  void RecordSend(db::Connection& conn, CodePurpose purpose, const std::vector<std::string>& keys,
                  const std::vector<std::string>& hourly_only_keys = {}) const;
  // The times a send at the current time announces (`to` left empty).
  Verification Announce() const;

  // Checks the send limits, records the send, stores a new code (older ones of the same
  // user and purpose stop counting), enqueues its SMS (urgent, sensitive, kind
  // "verification_code") and audits code_sent. The caller commits, then calls outbox.Wake().
  Result<Verification> Issue(db::Connection& conn, const CodeRequest& request) const;
  // Issue for flows that answer the same whether or not a code goes out. When the limits
  // forbid a send, nothing is sent or counted, code_not_sent is audited, and the answer
  // (sent = false) has the masked number, in expires_at the expiry of the user's newest live
  // code of the purpose, which stays valid (the current time when none is live), and in
  // resend_after when the limits allow the next send.
  IssueOutcome IssueUnlessLimited(db::Connection& conn, const CodeRequest& request) const;

  // Consumes the user's newest live code of `purpose` when `code` matches it and returns it
  // (its target is the number it proved). Otherwise counts a wrong try (the 5th kills the
  // code) and answers InvalidArgument("invalid or expired code", field "code") — the same
  // answer for a wrong, dead, expired or missing code. Audits code_verified / code_failed.
  Result<VerificationCode> Verify(db::Connection& conn, std::int64_t user_id, CodePurpose purpose,
                                  std::string_view code, std::string_view ip) const;

 private:
  std::string HashCode(std::int64_t user_id, CodePurpose purpose, std::string_view code) const;
  // Issue once the limits allowed the send.
  Verification Send(db::Connection& conn, const CodeRequest& request) const;

  const SecretKey& key_;
  const Clock& clock_;
  const messaging::Outbox& outbox_;
};

// The one answer for every failed code check.
Error InvalidCode();

}  // namespace careops::auth
