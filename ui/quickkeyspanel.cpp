#include "ui/quickkeyspanel.h"

#include "ui/quickkeybutton.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

constexpr int kColumns = 3;

} // namespace

QuickKeysPanel::QuickKeysPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    for (int slot = 0; slot < QuickKey::kKeysPerPage; ++slot) {
        auto *button = new QuickKeyButton(this);
        button->setObjectName(u"quickKey%1"_s.arg(slot + 1));
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, slot] { press(slot); });
        grid->addWidget(button, slot / kColumns, slot % kColumns);
        m_buttons.append(button);
    }
    createPageBar(grid);
    showPage();
}

void QuickKeysPanel::createPageBar(QGridLayout *grid)
{
    m_pageBar = new QWidget(this);
    m_pageBar->setObjectName(u"quickKeyPageBar"_s);
    auto *bar = new QHBoxLayout(m_pageBar);
    bar->setContentsMargins(0, 0, 0, 0);
    auto *previous = new QPushButton(u"‹"_s, m_pageBar);
    previous->setObjectName(u"previousQuickKeysButton"_s);
    previous->setToolTip(tr("Previous page of quick keys (Alt+Page Up)"));
    auto *next = new QPushButton(u"›"_s, m_pageBar);
    next->setObjectName(u"nextQuickKeysButton"_s);
    next->setToolTip(tr("Next page of quick keys (Alt+Page Down)"));
    m_pageLabel = new QLabel(m_pageBar);
    m_pageLabel->setObjectName(u"quickKeyPageLabel"_s);
    m_pageLabel->setAlignment(Qt::AlignCenter);
    for (QPushButton *button : {previous, next}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
    }
    bar->addWidget(previous);
    bar->addWidget(m_pageLabel, 1);
    bar->addWidget(next);
    grid->addWidget(m_pageBar, QuickKey::kKeysPerPage / kColumns, 0, 1, kColumns);
    connect(previous, &QPushButton::clicked, this, [this] { turnPage(-1); });
    connect(next, &QPushButton::clicked, this, [this] { turnPage(1); });
}

void QuickKeysPanel::setShortcutScope(QWidget *scope)
{
    for (int slot = 0; slot < QuickKey::kKeysPerPage; ++slot) {
        // An action rather than the button's own shortcut, which clicks only 100 ms later:
        // a scan right after the key must come after its item, not before.
        auto *action = new QAction(scope);
        action->setShortcut(shortcut(slot));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, slot] { press(slot); });
        scope->addAction(action);
    }
    for (const auto &[key, by] : {std::pair{Qt::Key_PageUp, -1}, std::pair{Qt::Key_PageDown, 1}}) {
        auto *action = new QAction(scope);
        action->setShortcut(QKeySequence(Qt::ALT | key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, by = by] { turnPage(by); });
        scope->addAction(action);
    }
}

QKeySequence QuickKeysPanel::shortcut(int slot)
{
    static const Qt::Key keys[]
            = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5,     Qt::Key_6,
               Qt::Key_7, Qt::Key_8, Qt::Key_9, Qt::Key_0, Qt::Key_Minus, Qt::Key_Equal};
    if (slot < 0 || slot >= int(std::size(keys))) {
        return {};
    }
    return QKeySequence(Qt::ALT | keys[slot]);
}

void QuickKeysPanel::setKeys(const QList<QuickKey> &keys, const QString &currencySymbol)
{
    m_keys = keys;
    m_currencySymbol = currencySymbol;
    m_pages = 0;
    for (const QuickKey &key : std::as_const(m_keys)) {
        m_pages = std::max(m_pages, key.page() + 1);
    }
    m_page = std::clamp(m_page, 0, std::max(0, m_pages - 1));
    showPage();
}

const QuickKey *QuickKeysPanel::keyAt(int slot) const
{
    const int position = m_page * QuickKey::kKeysPerPage + slot;
    for (const QuickKey &key : m_keys) {
        if (key.position == position) {
            return &key;
        }
    }
    return nullptr;
}

void QuickKeysPanel::turnPage(int by)
{
    if (m_pages > 1) {
        m_page = (m_page + by + m_pages) % m_pages;
        showPage();
    }
}

void QuickKeysPanel::showPage()
{
    m_pageBar->setVisible(m_pages > 1);
    m_pageLabel->setText(tr("Page %1 of %2", "quick keys").arg(m_page + 1).arg(m_pages));
    for (int slot = 0; slot < m_buttons.size(); ++slot) {
        QuickKeyButton *button = m_buttons.at(slot);
        const QuickKey *key = keyAt(slot);
        button->setEnabled(key != nullptr);
        if (!key) {
            button->setText({});
            button->setToolTip({});
            continue;
        }
        // The whole name: the key wraps or shrinks its text rather than cut it off.
        QString name = key->text();
        const QString price = key->item.unit.price.toString(QLocale(), m_currencySymbol);
        button->setText(tr("%1  %2\n%3 · %4", "quick key: its number, product, unit · price")
                                .arg(QString::number(slot + 1), name.replace(u'&', u"&&"_s),
                                     key->item.unit.name, price));
        button->setToolTip(tr("%1, %2 (%3)", "quick key tooltip: product, unit (shortcut)")
                                   .arg(key->text(), key->item.unit.name,
                                        shortcut(slot).toString(QKeySequence::NativeText)));
    }
}

void QuickKeysPanel::press(int slot)
{
    if (const QuickKey *key = keyAt(slot)) {
        Q_EMIT keyPressed(*key);
    }
}
