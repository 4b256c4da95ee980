#include "anju/stored_reason.h"

#include <google/protobuf/util/json_util.h>

#include "anju/message_codec.h"
#include "anju/v1/sync.pb.h"

namespace anju {

std::string encodeStoredReason(const StoredReason& reason) {
  v1::StoredReason m;
  m.set_message_id(reason.reason.id);
  messageParamsToWire(reason.reason.params, m.mutable_params());
  m.set_text(reason.text);
  for (const FieldError& f : reason.fields) {
    v1::FieldProblem* p = m.add_fields();
    p->set_field(f.field);
    p->set_message(f.message);
    p->set_message_id(f.text.id);
    messageParamsToWire(f.text.params, p->mutable_params());
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
  std::string out = wireText(m.message_id(), m.params(), m.text(), locale);
  for (const v1::FieldProblem& f : m.fields())
    out += (out.empty() ? "" : "; ") + f.field() + ": " +
           wireText(f.message_id(), f.params(), f.message(), locale);
  return out.empty() ? render(msg("sync.server_gave_no_reason"), locale) : out;
}

}  // namespace anju
