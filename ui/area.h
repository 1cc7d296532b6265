#pragma once

#include "models/domain/user.h"

#include <QCoreApplication>
#include <QList>
#include <QStyle>
#include <QString>

//! The parts of the workspace, in the order the navigation lists them (Ctrl+1 ... Ctrl+7).
enum class Area { Checkout, Refunds, Products, Stock, Reports, Users, Settings };

/*!
 * What the shell needs to know about an area: its names, what it is for, its icon and
 * who may open it. The one table of areas; the main window builds navigation from it.
 */
struct AreaInfo
{
    Q_DECLARE_TR_FUNCTIONS(AreaInfo)

public:
    Area area = Area::Checkout;
    QString key;         //!< untranslated, for object names: "checkout"
    QString title;       //!< translated: "Checkout"
    QString description; //!< translated, one line: what a person does there
    QString iconName;    //!< freedesktop icon theme name
    QStyle::StandardPixmap fallbackIcon = QStyle::SP_FileIcon; //!< without an icon theme
    //! The lowest role that sees the area; services still check every call themselves.
    Role minimumRole = Role::Cashier;

    static QList<AreaInfo> all();
};
