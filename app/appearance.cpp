#include "app/appearance.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace {
//! Desktop defaults (9-10 pt) are small for a screen read standing, all day long.
constexpr qreal kCounterPointSize = 12.0;
} // namespace

void applyCounterAppearance(QApplication &app)
{
    QApplication::setStyle(u"Fusion"_s);

    QFont font = QApplication::font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < kCounterPointSize) {
        font.setPointSizeF(kCounterPointSize);
        QApplication::setFont(font);
    }

    // Outside a full desktop (a kiosk session) Qt finds no icon theme; Adwaita is the one
    // Debian installs with Qt. The desktop's own theme still comes first.
    if (QIcon::fallbackThemeName().isEmpty() || QIcon::fallbackThemeName() == u"hicolor"_s) {
        QIcon::setFallbackThemeName(u"Adwaita"_s);
    }

    QFile styleSheet(u":/style/till.qss"_s);
    if (styleSheet.open(QIODevice::ReadOnly | QIODevice::Text)) {
        app.setStyleSheet(QString::fromUtf8(styleSheet.readAll()));
    }
}
