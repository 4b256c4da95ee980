#include "blob/database_blob_store.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "anju/message.h"
#include "anju/sha256.h"

namespace anju::server {
namespace {

// Pieces fetched per query: at most 8 x 256 KiB in memory at once.
constexpr int kPiecesPerQuery = 8;

constexpr const char* kSelectHead =
    "SELECT received_bytes, complete FROM blob_uploads WHERE sha256 = $1";

constexpr const char* kCreateHead =
    "INSERT INTO blob_uploads (sha256, received_bytes, complete) VALUES ($1, 0, false) "
    "ON CONFLICT (sha256) DO NOTHING";

// $1 sha256, $2 offset, $3 length, $4 bytes, $5 piece size. The UPDATE moves the blob's end only
// where it still is at $2 (a concurrent append to the same blob waits for the row lock, then
// sees the moved end and matches nothing); the pieces go in with it or not at all.
constexpr const char* kAppend = R"sql(
WITH moved AS (
  UPDATE blob_uploads SET received_bytes = received_bytes + $3
  WHERE sha256 = $1 AND received_bytes = $2 AND NOT complete
  RETURNING sha256)
INSERT INTO blob_pieces (sha256, start_byte, size, bytes)
SELECT moved.sha256, $2 + p * $5, LEAST($5, $3 - p * $5),
       substring($4 FROM (p * $5 + 1)::integer FOR $5::integer)
FROM moved, generate_series(0, ($3 - 1) / $5) AS p
RETURNING start_byte)sql";

constexpr const char* kCommit =
    "UPDATE blob_uploads SET complete = true WHERE sha256 = $1 AND NOT complete";

// The pieces go with their row (ON DELETE CASCADE); a complete blob is never discarded.
constexpr const char* kDiscard = "DELETE FROM blob_uploads WHERE sha256 = $1 AND NOT complete";

// The pieces overlapping [$2, $3), in order.
constexpr const char* kPieces =
    "SELECT start_byte, bytes FROM blob_pieces WHERE sha256 = $1 AND start_byte + size > $2 "
    "AND start_byte < $3 ORDER BY start_byte LIMIT $4";

struct Piece {
  std::int64_t start = 0;
  std::string bytes;
};

Status missingPiece(const std::string& sha256, std::int64_t at) {
  return Status::corruption("photo " + sha256 + ": stored bytes missing at offset " +
                            std::to_string(at));
}

}  // namespace

Result<std::unique_ptr<DatabaseBlobStore>> DatabaseBlobStore::open(SqlDriver& driver) {
  if (driver.dialect() != SqlDialect::kPostgres)
    return Status::invalidArgument(msg("blob.database_store_needs_postgres"));
  return std::unique_ptr<DatabaseBlobStore>(new DatabaseBlobStore(driver));
}

Result<std::optional<DatabaseBlobStore::Head>> DatabaseBlobStore::head(const std::string& sha256) {
  std::optional<Head> found;
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
    found.reset();
    Result<std::unique_ptr<SqlRows>> rows = session.query(kSelectHead, SqlParams().text(sha256));
    if (!rows) return rows.status();
    Result<bool> row = (*rows)->next();
    if (!row) return row.status();
    if (*row) found = Head{(*rows)->int64(0), (*rows)->boolean(1)};
    return Status::ok();
  });
  if (!s) return s;
  return found;
}

Result<std::optional<std::int64_t>> DatabaseBlobStore::completeSize(const std::string& sha256) {
  Result<std::optional<Head>> h = head(sha256);
  if (!h) return h.status();
  if (!h->has_value() || !(*h)->complete) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*h)->receivedBytes);
}

Result<std::int64_t> DatabaseBlobStore::partialSize(const std::string& sha256) {
  Result<std::optional<Head>> h = head(sha256);
  if (!h) return h.status();
  if (!h->has_value() || (*h)->complete) return std::int64_t{0};
  return (*h)->receivedBytes;
}

