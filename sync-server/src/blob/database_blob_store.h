// DatabaseBlobStore: photo bytes in PostgreSQL, the blob store every server process on one
// database shares (docs/sync-server.md, "Photos on several servers").
//
// Two tables (migration 12 in storage/sql_schema.cpp):
//  - blob_uploads (sha256, received_bytes, complete): one row per blob, partial or complete;
//  - blob_pieces (sha256, start_byte, size, bytes): the bytes in pieces of at most
//    kBlobStoredPiece, deleted with their blob_uploads row (ON DELETE CASCADE).
// Why rows of bytea and not large objects: a row commits, replicates, backs up (pg_dump) and is
// deleted with the rest of the database and its transaction; large objects need lo_unlink and
// their own permissions, and their pages would be as big as these pieces anyway.
//
// An append is ONE statement: it advances blob_uploads.received_bytes only where it still equals
// the offset the client sent, and inserts the pieces in the same statement. The row lock makes
// two servers appending to one blob at one offset apply exactly one of them (the other sees the
// moved offset and answers 409 with it), and PostgreSQL commits (WAL fsync'd) before the answer,
// so what a server acknowledged survives a crash of that server or of the database.
//
// Reads fetch a few pieces per query on a pooled connection that is returned before the bytes go
// to the sink: memory stays bounded and a slow client never holds a database connection.
//
// Thread-safety: any method may be called from many threads and many processes.
#pragma once

#include "blob/blob_store.h"
#include "storage/sql_driver.h"

namespace anju::server {

/// The largest piece stored in one blob_pieces row.
inline constexpr std::int64_t kBlobStoredPiece = kBlobReadPiece;

class DatabaseBlobStore final : public BlobStore {
 public:
  /// `driver` is borrowed and outlives the store; the schema must be current (SqlStorage::open
  /// migrates it). invalidArgument unless it is a PostgreSQL driver.
  static Result<std::unique_ptr<DatabaseBlobStore>> open(SqlDriver& driver);

  Result<std::optional<std::int64_t>> completeSize(const std::string& sha256) override;
  Result<std::int64_t> partialSize(const std::string& sha256) override;
  Result<bool> appendPartial(const std::string& sha256, std::int64_t offset,
                             std::string_view bytes) override;
  Result<std::string> hashPartial(const std::string& sha256) override;
  Status commitPartial(const std::string& sha256) override;
  Status discardPartial(const std::string& sha256) override;
  Status readComplete(const std::string& sha256, std::int64_t offset, std::int64_t length,
                      const BlobSink& sink) override;
  std::optional<std::string> completeFile(const std::string&) const override {
    return std::nullopt;
  }

 private:
  explicit DatabaseBlobStore(SqlDriver& driver) : m_driver(driver) {}
  struct Head {
    std::int64_t receivedBytes = 0;
    bool complete = false;
  };
  Result<std::optional<Head>> head(const std::string& sha256);
  /// Bytes [offset, end) of the stored pieces to `sink`; ioError when a piece is missing.
  Status readPieces(const std::string& sha256, std::int64_t offset, std::int64_t end,
                    const BlobSink& sink);

  SqlDriver& m_driver;
};

}  // namespace anju::server
