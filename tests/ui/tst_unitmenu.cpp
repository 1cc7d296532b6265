#include "models/domain/product.h"
#include "ui/unitmenu.h"

#include <QAction>
#include <QApplication>
#include <QLocale>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

/*!
 * The one "Sell … as" menu of the sale screen, shown both when a searched product has
 * several units and when a line's unit is changed (F11).
 */
class TestUnitMenu : public QObject
{
    Q_OBJECT

    static QList<ProductUnit> units()
    {
        ProductUnit can;
        can.id = 11;
        can.name = u"Can"_s;
        can.price = Money::fromMinor(129);
        ProductUnit sixPack;
        sixPack.id = 12;
        sixPack.name = u"Six-pack"_s;
        sixPack.price = Money::fromMinor(699);
        ProductUnit crate;
        crate.id = 13;
        crate.name = u"Crate"_s;
        crate.price = Money::fromMinor(2450);
        return {can, sixPack, crate};
    }

    static QString price(qint64 minor)
    {
        return Money::fromMinor(minor).toString(QLocale(), u"€"_s);
    }

    //! What the menu showed while it was open.
    struct Seen
    {
        QString objectName;
        QStringList texts; //!< the section ("Sell … as") is an action too
        QStringList checked;
    };

    //! Notes what the next popup menu shows, then presses key in it (exec() blocks).
    void whenMenuOpens(Qt::Key key, Seen *seen)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer, key, seen] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu || !menu->isVisible()) {
                return;
            }
            timer->stop();
            timer->deleteLater();
            seen->objectName = menu->objectName();
            for (QAction *action : menu->actions()) {
                seen->texts.append(action->text());
                if (action->isChecked()) {
                    seen->checked.append(action->text());
                }
            }
            QTest::keyClick(menu, key);
        });
        timer->start();
    }

private Q_SLOTS:
    void listsTheUnitsWithTheirKeyAndPrice()
    {
        // Given a product sold as a can, a six-pack and a crate
        QWidget page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        Seen seen;

        // When the menu asks which one to sell and 2 is pressed
        whenMenuOpens(Qt::Key_2, &seen);
        const auto chosen = UnitMenu::choose(&page, u"Cola"_s, units(), u"€"_s, QPoint(0, 0));

        // Then it named the product and each unit with its key and price, none ticked, and
        // the six-pack (second) is chosen
        QCOMPARE(seen.objectName, u"unitMenu"_s);
        QCOMPARE(seen.texts, QStringList({u"Sell Cola as"_s, u"&1  Can · %1"_s.arg(price(129)),
                                          u"&2  Six-pack · %1"_s.arg(price(699)),
                                          u"&3  Crate · %1"_s.arg(price(2450))}));
        QVERIFY(seen.checked.isEmpty());
        QCOMPARE(chosen, std::optional<qsizetype>(1));
    }

    void ticksTheLinesUnit()
    {
        // Given a line sold as a crate
        QWidget page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        Seen seen;

        // When its unit is to be changed, and the cashier thinks better of it
        whenMenuOpens(Qt::Key_Escape, &seen);
        const auto chosen
                = UnitMenu::choose(&page, u"Cola"_s, units(), u"€"_s, QPoint(0, 0), qint64(13));

        // Then only the crate was ticked, and nothing is chosen
        QCOMPARE(seen.checked, QStringList{u"&3  Crate · %1"_s.arg(price(2450))});
        QCOMPARE(chosen, std::nullopt);
    }
};

QTEST_MAIN(TestUnitMenu)
#include "tst_unitmenu.moc"
