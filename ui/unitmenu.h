#pragma once

#include "models/domain/product.h"

#include <QMenu>

#include <optional>

/*!
 * "Sell Apples as": the units of a product, one key each (1 for the first unit, 2 for the
 * next ...), with their prices. The sale screen asks with it when a searched product has
 * several units and when the cashier changes the unit of a line (F11).
 */
class UnitMenu : public QMenu
{
    Q_OBJECT

public:
    UnitMenu(const QString &productName, const QList<ProductUnit> &units,
             const QString &currencySymbol, QWidget *parent = nullptr);

    /*!
     * Ticks the unit a line is sold in now, and the menu opens on it; without this the menu
     * opens on the first unit.
     */
    void setCurrentUnit(qint64 unitId);
    //! Shows the menu at where (global); the position in units of the one chosen.
    std::optional<qsizetype> choose(const QPoint &where);

    //! The menu in one call; currentUnitId as setCurrentUnit() when given.
    static std::optional<qsizetype> choose(QWidget *parent, const QString &productName,
                                           const QList<ProductUnit> &units,
                                           const QString &currencySymbol, const QPoint &where,
                                           std::optional<qint64> currentUnitId = std::nullopt);

private:
    QList<QAction *> m_unitActions;
    QAction *m_opensOn = nullptr;
};
