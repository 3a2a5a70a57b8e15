#include "http/router.hpp"

#include <charconv>
#include <set>
#include <stdexcept>

#include "http/url.hpp"

namespace careops::http {
namespace {

std::string Describe(const Route& route) {
  return std::string(MethodName(route.method)) + " " + route.path;
}

bool ParsePositiveInt(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 18 || text.front() == '0') return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out > 0;
}

}  // namespace

const std::string& PathParams::Str(std::string_view name) const {
  for (const auto& [n, v] : params_) {
    if (n == name) return v;
  }
  throw std::out_of_range("no path parameter named " + std::string(name));
}

std::int64_t PathParams::Int(std::string_view name) const {
  std::int64_t value = 0;
  if (!ParsePositiveInt(Str(name), value)) {
    throw std::out_of_range("path parameter " + std::string(name) + " is not an int parameter");
  }
  return value;
}

Router::Compiled Router::Compile(const Route& route) {
  if (route.path.empty() || route.path.front() != '/') {
    throw std::invalid_argument("route " + Describe(route) + ": path must start with '/'");
  }
  Compiled compiled;
  std::set<std::string> names;
  for (std::string_view seg : SplitPath(route.path)) {
    if (seg.empty() && route.path != "/") {
      throw std::invalid_argument("route " + Describe(route) + ": empty path segment");
    }
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      std::string_view inner = seg.substr(1, seg.size() - 2);
      Segment::Kind kind = Segment::Kind::kAny;
      if (auto colon = inner.find(':'); colon != std::string_view::npos) {
        std::string_view type = inner.substr(colon + 1);
        inner = inner.substr(0, colon);
        if (type == "int") {
          kind = Segment::Kind::kInt;
        } else if (type != "str") {
          throw std::invalid_argument("route " + Describe(route) + ": unknown parameter type '" +
                                      std::string(type) + "'");
        }
      }
      if (inner.empty() || !names.insert(std::string(inner)).second) {
        throw std::invalid_argument("route " + Describe(route) +
                                    ": parameter names must be non-empty and unique");
      }
      compiled.segments.push_back({kind, std::string(inner)});
    } else if (seg.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("route " + Describe(route) + ": malformed segment '" +
                                  std::string(seg) + "'");
    } else {
      compiled.segments.push_back({Segment::Kind::kLiteral, std::string(seg)});
    }
  }
  return compiled;
}

Router::Router(std::vector<Route> routes, std::array<AccessGuard*, kAccessLevels> guards)
    : routes_(std::move(routes)), guards_(guards) {
  std::set<std::string> seen;
  for (const Route& route : routes_) {
    if (!route.access) {
      throw std::invalid_argument("route " + Describe(route) +
                                  " declares no access level; every route must (default deny)");
    }
    if (!route.handler) throw std::invalid_argument("route " + Describe(route) + " has no handler");
    if (route.method == Method::kHead || route.method == Method::kOther) {
      throw std::invalid_argument("route " + Describe(route) +
                                  ": HEAD is served by GET routes; declare GET");
    }
    if (route.access->level != Access::kPublic && guard(route.access->level) == nullptr) {
      throw std::invalid_argument("route " + Describe(route) +
                                  " needs an access guard that is not installed");
    }
    if (route.access->level == Access::kMember &&
        route.path.find("{id:int}") == std::string::npos) {
      throw std::invalid_argument("route " + Describe(route) +
                                  ": member routes must carry the workspace as {id:int}");
    }
    compiled_.push_back(Compile(route));
    // Two templates that differ only in parameter names would shadow each other.
    std::string shape = MethodName(route.method);
    for (const Segment& s : compiled_.back().segments) {
      shape += "/" + (s.kind == Segment::Kind::kLiteral ? s.text : std::string("{}"));
    }
    if (!seen.insert(shape).second) {
      throw std::invalid_argument("route " + Describe(route) + " is declared twice");
    }
  }
}

Router::Match Router::Find(Method method, std::string_view raw_path) const {
  Match best;
  const std::vector<std::string_view> raw_segments = SplitPath(raw_path);
  std::vector<std::string> segments;
  segments.reserve(raw_segments.size());
  for (std::string_view raw : raw_segments) {
    auto decoded = PercentDecode(raw, /*plus_as_space=*/false);
    if (!decoded) return best;  // undecodable: matches nothing
    segments.push_back(std::move(*decoded));
  }
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  // Among templates matching the path, a literal segment beats a parameter at the first
  // position where they differ (so "/api/x/new" wins over "/api/x/{id}").
  const Route* chosen = nullptr;
  std::vector<int> chosen_rank;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& tmpl = compiled_[i].segments;
    if (tmpl.size() != segments.size()) continue;
    PathParams params;
    std::vector<int> rank;
    bool ok = true;
    for (std::size_t s = 0; s < tmpl.size() && ok; ++s) {
      const Segment& seg = tmpl[s];
      switch (seg.kind) {
        case Segment::Kind::kLiteral:
          ok = seg.text == segments[s];
          rank.push_back(0);
          break;
        case Segment::Kind::kInt: {
          std::int64_t v = 0;
          ok = ParsePositiveInt(segments[s], v);
          if (ok) params.Add(seg.text, segments[s]);
          rank.push_back(1);
          break;
        }
        case Segment::Kind::kAny:
          ok = !segments[s].empty();
          if (ok) params.Add(seg.text, segments[s]);
          rank.push_back(2);
          break;
      }
    }
    if (!ok) continue;
    if (routes_[i].method != wanted) {
      std::string name = MethodName(routes_[i].method);
      if (best.allow.find(name) == std::string::npos) {
        best.allow += (best.allow.empty() ? "" : ", ") + name;
        if (routes_[i].method == Method::kGet) best.allow += ", HEAD";
      }
      continue;
    }
    if (chosen == nullptr || rank < chosen_rank) {
      chosen = &routes_[i];
      chosen_rank = std::move(rank);
      best.params = std::move(params);
    }
  }
  best.route = chosen;
  if (chosen != nullptr) best.allow.clear();
  return best;
}

}  // namespace careops::http
