// Conversion between the domain model (model.h) and its protobuf form
// (proto/anju/v1/records.proto).
//
// toProto never fails. fromProto fails with invalidArgument when the message carries an enum code
// this build does not know (e.g. a structure type added by a newer client) or an answer with no
// value; it does not run the domain validation (validation.h) — callers do that, so a decoding
// error and a rule violation stay distinguishable.
//
// encodeRecord/decodeRecord wrap one record in anju.v1.Record for the outbox and for sync.
#pragma once

#include <string>
#include <variant>

#include "anju/model.h"
#include "anju/record_kind.h"
#include "anju/status.h"
#include "anju/v1/records.pb.h"

namespace anju {

v1::Building toProto(const Building& building);
v1::Finding toProto(const Finding& finding);
v1::Inspection toProto(const Inspection& inspection);
v1::PhotoRecord toProto(const PhotoRecord& photo);
v1::Rectification toProto(const Rectification& rectification);
v1::Visit toProto(const Visit& visit);  // visit_codec.cpp

Result<Building> fromProto(const v1::Building& message);
Result<Finding> fromProto(const v1::Finding& message);
Result<Inspection> fromProto(const v1::Inspection& message);
Result<PhotoRecord> fromProto(const v1::PhotoRecord& message);
Result<Rectification> fromProto(const v1::Rectification& message);
Result<Visit> fromProto(const v1::Visit& message);

/// Any one record, as the outbox and the sync protocol carry it.
using AnyRecord = std::variant<Building, Inspection, PhotoRecord, Rectification, Visit>;

/// The record's kind (its code for storage and the wire: recordKindCode, record_kind.h).
RecordKind recordKind(const AnyRecord& record);
const Uuid& recordId(const AnyRecord& record);

/// Serialised anju.v1.Record bytes.
std::string encodeRecord(const AnyRecord& record);
/// Parses anju.v1.Record bytes; corruption for bytes that are not a Record or hold no kind.
Result<AnyRecord> decodeRecord(std::string_view bytes);

}  // namespace anju
