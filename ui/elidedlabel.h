#pragma once

#include <QLabel>

/*!
 * A one-line label that gives way on a narrow screen: it asks for no width of its own and
 * draws its text elided ("…") when it does not fit, with the whole text in its tool tip.
 * For status lines such as the database's path, never for figures.
 */
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(const QString &text = {}, QWidget *parent = nullptr);

    //! Sets the text and a tool tip that holds it whole, plus detail on lines after it.
    void setElidedText(const QString &text, const QString &detail = {});
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};
