// Messages on the wire (anju.v1.Error, ChangeResult, FieldProblem carry a message id, its
// parameters and the server's rendered text): back into words of the tablet's language.
#pragma once

#include <string>

#include "anju/message.h"
#include "anju/v1/sync.pb.h"

namespace anju::sync {

/// The Message of a wire id and parameters (empty id when the server sent none).
Message messageFromWire(const std::string& id,
                        const google::protobuf::RepeatedPtrField<v1::MessageParam>& params);

/// The text for people: rendered in `locale` when this build's catalogue knows `id`, else
/// `serverText` (a newer server's message, or an older server without ids).
std::string wireText(const std::string& id,
                     const google::protobuf::RepeatedPtrField<v1::MessageParam>& params,
                     const std::string& serverText, Locale locale);

}  // namespace anju::sync
