#pragma once

#include "models/domain/parkedcart.h"

#include <QDialog>

#include <memory>
#include <optional>

class ParkedCartModel;
class QPushButton;

namespace Ui {
class RecallDialog;
}

//! Chooses one of the parked sales (any lane's, newest first) to continue here.
class RecallDialog : public QDialog
{
    Q_OBJECT

public:
    RecallDialog(const QList<ParkedCart> &parked, const QString &currencySymbol,
                 QWidget *parent = nullptr);
    ~RecallDialog() override;

    //! The parked sale chosen, once accepted.
    std::optional<qint64> chosenId() const;

    //! Shows the dialog modally: the id of the chosen sale, or std::nullopt.
    static std::optional<qint64> choose(QWidget *parent, const QList<ParkedCart> &parked,
                                        const QString &currencySymbol);

private:
    std::unique_ptr<Ui::RecallDialog> m_ui;
    ParkedCartModel *m_model = nullptr;
    QPushButton *m_recallButton = nullptr;
};
