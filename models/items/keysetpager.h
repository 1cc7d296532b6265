#pragma once

#include <QScopedValueRollback>
#include <QtGlobal>

/*!
 * What every list that pages by key keeps, in one place: where the next page starts (the
 * cursor, the key of the last row the database sent), whether the end was reached, whether
 * a page is on its way and whether the last one failed. A model's canFetchMore() answers
 * canFetch(), its fetchMore() reads the page after cursor() and hands it to pageArrived().
 *
 * canFetch() says no
 *  - at the end: a page shorter than the page size was the last, so the end costs no extra
 *    empty query;
 *  - while a page is in flight (read in the background), so the view does not ask twice;
 *  - while the model announces a change (announcing()): views and the model tester ask for
 *    more from inside the insert and reset signals, and a page read there would nest inside
 *    the previous one;
 *  - after a failure: the view would ask again at once, forever, so paging waits for
 *    clearFailure() (a retry) or a new first page.
 *
 * A new pager is at its end: nothing is paged until restart() or firstPageArrived().
 */
template<typename Cursor>
class KeysetPager
{
public:
    explicit KeysetPager(int pageSize)
        : m_pageSize(qMax(1, pageSize))
    {}

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    //! The view may ask for the next page now.
    bool canFetch() const { return !m_atEnd && !m_failed && !m_inFlight && !m_announcing; }
    //! Rows remain beyond those read (whether or not a page is being read now).
    bool hasMore() const { return !m_atEnd && !m_failed; }
    bool isAtEnd() const { return m_atEnd; }
    bool hasFailed() const { return m_failed; }
    bool isInFlight() const { return m_inFlight; }
    //! Where the next page starts; a default Cursor before the first row.
    const Cursor &cursor() const { return m_cursor; }

    //! Pages again from the first row (a new filter whose first page the view asks for).
    void restart() { reset(false); }
    //! Nothing to page (an emptied list) until restart() or firstPageArrived().
    void stop() { reset(true); }

    //! A page was asked for: no other is until it arrives, fails or is abandoned.
    void pageRequested() { m_inFlight = true; }
    /*!
     * A page arrived; keyOf(row) gives the cursor after the page's last row. A page
     * shorter than the page size was the last.
     */
    template<typename Rows, typename KeyOf>
    void pageArrived(const Rows &page, KeyOf keyOf)
    {
        m_inFlight = false;
        m_failed = false;
        m_atEnd = page.size() < m_pageSize;
        if (!page.isEmpty()) {
            m_cursor = keyOf(page.constLast());
        }
    }
    //! The first page of a new list arrived: paging goes on after it, whatever went before.
    template<typename Rows, typename KeyOf>
    void firstPageArrived(const Rows &page, KeyOf keyOf)
    {
        restart();
        pageArrived(page, keyOf);
    }
    //! The page could not be read: no page is asked for until clearFailure() or a restart.
    void pageFailed()
    {
        m_inFlight = false;
        m_failed = true;
    }
    /*!
     * The page asked for will not come, and the list stays as it was (a new filter whose
     * first page failed keeps the rows shown): paging goes on as before.
     */
    void abandonRequest() { m_inFlight = false; }
    //! After a failure: the view may ask again.
    void clearFailure() { m_failed = false; }

    /*!
     * Held while the model announces a change (from before begin...() to after end...()),
     * so no page is read from inside its signals:
     *
     *     const auto announcing = m_pager.announcing();
     *     beginInsertRows(...); ... endInsertRows();
     */
    [[nodiscard]] QScopedValueRollback<bool> announcing()
    {
        return QScopedValueRollback<bool>(m_announcing, true);
    }
    bool isAnnouncing() const { return m_announcing; }

private:
    void reset(bool atEnd)
    {
        m_cursor = Cursor();
        m_atEnd = atEnd;
        m_failed = false;
        m_inFlight = false;
    }

    Cursor m_cursor = Cursor();
    int m_pageSize;
    bool m_atEnd = true;
    bool m_failed = false;
    bool m_inFlight = false;
    bool m_announcing = false;
};
