#include "ui/unitmenu.h"

#include <QLocale>

using namespace Qt::StringLiterals;

UnitMenu::UnitMenu(const QString &productName, const QList<ProductUnit> &units,
                   const QString &currencySymbol, QWidget *parent)
    : QMenu(parent)
{
    setObjectName(u"unitMenu"_s);
    addSection(tr("Sell %1 as", "which unit to sell a product in").arg(productName));
    const QLocale locale;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const ProductUnit &unit = units.at(i);
        QAction *action
                = addAction(tr("&%1  %2 · %3", "menu: number, unit · price")
                                    .arg(i + 1)
                                    .arg(unit.name, unit.price.toString(locale, currencySymbol)));
        action->setData(unit.id);
        m_unitActions.append(action);
    }
    m_opensOn = m_unitActions.value(0);
}

void UnitMenu::setCurrentUnit(qint64 unitId)
{
    // A line's unit that is no longer on sale is not in the list: then nothing is ticked.
    m_opensOn = nullptr;
    for (QAction *action : std::as_const(m_unitActions)) {
        action->setCheckable(true);
        action->setChecked(action->data().toLongLong() == unitId);
        if (action->isChecked()) {
            m_opensOn = action;
        }
    }
}

std::optional<qsizetype> UnitMenu::choose(const QPoint &where)
{
    QAction *chosen = exec(where, m_opensOn);
    const qsizetype index = m_unitActions.indexOf(chosen);
    if (index < 0) {
        return std::nullopt;
    }
    return index;
}

std::optional<qsizetype> UnitMenu::choose(QWidget *parent, const QString &productName,
                                          const QList<ProductUnit> &units,
                                          const QString &currencySymbol, const QPoint &where,
                                          std::optional<qint64> currentUnitId)
{
    UnitMenu menu(productName, units, currencySymbol, parent);
    if (currentUnitId) {
        menu.setCurrentUnit(*currentUnitId);
    }
    return menu.choose(where);
}
