#include "support/smtp_sink.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/random.hpp"
#include "support/loopback_server.hpp"

namespace careops::testing {
namespace {

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::optional<std::string> Base64Decode(const std::string& in) {
  std::string out(in.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(),
                        in.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

// "<a@b> SIZE=12" -> "a@b"; also accepts a bare address.
std::string Address(std::string_view arg) {
  while (!arg.empty() && arg.front() == ' ') arg.remove_prefix(1);
  if (!arg.empty() && arg.front() == '<') {
    const auto close = arg.find('>');
    return std::string(arg.substr(1, close == std::string_view::npos ? arg.size() : close - 1));
  }
  return std::string(arg.substr(0, arg.find(' ')));
}

}  // namespace

SmtpSink::SmtpSink(std::string user, std::string password)
    : user_(std::move(user)), password_(std::move(password)) {
  InitCrypto();
  server_ = std::make_unique<LoopbackServer>([this](Socket& socket) { Serve(socket); });
}

SmtpSink::~SmtpSink() { server_.reset(); }

std::uint16_t SmtpSink::port() const { return server_->port(); }

std::vector<SmtpSink::Mail> SmtpSink::mails() const {
  std::lock_guard lock(mutex_);
  return mails_;
}

std::vector<SmtpSink::Mail> SmtpSink::WaitForMails(std::size_t n,
                                                   std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return mails_.size() >= n; });
  return mails_;
}

void SmtpSink::RejectNextMail(std::string reply) {
  std::lock_guard lock(mutex_);
  rejections_.push_back(std::move(reply));
}

int SmtpSink::authenticated_sessions() const {
  std::lock_guard lock(mutex_);
  return authenticated_;
}

void SmtpSink::Serve(Socket& socket) {
  const bool auth_required = !user_.empty();
  bool authenticated = !auth_required;
  std::optional<Mail> mail;  // set between MAIL FROM and the end of DATA
  const auto reply = [&](std::string_view text) {
    return socket.Write(std::string(text) + "\r\n");
  };
  const auto check_credentials = [&](const std::string& user, const std::string& password) {
    if (user != user_ || password != password_) return reply("535 5.7.8 Authentication failed");
    authenticated = true;
    {
      std::lock_guard lock(mutex_);
      ++authenticated_;
    }
    return reply("235 2.7.0 Authentication successful");
  };
  if (!reply("220 smtp-sink.test ESMTP ready")) return;
  std::string line;
  while (socket.ReadLine(line)) {
    const std::string verb = Upper(line.substr(0, line.find(' ')));
    const std::string arg =
        line.find(' ') == std::string::npos ? "" : line.substr(line.find(' ') + 1);
    bool ok = true;
    if (verb == "EHLO") {
      ok = reply("250-smtp-sink.test greets you") && reply("250-8BITMIME") &&
           (!auth_required || reply("250-AUTH PLAIN LOGIN")) && reply("250 SIZE 10485760");
    } else if (verb == "HELO") {
      ok = reply("250 smtp-sink.test");
    } else if (verb == "AUTH" && auth_required) {
      const std::string mechanism = Upper(arg.substr(0, arg.find(' ')));
      std::string initial = arg.find(' ') == std::string::npos ? "" : arg.substr(arg.find(' ') + 1);
      if (mechanism == "PLAIN") {
        if (initial.empty() && !(reply("334 ") && socket.ReadLine(initial))) return;
        const auto decoded = Base64Decode(initial).value_or("");
        const auto first = decoded.find('\0');
        const auto second = decoded.find('\0', first == std::string::npos ? 0 : first + 1);
        if (first == std::string::npos || second == std::string::npos) {
          ok = reply("501 5.5.2 malformed AUTH PLAIN");
        } else {
          ok = check_credentials(decoded.substr(first + 1, second - first - 1),
                                 decoded.substr(second + 1));
        }
      } else if (mechanism == "LOGIN") {
        std::string user = initial, password;
        if (user.empty() && !(reply("334 VXNlcm5hbWU6") && socket.ReadLine(user))) return;
        if (!(reply("334 UGFzc3dvcmQ6") && socket.ReadLine(password))) return;
        ok =
            check_credentials(Base64Decode(user).value_or(""), Base64Decode(password).value_or(""));
      } else {
        ok = reply("504 5.5.4 mechanism not supported");
      }
    } else if (verb == "MAIL" && Upper(arg).starts_with("FROM:")) {
      std::string rejection;
      {
        std::lock_guard lock(mutex_);
        if (!rejections_.empty()) {
          rejection = rejections_.front();
          rejections_.pop_front();
        }
      }
      if (!authenticated) {
        ok = reply("530 5.7.0 Authentication required");
      } else if (!rejection.empty()) {
        ok = reply(rejection);
      } else {
        mail = Mail{Address(std::string_view(arg).substr(5)), {}, {}};
        ok = reply("250 2.1.0 OK");
      }
    } else if (verb == "RCPT" && Upper(arg).starts_with("TO:")) {
      if (!mail) {
        ok = reply("503 5.5.1 MAIL first");
      } else {
        mail->to.push_back(Address(std::string_view(arg).substr(3)));
        ok = reply("250 2.1.5 OK");
      }
    } else if (verb == "DATA") {
      if (!mail || mail->to.empty()) {
        ok = reply("503 5.5.1 RCPT first");
        continue;
      }
      if (!reply("354 End data with <CR><LF>.<CR><LF>")) return;
      std::string data;
      for (;;) {
        if (!socket.ReadLine(line, std::chrono::seconds(10), 1 << 20)) return;
        if (line == ".") break;
        if (line.starts_with('.')) line.erase(0, 1);
        data += line + "\r\n";
      }
      mail->data = std::move(data);
      {
        std::lock_guard lock(mutex_);
        mails_.push_back(std::move(*mail));
        changed_.notify_all();
      }
      mail.reset();
      ok = reply("250 2.0.0 OK queued as " + RandomHex(6));
    } else if (verb == "RSET") {
      mail.reset();
      ok = reply("250 2.0.0 OK");
    } else if (verb == "NOOP") {
      ok = reply("250 2.0.0 OK");
    } else if (verb == "QUIT") {
      reply("221 2.0.0 Bye");
      return;
    } else if (verb == "STARTTLS") {
      ok = reply("454 4.7.0 TLS not available");
    } else {
      ok = reply("502 5.5.2 command not recognized");
    }
    if (!ok) return;
  }
}

}  // namespace careops::testing
