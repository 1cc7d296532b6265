#include "ui/errorbanner.h"

#include "models/services/serviceerror.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace {
// The sign-in screen's error red: readable on light backgrounds, not alarming.
const QColor kErrorText(0xb0, 0x00, 0x20);
} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_detailsButton(new QPushButton(tr("Details…"), this))
{
    m_label->setObjectName(u"errorLabel"_s);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_label->palette();
    palette.setColor(QPalette::WindowText, kErrorText);
    m_label->setPalette(palette);

    m_detailsButton->setObjectName(u"errorDetailsButton"_s);
    m_detailsButton->setFlat(true);
    m_detailsButton->setToolTip(tr("Show the technical details of this error"));
    connect(m_detailsButton, &QPushButton::clicked, this, &ErrorBanner::showDetails);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_detailsButton, 0, Qt::AlignTop);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    clear();
}

void ErrorBanner::showError(const ServiceError &error)
{
    showMessage(error.message, error.details);
}

void ErrorBanner::showMessage(const QString &message, const QString &details)
{
    m_label->setText(message);
    m_details = details;
    m_detailsButton->setVisible(!details.isEmpty());
    setVisible(!message.isEmpty());
}

void ErrorBanner::clear()
{
    showMessage({});
}

QString ErrorBanner::text() const
{
    return m_label->text();
}

void ErrorBanner::showDetails()
{
    report(this, window()->windowTitle(), ServiceError{{}, m_label->text(), m_details});
}

void ErrorBanner::report(QWidget *parent, const QString &title, const ServiceError &error)
{
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Close, parent);
    if (!error.details.isEmpty()) {
        box.setDetailedText(error.details);
    }
    box.exec();
}
