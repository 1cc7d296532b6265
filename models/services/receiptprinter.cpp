#include "models/services/receiptprinter.h"

#include "models/services/receiptrenderer.h"

#include <QDir>
#include <QFile>
#include <QMetaObject>
#include <QSettings>
#include <QTcpSocket>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace {
constexpr int kNetworkTimeoutMs = 4000;
} // namespace

QString ReceiptPrinter::Config::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::EscPosDevice:
        return u"escpos-device"_s;
    case Kind::EscPosNetwork:
        return u"escpos-network"_s;
    case Kind::PdfFolder:
        return u"pdf-folder"_s;
    case Kind::None:
        break;
    }
    return u"none"_s;
}

ReceiptPrinter::Config ReceiptPrinter::Config::fromSettings()
{
    QSettings settings;
    Config config;
    const QString kind = settings.value(u"printer/kind"_s, kindKey(Kind::None)).toString();
    for (Kind k : {Kind::None, Kind::EscPosDevice, Kind::EscPosNetwork, Kind::PdfFolder}) {
        if (kindKey(k) == kind) {
            config.kind = k;
        }
    }
    config.device = settings.value(u"printer/device"_s, config.device).toString();
    config.host = settings.value(u"printer/host"_s).toString();
    config.port = static_cast<quint16>(settings.value(u"printer/port"_s, 9100).toUInt());
    config.paperMillimetres = settings.value(u"printer/paper_mm"_s, 80).toInt();
    config.kickDrawerForCash = settings.value(u"printer/kick_drawer"_s, true).toBool();
    config.pdfFolder = settings.value(u"printer/pdf_folder"_s).toString();
    return config;
}

void ReceiptPrinter::Config::save() const
{
    QSettings settings;
    settings.setValue(u"printer/kind"_s, kindKey(kind));
    settings.setValue(u"printer/device"_s, device);
    settings.setValue(u"printer/host"_s, host);
    settings.setValue(u"printer/port"_s, port);
    settings.setValue(u"printer/paper_mm"_s, paperMillimetres);
    settings.setValue(u"printer/kick_drawer"_s, kickDrawerForCash);
    settings.setValue(u"printer/pdf_folder"_s, pdfFolder);
}

ReceiptPrinter::ReceiptPrinter(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
{
    // One printer, one job at a time, in the order the sales were made.
    m_pool->setMaxThreadCount(1);
}

ReceiptPrinter::~ReceiptPrinter()
{
    m_pool->waitForDone(kNetworkTimeoutMs * 2);
}

bool ReceiptPrinter::waitForDone(int milliseconds)
{
    return m_pool->waitForDone(milliseconds);
}

void ReceiptPrinter::print(const ReceiptData &receipt, bool kickDrawer)
{
    ReceiptRenderer::EscPosOptions options;
    options.paperMillimetres = m_config.paperMillimetres;
    options.kickDrawer = kickDrawer;
    const int paper = m_config.paperMillimetres;
    start(receipt.code(), ReceiptRenderer::escPos(receipt, options),
          PdfJob{receipt.fileName(), [receipt, paper](const QString &path, QString *error) {
                     return ReceiptRenderer::writePdf(receipt, path, error, paper);
                 }});
}

void ReceiptPrinter::print(const ShiftReport &report, const QString &currencySymbol)
{
    ReceiptRenderer::EscPosOptions options;
    options.paperMillimetres = m_config.paperMillimetres;
    const int paper = m_config.paperMillimetres;
    const Shift &shift = report.shift;
    const QString fileName
            = shift.zNumber > 0
                      ? u"z-report-%1-%2.pdf"_s.arg(shift.lane).arg(shift.zNumber)
                      : u"x-report-%1-%2.pdf"_s.arg(
                              shift.lane,
                              report.generatedAt.toLocalTime().toString(u"yyyyMMdd-HHmmss"_s));
    start(ReceiptRenderer::shiftReportTitle(report),
          ReceiptRenderer::escPos(report, currencySymbol, options),
          PdfJob{fileName, [report, currencySymbol, paper](const QString &path, QString *error) {
                     return ReceiptRenderer::writePdf(report, currencySymbol, path, error, paper);
                 }});
}

void ReceiptPrinter::kickDrawer()
{
    start(u"drawer"_s, ReceiptRenderer::escPosDrawerKick(), std::nullopt);
}

void ReceiptPrinter::start(const QString &key, const QByteArray &escPos,
                           const std::optional<PdfJob> &pdf)
{
    const Config config = m_config;
    m_pool->start([this, key, escPos, pdf, config] {
        const QString problem = send(config, escPos, pdf ? &*pdf : nullptr);
        QMetaObject::invokeMethod(
                this,
                [this, key, problem] {
                    problem.isEmpty() ? Q_EMIT printed(key) : Q_EMIT failed(key, problem);
                },
                Qt::QueuedConnection);
    });
}

QString ReceiptPrinter::send(const Config &config, const QByteArray &escPos, const PdfJob *pdf)
{
    switch (config.kind) {
    case Kind::None:
        return {};
    case Kind::EscPosDevice: {
        QFile device(config.device);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            return tr("The receipt printer at %1 cannot be opened: %2")
                    .arg(config.device, device.errorString());
        }
        if (device.write(escPos) != escPos.size()) {
            return tr("The receipt printer at %1 did not take the receipt: %2")
                    .arg(config.device, device.errorString());
        }
        return {};
    }
    case Kind::EscPosNetwork: {
        QTcpSocket socket;
        socket.connectToHost(config.host, config.port);
        if (!socket.waitForConnected(kNetworkTimeoutMs)) {
            return tr("The receipt printer at %1:%2 does not answer: %3")
                    .arg(config.host)
                    .arg(config.port)
                    .arg(socket.errorString());
        }
        socket.write(escPos);
        while (socket.bytesToWrite() > 0) {
            if (!socket.waitForBytesWritten(kNetworkTimeoutMs)) {
                return tr("The receipt printer at %1:%2 stopped taking data: %3")
                        .arg(config.host)
                        .arg(config.port)
                        .arg(socket.errorString());
            }
        }
        socket.disconnectFromHost();
        if (socket.state() != QAbstractSocket::UnconnectedState) {
            socket.waitForDisconnected(kNetworkTimeoutMs);
        }
        return {};
    }
    case Kind::PdfFolder: {
        if (!pdf) {
            return {}; // a drawer kick has nothing to file
        }
        QString error;
        return pdf->write(QDir(config.pdfFolder).filePath(pdf->fileName), &error) ? QString()
                                                                                  : error;
    }
    }
    return {};
}
