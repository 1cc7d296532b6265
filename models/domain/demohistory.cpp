#include "models/domain/demohistory.h"

#include "models/domain/money.h"

#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <numeric>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QUuid kUuidNamespace(u"{6f1c9a0e-51b2-4c37-9d0e-7a1e5b2c3d40}"_s);

//! Picks an index with probability proportional to its weight.
class WeightedPicker
{
public:
    explicit WeightedPicker(const QList<qint64> &weights)
    {
        qint64 sum = 0;
        for (qint64 w : weights) {
            sum += w;
            m_cumulative.append(sum);
        }
    }
    int pick(QRandomGenerator &rng) const
    {
        const qint64 r
                = static_cast<qint64>(rng.bounded(static_cast<quint64>(m_cumulative.constLast())));
        const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), r);
        return static_cast<int>(it - m_cumulative.cbegin());
    }

private:
    QList<qint64> m_cumulative;
};

qint64 taxIncluded(qint64 gross, qint64 rateBp)
{
    return roundedDiv(gross, rateBp, 10000 + rateBp).value_or(0);
}

QDateTime localTime(const QDate &day, int hour, int minute, int second)
{
    return QDateTime(day, QTime(hour, minute, second));
}

QString shiftKey(const QDate &day, const QString &lane)
{
    return day.toString(Qt::ISODate) + u'/' + lane;
}

// Popularity: a long tail, with the order of products shuffled once.
QList<qint64> popularity(qsizetype products, QRandomGenerator &rng)
{
    QList<int> order(products);
    std::iota(order.begin(), order.end(), 0);
    for (qsizetype i = order.size() - 1; i > 0; --i) {
        std::swap(order[i], order[rng.bounded(static_cast<int>(i + 1))]);
    }
    QList<qint64> weights(products);
    for (qsizetype rank = 0; rank < order.size(); ++rank) {
        weights[order.at(rank)] = 1000000 / (rank + 4);
    }
    return weights;
}

/*!
 * Draws the history in one fixed order from one generator: changing the order of the
 * draws changes every store made from the seed.
 */
class Generator
{
public:
    Generator(const QList<DemoProduct> &catalogue, const DemoHistory::Plan &plan)
        : m_catalogue(catalogue)
        , m_plan(plan)
        , m_rng(plan.seed)
        , m_productPicker(popularity(catalogue.size(), m_rng))
    {}

    DemoHistory run()
    {
        for (QDate day = m_plan.first; day < m_plan.end; day = day.addDays(1)) {
            addDay(day);
        }
        addRefunds();
        addLedger();
        return std::move(m_history);
    }

private:
    void addDay(const QDate &day);
    DemoBill makeBill(const QDate &day, const QStringList &lanes, bool secondLane);
    void addLines(DemoBill &bill);
    void addPayments(DemoBill &bill);
    void addRefunds();
    std::optional<DemoRefund> makeRefund(qsizetype billIndex);
    void addLedger();

    const QList<DemoProduct> &m_catalogue;
    const DemoHistory::Plan &m_plan;
    QRandomGenerator m_rng;
    const WeightedPicker m_productPicker;
    const WeightedPicker m_hourPicker{{3, 6, 6, 7, 9, 11, 9, 6, 6, 8, 11, 10, 6, 3}}; // 7..20 h
    const WeightedPicker m_linesPicker{{22, 20, 16, 12, 9, 7, 5, 4, 3, 2}};           // 1..10
    const WeightedPicker m_quantityPicker{{75, 17, 6, 1, 1}};                         // 1..5

    DemoHistory m_history;
    // Numbers per lane start at 1, whatever the lanes are called.
    QHash<QString, qint64> m_lastBill;
    QHash<QString, qint64> m_lastZ;
    // Per day and lane, the shift's index, for refunds on later days.
    QHash<QString, int> m_shiftOf;
    int m_billSerial = 0;
};

