#include "forms/request_service.hpp"

#include <charconv>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "forms/answer_rules.hpp"
#include "forms/form_live.hpp"
#include "forms/form_repository.hpp"
#include "forms/form_token.hpp"
#include "forms/request_repository.hpp"
#include "inbox/conversation_repository.hpp"
#include "inbox/live.hpp"
#include "workspaces/workspace_repository.hpp"

namespace careops::forms {
namespace {

constexpr std::size_t kMaxCursorChars = 19;

Result<std::optional<std::int64_t>> ParseCursor(const std::string& cursor) {
  if (cursor.empty()) return std::optional<std::int64_t>();
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), id);
  if (cursor.size() > kMaxCursorChars || ec != std::errc() ||
      end != cursor.data() + cursor.size() || id <= 0) {
    return Error::InvalidArgument("cursor is not a cursor this list gave", "cursor");
  }
  return std::optional<std::int64_t>(id);
}

}  // namespace

Result<RequestPage> RequestService::List(db::Connection& conn, std::int64_t workspace_id,
                                         const RequestListQuery& query) const {
  RequestFilter filter;
  if (!query.status.empty()) {
    if (query.status != "pending" && query.status != "overdue" && query.status != "completed" &&
        query.status != "cancelled") {
      return Error::InvalidArgument("status must be pending, overdue, completed or cancelled",
                                    "status");
    }
    filter.shown_status = query.status;
  }
  auto before = ParseCursor(query.cursor);
  if (!before.ok()) return std::move(before).error();
  filter.before_id = *before;
  filter.booking_id = query.booking_id;
  filter.contact_id = query.contact_id;
  filter.limit = query.limit + 1;  // one more tells whether there is a next page
  filter.now = clock_.NowMillis();
  RequestPage page;
  page.requests = RequestRepository(conn).List(workspace_id, filter);
  if (page.requests.size() > static_cast<std::size_t>(query.limit)) {
    page.requests.resize(static_cast<std::size_t>(query.limit));
    page.next_cursor = std::to_string(page.requests.back().id);
  }
  return page;
}

Result<FormRequest> RequestService::Get(db::Connection& conn, std::int64_t workspace_id,
                                        std::int64_t id) const {
  auto r = RequestRepository(conn).Find(workspace_id, id);
  if (!r) return Error::NotFound("no such form request");
  return *std::move(r);
}

Result<FormRequest> RequestService::Verified(db::Connection& conn, std::string_view token) const {
  auto id = tokens_.Verify(token);
  if (!id.ok()) return std::move(id).error();
  auto r = RequestRepository(conn).FindAnyWorkspace(*id);
  if (!r) return Error::NotFound("this link is not valid");
  if (r->status == RequestStatus::kCancelled) {
    return Error::Gone("this form is no longer needed: the booking was cancelled");
  }
  return *std::move(r);
}

Result<OpenedForm> RequestService::Open(db::Connection& conn, std::string_view token) const {
  auto r = Verified(conn, token);
  if (!r.ok()) return std::move(r).error();
  auto form = FormRepository(conn).Find(r->workspace_id, r->form_id);
  auto workspace = workspaces::WorkspaceRepository(conn).FindById(r->workspace_id);
  auto details = booking::BookingRepository(conn).Find(r->workspace_id, r->booking_id);
  if (!form || !workspace || !details) return Error::NotFound("this link is not valid");
  return OpenedForm{std::move(r).value(), *std::move(form), *std::move(workspace),
                    *std::move(details)};
}

Result<FormRequest> RequestService::Submit(db::Connection& conn, std::string_view token,
                                           const nlohmann::json& answers) const {
  const Millis now = clock_.NowMillis();
  db::Transaction tx(conn);
  auto r = Verified(conn, token);
  if (!r.ok()) return std::move(r).error();
  if (r->status == RequestStatus::kCompleted) {
    return Error::Conflict("this form was already completed", "status");
  }
  auto form = FormRepository(conn).Find(r->workspace_id, r->form_id);
  auto workspace = workspaces::WorkspaceRepository(conn).FindById(r->workspace_id);
  if (!form || !workspace) return Error::NotFound("this link is not valid");
  auto snapshot = CheckAnswers(form->fields, answers, workspace->default_region);
  if (!snapshot.ok()) return std::move(snapshot).error();
  RequestRepository requests(conn);
  if (!requests.Complete(r->id, snapshot->dump(), now)) {
    return Error::Conflict("this form was already completed", "status");
  }
  inbox::ConversationRepository conversations(conn);
  const std::int64_t conversation_id = conversations.Open(r->workspace_id, r->contact_id, now).id;
  inbox::ConversationEvent e;
  e.conversation_id = conversation_id;
  e.kind = "form_completed";
  e.body = "\"" + form->name + "\" completed by the customer";
  e.booking_id = r->booking_id;
  e.created_at = now;
  conversations.RecordEvent(e);
  auto done = requests.FindAnyWorkspace(r->id);
  tx.Commit();
  PublishFormRequest(events_, r->workspace_id, r->id);
  inbox::PublishConversation(events_, r->workspace_id, conversation_id);
  return *std::move(done);
}

}  // namespace careops::forms
