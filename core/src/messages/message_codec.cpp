#include "anju/message_codec.h"

namespace anju {

Message messageFromWire(const std::string& id,
                        const google::protobuf::RepeatedPtrField<v1::MessageParam>& params) {
  Message out{id, {}};
  for (const v1::MessageParam& p : params)
    out.params.push_back({p.name(), p.value(), p.is_message_id()});
  return out;
}

void messageParamsToWire(const std::vector<MessageParam>& params,
                         google::protobuf::RepeatedPtrField<v1::MessageParam>* out) {
  for (const MessageParam& p : params) {
    v1::MessageParam* wire = out->Add();
    wire->set_name(p.name);
    wire->set_value(p.value);
    wire->set_is_message_id(p.isMessageId);
  }
}

std::string wireText(const std::string& id,
                     const google::protobuf::RepeatedPtrField<v1::MessageParam>& params,
                     const std::string& serverText, Locale locale) {
  if (id.empty() || findMessage(id) == nullptr) return serverText;
  return render(messageFromWire(id, params), locale);
}

}  // namespace anju
