#pragma once

#include "models/domain/denominations.h"

#include <QDialog>

#include <memory>
#include <optional>

class CashCountModel;
class QPushButton;

namespace Ui {
class CloseShiftDialog;
}

/*!
 * Counting the drawer to close the shift: a count for each note and coin of the store's
 * currency (adding up as it is typed) or the total typed at once, with the expected cash,
 * the counted cash and the difference in view before anything is closed. A difference
 * asks once more. The dialog only counts; ShiftService::close() closes.
 */
class CloseShiftDialog : public QDialog
{
    Q_OBJECT

public:
    /*!
     * Blind (the store's setting): the expected cash and the difference stay hidden while
     * counting; "Done counting" fixes the count and only then shows them.
     */
    enum class CountMode { Open, Blind };

    CloseShiftDialog(Money expectedCash, const QList<Denomination> &denominations,
                     const QString &currencySymbol, QWidget *parent = nullptr,
                     CountMode mode = CountMode::Open);
    ~CloseShiftDialog() override;

    //! The cash counted, once it reads.
    std::optional<Money> counted() const;
    CashCountModel *countModel() const { return m_model; }

    void accept() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateSummary();
    //! Blind: the count is in; fix it and show what was expected.
    void reveal();
    bool isHidingExpected() const { return m_mode == CountMode::Blind && !m_revealed; }
    void moveToNextCount();
    QString money(Money amount) const;

    std::unique_ptr<Ui::CloseShiftDialog> m_ui;
    CashCountModel *m_model = nullptr;
    QPushButton *m_closeButton = nullptr;
    Money m_expected;
    QString m_currencySymbol;
    CountMode m_mode = CountMode::Open;
    bool m_revealed = false;
};
