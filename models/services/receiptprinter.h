#pragma once

#include "models/domain/receipt.h"
#include "models/domain/shiftreport.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

/*!
 * Sends receipts to the till's printer without ever blocking the next sale: each job
 * runs on a worker thread, keyed by the bill's code, and reports back on the GUI thread.
 * Where the receipt goes is a per-till setting (QSettings "printer/..."): nowhere, an
 * ESC/POS printer on a device file (/dev/usb/lp0) or on the network (TCP 9100), or a
 * PDF in a folder. A system printer (QPrinter) is the window's business, not this one's.
 */
class ReceiptPrinter : public QObject
{
    Q_OBJECT

public:
    enum class Kind { None, EscPosDevice, EscPosNetwork, PdfFolder };
    struct Config
    {
        Kind kind = Kind::None;
        QString device = QStringLiteral("/dev/usb/lp0");
        QString host;
        quint16 port = 9100;
        int paperMillimetres = 80;
        bool kickDrawerForCash = true;
        QString pdfFolder;
        static Config fromSettings();
        void save() const;
        static QString kindKey(Kind kind);
    };

    explicit ReceiptPrinter(QObject *parent = nullptr);
    ~ReceiptPrinter() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }

    //! Is a receipt printer (or a PDF folder) set up at all?
    bool isSetUp() const { return m_config.kind != Kind::None; }

    //! Queues the receipt; kickDrawer opens the cash drawer with it (ESC/POS only).
    void print(const ReceiptData &receipt, bool kickDrawer);
    //! Queues an X or Z report at the roll's width; its key is the report's title.
    void print(const ShiftReport &report, const QString &currencySymbol);
    //! Opens the drawer alone.
    void kickDrawer();
    //! Waits for queued jobs (tests, and closing the app).
    bool waitForDone(int milliseconds = 10000);

    //! What a PDF folder files for a job; a drawer kick has none.
    struct PdfJob
    {
        QString fileName; //!< "bill-1-000042.pdf", "refund-R1-000231.pdf", "z-report-1-7.pdf"
        std::function<bool(const QString &path, QString *error)> write;
    };
    /*!
     * Does the work of one job on the calling thread; empty on success, else why not (in
     * the user's language). Public so that tests can drive it without threads.
     */
    static QString send(const Config &config, const QByteArray &escPos, const PdfJob *pdf);

Q_SIGNALS:
    void printed(const QString &key);
    void failed(const QString &key, const QString &message);

private:
    void start(const QString &key, const QByteArray &escPos, const std::optional<PdfJob> &pdf);

    Config m_config;
    class QThreadPool *m_pool;
};
