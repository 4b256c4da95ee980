#include "service/wire_messages.h"

#include "anju/message_codec.h"
#include "util/utf8_text.h"

namespace anju::server {

void setWireParams(const std::vector<MessageParam>& params,
                   google::protobuf::RepeatedPtrField<v1::MessageParam>* out) {
  // Parameters may quote what the client sent; protobuf strings must be UTF-8.
  std::vector<MessageParam> valid = params;
  for (MessageParam& p : valid) p.value = toValidUtf8(p.value);
  messageParamsToWire(valid, out);
}

void setChangeReason(v1::ChangeResult& result, const Message& reason) {
  result.set_reason_id(reason.id);
  result.clear_reason_params();
  setWireParams(reason.params, result.mutable_reason_params());
  result.set_reason(toValidUtf8(render(reason, Locale::kChinese)));
}

void setFieldProblem(v1::FieldProblem& problem, const FieldError& field) {
  problem.set_field(toValidUtf8(field.field));
  problem.set_message_id(field.text.id);
  setWireParams(field.text.params, problem.mutable_params());
  problem.set_message(
      toValidUtf8(field.text.empty() ? field.message : render(field.text, Locale::kChinese)));
}

void rewordPushResponse(v1::PushResponse& response, Locale locale) {
  if (locale == Locale::kChinese) return;  // already worded in Chinese
  for (v1::ChangeResult& r : *response.mutable_results()) {
    if (!r.reason_id().empty())
      r.set_reason(toValidUtf8(render(messageFromWire(r.reason_id(), r.reason_params()), locale)));
    for (v1::FieldProblem& f : *r.mutable_fields())
      if (!f.message_id().empty())
        f.set_message(toValidUtf8(render(messageFromWire(f.message_id(), f.params()), locale)));
  }
}

}  // namespace anju::server
