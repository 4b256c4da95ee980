#include "anju/stored_reason.h"

#include <google/protobuf/util/json_util.h>

#include "anju/v1/sync.pb.h"
#include "sync/wire_message.h"

namespace anju {
namespace {

void toWire(const std::vector<MessageParam>& params,
            google::protobuf::RepeatedPtrField<v1::MessageParam>* out) {
  for (const MessageParam& p : params) {
    v1::MessageParam* w = out->Add();
    w->set_name(p.name);
    w->set_value(p.value);
    w->set_is_message_id(p.isMessageId);
  }
}

}  // namespace

std::string encodeStoredReason(const StoredReason& reason) {
  v1::StoredReason m;
  m.set_message_id(reason.reason.id);
  toWire(reason.reason.params, m.mutable_params());
  m.set_text(reason.text);
  for (const FieldError& f : reason.fields) {
    v1::FieldProblem* p = m.add_fields();
    p->set_field(f.field);
    p->set_message(f.message);
    p->set_message_id(f.text.id);
    toWire(f.text.params, p->mutable_params());
  }
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(m, &json).ok()) return reason.text;
  return json;
}

std::string reasonText(std::string_view stored, Locale locale) {
  v1::StoredReason m;
  if (stored.empty() || stored.front() != '{' ||
      !google::protobuf::util::JsonStringToMessage(std::string(stored), &m).ok())
    return std::string(stored);
  std::string out = sync::wireText(m.message_id(), m.params(), m.text(), locale);
  for (const v1::FieldProblem& f : m.fields())
    out += (out.empty() ? "" : "; ") + f.field() + ": " +
           sync::wireText(f.message_id(), f.params(), f.message(), locale);
  return out.empty() ? render(msg("sync.server_gave_no_reason"), locale) : out;
}

}  // namespace anju
