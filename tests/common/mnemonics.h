#pragma once

#include <QAbstractButton>
#include <QLabel>
#include <QList>
#include <QMultiHash>
#include <QString>
#include <QWidget>

using namespace Qt::StringLiterals;

//! The mnemonic letter of a text ("Store &name" -> "N"), or empty.
inline QString mnemonicOf(QString text)
{
    text.replace(u"&&"_s, QString());
    const qsizetype amp = text.indexOf(u'&');
    if (amp < 0 || amp + 1 >= text.size()) {
        return {};
    }
    return text.at(amp + 1).toUpper();
}

/*!
 * The mnemonics of the visible widgets among widgets (buttons, and labels with a buddy),
 * by letter: a letter with more than one text is a key that reaches two places.
 */
inline QMultiHash<QString, QString> visibleMnemonics(const QList<QWidget *> &widgets)
{
    QMultiHash<QString, QString> found;
    for (QWidget *widget : widgets) {
        if (!widget || !widget->isVisible()) {
            continue;
        }
        QString text;
        if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy()) {
            text = label->text();
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            text = button->text();
        }
        if (const QString key = mnemonicOf(text); !key.isEmpty()) {
            found.insert(key, text);
        }
    }
    return found;
}
