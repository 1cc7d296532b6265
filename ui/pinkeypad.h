#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QLineEdit;

namespace Ui {
class PinKeypad;
}

/*!
 * Large digit keys, Clear and Backspace for touch screens, typing into one PIN field.
 * The keys never take the focus, so the field keeps its cursor and a hardware keyboard
 * works alongside. Used by the sign-in screen and the manager's approval dialog.
 */
class PinKeypad : public QWidget
{
    Q_OBJECT

public:
    explicit PinKeypad(QWidget *parent = nullptr);
    ~PinKeypad() override;

    //! The field the keys type into; not owned.
    void setTarget(QLineEdit *field);

private:
    void typeDigit(int digit);
    void backspace();
    void clear();

    std::unique_ptr<Ui::PinKeypad> m_ui;
    QPointer<QLineEdit> m_target;
};
