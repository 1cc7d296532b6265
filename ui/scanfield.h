#pragma once

#include "models/domain/product.h"
#include "models/domain/scaninput.h"

#include <QLineEdit>

class ProductSearchModel;
class QTableView;
class QTimer;

/*!
 * The sale screen's scan field: a barcode ("3*" before it sells three), or text that
 * searches names and SKUs in a list under the field (one query per pause in typing, paged
 * as it scrolls). The list never takes the focus, so a scanner's keys always land here;
 * ↑ ↓ Page Up/Down move in it, Enter or a click chooses, Esc closes it.
 *
 * Keys that act on the sale's lines while the field is empty (+ − Delete, and ↑ ↓ with no
 * list open) are handed on as signals: the field does not know the sale.
 */
class ScanField : public QLineEdit
{
    Q_OBJECT

public:
    //! Shorter text is not searched as it is typed: too many products would match.
    static constexpr int kSearchMinimumLength = 2;

    explicit ScanField(QWidget *parent = nullptr);

    /*!
     * Searches with model; the list is a child of host laid over it, at least as wide as
     * widthOf (product names are long).
     */
    void setSearch(ProductSearchModel *model, QWidget *host, QWidget *widthOf);

    //! The text as quantity and code (models/domain/scaninput.h).
    ScanInput input() const { return parseScanInput(text()); }

    //! Runs the search for text at once; false when it could not be read.
    bool searchNow(const QString &text);
    //! The rows the last search found.
    int resultCount() const;
    bool isSearchShown() const;
    //! Puts the list under the field and shows it, on its first row.
    void showSearch();
    void hideSearch();
    //! After the host changed size: an open list follows the field.
    void placeSearch();
    //! Enter with the list open chooses its current row; false when there is none.
    bool chooseShownResult();
    //! Forgets a search waiting for a pause in typing.
    void cancelPendingSearch();
    //! Marks the text as wrong (red, selected) until the next key.
    void flashError();

Q_SIGNALS:
    //! A product chosen from the list, with the quantity typed before it (or one).
    void resultChosen(const Product &product, qint64 quantity);
    //! A search as typed found nothing.
    void nothingMatches(const QString &text);
    //! ↑ or ↓ with no list open: the line above or below.
    void lineStepRequested(int by);
    //! + on an empty field.
    void raiseRequested();
    //! − on an empty field.
    void lowerRequested();
    //! Delete on an empty field.
    void voidRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createSearchList(QWidget *host);
    void handleTextEdited(const QString &text);
    void runSearch();
    void moveInSearch(int rows);
    void chooseResult(int row);
    bool handleKey(QKeyEvent *event);

    ProductSearchModel *m_search = nullptr;
    QTableView *m_searchList = nullptr;
    QWidget *m_widthOf = nullptr;
    QWidget *m_host = nullptr;
    QTimer *m_searchTimer = nullptr;
};
