#include "ui/scanfield.h"

#include "models/items/productsearchmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QStyle>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// One query per pause in typing: a person types a letter every 100-200 ms, a scanner a
// whole code in a few, so 200 ms of quiet means the person is waiting for the list.
constexpr int kSearchDelayMs = 200;

constexpr int kListRows = 8;
constexpr int kStockColumnWidth = 220;

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

ScanField::ScanField(QWidget *parent)
    : QLineEdit(parent)
    , m_searchTimer(new QTimer(this))
{
    QFont scanFont = font();
    if (scanFont.pointSizeF() > 0) {
        scanFont.setPointSizeF(scanFont.pointSizeF() * 1.4);
    }
    setFont(scanFont);
    setPlaceholderText(
            tr("Scan or search", "placeholder of the scan field; the tool tip explains more"));
    setToolTip(tr("Scan a barcode or type it and press Enter. Text searches names "
                  "and SKUs. 3* before a code sells three (F3)."));
    setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    connect(this, &QLineEdit::textEdited, this, &ScanField::handleTextEdited);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &ScanField::runSearch);
}

void ScanField::setSearch(ProductSearchModel *model, QWidget *host, QWidget *widthOf)
{
    m_search = model;
    m_host = host;
    m_widthOf = widthOf;
    createSearchList(host);
}

void ScanField::createSearchList(QWidget *host)
{
    // A child of the page laid over it rather than a popup window: it never takes the
    // focus, so the scan field keeps receiving the scanner's keys while it is open.
    m_searchList = new QTableView(host);
    m_searchList->setObjectName(u"searchPopup"_s);
    m_searchList->setModel(m_search);
    m_searchList->setFocusPolicy(Qt::NoFocus);
    m_searchList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_searchList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_searchList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_searchList->setShowGrid(false);
    m_searchList->setWordWrap(false);
    m_searchList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_searchList->verticalHeader()->hide();
    QHeaderView *header = m_searchList->horizontalHeader();
    header->hide();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProductSearchModel::NameColumn, QHeaderView::Stretch);
    // Stock of a product sold by weight reads long ("16 × 1 kg pot + 150 × Gram"): the
    // name matters more, so stock gets a fixed share and is elided.
    header->setSectionResizeMode(ProductSearchModel::StockColumn, QHeaderView::Fixed);
    header->resizeSection(ProductSearchModel::StockColumn, kStockColumnWidth);
    m_searchList->setTextElideMode(Qt::ElideRight);
    m_searchList->hide();
    connect(m_searchList, &QTableView::clicked, this,
            [this](const QModelIndex &index) { chooseResult(index.row()); });
}

void ScanField::keyPressEvent(QKeyEvent *event)
{
    if (handleKey(event)) {
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

bool ScanField::handleKey(QKeyEvent *event)
{
    const bool empty = text().isEmpty();
    const bool shown = isSearchShown();
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (shown) {
            moveInSearch(event->key() == Qt::Key_Up ? -1 : 1);
        } else {
            Q_EMIT lineStepRequested(event->key() == Qt::Key_Up ? -1 : 1);
        }
        return true;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (shown) {
            moveInSearch(event->key() == Qt::Key_PageUp ? -kListRows : kListRows);
        }
        return shown;
    case Qt::Key_Escape:
        if (shown) {
            hideSearch();
            return true;
        }
        if (!empty) {
            clear();
            return true;
        }
        return false;
    case Qt::Key_Plus:
        if (empty) {
            Q_EMIT raiseRequested();
        }
        return empty;
    case Qt::Key_Minus:
        if (empty) {
            Q_EMIT lowerRequested();
        }
        return empty;
    case Qt::Key_Delete:
        if (empty) {
            Q_EMIT voidRequested();
        }
        return empty;
    default:
        return false;
    }
}

void ScanField::handleTextEdited(const QString &text)
{
    if (property("error").toBool()) {
        setProperty("error", false);
        repolish(this);
    }
    const ScanInput input = parseScanInput(text);
    // Digits are a barcode on its way: a scanner must not set off a query per digit.
    if (input.rest.size() >= kSearchMinimumLength && !isAllDigits(input.rest)) {
        m_searchTimer->start();
    } else {
        m_searchTimer->stop();
        hideSearch();
    }
}

void ScanField::runSearch()
{
    const ScanInput input = this->input();
    if (input.rest.size() < kSearchMinimumLength || isAllDigits(input.rest)) {
        return;
    }
    if (!searchNow(input.rest)) {
        return;
    }
    if (m_search->rowCount() == 0) {
        hideSearch();
        Q_EMIT nothingMatches(input.rest);
        return;
    }
    showSearch();
}

bool ScanField::searchNow(const QString &text)
{
    m_searchTimer->stop();
    return m_search->search(text);
}

int ScanField::resultCount() const
{
    return m_search->rowCount();
}

bool ScanField::isSearchShown() const
{
    return m_searchList && m_searchList->isVisible();
}

void ScanField::showSearch()
{
    m_searchList->ensurePolished();
    m_searchList->verticalHeader()->setDefaultSectionSize(m_searchList->fontMetrics().height()
                                                          + 14);
    const QRect field(mapTo(m_host, QPoint(0, 0)), size());
    const int rows = std::min(m_search->rowCount(), kListRows);
    const int height = rows * m_searchList->verticalHeader()->defaultSectionSize()
                       + 2 * m_searchList->frameWidth();
    // As wide as the page: product names are long, and the list is gone after a choice.
    const int width = std::max(field.width(), m_widthOf->width());
    m_searchList->setGeometry(field.left(), field.bottom() + 2, width, height);
    if (!m_searchList->currentIndex().isValid() && m_search->rowCount() > 0) {
        m_searchList->setCurrentIndex(m_search->index(0, 0));
    }
    m_searchList->show();
    m_searchList->raise();
}

void ScanField::hideSearch()
{
    if (m_searchList) {
        m_searchList->hide();
    }
}

void ScanField::placeSearch()
{
    if (isSearchShown()) {
        showSearch();
    }
}

void ScanField::moveInSearch(int rows)
{
    const int count = m_search->rowCount();
    if (count == 0) {
        return;
    }
    int row = m_searchList->currentIndex().isValid() ? m_searchList->currentIndex().row() : -1;
    row += rows;
    if (row >= count && m_search->canFetchMore({})) {
        m_search->fetchMore({});
    }
    row = std::clamp(row, 0, m_search->rowCount() - 1);
    m_searchList->setCurrentIndex(m_search->index(row, 0));
    m_searchList->scrollTo(m_search->index(row, 0));
}

bool ScanField::chooseShownResult()
{
    if (!isSearchShown() || !m_searchList->currentIndex().isValid()) {
        return false;
    }
    chooseResult(m_searchList->currentIndex().row());
    return true;
}

void ScanField::chooseResult(int row)
{
    if (row < 0 || row >= m_search->rowCount()) {
        return;
    }
    const Product product = m_search->product(row);
    const qint64 quantity = input().quantityToSell();
    hideSearch();
    Q_EMIT resultChosen(product, quantity);
}

void ScanField::cancelPendingSearch()
{
    m_searchTimer->stop();
}

void ScanField::flashError()
{
    setProperty("error", true);
    repolish(this);
    selectAll();
}
