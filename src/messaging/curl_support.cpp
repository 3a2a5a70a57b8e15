#include "messaging/curl_support.hpp"

#include <mutex>
#include <stdexcept>

namespace careops::messaging {

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("curl_global_init failed");
    }
  });
}

size_t AppendToString(char* data, size_t size, size_t count, void* out) {
  auto& text = *static_cast<std::string*>(out);
  const size_t bytes = size * count;
  if (text.size() + bytes > (1u << 20)) return 0;
  text.append(data, bytes);
  return bytes;
}

std::string CurlErrorText(CURLcode code) { return curl_easy_strerror(code); }

}  // namespace careops::messaging
