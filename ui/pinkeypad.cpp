#include "ui/pinkeypad.h"
#include "ui_pinkeypad.h"

#include <QLineEdit>

#include <array>

PinKeypad::PinKeypad(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PinKeypad>())
{
    m_ui->setupUi(this);
    const std::array digits{m_ui->digit0Button, m_ui->digit1Button, m_ui->digit2Button,
                            m_ui->digit3Button, m_ui->digit4Button, m_ui->digit5Button,
                            m_ui->digit6Button, m_ui->digit7Button, m_ui->digit8Button,
                            m_ui->digit9Button};
    for (int digit = 0; digit < int(digits.size()); ++digit) {
        connect(digits[digit], &QPushButton::clicked, this, [this, digit] { typeDigit(digit); });
    }
    connect(m_ui->backspaceButton, &QPushButton::clicked, this, &PinKeypad::backspace);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &PinKeypad::clear);
}

PinKeypad::~PinKeypad() = default;

void PinKeypad::setTarget(QLineEdit *field)
{
    m_target = field;
}

void PinKeypad::typeDigit(int digit)
{
    if (!m_target) {
        return;
    }
    m_target->insert(QString::number(digit));
    m_target->setFocus(Qt::OtherFocusReason);
}

void PinKeypad::backspace()
{
    if (!m_target) {
        return;
    }
    m_target->backspace();
    m_target->setFocus(Qt::OtherFocusReason);
}

void PinKeypad::clear()
{
    if (!m_target) {
        return;
    }
    m_target->clear();
    m_target->setFocus(Qt::OtherFocusReason);
}
