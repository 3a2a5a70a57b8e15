#pragma once
// Logging setup and structured events. Text lines read "2026-01-01T00:00:00.000Z info msg k=v";
// JSON lines are one object per line {"time","level","msg",k: v...}. Callers must never pass
// secrets, codes, tokens or message bodies as fields.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace careops::log {

enum class Format { kText, kJson };

// Configures the default logger (stderr, UTC timestamps). `level` is a LOG_LEVEL value.
void Init(std::string_view level, Format format);

using Field = std::pair<std::string_view, std::string_view>;

// One structured event at info level / warn level.
void Event(std::string_view msg, std::initializer_list<Field> fields);
void Warn(std::string_view msg, std::initializer_list<Field> fields);

// Formats an event as the configured format would (exposed for tests).
std::string FormatEvent(Format format, std::string_view msg, std::initializer_list<Field> fields);

}  // namespace careops::log
