#include "ui/quickkeyseditor.h"

#include "models/services/services.h"
#include "ui/errorbanner.h"
#include "ui/productchooserdialog.h"
#include "ui/quickkeybutton.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int kColumns = 3; //!< as the sale screen lays the keys out
constexpr int kPerPage = QuickKey::kKeysPerPage;

QString escaped(QString text)
{
    return text.replace(u'&', u"&&"_s);
}
} // namespace

QuickKeysEditor::QuickKeysEditor(Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
{
    setObjectName(u"QuickKeysEditor"_s);
    setWindowTitle(tr("Quick keys"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Choose a key, then put a product on it, move it or empty it. "
                                "The sale screen shows the keys page by page."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *pagesRow = new QHBoxLayout;
    m_pages = new QTabBar(this);
    m_pages->setObjectName(u"pageTabs"_s);
    m_pages->setExpanding(false);
    pagesRow->addWidget(m_pages, 1);
    m_addPageButton = new QPushButton(tr("&Add a page"), this);
    m_addPageButton->setObjectName(u"addPageButton"_s);
    pagesRow->addWidget(m_addPageButton);
    layout->addLayout(pagesRow);

    auto *body = new QHBoxLayout;
    auto *grid = new QGridLayout;
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    for (int slot = 0; slot < kPerPage; ++slot) {
        auto *button = new QuickKeyButton(this);
        button->setObjectName(u"key%1"_s.arg(slot + 1));
        button->setCheckable(true);
        button->setMinimumSize(120, 72);
        m_group->addButton(button, slot);
        grid->addWidget(button, slot / kColumns, slot % kColumns);
        m_buttons.append(button);
    }
    body->addLayout(grid, 1);

    auto *actions = new QVBoxLayout;
    m_selectionLabel = new QLabel(this);
    m_selectionLabel->setObjectName(u"selectionLabel"_s);
    m_selectionLabel->setWordWrap(true);
    actions->addWidget(m_selectionLabel);
    m_assignButton = new QPushButton(tr("&Put a product on this key…"), this);
    m_assignButton->setObjectName(u"assignButton"_s);
    m_previousButton = new QPushButton(tr("Move &back"), this);
    m_previousButton->setObjectName(u"moveBackButton"_s);
    m_nextButton = new QPushButton(tr("Move &on"), this);
    m_nextButton->setObjectName(u"moveOnButton"_s);
    m_removeButton = new QPushButton(tr("&Empty this key"), this);
    m_removeButton->setObjectName(u"removeButton"_s);
    for (QPushButton *button : {m_assignButton, m_previousButton, m_nextButton, m_removeButton}) {
        actions->addWidget(button);
    }
    actions->addStretch(1);
    body->addLayout(actions);
    layout->addLayout(body, 1);

    m_banner = new ErrorBanner(this);
    layout->addWidget(m_banner);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int slot) {
        m_selected = m_pages->currentIndex() * kPerPage + slot;
        updateButtons();
    });
    connect(m_pages, &QTabBar::currentChanged, this, [this](int page) {
        if (page >= 0) {
            m_selected = page * kPerPage + m_selected % kPerPage;
            showPage();
        }
    });
    connect(m_addPageButton, &QPushButton::clicked, this, &QuickKeysEditor::addPage);
    connect(m_assignButton, &QPushButton::clicked, this, &QuickKeysEditor::chooseProduct);
    connect(m_previousButton, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_nextButton, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_removeButton, &QPushButton::clicked, this, &QuickKeysEditor::removeSelected);
    reload();
    resize(900, 600);
}

QuickKeysEditor::~QuickKeysEditor() = default;

int QuickKeysEditor::selectedPosition() const
{
    return m_selected;
}

int QuickKeysEditor::pageCount() const
{
    return m_pages->count();
}

void QuickKeysEditor::selectPosition(int position)
{
    m_selected = std::clamp(position, 0, QuickKey::kMaxPosition);
    const int page = m_selected / kPerPage;
    while (m_pages->count() <= page) {
        m_pages->addTab(tr("Page %1").arg(m_pages->count() + 1));
    }
    if (m_pages->currentIndex() != page) {
        const QSignalBlocker blocker(m_pages);
        m_pages->setCurrentIndex(page);
    }
    showPage();
}

const QuickKey *QuickKeysEditor::keyAt(int position) const
{
    for (const QuickKey &key : m_keys) {
        if (key.position == position) {
            return &key;
        }
    }
    return nullptr;
}

void QuickKeysEditor::reload()
{
    const auto keys = m_services.catalogue.quickKeys();
    if (!keys) {
        m_banner->showError(keys.error());
        m_keys.clear();
    } else {
        m_keys = *keys;
    }
    // Every page that holds a key, and at least one.
    int pages = std::max(1, m_pages->count());
    for (const QuickKey &key : std::as_const(m_keys)) {
        pages = std::max(pages, key.page() + 1);
    }
    const QSignalBlocker blocker(m_pages);
    while (m_pages->count() < pages) {
        m_pages->addTab(tr("Page %1").arg(m_pages->count() + 1));
    }
    selectPosition(m_selected);
}

void QuickKeysEditor::showPage()
{
    const int page = m_pages->currentIndex();
    const QLocale locale;
    const QString symbol = m_services.catalogue.currencySymbol();
    for (int slot = 0; slot < kPerPage; ++slot) {
        QuickKeyButton *button = m_buttons.at(slot);
        const QuickKey *key = keyAt(page * kPerPage + slot);
        if (key) {
            button->setText(escaped(tr("%1\n%2 · %3", "quick key: product, unit · price")
                                            .arg(key->text(), key->item.unit.name,
                                                 key->item.unit.price.toString(locale, symbol))));
            button->setToolTip(tr("%1, %2").arg(key->item.product.name, key->item.unit.name));
        } else {
            button->setText(tr("(empty)", "a quick key with nothing on it"));
            button->setToolTip(QString());
        }
    }
    if (QAbstractButton *chosen = m_group->button(m_selected % kPerPage)) {
        chosen->setChecked(true);
    }
    updateButtons();
}

void QuickKeysEditor::updateButtons()
{
    const QuickKey *key = keyAt(m_selected);
    const int page = m_selected / kPerPage + 1;
    const int slot = m_selected % kPerPage + 1;
    m_selectionLabel->setText(key ? tr("Key %1 on page %2: %3, %4")
                                              .arg(slot)
                                              .arg(page)
                                              .arg(key->text(), key->item.unit.name)
                                  : tr("Key %1 on page %2 is empty.").arg(slot).arg(page));
    m_previousButton->setEnabled(key && m_selected > 0);
    m_nextButton->setEnabled(key && m_selected < QuickKey::kMaxPosition);
    m_removeButton->setEnabled(key != nullptr);
    m_addPageButton->setEnabled(m_pages->count() < QuickKey::kPages);
}

void QuickKeysEditor::addPage()
{
    if (m_pages->count() >= QuickKey::kPages) {
        return;
    }
    m_pages->addTab(tr("Page %1").arg(m_pages->count() + 1));
    selectPosition((m_pages->count() - 1) * kPerPage);
}

bool QuickKeysEditor::apply(const ServiceStatus &status, int selectAfter)
{
    if (!status) {
        m_banner->showError(status.error());
        return false;
    }
    m_banner->clear();
    m_selected = selectAfter;
    reload();
    Q_EMIT keysChanged();
    return true;
}

bool QuickKeysEditor::putOnSelectedKey(const Product &product, const ProductUnit &unit)
{
    Q_UNUSED(product);
    const int position = m_selected;
    return apply(m_services.catalogue.placeQuickKey(position, unit.id), position);
}

void QuickKeysEditor::chooseProduct()
{
    ProductChooserDialog chooser(m_services.catalogue, m_services.db, QString(), this);
    if (chooser.exec() != QDialog::Accepted || !chooser.chosenProduct()) {
        return;
    }
    const Product product = *chooser.chosenProduct();
    QList<ProductUnit> units = product.units;
    units.removeIf([](const ProductUnit &unit) { return !unit.active; });
    if (units.isEmpty()) {
        m_banner->showMessage(tr("%1 is sold in no unit.").arg(product.name));
        return;
    }
    qsizetype chosen = 0;
    if (units.size() > 1) {
        QStringList names;
        for (const ProductUnit &unit : std::as_const(units)) {
            names.append(unit.name);
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(
                this, tr("Quick key"), tr("Which unit of %1 does the key sell?").arg(product.name),
                names, 0, false, &ok);
        if (!ok) {
            return;
        }
        chosen = names.indexOf(name);
    }
    putOnSelectedKey(product, units.at(chosen));
}

void QuickKeysEditor::moveSelected(int step)
{
    const int from = m_selected;
    const int to = from + step;
    if (!keyAt(from) || to < 0 || to > QuickKey::kMaxPosition) {
        return;
    }
    apply(m_services.catalogue.moveQuickKey(from, to), to);
}

void QuickKeysEditor::removeSelected()
{
    if (!keyAt(m_selected)) {
        return;
    }
    apply(m_services.catalogue.removeQuickKey(m_selected), m_selected);
}
