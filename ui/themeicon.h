#pragma once

#include <QIcon>
#include <QStringList>
#include <QStyle>

//! The first of names that the icon theme has, else the style's own icon: never empty.
QIcon themeIcon(const QStringList &names, QStyle::StandardPixmap fallback);
