#pragma once
// The web app's files, held in memory and served with ETags, cache headers and pre-compressed
// variants. Loaded once at start-up (from the binary's embedded files or from a directory),
// read-only afterwards: Serve() is thread-safe.
//
// Lifetime: the bodies of the Responses that Serve() returns are views (Response::static_body)
// into memory this object owns or into embedded data. The object must outlive the server and
// every Response it produced. Moving it before serving starts keeps every view valid (file
// bytes live in separate heap blocks); do not move it, or use a moved-from one, while serving.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "http/message.hpp"

namespace careops::http {

class StaticFiles {
 public:
  // Serves `files` in place, without copying them (embedded data lives for the whole program).
  // May be empty (a build without CAREOPS_EMBED_WEB); then Serve() always returns nullopt.
  static StaticFiles FromEmbedded(std::span<const embedded::File> files);

  // Reads every regular file under `dir` (recursively) into memory, once. A symlink is
  // followed only when it resolves to a regular file inside `dir`; symlinked directories are
  // not descended. Fails when `dir` is not a readable directory or has no index.html.
  static Result<StaticFiles> FromDirectory(const std::string& dir);

  StaticFiles() = default;
  StaticFiles(StaticFiles&&) = default;
  StaticFiles& operator=(StaticFiles&&) = default;
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  bool empty() const { return entries_.empty(); }
  // Servable paths; ".gz"/".br" variants of another file are not counted.
  std::size_t size() const { return entries_.size(); }

  // Answers a GET or HEAD for `decoded_path` (the percent-decoded path, no query), or nullopt
  // when this is not a static file and the caller should answer (404 / 405 / its own route).
  // Call it only for paths no API route claims: unknown extension-less paths get index.html.
  //
  // - Other methods, and paths with a "." or ".." segment, "//", a backslash or a NUL, or
  //   not starting with '/': nullopt.
  // - "/" is index.html. A path with no file whose last segment has no '.' ("/status",
  //   "/w/acme/book") is index.html too, so the web app's own router handles it; a missing
  //   path with a '.' in its last segment ("/missing.js") is nullopt.
  // - "x.br" / "x.gz" beside "x" are variants of "x", not files of their own: a client whose
  //   Accept-Encoding allows br (q > 0) gets x.br with "Content-Encoding: br", else gzip gets
  //   x.gz, else x itself; "Vary: Accept-Encoding" whenever x has variants. A ".gz" or ".br"
  //   file with no base file beside it is served as an ordinary file.
  // - ETag: strong, one per variant; an If-None-Match that matches (list, "*", "W/" ignored)
  //   gives 304 with ETag, Cache-Control and Vary, and no body.
  // - Cache-Control: "public, max-age=31536000, immutable" under "assets/" (content-hashed
  //   names), "no-cache" elsewhere.
  // - HEAD gets the same headers and static_body as GET; the server omits the body.
  std::optional<Response> Serve(Method method, std::string_view decoded_path,
                                const Headers& request_headers) const;

 private:
  struct Variant {
    std::string_view data;  // into storage_ or embedded data
    std::string etag;       // quoted
  };
  struct Entry {
    Variant identity;
    std::optional<Variant> gzip;
    std::optional<Variant> br;
    const char* content_type = nullptr;
    const char* cache_control = nullptr;
  };
  struct File {
    std::string path;  // relative, '/'-separated
    std::string_view data;
  };

  // Builds the index from `files`; their data must outlive this object.
  static StaticFiles Index(std::vector<File> files);
  Response Build(const Entry& entry, const Headers& request_headers) const;

  std::map<std::string, Entry, std::less<>> entries_;  // key: path without leading '/'
  // File bytes read by FromDirectory, one heap block each so moves keep views valid.
  std::vector<std::unique_ptr<const std::string>> storage_;
};

}  // namespace careops::http
