#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
struct ServiceError;

/*!
 * A line in a form that says what went wrong, in the person's language, with a
 * "Details…" button when there is technical text (a driver error) for whoever looks after
 * the till. Hidden while there is nothing to say. Dialogs keep their fields as they are
 * and show the banner, so a typo costs one correction, not the whole form.
 */
class ErrorBanner : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const ServiceError &error);
    void showMessage(const QString &message, const QString &details = {});
    void clear();
    QString text() const;

    /*!
     * A message box for an error that has no form to live in: the sentence as its text,
     * the technical part behind "Show Details...".
     */
    static void report(QWidget *parent, const QString &title, const ServiceError &error);

private:
    void showDetails();

    QLabel *m_label = nullptr;
    QPushButton *m_detailsButton = nullptr;
    QString m_details;
};
