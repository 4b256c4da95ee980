#include "sync/wire_message.h"

namespace anju::sync {

Message messageFromWire(const std::string& id,
                        const google::protobuf::RepeatedPtrField<v1::MessageParam>& params) {
  Message out{id, {}};
  for (const v1::MessageParam& p : params)
    out.params.push_back({p.name(), p.value(), p.is_message_id()});
  return out;
}

std::string wireText(const std::string& id,
                     const google::protobuf::RepeatedPtrField<v1::MessageParam>& params,
                     const std::string& serverText, Locale locale) {
  if (id.empty() || findMessage(id) == nullptr) return serverText;
  return render(messageFromWire(id, params), locale);
}

}  // namespace anju::sync
