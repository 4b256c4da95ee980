#include "test_tablet.h"

namespace anju::server::testing {

TestTablet::TestTablet(const std::string& dir, const std::string& name, int port) : m_name(name) {
  const std::string path = dir + "/" + name + ".db";
  StoreOptions storeOptions;
  storeOptions.deviceId = name;
  Result<std::unique_ptr<Store>> store = Store::open(path, storeOptions);
  EXPECT_TRUE(store.isOk()) << store.status().toString();
  if (store) m_store = std::move(*store);
  Result<PhotoLibrary> photos = PhotoLibrary::open(PhotoLibrary::folderForDatabase(path));
  EXPECT_TRUE(photos.isOk());
  if (photos) m_photos = std::make_unique<PhotoLibrary>(std::move(*photos));
  options.deviceId = name;
  options.initialBackoff = std::chrono::milliseconds(5);
  options.maxBackoff = std::chrono::milliseconds(50);
  options.maxAttempts = 5;
  connectTo(port);
}

void TestTablet::connectTo(int port) {
  CurlOptions curl;
  curl.baseUrl = "http://127.0.0.1:" + std::to_string(port);
  curl.connectTimeout = std::chrono::milliseconds(2000);
  // A stalled connection is given up after 1 s of (almost) nothing moving.
  curl.lowSpeedBytesPerSecond = 1;
  curl.lowSpeedTime = std::chrono::seconds(1);
  m_client.reset();
  Result<std::unique_ptr<CurlTransport>> transport = CurlTransport::create(curl);
  ASSERT_TRUE(transport.isOk()) << transport.status().toString();
  m_curl = std::move(*transport);
  m_scripted = std::make_unique<ScriptedTransport>(*m_curl);
  m_client = std::make_unique<SyncClient>(*m_store, *m_photos, *m_scripted, options);
}

void TestTablet::signInAndSync() {
  Result<Session> session = m_client->login("demo", "demo1234");
  ASSERT_TRUE(session.isOk()) << m_name << ": " << session.status().toString();
  syncOk();
}

SyncReport TestTablet::syncOk() {
  Result<SyncReport> report = m_client->sync();
  EXPECT_TRUE(report.isOk()) << m_name << ": " << report.status().toString();
  return report.isOk() ? *report : SyncReport{};
}

}  // namespace anju::server::testing
