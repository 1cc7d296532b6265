#pragma once

#include <QWidget>

#include <memory>

class QTimer;
class Services;
class StocktakeModel;

namespace Ui {
class StocktakeWidget;
}

/*!
 * A stocktake: narrow the sheet to a shelf or category, type what is there in full packs
 * and loose units, move on to the next shelf; posting sets the stock of every counted
 * product to its count and books the differences, in a few statements whatever the count.
 */
class StocktakeWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StocktakeWidget(Services &services, QWidget *parent = nullptr);
    ~StocktakeWidget() override;

    StocktakeModel *model() const { return m_model; }
    //! Stock changed elsewhere: the sheet reads it again when next shown; counts stay.
    void markStale();

Q_SIGNALS:
    void posted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void applyFilter();
    void updateCounted();
    void clearCounts();
    void post();

    std::unique_ptr<Ui::StocktakeWidget> m_ui;
    Services &m_services;
    StocktakeModel *m_model = nullptr;
    QTimer *m_searchTimer = nullptr;
    bool m_stale = true;
};
