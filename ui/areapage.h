#pragma once

#include <QWidget>

class QIcon;
class QString;

/*!
 * A workspace area that introduces itself: its icon, its title and one line about what
 * a person does there. Areas start as this page until their own screen replaces it.
 */
class AreaPage : public QWidget
{
    Q_OBJECT

public:
    AreaPage(const QIcon &icon, const QString &title, const QString &description,
             QWidget *parent = nullptr);
};
