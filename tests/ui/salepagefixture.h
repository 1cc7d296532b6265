#pragma once

#include "models/db/settingsrepository.h"
#include "models/domain/barcode.h"
#include "models/items/cartmodel.h"
#include "models/services/salerecovery.h"
#include "models/services/services.h"
#include "tests/common/namedchild.h"
#include "tests/common/stallproxy.h"
#include "tests/common/storefixture.h"
#include "ui/amountdialog.h"
#include "ui/messagestrip.h"
#include "ui/salepage.h"

#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

/*!
 * The sale screen's test bench, shared by the suites that drive it: a store with three products
 * and a signed-in cashier on one lane, the page on screen, and the keys a cashier presses into
 * the scan field and into the dialogs and menus it opens. init() and cleanup() run around every
 * test function of a suite derived from it.
 */
class SalePageFixture : public QObject
{
    Q_OBJECT

protected:
    static inline const QString kLane = u"1"_s;

    std::unique_ptr<StoreFixture> m_store;
    std::unique_ptr<StallProxy> m_proxy;
    std::unique_ptr<Database> m_proxiedDb;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<SalePage> m_page;
    QList<QTimer *> m_waiting;
    Product m_cola;
    Product m_bread;
    Product m_milk;
    QString m_canCode;
    QString m_packCode;
    QString m_breadCode;
    QString m_milkCode;

    template<typename T>
    T *child(const QString &name)
    {
        return namedChild<T>(*m_page, name);
    }
    QLineEdit *scanField() { return child<QLineEdit>(u"scanField"_s); }
    MessageStrip *strip() { return child<MessageStrip>(u"messageStrip"_s); }
    CartModel *cart() { return m_page->cartModel(); }

    //! Runs handler on the next modal dialog of type T once it is up and active (exec() blocks).
    template<typename T>
    void whenDialog(std::function<void(T *)> handler)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        m_waiting.append(timer);
        connect(timer, &QTimer::timeout, this, [this, timer, handler] {
            auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
            // Keys go to the active window: wait until the dialog is it.
            if (!dialog || !dialog->isVisible() || !dialog->isActiveWindow()) {
                return;
            }
            timer->stop();
            m_waiting.removeOne(timer);
            timer->deleteLater();
            const QPointer<T> guard(dialog);
            handler(dialog);
            // A check that failed inside the handler must not leave exec() waiting forever.
            if (QTest::currentTestFailed() && guard && guard->isVisible()) {
                guard->reject();
            }
        });
        timer->start();
    }
    //! Presses key in the next popup menu that opens (QMenu::exec() blocks too).
    void whenMenu(Qt::Key key)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        m_waiting.append(timer);
        connect(timer, &QTimer::timeout, this, [this, timer, key] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu || !menu->isVisible()) {
                return;
            }
            timer->stop();
            m_waiting.removeOne(timer);
            timer->deleteLater();
            QTest::keyClick(menu, key);
        });
        timer->start();
    }

    template<typename T>
    T *in(QWidget *dialog, const QString &name)
    {
        return namedChild<T>(*dialog, name);
    }

    void scan(const QString &text)
    {
        QTest::keyClicks(scanField(), text);
        QTest::keyClick(scanField(), Qt::Key_Return);
    }

    void showPage()
    {
        m_page = std::make_unique<SalePage>(*m_services);
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    void openShiftWithTheKeyboard()
    {
        QCOMPARE(child<QStackedWidget>(u"modeStack"_s)->currentWidget()->objectName(),
                 u"noShiftPane"_s);
        auto *button = child<QPushButton>(u"openShiftButton"_s);
        QCOMPARE(QApplication::focusWidget(), button);
        whenDialog<AmountDialog>([this](AmountDialog *dialog) {
            auto *amount = in<QLineEdit>(dialog, u"amountEdit"_s);
            QTest::keyClicks(amount, u"150"_s);
            QTest::keyClick(amount, Qt::Key_Return);
        });
        QTest::keyClick(button, Qt::Key_Return);
        QCOMPARE(child<QStackedWidget>(u"modeStack"_s)->currentWidget()->objectName(),
                 u"salePane"_s);
        QTRY_COMPARE(QApplication::focusWidget(), scanField());
        QCOMPARE(m_store->scalar(
                         u"SELECT opening_float_minor FROM shifts WHERE closed_at IS NULL"_s),
                 15000);
    }

private Q_SLOTS:
    void init()
    {
        SaleRecovery(SaleRecovery::defaultPath(kLane)).clear();
        m_store = StoreFixture::create();
        QVERIFY2(m_store, qPrintable(TestDatabase::lastError()));
        m_canCode = Barcode::withCheckDigit(u"400638133393"_s);
        m_packCode = u"96385074"_s;
        m_breadCode = Barcode::withCheckDigit(u"200000000001"_s);
        m_milkCode = Barcode::withCheckDigit(u"200000000002"_s);
        m_cola = m_store->addProduct(
                u"COLA"_s, u"Cola"_s,
                {{u"Can"_s, 1, 119, m_canCode}, {u"Six-pack"_s, 6, 649, m_packCode}}, 60);
        m_bread = m_store->addProduct(u"BREAD"_s, u"Bread"_s, {{u"Loaf"_s, 1, 250, m_breadCode}},
                                      20);
        m_milk = m_store->addProduct(u"MILK"_s, u"Milk"_s, {{u"Bottle"_s, 1, 99, m_milkCode}}, 30);
        const SettingsRepository settings(m_store->db());
        QVERIFY(settings.setValue(Setting::CurrencySymbol.key, u"€"_s));
        QVERIFY(settings.setValue(Setting::Currency.key, u"EUR"_s));
        m_services = m_store->services(m_store->cashier, kLane);
    }

    void cleanup()
    {
        for (QTimer *timer : std::as_const(m_waiting)) {
            timer->stop();
            timer->deleteLater();
        }
        m_waiting.clear();
        m_page.reset();
        m_services.reset();
        m_proxiedDb.reset();
        m_proxy.reset();
        m_store.reset();
        SaleRecovery(SaleRecovery::defaultPath(kLane)).clear();
    }
};
