#pragma once

#include "models/domain/money.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class AmountDialog;
}

/*!
 * Asks for one amount of money, and a reason where the till must record one: the opening
 * float, cash put in or taken out, a new price. The amount is read with the person's
 * locale ("12,50" or "12.50") into Money, never through a double; the dialog stays open
 * with a message until it reads.
 */
class AmountDialog : public QDialog
{
    Q_OBJECT

public:
    struct Options
    {
        QString title;
        QString prompt;
        QString currencySymbol;
        std::optional<Money> initial;
        bool askReason = false;
        bool allowZero = true;
    };
    struct Answer
    {
        Money amount;
        QString reason;
    };

    explicit AmountDialog(const Options &options, QWidget *parent = nullptr);
    ~AmountDialog() override;

    //! The amount typed, once it reads; std::nullopt otherwise.
    std::optional<Money> amount() const;
    QString reason() const;

    //! Shows the dialog modally: the answer, or std::nullopt when cancelled.
    static std::optional<Answer> ask(QWidget *parent, const Options &options);

    void accept() override;

private:
    std::unique_ptr<Ui::AmountDialog> m_ui;
    Options m_options;
};
