#pragma once

#include <QDialog>

#include <memory>

class DiagnosticsService;
class OperationsModel;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class StatementsModel;

namespace Ui {
class DiagnosticsDialog;
}

/*!
 * What the database work of this till costs, live: each operation with its statement
 * count and time (operations that repeat a statement in a loop are highlighted), and the
 * statements of the selected one, and how well the conversion-rate cache answers. For
 * the people who look after the till; it changes nothing but the profiler's history.
 */
class DiagnosticsDialog : public QDialog
{
    Q_OBJECT

public:
    //! diagnostics must outlive the dialog; without a cache there are no cache figures.
    explicit DiagnosticsDialog(DiagnosticsService &diagnostics, QWidget *parent = nullptr);
    ~DiagnosticsDialog() override;

    //! How many of the newest operations the summary at the top speaks of.
    static constexpr int kPlainOperations = 5;
    //! The summary at the top, as a manager reads it: one line per recent operation.
    QString plainSummary() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setUpOperationsView();
    void setUpStatementsView();
    void handleCurrentOperationChanged(const QModelIndex &current);
    void clearHistory();
    void copySelectedStatements();
    void updateSummary();
    void updateStatementsNote();
    void updateCacheStats();

    std::unique_ptr<Ui::DiagnosticsDialog> m_ui;
    DiagnosticsService &m_diagnostics;
    OperationsModel *m_operations = nullptr;
    QSortFilterProxyModel *m_sortedOperations = nullptr;
    StatementsModel *m_statements = nullptr;
    QLabel *m_plainSummary = nullptr;
};
