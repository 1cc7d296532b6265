#pragma once

#include "models/domain/user.h"

#include <QWizard>

#include <memory>
#include <optional>

class QWidget;
class SetupService;

namespace Ui {
class SetupWizard;
}

/*!
 * The first start of a new store: its name, address, tax number, currency and tax rates,
 * then the first administrator with a passphrase (or a PIN) typed twice. Finish hands it
 * all to SetupService, which writes it in one go; if that fails, the reason shows on the
 * page and nothing was saved, so the person corrects it and finishes again.
 */
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { StorePage, AdminPage };

    explicit SetupWizard(SetupService &setup, QWidget *parent = nullptr);
    ~SetupWizard() override;

    //! The administrator created on Finish.
    const std::optional<User> &administrator() const { return m_admin; }

    bool validateCurrentPage() override;

private:
    //! A problem on a page, in a sentence, with the field to correct.
    struct Problem
    {
        QString message;
        QWidget *field = nullptr;
    };
    std::optional<Problem> storeProblem() const;
    std::optional<Problem> adminProblem() const;
    //! Once a page shows a problem, the message follows the typing and goes when fixed.
    void recheckStore();
    void recheckAdmin();
    bool validateStore();
    bool createStore();

    std::unique_ptr<Ui::SetupWizard> m_ui;
    SetupService &m_setup;
    std::optional<User> m_admin;
};
