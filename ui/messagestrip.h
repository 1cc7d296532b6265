#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;
class QVariantAnimation;
struct ServiceError;

/*!
 * The sale screen's one line of news: what was just scanned, what went wrong, what
 * happened in the background (a receipt that did not print). It never takes the focus
 * and never blocks: a modal box would swallow the next scan. An error flashes red and
 * beeps, so a cashier looking at the customer still notices; an optional action button
 * ("Reprint") and a "Details…" button for the technical text sit at its right.
 * With a success timeout set, a success ("Saved as …") goes by itself after that long;
 * an error always stays until the next message or clear().
 */
class MessageStrip : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { None, Info, Success, Error };

    explicit MessageStrip(QWidget *parent = nullptr);

    void showInfo(const QString &message);
    void showSuccess(const QString &message);
    void showError(const QString &message, const QString &details = {});
    void showError(const ServiceError &error);
    //! Adds a button to the message shown now; it goes away with the message.
    void setAction(const QString &text, const QString &toolTip, std::function<void()> handler);
    void clear();
    //! How long a success stays, in ms; 0 (the default) keeps it until the next message.
    void setSuccessTimeout(int ms);
    int successTimeout() const { return m_successTimeout; }
    //! Shows a close button beside a message; closing clears it and emits expired().
    void setClosable(bool closable);

    QString text() const;
    Kind kind() const { return m_kind; }

Q_SIGNALS:
    //! A message went: a success by itself after its timeout, or one the person closed.
    void expired();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void present(Kind kind, const QString &message, const QString &details);
    void applyColours(const QColor &background);
    void showDetails();

    QLabel *m_label = nullptr;
    QPushButton *m_actionButton = nullptr;
    QPushButton *m_detailsButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    bool m_closable = false;
    QVariantAnimation *m_flash = nullptr;
    QTimer *m_successTimer = nullptr;
    int m_successTimeout = 0;
    Kind m_kind = Kind::None;
    QString m_details;
    std::function<void()> m_action;
};
