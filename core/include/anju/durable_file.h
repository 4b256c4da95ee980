// The two system-call steps every durable write on the tablet and the server is built from
// (photo library: temporary file, fsync, rename, fsync the folder; server blob store: append,
// fsync, rename into place, fsync the folder). Each returns false with errno set, so the caller
// words the failure (a catalogue message, or the server's "storage full" answer on ENOSPC).
#pragma once

#include <string>
#include <string_view>

namespace anju::durable {

/// write(2) until all of `bytes` is written (retrying on EINTR and short writes).
bool writeAll(int fd, std::string_view bytes);

/// fsync(2) of a directory: makes a rename or a new entry in it survive a crash.
bool syncDirectory(const std::string& dir);

}  // namespace anju::durable