void Generator::addDay(const QDate &day)
{
    // Monday .. Sunday, in percent of an average day.
    static constexpr int kWeekdayFactor[] = {90, 90, 100, 105, 125, 140, 55};
    const int factor = kWeekdayFactor[day.dayOfWeek() - 1];
    const int billsToday = m_plan.billsPerDay * factor / 100 * (85 + m_rng.bounded(31)) / 100;
    // A second lane opens on the busy days.
    const bool secondLane = factor >= 125;
    QStringList lanes{m_plan.lane};
    if (secondLane) {
        lanes << (m_plan.lane == u"2"_s ? u"1"_s : u"2"_s);
    }
    for (qsizetype l = 0; l < lanes.size(); ++l) {
        DemoShift shift;
        shift.lane = lanes.at(l);
        shift.cashier = m_plan.cashiers.at((day.dayOfYear() + l) % m_plan.cashiers.size());
        shift.zNumber = ++m_lastZ[shift.lane];
        shift.openedAt = localTime(day, 6, 45, 0);
        shift.closedAt = localTime(day, 21, 10 + m_rng.bounded(20), 0);
        shift.countedDifference = m_rng.bounded(10) == 0 ? (m_rng.bounded(3) - 1) * 50 : 0;
        m_shiftOf.insert(shiftKey(day, shift.lane), static_cast<int>(m_history.shifts.size()));
        m_history.shifts.append(shift);
    }

    QList<DemoBill> today;
    for (int b = 0; b < billsToday; ++b) {
        today.append(makeBill(day, lanes, secondLane));
    }
    // Numbers follow the clock within each lane, as they do at a real till.
    std::sort(today.begin(), today.end(), [](const auto &a, const auto &b) { return a.at < b.at; });
    for (DemoBill &bill : today) {
        bill.number = ++m_lastBill[bill.lane];
        DemoShift &shift = m_history.shifts[m_shiftOf.value(shiftKey(day, bill.lane))];
        bill.zNumber = shift.zNumber;
        bill.cashier = shift.cashier;
        for (const DemoPayment &payment : std::as_const(bill.payments)) {
            if (payment.method == Tender::Method::Cash) {
                shift.cashIn += payment.amount;
            }
        }
        m_history.bills.append(bill);
    }
}

DemoBill Generator::makeBill(const QDate &day, const QStringList &lanes, bool secondLane)
{
    DemoBill bill;
    bill.lane = lanes.at(secondLane && m_rng.bounded(100) < 40 ? 1 : 0);
    bill.at = localTime(day, 7 + m_hourPicker.pick(m_rng), m_rng.bounded(60), m_rng.bounded(60));
    addLines(bill);
    addPayments(bill);
    bill.uuid = QUuid::createUuidV5(kUuidNamespace, u"bill-%1"_s.arg(++m_billSerial))
                        .toString(QUuid::WithoutBraces);
    return bill;
}

void Generator::addLines(DemoBill &bill)
{
    const int lineCount = 1 + m_linesPicker.pick(m_rng);
    QHash<int, int> lineOfProduct;
    for (int i = 0; i < lineCount; ++i) {
        const int p = m_productPicker.pick(m_rng);
        const DemoProduct &product = m_catalogue.at(p);
        int unit = 0;
        if (product.units.size() > 1 && m_rng.bounded(100) < 12) {
            unit = 1 + m_rng.bounded(static_cast<int>(product.units.size() - 1));
        }
        const qint64 quantity = 1 + m_quantityPicker.pick(m_rng);
        const int existing = lineOfProduct.value(p * 16 + unit, -1);
        if (existing >= 0) {
            bill.lines[existing].quantity += quantity;
            continue;
        }
        lineOfProduct.insert(p * 16 + unit, static_cast<int>(bill.lines.size()));
        DemoLine line;
        line.product = p;
        line.unit = unit;
        line.quantity = quantity;
        line.unitPrice = product.units.at(unit).priceMinor;
        line.taxRateBp = product.taxRateBp;
        line.discount = m_rng.bounded(100) < 3 ? -1 : 0; // decided once the quantity is final
        bill.lines.append(line);
    }
    for (DemoLine &line : bill.lines) {
        const DemoUnit &unit = m_catalogue.at(line.product).units.at(line.unit);
        line.baseQuantity = line.quantity * unit.basePerUnit;
        const qint64 gross = line.unitPrice * line.quantity;
        line.discount = line.discount < 0 ? roundedDiv(gross, 1000, 10000).value_or(0) : 0;
        line.total = gross - line.discount;
        line.tax = taxIncluded(line.total, line.taxRateBp);
        bill.total += line.total;
        bill.tax += line.tax;
        bill.discount += line.discount;
    }
}

