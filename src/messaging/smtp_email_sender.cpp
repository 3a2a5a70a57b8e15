#include "messaging/smtp_email_sender.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "core/random.hpp"

namespace careops::messaging {
namespace {

using Outcome = SendResult::Outcome;

std::string StripLineBreaks(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x80; });
}

std::string Base64(std::string_view data) {
  std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// RFC 2047 "encoded-word"s of at most 75 characters, split on UTF-8 character boundaries.
std::string EncodeHeaderWords(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + 45);  // 45 bytes -> 60 base64 characters
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

// Lines joined with CRLF whatever the input used.
std::string ToCrlf(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

bool HasLongLine(std::string_view crlf_text) {
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = crlf_text.find("\r\n", start);
    const std::size_t length = (end == std::string_view::npos ? crlf_text.size() : end) - start;
    if (length > 998) return true;
    if (end == std::string_view::npos) return false;
    start = end + 2;
  }
}

std::string Rfc5322Date(Millis now) {
  const std::time_t seconds = static_cast<std::time_t>(now / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char out[64];
  std::strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return out;
}

std::string DomainOf(std::string_view address) {
  const auto at = address.rfind('@');
  std::string domain = at == std::string_view::npos ? "" : StripLineBreaks(address.substr(at + 1));
  domain.erase(std::remove_if(domain.begin(), domain.end(), [](char c) { return c == '>'; }),
               domain.end());
  return domain.empty() ? "careops.localhost" : domain;
}

struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto& upload = *static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload.data.size() - upload.offset);
  std::copy_n(upload.data.data() + upload.offset, n, buffer);
  upload.offset += n;
  return n;
}

SendResult Failure(Outcome outcome, std::string code, std::string message) {
  SendResult result;
  result.outcome = outcome;
  result.error_code = std::move(code);
  result.error_message = std::move(message);
  return result;
}

}  // namespace

std::string BuildEmail(const EmailRequest& r, Millis now, const std::string& message_id) {
  std::string body = ToCrlf(r.body);
  if (!body.ends_with("\r\n")) body += "\r\n";
  const bool plain = IsAscii(body) && !HasLongLine(body);
  std::string out;
  out += "Date: " + Rfc5322Date(now) + "\r\n";
  out += "From: " + StripLineBreaks(r.from) + "\r\n";
  out += "To: " + StripLineBreaks(r.to) + "\r\n";
  out += "Subject: " + EncodeHeaderWords(StripLineBreaks(r.subject)) + "\r\n";
  out += "Message-ID: " + message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += std::string("Content-Transfer-Encoding: ") + (plain ? "7bit" : "base64") + "\r\n\r\n";
  if (plain) {
    out += body;
  } else {
    const std::string encoded = Base64(r.body);
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  }
  return out;
}

SmtpEmailSender::SmtpEmailSender(SmtpOptions options, const Clock& clock)
    : options_(std::move(options)), clock_(clock) {
  InitCurl();
  curl_.reset(curl_easy_init());
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
}

SendResult SmtpEmailSender::Send(const EmailRequest& request) {
  const auto bad_address = [](const std::string& a) {
    return a.empty() || a.find_first_of("\r\n<>") != std::string::npos || a.find('@') == a.npos;
  };
  if (bad_address(request.to)) {
    return Failure(Outcome::kPermanent, "invalid_address", "invalid recipient address");
  }
  if (bad_address(request.from)) {
    return Failure(Outcome::kPermanent, "invalid_sender", "invalid sender address (SMTP_FROM)");
  }
  const std::string message_id = "<careops." + std::to_string(request.message_id) + "." +
                                 RandomHex(8) + "@" + DomainOf(request.from) + ">";
  std::string message = BuildEmail(request, clock_.NowMillis(), message_id);
  const std::string scheme = options_.port == 465 ? "smtps://" : "smtp://";
  const std::string url = scheme + options_.host + ":" + std::to_string(options_.port);
  const std::string mail_from = "<" + request.from + ">";
  CurlList recipients(curl_slist_append(nullptr, ("<" + request.to + ">").c_str()));
  Upload upload{message};
  CURL* c = curl_.get();
  curl_easy_reset(c);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   options_.starttls == "always"  ? CURLUSESSL_ALL
                   : options_.starttls == "never" ? CURLUSESSL_NONE
                                                  : CURLUSESSL_TRY);
  if (!options_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, &ReadUpload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(c);
  std::fill(message.begin(), message.end(), '\0');
  if (rc == CURLE_OK) {
    SendResult result;
    result.outcome = Outcome::kAccepted;
    result.provider_id = message_id;
    result.status = "sent";
    return result;
  }
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  const std::string text = CurlErrorText(rc);
  if (rc == CURLE_OPERATION_TIMEDOUT) return Failure(Outcome::kTransient, "timeout", text);
  if (reply >= 500 && reply < 600) {
    return Failure(Outcome::kPermanent, "smtp_" + std::to_string(reply), text);
  }
  if (reply >= 400 && reply < 500) {
    return Failure(Outcome::kTransient, "smtp_" + std::to_string(reply), text);
  }
  switch (rc) {
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_PEER_FAILED_VERIFICATION:
      return Failure(Outcome::kPermanent, "smtp_config", text);
    default:
      return Failure(Outcome::kTransient, "network", text);
  }
}

}  // namespace careops::messaging
