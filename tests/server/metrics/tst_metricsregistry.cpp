// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics/metricsregistry.h"

#include <QTest>
#include <QThread>

#include <cmath>

using quire::server::MetricLabels;
using quire::server::MetricsRegistry;

// The metrics registry alone: the text exposition format 0.0.4 (HELP and
// TYPE lines, escaping, histogram buckets) and counting from many threads.
class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void labelValueEscaping_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain") << QByteArray("/api/v1/articles/:id") << QByteArray("/api/v1/articles/:id");
        QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray("a\\\\b");
        QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("say \\\"hi\\\"");
        QTest::newRow("newline") << QByteArray("two\nlines") << QByteArray("two\\nlines");
        QTest::newRow("all three") << QByteArray("\\\"\n") << QByteArray("\\\\\\\"\\n");
        QTest::newRow("utf-8 kept") << QByteArray("Größe") << QByteArray("Größe");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void labelValueEscaping()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, escaped);
        QCOMPARE(MetricsRegistry::escapeLabelValue(value), escaped);
        // In a series line too.
        MetricsRegistry registry;
        registry.counter("x_total", "X.", { { "v", value } }).add(3);
        QVERIFY2(registry.exposition().contains("x_total{v=\"" + escaped + "\"} 3\n"), registry.exposition());
    }

    void helpEscaping_data()
    {
        QTest::addColumn<QByteArray>("help");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("plain") << QByteArray("Requests.") << QByteArray("# HELP h_total Requests.\n");
        // Quotes stay as they are in HELP; only backslash and newline are escaped.
        QTest::newRow("quote") << QByteArray("a \"b\"") << QByteArray("# HELP h_total a \"b\"\n");
        QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray("# HELP h_total a\\\\b\n");
        QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("# HELP h_total a\\nb\n");
    }
    void helpEscaping()
    {
        QFETCH(QByteArray, help);
        QFETCH(QByteArray, line);
        MetricsRegistry registry;
        registry.counter("h_total", help).add();
        const QByteArray text = registry.exposition();
        QVERIFY2(text.startsWith(line + "# TYPE h_total counter\nh_total 1\n"), text);
    }

    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("integer") << 3.0 << QByteArray("3");
        QTest::newRow("fraction") << 0.25 << QByteArray("0.25");
        QTest::newRow("shortest") << 0.1 << QByteArray("0.1");
        QTest::newRow("+Inf") << double(INFINITY) << QByteArray("+Inf");
        QTest::newRow("-Inf") << double(-INFINITY) << QByteArray("-Inf");
        QTest::newRow("NaN") << double(NAN) << QByteArray("NaN");
    }
    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(MetricsRegistry::formatNumber(value), text);
    }

    void countersByLabels()
    {
        MetricsRegistry registry;
        const MetricLabels ok { { "route", "/a" }, { "status", "2xx" } };
        const MetricLabels bad { { "route", "/a" }, { "status", "5xx" } };
        registry.counter("req_total", "Requests.", ok).add();
        registry.counter("req_total", "Requests.", ok).add(2);
        registry.counter("req_total", "Requests.", bad).add();
        // The same series every time it is asked for.
        QCOMPARE(&registry.counter("req_total", "Requests.", ok), &registry.counter("req_total", "x", ok));
        const QByteArray expected = "# HELP req_total Requests.\n"
                                    "# TYPE req_total counter\n"
                                    "req_total{route=\"/a\",status=\"2xx\"} 3\n"
                                    "req_total{route=\"/a\",status=\"5xx\"} 1\n";
        QCOMPARE(registry.exposition(), expected);
    }

    void histogramBuckets()
    {
        MetricsRegistry registry;
        auto &h = registry.histogram("lat_seconds", "Latency.", { { "route", "/r" } }, { 0.1, 1 });
        h.observe(0.05);
        h.observe(0.1); // le is inclusive
        h.observe(0.5);
        h.observe(7);
        const QByteArray expected = "# HELP lat_seconds Latency.\n"
                                    "# TYPE lat_seconds histogram\n"
                                    "lat_seconds_bucket{route=\"/r\",le=\"0.1\"} 2\n"
                                    "lat_seconds_bucket{route=\"/r\",le=\"1\"} 3\n"
                                    "lat_seconds_bucket{route=\"/r\",le=\"+Inf\"} 4\n"
                                    "lat_seconds_sum{route=\"/r\"} 7.65\n"
                                    "lat_seconds_count{route=\"/r\"} 4\n";
        QCOMPARE(registry.exposition(), expected);
    }

    void gaugesAndOrder()
    {
        MetricsRegistry registry;
        int connections = 2;
        registry.gauge("b_connections", "Open.", [&connections] { return double(connections); });
        registry.counter("a_total", "A.").add();
        connections = 5; // read when scraped, not when registered
        const QByteArray expected = "# HELP a_total A.\n# TYPE a_total counter\na_total 1\n"
                                    "# HELP b_connections Open.\n# TYPE b_connections gauge\nb_connections 5\n";
        QCOMPARE(registry.exposition(), expected);
    }

    void countsFromManyThreads()
    {
        MetricsRegistry registry;
        constexpr int kThreads = 8;
        constexpr int kEach = 20000;
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads << QThread::create([&registry, t] {
                for (int i = 0; i < kEach; ++i) {
                    registry.counter("c_total", "C.", { { "shard", QByteArray::number(t % 2) } }).add();
                    registry.histogram("d_seconds", "D.").observe(0.002);
                }
            });
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        const QByteArray text = registry.exposition();
        QVERIFY2(text.contains("c_total{shard=\"0\"} " + QByteArray::number(kThreads / 2 * kEach) + "\n"), text);
        QVERIFY2(text.contains("c_total{shard=\"1\"} " + QByteArray::number(kThreads / 2 * kEach) + "\n"), text);
        QVERIFY2(text.contains("d_seconds_count " + QByteArray::number(kThreads * kEach) + "\n"), text);
        QVERIFY2(text.contains("d_seconds_bucket{le=\"0.0025\"} " + QByteArray::number(kThreads * kEach) + "\n"), text);
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
