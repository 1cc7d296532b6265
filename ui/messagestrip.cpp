#include "ui/messagestrip.h"

#include "models/services/serviceerror.h"
#include "ui/errorbanner.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVariantAnimation>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Calm colours that stay readable in sunlight; red only for what needs the cashier.
const QColor kInfoBackground(0xee, 0xf1, 0xf4);
const QColor kInfoText(0x1f, 0x29, 0x33);
const QColor kSuccessBackground(0xdc, 0xef, 0xe3);
const QColor kSuccessText(0x14, 0x48, 0x2c);
const QColor kErrorBackground(0xfd, 0xe4, 0xe4);
const QColor kErrorFlash(0xff, 0x7b, 0x7b);
const QColor kErrorText(0x8e, 0x00, 0x14);
constexpr int kFlashMs = 900;
} // namespace

MessageStrip::MessageStrip(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_actionButton(new QPushButton(this))
    , m_detailsButton(new QPushButton(tr("Details…"), this))
    , m_closeButton(new QPushButton(u"✕"_s, this))
    , m_flash(new QVariantAnimation(this))
    , m_successTimer(new QTimer(this))
{
    setObjectName(u"messageStrip"_s);
    setFocusPolicy(Qt::NoFocus);
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);

    m_label->setObjectName(u"messageStripLabel"_s);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    QFont font = m_label->font();
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * 1.25);
    }
    font.setWeight(QFont::DemiBold);
    m_label->setFont(font);

    // The buttons are for the mouse; the keyboard reaches the same through the menus, and
    // the focus stays in the scan field.
    for (QPushButton *button : {m_actionButton, m_detailsButton, m_closeButton}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->hide();
    }
    m_actionButton->setObjectName(u"messageStripActionButton"_s);
    m_detailsButton->setObjectName(u"messageStripDetailsButton"_s);
    m_detailsButton->setFlat(true);
    connect(m_actionButton, &QPushButton::clicked, this, [this] {
        if (m_action) {
            m_action();
        }
    });
    connect(m_detailsButton, &QPushButton::clicked, this, &MessageStrip::showDetails);
    m_closeButton->setObjectName(u"messageStripCloseButton"_s);
    m_closeButton->setFlat(true);
    m_closeButton->setToolTip(tr("Close this message"));
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT expired();
    });

    m_successTimer->setSingleShot(true);
    connect(m_successTimer, &QTimer::timeout, this, [this] {
        if (m_kind == Kind::Success) {
            clear();
            Q_EMIT expired();
        }
    });

    m_flash->setDuration(kFlashMs);
    m_flash->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_flash, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &value) { applyColours(value.value<QColor>()); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 10, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_actionButton);
    layout->addWidget(m_detailsButton);
    layout->addWidget(m_closeButton);
    clear();
}

void MessageStrip::showInfo(const QString &message)
{
    present(Kind::Info, message, {});
}

void MessageStrip::showSuccess(const QString &message)
{
    present(Kind::Success, message, {});
    if (m_successTimeout > 0) {
        m_successTimer->start(m_successTimeout);
    }
}

void MessageStrip::setClosable(bool closable)
{
    m_closable = closable;
    m_closeButton->setVisible(m_closable && m_kind != Kind::None);
}

void MessageStrip::setSuccessTimeout(int ms)
{
    m_successTimeout = std::max(0, ms);
}

void MessageStrip::showError(const QString &message, const QString &details)
{
    present(Kind::Error, message, details);
    m_flash->stop();
    m_flash->setStartValue(kErrorFlash);
    m_flash->setEndValue(kErrorBackground);
    m_flash->start();
    QApplication::beep();
}

void MessageStrip::showError(const ServiceError &error)
{
    showError(error.message, error.details);
}

void MessageStrip::setAction(const QString &text, const QString &toolTip,
                             std::function<void()> handler)
{
    m_action = std::move(handler);
    m_actionButton->setText(text);
    m_actionButton->setToolTip(toolTip);
    m_actionButton->setVisible(true);
}

void MessageStrip::clear()
{
    present(Kind::None, {}, {});
}

QString MessageStrip::text() const
{
    return m_label->text();
}

void MessageStrip::present(Kind kind, const QString &message, const QString &details)
{
    m_kind = kind;
    m_details = details;
    m_action = nullptr;
    m_flash->stop();
    m_successTimer->stop();
    m_label->setText(message);
    m_actionButton->hide();
    m_detailsButton->setVisible(!details.isEmpty());
    m_closeButton->setVisible(m_closable && kind != Kind::None);
    setProperty("kind", static_cast<int>(kind));
    switch (kind) {
    case Kind::None:
        applyColours(QApplication::palette(this).color(QPalette::Window));
        break;
    case Kind::Info:
        applyColours(kInfoBackground);
        break;
    case Kind::Success:
        applyColours(kSuccessBackground);
        break;
    case Kind::Error:
        applyColours(kErrorBackground);
        break;
    }
}

void MessageStrip::applyColours(const QColor &background)
{
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    const QColor text = m_kind == Kind::Error     ? kErrorText
                        : m_kind == Kind::Success ? kSuccessText
                                                  : kInfoText;
    p.setColor(QPalette::WindowText, text);
    setPalette(p);
    m_label->setPalette(p);
}

void MessageStrip::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    // One line high even when empty, so the lines below never jump when news comes in;
    // measured now, with the font the style sheet gave the label.
    const QMargins margins = layout()->contentsMargins();
    setMinimumHeight(m_label->fontMetrics().height() + margins.top() + margins.bottom() + 8);
}

void MessageStrip::showDetails()
{
    ErrorBanner::report(this, window()->windowTitle(),
                        ServiceError{ServiceError::Code::Unavailable, m_label->text(), m_details});
}
