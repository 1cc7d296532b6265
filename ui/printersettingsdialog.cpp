#include "ui/printersettingsdialog.h"
#include "ui_printersettingsdialog.h"

#include "models/domain/settlement.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

PrinterSettingsDialog::PrinterSettingsDialog(const ReceiptPrinter::Config &config,
                                             const QString &lane, const QString &currencySymbol,
                                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PrinterSettingsDialog>())
    , m_lane(lane)
    , m_currencySymbol(currencySymbol)
{
    m_ui->setupUi(this);
    using Kind = ReceiptPrinter::Kind;
    m_ui->kindCombo->addItem(tr("No printer"), int(Kind::None));
    m_ui->kindCombo->addItem(tr("ESC/POS printer on a device"), int(Kind::EscPosDevice));
    m_ui->kindCombo->addItem(tr("ESC/POS printer on the network"), int(Kind::EscPosNetwork));
    m_ui->kindCombo->addItem(tr("PDF files in a folder"), int(Kind::PdfFolder));
    m_ui->paperCombo->addItem(tr("58 mm (32 characters)"), 58);
    m_ui->paperCombo->addItem(tr("80 mm (48 characters)"), 80);

    m_ui->kindCombo->setCurrentIndex(m_ui->kindCombo->findData(int(config.kind)));
    m_ui->deviceEdit->setText(config.device);
    m_ui->hostEdit->setText(config.host);
    m_ui->portSpin->setValue(config.port);
    m_ui->folderEdit->setText(QDir::toNativeSeparators(config.pdfFolder));
    m_ui->paperCombo->setCurrentIndex(config.paperMillimetres <= 58 ? 0 : 1);
    m_ui->kickDrawerCheck->setChecked(config.kickDrawerForCash);

    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this,
            &PrinterSettingsDialog::updateFields);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &PrinterSettingsDialog::browse);
    connect(m_ui->testButton, &QPushButton::clicked, this, &PrinterSettingsDialog::printTest);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PrinterSettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFields();
    m_ui->kindCombo->setFocus(Qt::OtherFocusReason);
}

PrinterSettingsDialog::~PrinterSettingsDialog() = default;

ReceiptPrinter::Config PrinterSettingsDialog::config() const
{
    ReceiptPrinter::Config c;
    c.kind = static_cast<ReceiptPrinter::Kind>(m_ui->kindCombo->currentData().toInt());
    c.device = m_ui->deviceEdit->text().trimmed();
    c.host = m_ui->hostEdit->text().trimmed();
    c.port = static_cast<quint16>(m_ui->portSpin->value());
    c.pdfFolder = QDir::fromNativeSeparators(m_ui->folderEdit->text().trimmed());
    c.paperMillimetres = m_ui->paperCombo->currentData().toInt();
    c.kickDrawerForCash = m_ui->kickDrawerCheck->isChecked();
    return c;
}

QString PrinterSettingsDialog::problem() const
{
    const ReceiptPrinter::Config c = config();
    switch (c.kind) {
    case ReceiptPrinter::Kind::EscPosDevice:
        return c.device.isEmpty() ? tr("Please enter the printer's device, such as /dev/usb/lp0.")
                                  : QString();
    case ReceiptPrinter::Kind::EscPosNetwork:
        return c.host.isEmpty() ? tr("Please enter the printer's host name or address.")
                                : QString();
    case ReceiptPrinter::Kind::PdfFolder:
        return c.pdfFolder.isEmpty() ? tr("Please choose the folder for the PDF receipts.")
                                     : QString();
    case ReceiptPrinter::Kind::None:
        break;
    }
    return {};
}