void Generator::addPayments(DemoBill &bill)
{
    const int method = m_rng.bounded(100);
    if (method < 55) {
        bill.payments.append({Tender::Method::Card, bill.total, -1, 0,
                              u"DEMO-%1"_s.arg(100000 + m_rng.bounded(900000))});
    } else if (method < 95 || bill.total < 1000) {
        static constexpr qint64 kNotes[] = {500, 1000, 2000, 5000, 10000};
        qint64 tendered = bill.total;
        if (m_rng.bounded(3) != 0) {
            for (qint64 note : kNotes) {
                if (note >= bill.total) {
                    tendered = note;
                    break;
                }
            }
        }
        bill.payments.append(
                {Tender::Method::Cash, bill.total, tendered, tendered - bill.total, {}});
    } else {
        const qint64 card = bill.total / 2 / 100 * 100;
        bill.payments.append({Tender::Method::Card, card, -1, 0,
                              u"DEMO-%1"_s.arg(100000 + m_rng.bounded(900000))});
        bill.payments.append({Tender::Method::Cash, bill.total - card, bill.total - card, 0, {}});
    }
}

void Generator::addRefunds()
{
    // About 2 % of bills come back, in part or whole, a few days later.
    for (qsizetype b = 0; b < m_history.bills.size(); ++b) {
        if (m_rng.bounded(1000) >= 20) {
            continue;
        }
        if (auto refund = makeRefund(b)) {
            m_history.refunds.append(*refund);
        }
    }
    // Refunds were made in bill order; numbers must follow the clock per lane.
    std::sort(m_history.refunds.begin(), m_history.refunds.end(),
              [](const auto &a, const auto &b) { return a.at < b.at; });
    QHash<QString, qint64> refundNumber;
    for (DemoRefund &refund : m_history.refunds) {
        refund.number = ++refundNumber[refund.lane];
    }
}

std::optional<DemoRefund> Generator::makeRefund(qsizetype billIndex)
{
    DemoBill &bill = m_history.bills[billIndex];
    DemoRefund refund;
    refund.bill = static_cast<int>(billIndex);
    refund.line = m_rng.bounded(static_cast<int>(bill.lines.size()));
    DemoLine &line = bill.lines[refund.line];
    const qint64 perUnit = m_catalogue.at(line.product).units.at(line.unit).basePerUnit;
    const qint64 units = line.quantity > 1 && m_rng.bounded(2) == 0
                                 ? 1 + m_rng.bounded(static_cast<int>(line.quantity - 1))
                                 : line.quantity;
    refund.baseQuantity = units * perUnit;
    refund.amount = roundedDiv(line.total, refund.baseQuantity, line.baseQuantity).value_or(0);
    refund.restock = m_rng.bounded(100) < 85;
    const QStringList &reasons = DemoHistory::refundReasons();
    refund.reason = reasons.at(m_rng.bounded(static_cast<int>(reasons.size())));
    QDate day = bill.at.date().addDays(m_rng.bounded(4));
    if (day >= m_plan.end) {
        day = bill.at.date();
    }
    refund.at = localTime(day, 10 + m_rng.bounded(8), m_rng.bounded(60), m_rng.bounded(60));
    if (refund.at <= bill.at) {
        refund.at = bill.at.addSecs(600);
    }
    refund.lane = m_plan.lane;
    const int shiftIndex = m_shiftOf.value(shiftKey(refund.at.date(), refund.lane), -1);
    // No shift open at that time on the refund's lane: the bill stays as it was sold.
    if (shiftIndex < 0 || refund.at >= m_history.shifts.at(shiftIndex).closedAt) {
        return std::nullopt;
    }
    line.refundedBase = refund.baseQuantity;
    DemoShift &shift = m_history.shifts[shiftIndex];
    refund.zNumber = shift.zNumber;
    const bool paidCash
            = std::any_of(bill.payments.cbegin(), bill.payments.cend(),
                          [](const auto &p) { return p.method == Tender::Method::Cash; });
    refund.method = paidCash ? Tender::Method::Cash : Tender::Method::Card;
    if (paidCash) {
        shift.cashOut += refund.amount;
    }
    refund.uuid = QUuid::createUuidV5(kUuidNamespace, u"refund-%1"_s.arg(billIndex))
                          .toString(QUuid::WithoutBraces);
    return refund;
}

