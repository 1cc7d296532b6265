#pragma once

#include "models/domain/settlement.h"

#include <QDialog>
#include <QList>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
struct ServiceError;

namespace Ui {
class PaymentDialog;
}

/*!
 * Taking the money for a sale, from the keyboard: the amount due in large type, cash
 * tendered with quick keys for the common notes and "exact", a card amount with the
 * slip's reference, several payments for a split, and the change as it is typed.
 * Settlement::settle() does all the arithmetic (cards first, cash rounded to the store's
 * step, shown as its own line); the dialog only shows it.
 *
 * Enter takes what is typed and finishes once the sale is paid, so the usual cash sale is
 * "50, Enter". Finish is enabled only when the payments settle the bill. The dialog does
 * not commit: it asks with finishRequested(), and the sale screen commits and either
 * closes it (accept()) or shows why not (showError()), with every payment still in place
 * for a retry.
 */
class PaymentDialog : public QDialog
{
    Q_OBJECT

public:
    PaymentDialog(Money total, qint64 cashRoundingStep, const QString &currencySymbol,
                  QWidget *parent = nullptr);
    ~PaymentDialog() override;

    //! The payments taken, with what is typed in the cash and card fields but not added yet.
    QList<Tender> tenders() const;
    //! The settlement of tenders() as shown.
    const Settlement &settlement() const { return m_settlement; }
    bool canFinish() const { return m_settlement.isSettled(); }

    //! A failed commit: the message in the dialog, every payment as it was.
    void showError(const ServiceError &error);
    /*!
     * While the sale is being saved: the payments cannot change, the dialog cannot be
     * closed, and text says what Till is waiting for. An empty text ends the wait.
     */
    void setWaiting(const QString &text);
    bool isWaiting() const { return m_waiting; }

public Q_SLOTS:
    void reject() override;

    //! The quick-cash notes, in minor units of the store's currency.
    static QList<qint64> quickNotes();

Q_SIGNALS:
    void finishRequested(const QList<Tender> &tenders);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createQuickButtons();
    void handleEnter();
    void finish();
    //! Adds a payment; false (with the reason shown) when it would not settle sensibly.
    bool addTender(const Tender &tender);
    void addCashTyped();
    void addCardTyped();
    void addExactCash();
    void startCard();
    void removeSelectedTender();
    void recompute();
    void refreshTenderList();
    std::optional<Money> typedAmount(const QString &text) const;
    QString money(Money amount) const;

    std::unique_ptr<Ui::PaymentDialog> m_ui;
    QPushButton *m_finishButton = nullptr;
    Money m_total;
    qint64 m_roundingStep = 1;
    QString m_currencySymbol;
    QList<Tender> m_tenders;
    Settlement m_settlement;
    bool m_typingProblemShown = false;
    bool m_waiting = false;
    QLabel *m_waitingLabel = nullptr;
};
