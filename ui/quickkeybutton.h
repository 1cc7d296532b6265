#pragma once

#include <QPushButton>

/*!
 * A key of the quick-key grid whose text is never cut off: it wraps at word boundaries,
 * and when a word or the lines still do not fit, the font shrinks until they do; a key too
 * small even then shortens the name by words ("…"), never the price line.
 *
 *     auto *key = new QuickKeyButton(panel);
 *     key->setText(u"Organic wholegrain spelt bread\n2.49 €"_s);
 */
class QuickKeyButton : public QPushButton
{
    Q_OBJECT

public:
    explicit QuickKeyButton(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    //! The font, from font down to a readable minimum, at which text wrapped fits size.
    static QFont fittedFont(const QString &text, QFont font, const QSize &size);
    /*!
     * The text as drawn at font in size: whole when it fits, else its first line (the
     * name) shortened by words with "…", so nothing is drawn outside the key.
     */
    static QString shortenedToFit(const QString &text, const QFont &font, const QSize &size);
    //! Where the text goes: the button's contents rectangle.
    QRect textRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};
