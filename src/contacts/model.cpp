#include "contacts/model.hpp"

#include <algorithm>

namespace careops::contacts {

bool SameFields(const Contact& a, const Contact& b) {
  return a.name == b.name && a.email == b.email && a.phone == b.phone && a.tags == b.tags &&
         a.notes == b.notes;
}

std::string EncodeTags(std::vector<std::string> tags) {
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  if (tags.empty()) return {};
  std::string out = ",";
  for (const auto& tag : tags) {
    if (tag.empty()) continue;
    out += tag;
    out += ',';
  }
  return out == "," ? std::string() : out;
}

std::vector<std::string> DecodeTags(std::string_view stored) {
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start <= stored.size()) {
    const auto comma = stored.find(',', start);
    const auto end = comma == std::string_view::npos ? stored.size() : comma;
    if (end > start) tags.emplace_back(stored.substr(start, end - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return tags;
}

}  // namespace careops::contacts
