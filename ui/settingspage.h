#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

#include <memory>

class SettingsService;

namespace Ui {
class SettingsPage;
}

/*!
 * The Settings area: the store's name, address and tax number, currency and tax mode,
 * cash rounding, the cashiers' discount limit, selling without stock, and when the till
 * locks. Save sends only what changed to SettingsService, which checks everything and
 * writes it at once; its refusal shows above the buttons and the form keeps the edits.
 */
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(SettingsService &settings, QWidget *parent = nullptr);
    ~SettingsPage() override;

    //! Shows the stored values, dropping unsaved edits.
    void reload();
    //! Saves the edits; false when the service refused (the reason is shown).
    bool save();

Q_SIGNALS:
    //! "Arrange the quick keys" was pressed: the window opens QuickKeysEditor.
    void quickKeysRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void connectEdits();
    QHash<QString, QString> formValues() const;
    void showValues(const QHash<QString, QString> &values);
    QHash<QString, QString> changes() const;
    void handleEdited();

    std::unique_ptr<Ui::SettingsPage> m_ui;
    SettingsService &m_settings;
    QHash<QString, QString> m_stored;
    bool m_loaded = false;
};