Result<bool> DatabaseBlobStore::appendPartial(const std::string& sha256, std::int64_t offset,
                                              std::string_view bytes) {
  if (bytes.empty()) {
    Result<std::optional<Head>> h = head(sha256);
    if (!h) return h.status();
    const std::int64_t end = h->has_value() ? (*h)->receivedBytes : 0;
    return !(h->has_value() && (*h)->complete) && end == offset;
  }
  bool appended = false;
  // Repeatable as withSession needs: after a lost answer the retry finds the end moved and
  // appends nothing, so the caller answers with the end the database holds.
  Status s = m_driver.withSession([&](SqlSession& session) -> Status {
    appended = false;
    if (offset == 0) {
      if (Status c = session.run(kCreateHead, SqlParams().text(sha256)); !c) return c;
    }
    Result<std::unique_ptr<SqlRows>> rows =
        session.query(kAppend, SqlParams()
                                   .text(sha256)
                                   .int64(offset)
                                   .int64(static_cast<std::int64_t>(bytes.size()))
                                   .bytes(bytes)
                                   .int64(kBlobStoredPiece));
    if (!rows) return rows.status();
    while (true) {
      Result<bool> row = (*rows)->next();
      if (!row) return row.status();
      if (!*row) break;
      appended = true;
    }
    return Status::ok();
  });
  if (!s) return s;
  return appended;
}

Status DatabaseBlobStore::readPieces(const std::string& sha256, std::int64_t offset,
                                     std::int64_t end, const BlobSink& sink) {
  std::int64_t at = offset;
  std::vector<Piece> pieces;
  while (at < end) {
    Status s = m_driver.withSession([&](SqlSession& session) -> Status {
      pieces.clear();
      Result<std::unique_ptr<SqlRows>> rows = session.query(
          kPieces, SqlParams().text(sha256).int64(at).int64(end).int64(kPiecesPerQuery));
      if (!rows) return rows.status();
      while (true) {
        Result<bool> row = (*rows)->next();
        if (!row) return row.status();
        if (!*row) return Status::ok();
        pieces.push_back({(*rows)->int64(0), (*rows)->bytes(1)});
      }
    });
    if (!s) return s;
    if (pieces.empty()) return missingPiece(sha256, at);
    // The connection is back in the pool before the bytes go out.
    for (const Piece& p : pieces) {
      const std::int64_t size = static_cast<std::int64_t>(p.bytes.size());
      if (p.start > at || p.start + size <= at) return missingPiece(sha256, at);
      const std::int64_t from = at - p.start;
      const std::int64_t to = std::min(size, end - p.start);
      if (Status w = sink(std::string_view(p.bytes).substr(static_cast<std::size_t>(from),
                                                           static_cast<std::size_t>(to - from)));
          !w)
        return w;
      at = p.start + to;
    }
  }
  return Status::ok();
}

Result<std::string> DatabaseBlobStore::hashPartial(const std::string& sha256) {
  Result<std::optional<Head>> h = head(sha256);
  if (!h) return h.status();
  Sha256 hash;
  if (h->has_value()) {
    Status s = readPieces(sha256, 0, (*h)->receivedBytes, [&](std::string_view piece) {
      hash.update(piece);
      return Status::ok();
    });
    if (!s) return s;
  }
  return hash.finishHex();
}

Status DatabaseBlobStore::commitPartial(const std::string& sha256) {
  return m_driver.withSession(
      [&](SqlSession& session) { return session.run(kCommit, SqlParams().text(sha256)); });
}

Status DatabaseBlobStore::discardPartial(const std::string& sha256) {
  return m_driver.withSession(
      [&](SqlSession& session) { return session.run(kDiscard, SqlParams().text(sha256)); });
}

Status DatabaseBlobStore::readComplete(const std::string& sha256, std::int64_t offset,
                                       std::int64_t length, const BlobSink& sink) {
  Result<std::optional<std::int64_t>> size = completeSize(sha256);
  if (!size) return size.status();
  if (!size->has_value())
    return Status::notFound(msg("blob.photo_not_uploaded", {{"sha256", sha256}}));
  const std::int64_t total = **size;
  const std::int64_t end = length < 0 ? total : offset + length;
  if (offset < 0 || end > total)
    return Status::ioError(msg("blob.photo_unreadable", {{"sha256", sha256}}));
  return readPieces(sha256, offset, end, sink);
}

}  // namespace anju::server
