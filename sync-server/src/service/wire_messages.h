// Messages in protobuf answers: services put a catalogue id and its parameters on the wire
// (with the Chinese text for clients that know no ids); the HTTP layer rewords the text in the
// language of the request (rewordPushResponse) before sending.
#pragma once

#include "anju/message.h"
#include "anju/status.h"
#include "anju/v1/sync.pb.h"

namespace anju::server {

void setWireParams(const std::vector<MessageParam>& params,
                   google::protobuf::RepeatedPtrField<v1::MessageParam>* out);

/// reason_id, reason_params and reason (in Chinese) of a change result.
void setChangeReason(v1::ChangeResult& result, const Message& reason);

/// field, message_id, params and message (in Chinese); free-text field errors keep their text.
void setFieldProblem(v1::FieldProblem& problem, const FieldError& field);

/// Rewrites the reason and field texts of every result that carries ids in `locale`.
void rewordPushResponse(v1::PushResponse& response, Locale locale);

}  // namespace anju::server
