#pragma once
// Small libcurl helpers shared by the Twilio and SMTP senders.

#include <curl/curl.h>

#include <memory>
#include <string>

namespace careops::messaging {

// curl_global_init, once per process; thread-safe. Call before creating handles.
void InitCurl();

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;

struct CurlSlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlList = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// A CURLOPT_WRITEFUNCTION appending to the std::string passed as CURLOPT_WRITEDATA, refusing
// (failing the transfer) past 1 MiB.
size_t AppendToString(char* data, size_t size, size_t count, void* out);

// curl's message for `code` ("Timeout was reached").
std::string CurlErrorText(CURLcode code);

}  // namespace careops::messaging
