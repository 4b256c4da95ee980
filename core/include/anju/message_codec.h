// Messages on the wire (anju.v1.Error, ChangeResult, FieldProblem, StoredReason carry a message
// id, its parameters and the sender's rendered text), for the server and the tablet alike.
#pragma once

#include <string>
#include <vector>

#include "anju/message.h"
#include "anju/v1/sync.pb.h"

namespace anju {

/// The Message of a wire id and parameters (empty id when the server sent none).
Message messageFromWire(const std::string& id,
                        const google::protobuf::RepeatedPtrField<v1::MessageParam>& params);

/// Appends `params` to a wire list; `value` is copied as is (a server quoting client bytes makes
/// them valid UTF-8 first).
void messageParamsToWire(const std::vector<MessageParam>& params,
                         google::protobuf::RepeatedPtrField<v1::MessageParam>* out);

/// The text for people: rendered in `locale` when this build's catalogue knows `id`, else
/// `serverText` (a newer server's message, or an older server without ids).
std::string wireText(const std::string& id,
                     const google::protobuf::RepeatedPtrField<v1::MessageParam>& params,
                     const std::string& serverText, Locale locale);

}  // namespace anju
