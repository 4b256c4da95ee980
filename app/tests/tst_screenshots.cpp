// Runs the real anju-app in screenshot mode for every main page (with demo data, offscreen) and
// checks that each PNG shows a page: the right size, many distinct colours, not one flat colour.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

class ScreenshotTest : public QObject {
  Q_OBJECT

 private slots:
  void pageRendersWithContent_data() {
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("lang");
    for (const char* page : {"houses", "house", "inspection", "judgment", "sync", "signin",
                             "camera", "issues", "map", "photo", "annotation"})
      QTest::newRow(page) << QString::fromLatin1(page) << QStringLiteral("zh_CN");
    QTest::newRow("houses-en") << QStringLiteral("houses") << QStringLiteral("en");
  }

  void pageRendersWithContent() {
    QFETCH(QString, page);
    QFETCH(QString, lang);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(page + QStringLiteral(".png"));
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    app.start(QStringLiteral(ANJU_APP_EXE),
              {QStringLiteral("--demo-data"), QStringLiteral("--screenshot"), out,
               QStringLiteral("--page"), page, QStringLiteral("--lang"), lang});
    QVERIFY(app.waitForFinished(120000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);

    const QImage image(out);
    QVERIFY2(!image.isNull(), qPrintable(out));
    QVERIFY(image.width() >= 1000 && image.height() >= 600);
    QSet<QRgb> colours;
    qint64 differentFromCorner = 0;
    const QRgb corner = image.pixel(image.width() - 1, image.height() - 1);
    for (int y = 0; y < image.height(); y += 3) {
      for (int x = 0; x < image.width(); x += 3) {
        const QRgb p = image.pixel(x, y);
        colours.insert(p);
        if (p != corner) ++differentFromCorner;
      }
    }
    QVERIFY2(colours.size() >= 16,
             qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    // Text and controls cover a real part of the page, not a few stray pixels.
    QVERIFY(differentFromCorner > (image.width() / 3) * (image.height() / 3) / 20);
  }
};

QTEST_GUILESS_MAIN(ScreenshotTest)
#include "tst_screenshots.moc"
