#include "ui/receiptsmenu.h"

#include "models/services/receiptrenderer.h"
#include "models/services/services.h"
#include "ui/approvalflow.h"
#include "ui/printersettingsdialog.h"
#include "ui/reportexport.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>


using namespace Qt::StringLiterals;

ReceiptsMenu::ReceiptsMenu(Services &services, QWidget *parent)
    : QMenu(parent)
    , m_services(services)
{
    setObjectName(u"receiptsMenu"_s);
    const auto add = [this](const QString &text, const QString &name, const QKeySequence &key,
                            void (ReceiptsMenu::*slot)()) {
        QAction *action = addAction(text, this, slot);
        action->setObjectName(name);
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            action->setToolTip(tr("%1 (%2)", "action (shortcut)")
                                       .arg(QString(text).remove(u'&'),
                                            key.toString(QKeySequence::NativeText)));
        }
        return action;
    };
    m_reprintLastAction = add(tr("Reprint the &last receipt"), u"reprintLastAction"_s,
                              QKeySequence(Qt::CTRL | Qt::Key_P), &ReceiptsMenu::reprintLast);
    m_reprintBillAction
            = add(tr("Reprint a &bill…"), u"reprintBillAction"_s,
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &ReceiptsMenu::reprintBill);
    addSeparator();
    add(tr("&Printer…"), u"printerSettingsAction"_s, {}, &ReceiptsMenu::showPrinterSettings);
}

namespace {

ReceiptsMenu::FileChooser &fileChooser()
{
    static ReceiptsMenu::FileChooser chooser;
    return chooser;
}

} // namespace

void ReceiptsMenu::setFileChooser(FileChooser chooser)
{
    fileChooser() = std::move(chooser);
}

void ReceiptsMenu::printCopy(const ReceiptData &receipt)
{
    if (!m_services.printer.isSetUp()) {
        offerPdf(receipt);
        return;
    }
    m_services.printer.print(receipt, false);
    Q_EMIT done(tr("Printing a copy of bill %1.").arg(receipt.code()));
}

void ReceiptsMenu::offerPdf(const ReceiptData &receipt)
{
    QMessageBox box(QMessageBox::Information, tr("No receipt printer"),
                    tr("No receipt printer is set up."), QMessageBox::Cancel, parentWidget());
    box.setObjectName(u"noPrinterBox"_s);
    box.setInformativeText(tr("Save a copy of bill %1 as a PDF instead?").arg(receipt.code()));
    QPushButton *save = box.addButton(tr("Save as &PDF…"), QMessageBox::AcceptRole);
    save->setObjectName(u"savePdfButton"_s);
    box.setDefaultButton(save);
    box.exec();
    const ServiceError notPrinted{ServiceError::Code::InvalidInput,
                                  tr("No receipt printer is set up: bill %1 was not printed. "
                                     "Choose one under Receipts, Printer.")
                                          .arg(receipt.code()),
                                  {}};
    if (box.clickedButton() != save) {
        Q_EMIT failed(notPrinted);
        return;
    }
    const QString caption = tr("Save bill %1 as PDF").arg(receipt.code());
    const QString suggested = QDir(ReportExport::exportFolder()).filePath(receipt.fileName());
    const QString path = fileChooser()
                                 ? fileChooser()(parentWidget(), caption, suggested)
                                 : QFileDialog::getSaveFileName(parentWidget(), caption, suggested,
                                                                tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        Q_EMIT failed(notPrinted);
        return;
    }
    QString error;
    if (!ReceiptRenderer::writePdf(receipt, path, &error,
                                   m_services.printer.config().paperMillimetres)) {
        Q_EMIT failed({ServiceError::Code::Unavailable, error, {}});
        return;
    }
    ReportExport::rememberExportFolder(path);
    Q_EMIT done(tr("A copy of bill %1 was saved as %2.")
                        .arg(receipt.code(), QDir::toNativeSeparators(path)));
}

void ReceiptsMenu::reprintLast()
{
    const auto receipt = m_services.receipts.lastOfLane();
    if (!receipt) {
        Q_EMIT failed(receipt.error());
    } else {
        printCopy(*receipt);
    }
    Q_EMIT finished();
}

void ReceiptsMenu::reprintBill()
{
    bool ok = false;
    const QString code = QInputDialog::getText(parentWidget(), tr("Reprint a bill"),
                                               tr("Scan the receipt's barcode or type the bill "
                                                  "number (42, or 1-000042 for another lane):"),
                                               QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
    if (ok && !code.isEmpty()) {
        reprint(code);
        return;
    }
    Q_EMIT finished();
}

void ReceiptsMenu::reprint(const QString &code)
{
    const auto receipt = m_services.receipts.byCode(code);
    if (!receipt) {
        Q_EMIT failed(receipt.error());
    } else {
        printCopy(*receipt);
    }
    Q_EMIT finished();
}

void ReceiptsMenu::showPrinterSettings()
{
    // The printer is this till's own, but changing it is still a setting.
    const auto allowed
            = withApproval(parentWidget(), m_services.authorizer, m_services.session,
                           Permission::ChangeSettings, [&](const Approval &approval) {
                               return m_services.authorizer.authorize(
                                       m_services.session, Permission::ChangeSettings, approval);
                           });
    if (allowed && !*allowed) {
        Q_EMIT failed(allowed->error());
    } else if (allowed) {
        PrinterSettingsDialog dialog(m_services.printer.config(), m_services.session.lane(),
                                     m_services.checkout.rules().currencySymbol, parentWidget());
        if (dialog.exec() == QDialog::Accepted) {
            const ReceiptPrinter::Config config = dialog.config();
            config.save();
            m_services.printer.setConfig(config);
            Q_EMIT done(tr("The printer settings of this till are saved."));
        }
    }
    Q_EMIT finished();
}
