#include "http/static_files.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include "core/random.hpp"

namespace careops::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kIndex = "index.html";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";
constexpr const char* kNoCache = "no-cache";

constexpr std::array<std::pair<std::string_view, const char*>, 16> kContentTypes = {{
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"webmanifest", "application/manifest+json; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"webp", "image/webp"},
    {"ico", "image/x-icon"},
    {"woff2", "font/woff2"},
    {"wasm", "application/wasm"},
}};

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool IEquals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view LastSegment(std::string_view path) {
  return path.substr(path.rfind('/') + 1);  // npos + 1 == 0
}

const char* ContentTypeFor(std::string_view path) {
  const std::string_view name = LastSegment(path);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    const std::string_view ext = name.substr(dot + 1);
    for (const auto& [known, type] : kContentTypes) {
      if (IEquals(ext, known)) return type;
    }
  }
  return "application/octet-stream";
}

std::string ETagOf(std::string_view data) {
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  std::array<char, 2 * 16 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return "\"" + std::string(hex.data(), 2 * 16) + "\"";
}

// Which pre-compressed codings an Accept-Encoding value allows (q > 0). A coding not listed
// takes the q of "*" when present; malformed q values count as 0.
struct Acceptable {
  bool br = false;
  bool gzip = false;
};

Acceptable ParseAcceptEncoding(std::string_view header) {
  double br = -1, gzip = -1, star = -1;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);

    const std::size_t semi = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semi));
    double q = 1;
    for (std::string_view params = semi == std::string_view::npos ? "" : item.substr(semi + 1);
         !params.empty();) {
      const std::size_t next = params.find(';');
      const std::string_view param = Trim(params.substr(0, next));
      params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        const std::string_view value = Trim(param.substr(2));
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
        if (ec != std::errc() || end != value.data() + value.size() || !(q >= 0)) q = 0;
      }
    }
    if (IEquals(coding, "br")) br = q;
    if (IEquals(coding, "gzip") || IEquals(coding, "x-gzip")) gzip = q;
    if (coding == "*") star = q;
  }
  return {(br >= 0 ? br : star) > 0, (gzip >= 0 ? gzip : star) > 0};
}

bool IfNoneMatchMatches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view tag = Trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
  }
  return false;
}

// Rejects what could step outside the served tree or alias another path, and hidden files
// (".env", ".git/...") that a careless build could leave in the web directory.
bool IsSafePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) return false;
  if (path.find("//") != std::string_view::npos) return false;
  for (std::string_view rest = path.substr(1);;) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (!segment.empty() && segment.front() == '.') return false;  // ".", "..", dotfiles
    if (slash == std::string_view::npos) return true;
    rest.remove_prefix(slash + 1);
  }
}

bool IsInside(const fs::path& root, const fs::path& target) {
  const fs::path rel = target.lexically_relative(root);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

Result<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (!in || size < 0) return Error::Internal("cannot read static file " + path.string());
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), size);
  if (!in) return Error::Internal("cannot read static file " + path.string());
  return data;
}

}  // namespace

StaticFiles StaticFiles::FromEmbedded(std::span<const embedded::File> files) {
  std::vector<File> list;
  list.reserve(files.size());
  for (const embedded::File& f : files) list.push_back({std::string(f.path), f.data});
  return Index(std::move(list));
}

