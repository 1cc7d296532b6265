#pragma once

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QComboBox>
#include <QVariant>

/*!
 * Puts a QAbstractItemModelTester on every model the views under root show (and on the
 * source of a proxy), so a screen's own models are checked while a test drives it: each
 * row inserted, reset or changed must keep the model consistent, or the test fails there.
 * Call it right after the screen is made; a tester lives as long as its model. The lists
 * of combo boxes are left alone: their models are Qt's own or the catalogue's pickers.
 */
inline void watchItemModels(QObject *root)
{
    const auto watch = [](QAbstractItemModel *model) {
        if (!model || model->property("tillModelTester").toBool()) {
            return;
        }
        model->setProperty("tillModelTester", true);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     model);
    };
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        bool inComboBox = false;
        for (QObject *up = view->parent(); up && up != root; up = up->parent()) {
            inComboBox = inComboBox || qobject_cast<QComboBox *>(up);
        }
        if (inComboBox) {
            continue;
        }
        QAbstractItemModel *model = view->model();
        watch(model);
        while (auto *proxy = qobject_cast<QAbstractProxyModel *>(model)) {
            model = proxy->sourceModel();
            watch(model);
        }
    }
}
