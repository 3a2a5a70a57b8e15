#include "core/log.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <memory>

namespace careops::log {
namespace {

std::atomic<Format> g_format{Format::kText};

// Marks a message that is already a JSON member list ("\"msg\":...,\"k\":\"v\"").
constexpr char kStructured = '\x1e';

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

// "%*": the message, as a JSON member list in JSON mode (plain messages become "msg":"...").
class MessageFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    std::string_view text(msg.payload.data(), msg.payload.size());
    std::string out;
    if (!text.empty() && text.front() == kStructured) {
      out = text.substr(1);
    } else if (g_format.load() == Format::kJson) {
      out = "\"msg\":";
      AppendJsonString(out, text);
    } else {
      out = text;
    }
    dest.append(out.data(), out.data() + out.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<MessageFlag>();
  }
};

bool NeedsQuotes(std::string_view v) {
  return v.empty() || v.find_first_of(" \"=\t\n") != std::string_view::npos;
}

}  // namespace

std::string FormatEvent(Format format, std::string_view msg, std::initializer_list<Field> fields) {
  std::string out;
  if (format == Format::kJson) {
    out = "\"msg\":";
    AppendJsonString(out, msg);
    for (const auto& [k, v] : fields) {
      out += ',';
      AppendJsonString(out, k);
      out += ':';
      AppendJsonString(out, v);
    }
    return out;
  }
  out = msg;
  for (const auto& [k, v] : fields) {
    out += ' ';
    out += k;
    out += '=';
    if (NeedsQuotes(v)) {
      AppendJsonString(out, v);
    } else {
      out += v;
    }
  }
  return out;
}

void Init(std::string_view level, Format format) {
  g_format.store(format);
  auto logger = std::make_shared<spdlog::logger>("careops",
                                                 std::make_shared<spdlog::sinks::stderr_sink_mt>());
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<MessageFlag>('*');
  formatter->set_pattern(format == Format::kJson
                             ? R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%*})"
                             : "%Y-%m-%dT%H:%M:%S.%eZ %l %*");
  logger->set_formatter(std::move(formatter));
  logger->set_level(spdlog::level::from_str(std::string(level)));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
}

void Event(std::string_view msg, std::initializer_list<Field> fields) {
  if (!spdlog::should_log(spdlog::level::info)) return;
  spdlog::info("{}{}", kStructured, FormatEvent(g_format.load(), msg, fields));
}

void Warn(std::string_view msg, std::initializer_list<Field> fields) {
  spdlog::warn("{}{}", kStructured, FormatEvent(g_format.load(), msg, fields));
}

}  // namespace careops::log
