#pragma once

#include "models/domain/receipt.h"

#include <QMenu>

#include <functional>

class Services;
struct ServiceError;

/*!
 * The Receipts menu of the counter: reprint the last bill (Ctrl+P) or any bill by its
 * number or receipt barcode (Ctrl+Shift+P), and this till's printer settings, which an
 * administrator may change (or anybody with an administrator's approval). Without a
 * receipt printer, a copy is offered as a PDF instead.
 *
 * Its actions carry their shortcuts; the screen that shows the menu adds them to itself,
 * so the keys work while the menu is closed.
 */
class ReceiptsMenu : public QMenu
{
    Q_OBJECT

public:
    ReceiptsMenu(Services &services, QWidget *parent);

    QList<QAction *> shortcutActions() const { return {m_reprintLastAction, m_reprintBillAction}; }
    QAction *reprintLastAction() const { return m_reprintLastAction; }

    void reprintLast();
    void reprintBill();
    //! Prints a copy of the bill with this code ("1-000042"), as after a failed print.
    void reprint(const QString &code);
    void showPrinterSettings();

    //! Asks where to save a file: (parent, caption, suggested path) -> path, empty if cancelled.
    using FileChooser = std::function<QString(QWidget *, const QString &, const QString &)>;
    //! Tests answer the file dialog themselves; an empty chooser restores the real dialog.
    static void setFileChooser(FileChooser chooser);

Q_SIGNALS:
    void done(const QString &message);
    void failed(const ServiceError &error);
    //! After every entry, whatever came of it: the focus goes back to the sale.
    void finished();

private:
    void printCopy(const ReceiptData &receipt);
    //! Without a receipt printer: says so and offers the copy as a PDF.
    void offerPdf(const ReceiptData &receipt);

    Services &m_services;
    QAction *m_reprintLastAction = nullptr;
    QAction *m_reprintBillAction = nullptr;
};