void Generator::addLedger()
{
    QList<DemoMovement> &ledger = m_history.ledger;
    QList<qint64> moved(m_catalogue.size(), 0);
    // One row per product and bill, as a sale commits them.
    for (qsizetype b = 0; b < m_history.bills.size(); ++b) {
        const DemoBill &bill = m_history.bills.at(b);
        QMap<int, qint64> perProduct;
        for (const DemoLine &line : bill.lines) {
            perProduct[line.product] += line.baseQuantity;
        }
        for (auto it = perProduct.cbegin(); it != perProduct.cend(); ++it) {
            ledger.append({it.key(), -it.value(), u"sale"_s, static_cast<int>(b), -1, bill.at});
            moved[it.key()] -= it.value();
        }
    }
    // As the till books a refund: everything comes back, and what is damaged leaves again.
    for (qsizetype r = 0; r < m_history.refunds.size(); ++r) {
        const DemoRefund &refund = m_history.refunds.at(r);
        const int product = m_history.bills.at(refund.bill).lines.at(refund.line).product;
        const int index = static_cast<int>(r);
        ledger.append({product, refund.baseQuantity, u"refund"_s, -1, index, refund.at});
        if (refund.restock) {
            moved[product] += refund.baseQuantity;
        } else {
            ledger.append({product, -refund.baseQuantity, u"damaged"_s, -1, index, refund.at});
        }
    }
    // Opening stock: enough that the history never dips below zero and the shelves end
    // between one and four reorder levels full, with a few products running low.
    QRandomGenerator rng(m_plan.seed + 1);
    const QDateTime opening = DemoHistory::openingTime(m_plan);
    for (qsizetype p = 0; p < m_catalogue.size(); ++p) {
        const DemoProduct &product = m_catalogue.at(p);
        const qint64 level
                = std::max<qint64>(product.reorderLevel, product.units.constFirst().basePerUnit);
        const qint64 endStock = rng.bounded(100) < 6 ? level * (20 + rng.bounded(70)) / 100
                                                     : level * (100 + rng.bounded(300)) / 100;
        ledger.append({static_cast<int>(p), endStock - moved.at(p), u"opening"_s, -1, -1, opening});
    }
}

} // namespace

DemoHistory DemoHistory::generate(const QList<DemoProduct> &catalogue, const Plan &plan)
{
    if (catalogue.isEmpty()) {
        return {};
    }
    return Generator(catalogue, plan).run();
}

const QStringList &DemoHistory::refundReasons()
{
    static const QStringList reasons{u"Damaged packaging"_s, u"Changed mind"_s, u"Wrong item"_s,
                                     u"Past best-before date"_s, u"Faulty"_s};
    return reasons;
}

QDateTime DemoHistory::openingTime(const Plan &plan)
{
    return localTime(plan.first.addDays(-1), 6, 0, 0);
}
