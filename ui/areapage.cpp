#include "ui/areapage.h"

#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kIconSize = 64;
} // namespace

AreaPage::AreaPage(const QIcon &icon, const QString &title, const QString &description,
                   QWidget *parent)
    : QWidget(parent)
{
    auto *iconLabel = new QLabel(this);
    iconLabel->setObjectName(u"areaIconLabel"_s);
    iconLabel->setPixmap(icon.pixmap(kIconSize, kIconSize));
    iconLabel->setAlignment(Qt::AlignCenter);

    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(u"areaTitleLabel"_s);
    titleLabel->setAlignment(Qt::AlignCenter);
    QFont titleFont = titleLabel->font();
    if (titleFont.pointSizeF() > 0) {
        titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    }
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);

    auto *descriptionLabel = new QLabel(description, this);
    descriptionLabel->setObjectName(u"areaDescriptionLabel"_s);
    descriptionLabel->setAlignment(Qt::AlignCenter);
    descriptionLabel->setWordWrap(true);
    descriptionLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(iconLabel);
    layout->addSpacing(12);
    layout->addWidget(titleLabel);
    layout->addWidget(descriptionLabel);
    layout->addStretch(3);
}