Result<StaticFiles> StaticFiles::FromDirectory(const std::string& dir) {
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root, ec)) {
    return Error::InvalidArgument("static file directory " + dir + " is not a directory");
  }
  std::vector<std::unique_ptr<const std::string>> storage;
  std::vector<File> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::path source = it->path();
    if (source.filename().string().starts_with('.')) {  // hidden: never served, not loaded
      if (it->is_directory(ec)) it.disable_recursion_pending();
      ec.clear();
      continue;
    }
    if (it->is_symlink(ec)) {
      source = fs::canonical(source, ec);
      if (ec || !IsInside(root, source)) {
        ec.clear();
        continue;
      }
    }
    if (!fs::is_regular_file(source, ec)) {
      ec.clear();
      continue;
    }
    Result<std::string> data = ReadWholeFile(source);
    if (!data.ok()) return std::move(data).error();
    storage.push_back(std::make_unique<const std::string>(std::move(data).value()));
    files.push_back({it->path().lexically_relative(root).generic_string(), *storage.back()});
  }
  if (ec) return Error::Internal("cannot list static file directory " + dir + ": " + ec.message());

  StaticFiles result = Index(std::move(files));
  result.storage_ = std::move(storage);
  if (result.entries_.find(kIndex) == result.entries_.end()) {
    return Error::InvalidArgument("static file directory " + dir + " has no index.html");
  }
  return result;
}

StaticFiles StaticFiles::Index(std::vector<File> files) {
  InitCrypto();  // crypto_generichash; idempotent
  std::set<std::string, std::less<>> paths;
  for (const File& f : files) paths.insert(f.path);
  auto variant_base = [&](std::string_view path) -> std::optional<std::string_view> {
    if (!path.ends_with(".gz") && !path.ends_with(".br")) return std::nullopt;
    const std::string_view base = path.substr(0, path.size() - 3);
    if (paths.find(base) == paths.end()) return std::nullopt;
    return base;
  };

  StaticFiles result;
  for (const File& f : files) {
    if (variant_base(f.path)) continue;
    Entry entry;
    entry.identity = {f.data, ETagOf(f.data)};
    entry.content_type = ContentTypeFor(f.path);
    entry.cache_control = f.path.starts_with("assets/") ? kImmutable : kNoCache;
    result.entries_.emplace(f.path, std::move(entry));
  }
  for (const File& f : files) {
    const std::optional<std::string_view> base = variant_base(f.path);
    if (!base) continue;
    Entry& entry = result.entries_.find(*base)->second;
    (f.path.ends_with(".br") ? entry.br : entry.gzip) = Variant{f.data, ETagOf(f.data)};
  }
  return result;
}

std::optional<Response> StaticFiles::Serve(Method method, std::string_view decoded_path,
                                           const Headers& request_headers) const {
  if (method != Method::kGet && method != Method::kHead) return std::nullopt;
  if (!IsSafePath(decoded_path)) return std::nullopt;

  std::string_view key = decoded_path.substr(1);
  if (key.empty()) key = kIndex;
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    // Extension-less paths are the web app's own routes ("/w/acme/book").
    if (LastSegment(key).find('.') != std::string_view::npos) return std::nullopt;
    it = entries_.find(kIndex);
    if (it == entries_.end()) return std::nullopt;
  }
  return Build(it->second, request_headers);
}

Response StaticFiles::Build(const Entry& entry, const Headers& request_headers) const {
  const bool has_variants = entry.gzip || entry.br;
  const Variant* chosen = &entry.identity;
  const char* encoding = nullptr;
  if (has_variants) {
    const Acceptable accepts =
        ParseAcceptEncoding(request_headers.Get("Accept-Encoding").value_or(""));
    if (entry.br && accepts.br) {
      chosen = &*entry.br;
      encoding = "br";
    } else if (entry.gzip && accepts.gzip) {
      chosen = &*entry.gzip;
      encoding = "gzip";
    }
  }

  Response response;
  response.headers.Add("ETag", chosen->etag);
  response.headers.Add("Cache-Control", entry.cache_control);
  if (has_variants) response.headers.Add("Vary", "Accept-Encoding");
  const std::optional<std::string_view> if_none_match = request_headers.Get("If-None-Match");
  if (if_none_match && IfNoneMatchMatches(*if_none_match, chosen->etag)) {
    response.status = 304;
    return response;
  }
  response.status = 200;
  response.headers.Add("Content-Type", entry.content_type);
  if (encoding) response.headers.Add("Content-Encoding", encoding);
  response.static_body = chosen->data;
  return response;
}

}  // namespace careops::http
