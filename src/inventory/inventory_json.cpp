#include "inventory/inventory_json.hpp"

#include "booking/time_format.hpp"
#include "inventory/inventory_rules.hpp"

namespace careops::inventory {

using http::Json;

Json ForecastJson(const Forecast& f) {
  return {{"runs_out_on", f.runs_out_on ? Json(booking::FormatDate(*f.runs_out_on)) : Json()},
          {"days", f.days ? Json(*f.days) : Json()}};
}

Json ItemJson(const ItemView& v) {
  const Item& i = v.item;
  Json usage = Json::array();
  for (const ItemUsage& u : v.usage) {
    usage.push_back(
        {{"service_id", u.service_id}, {"service_name", u.service_name}, {"quantity", u.quantity}});
  }
  return {{"id", i.id},
          {"name", i.name},
          {"unit", i.unit},
          {"on_hand", i.on_hand},
          {"reserved", i.reserved},
          {"available", i.available()},
          {"consumed", i.consumed},
          {"low_stock_threshold", i.low_stock_threshold},
          {"low", i.low_since.has_value()},
          {"low_since", i.low_since ? Json(*i.low_since) : Json()},
          {"forecast", ForecastJson(v.forecast)},
          {"usage", std::move(usage)},
          {"is_active", i.is_active},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

Json LedgerEntryJson(const LedgerEntry& e) {
  Json author;
  if (e.author_id) author = {{"id", *e.author_id}, {"name", e.author_name}};
  return {{"id", e.id},
          {"kind", LedgerKindName(e.kind)},
          {"on_hand_delta", e.on_hand_delta},
          {"reserved_delta", e.reserved_delta},
          {"booking_id", e.booking_id ? Json(*e.booking_id) : Json()},
          {"reason", e.reason},
          {"author", std::move(author)},
          {"created_at", e.created_at}};
}

Json ServiceUsageJson(const std::vector<ServiceUsage>& usage) {
  Json list = Json::array();
  for (const ServiceUsage& u : usage) {
    list.push_back({{"item_id", u.item_id},
                    {"name", u.name},
                    {"unit", u.unit},
                    {"quantity", u.quantity},
                    {"is_active", u.is_active}});
  }
  return {{"usage", std::move(list)}};
}

Result<ItemFields> ReadItemFields(const Json& body) {
  ItemFields f;
  auto name = http::OptionalString(body, "name");
  if (!name.ok()) return std::move(name).error();
  f.name = *name;
  auto unit = http::OptionalString(body, "unit");
  if (!unit.ok()) return std::move(unit).error();
  f.unit = *unit;
  auto on_hand = http::OptionalInt(body, "on_hand");
  if (!on_hand.ok()) return std::move(on_hand).error();
  f.on_hand = *on_hand;
  auto threshold = http::OptionalInt(body, "low_stock_threshold");
  if (!threshold.ok()) return std::move(threshold).error();
  f.low_stock_threshold = *threshold;
  auto active = http::OptionalBool(body, "is_active");
  if (!active.ok()) return std::move(active).error();
  f.is_active = *active;
  return f;
}

Result<Adjustment> ReadAdjustment(const Json& body) {
  Adjustment a;
  auto kind = http::RequiredString(body, "kind");
  if (!kind.ok()) return std::move(kind).error();
  a.kind = std::move(kind).value();
  auto quantity = http::OptionalInt(body, "quantity");
  if (!quantity.ok()) return std::move(quantity).error();
  if (!*quantity) return Error::InvalidArgument("quantity is required", "quantity");
  a.quantity = **quantity;
  auto reason = http::OptionalString(body, "reason");
  if (!reason.ok()) return std::move(reason).error();
  a.reason = reason->value_or("");
  return a;
}

Result<std::vector<std::pair<std::int64_t, std::int64_t>>> ReadUsage(const Json& body) {
  const Error wrong = Error::InvalidArgument(
      "usage must be a list of {\"item_id\": id, \"quantity\": whole number}", "usage");
  const auto list = body.find("usage");
  if (list == body.end() || !list->is_array()) return wrong;
  if (list->size() > kMaxUsageLines) {
    return Error::InvalidArgument("usage lists at most 50 items", "usage");
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> lines;
  for (const Json& line : *list) {
    if (!line.is_object()) return wrong;
    const auto item = line.find("item_id");
    const auto quantity = line.find("quantity");
    if (item == line.end() || quantity == line.end() || !item->is_number_integer() ||
        !quantity->is_number_integer()) {
      return wrong;
    }
    lines.emplace_back(item->get<std::int64_t>(), quantity->get<std::int64_t>());
  }
  return lines;
}

}  // namespace careops::inventory