void PrinterSettingsDialog::updateFields()
{
    using Kind = ReceiptPrinter::Kind;
    const auto kind = static_cast<Kind>(m_ui->kindCombo->currentData().toInt());
    const bool device = kind == Kind::EscPosDevice;
    const bool network = kind == Kind::EscPosNetwork;
    const bool pdf = kind == Kind::PdfFolder;
    const bool escPos = device || network;
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->deviceLabel), static_cast<QWidget *>(m_ui->deviceEdit)}) {
        w->setVisible(device);
    }
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->hostLabel), static_cast<QWidget *>(m_ui->hostEdit),
          static_cast<QWidget *>(m_ui->portLabel), static_cast<QWidget *>(m_ui->portSpin)}) {
        w->setVisible(network);
    }
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->folderLabel), static_cast<QWidget *>(m_ui->folderEdit),
          static_cast<QWidget *>(m_ui->browseButton)}) {
        w->setVisible(pdf);
    }
    // A PDF is laid out on the roll's width too, as the slip it stands in for.
    m_ui->paperLabel->setVisible(escPos || pdf);
    m_ui->paperCombo->setVisible(escPos || pdf);
    // Only an ESC/POS printer has the drawer on its port.
    m_ui->kickDrawerCheck->setVisible(escPos);
    m_ui->testButton->setEnabled(kind != Kind::None);
    m_ui->testStatusLabel->clear();
    m_ui->errorBanner->clear();
}

void PrinterSettingsDialog::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for PDF receipts"),
                                                             m_ui->folderEdit->text());
    if (!folder.isEmpty()) {
        m_ui->folderEdit->setText(QDir::toNativeSeparators(folder));
    }
}

ReceiptData PrinterSettingsDialog::testReceipt(const QString &lane, const QString &currencySymbol)
{
    ReceiptData r;
    r.storeName = tr("Printer test");
    r.currencySymbol = currencySymbol;
    r.lane = lane;
    r.number = 0;
    r.cashier = tr("Test");
    r.at = QDateTime::currentDateTime();
    const Money price = Money::fromMinor(100);
    r.lines.append({tr("Test line"), tr("Piece"), 2, price, Money::fromMinor(0),
                    Money::fromMinor(200), 1900});
    r.taxes.append({1900, Money::fromMinor(168), Money::fromMinor(32), Money::fromMinor(200)});
    r.subtotal = Money::fromMinor(200);
    r.discount = Money::fromMinor(0);
    r.tax = Money::fromMinor(32);
    r.rounding = Money::fromMinor(0);
    r.total = Money::fromMinor(200);
    r.payments.append({Tender::toString(Tender::Method::Cash),
                       Money::fromMinor(200),
                       Money::fromMinor(500),
                       Money::fromMinor(300),
                       {}});
    r.change = Money::fromMinor(300);
    return r;
}

void PrinterSettingsDialog::printTest()
{
    if (const QString why = problem(); !why.isEmpty()) {
        m_ui->errorBanner->showMessage(why);
        return;
    }
    m_ui->errorBanner->clear();
    // A printer of its own, so the test uses the form's settings and not the saved ones.
    m_testPrinter = std::make_unique<ReceiptPrinter>();
    m_testPrinter->setConfig(config());
    connect(m_testPrinter.get(), &ReceiptPrinter::printed, this, [this] {
        m_ui->testStatusLabel->setText(tr("The test receipt was sent."));
        m_ui->testButton->setEnabled(true);
        Q_EMIT testFinished(true, m_ui->testStatusLabel->text());
    });
    connect(m_testPrinter.get(), &ReceiptPrinter::failed, this,
            [this](const QString &, const QString &message) {
                m_ui->testStatusLabel->clear();
                m_ui->errorBanner->showMessage(message);
                m_ui->testButton->setEnabled(true);
                Q_EMIT testFinished(false, message);
            });
    m_ui->testButton->setEnabled(false);
    m_ui->testStatusLabel->setText(tr("Printing…"));
    m_testPrinter->print(testReceipt(m_lane, m_currencySymbol), false);
}

void PrinterSettingsDialog::accept()
{
    if (const QString why = problem(); !why.isEmpty()) {
        m_ui->errorBanner->showMessage(why);
        return;
    }
    QDialog::accept();
}
