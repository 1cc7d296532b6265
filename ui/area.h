#pragma once

#include "models/domain/permissions.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStyle>

#include <optional>

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
    QString key;           //!< untranslated, for object names: "checkout"
    QString title;         //!< translated: "Checkout"
    QString description;   //!< translated, one line: what a person does there
    QStringList iconNames; //!< icon theme names, the first one the theme has wins
    QStyle::StandardPixmap fallbackIcon = QStyle::SP_FileIcon; //!< without an icon theme
    /*!
     * What a user must be allowed to see the area at all; std::nullopt for everybody.
     * Only a courtesy to keep screens out of the way: services check every call.
     */
    std::optional<Permission> permission;

    bool isVisibleTo(Role role) const
    {
        return !permission || Permissions::allows(role, *permission);
    }

    static QList<AreaInfo> all();
};
