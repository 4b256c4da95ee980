// Writes a Response on the wire (HTTP/1.1): the status line and headers (Beast's serializer),
// then the body: a string with Content-Length, a content provider of known length, or a chunked
// provider. A provider that fails after the headers went out leaves the body incomplete (no
// final chunk, or fewer bytes than Content-Length) and the connection is closed, so the client
// sees a broken transfer, never a short file that looks whole.
#pragma once

#include "web/request.h"
#include "web/sync_channel.h"

namespace anju::server::web {

/// True when the whole answer was written. `keepAlive` false adds "Connection: close".
/// `headOnly` (a HEAD request) writes the headers alone.
bool writeResponse(SyncChannel& socket, Response& res, bool keepAlive, bool headOnly);

}  // namespace anju::server::web
