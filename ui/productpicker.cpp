#include "ui/productpicker.h"

#include "models/services/catalogueservice.h"
#include "ui/productchooserdialog.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

ProductPicker::ProductPicker(const CatalogueService &catalogue, const Database &db, QWidget *parent)
    : QWidget(parent)
    , m_catalogue(catalogue)
    , m_db(db)
    , m_edit(new QLineEdit(this))
    , m_chooseButton(new QToolButton(this))
{
    m_edit->setObjectName(u"pickerEdit"_s);
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(tr("Scan a barcode, or type a name or SKU and press Enter"));
    m_chooseButton->setObjectName(u"pickerChooseButton"_s);
    m_chooseButton->setText(tr("…", "button that opens the product chooser"));
    m_chooseButton->setToolTip(tr("Search the catalogue"));
    connect(m_edit, &QLineEdit::returnPressed, this, &ProductPicker::pick);
    connect(m_chooseButton, &QToolButton::clicked, this,
            [this] { choose(m_edit->text().trimmed()); });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_chooseButton);
    setFocusProxy(m_edit);
}

void ProductPicker::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void ProductPicker::pick()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        choose({});
        return;
    }
    // A scanner types the code and Enter; try it as a barcode first, in one query.
    const auto scanned = m_catalogue.findByBarcode(text);
    if (!scanned) {
        Q_EMIT failed(scanned.error());
        return;
    }
    if (!scanned->has_value()) {
        choose(text);
        return;
    }
    const ScannedUnit &unit = **scanned;
    Product product = unit.product;
    if (m_units == Units::All) {
        const auto full = m_catalogue.product(product.id);
        if (!full) {
            Q_EMIT failed(full.error());
            return;
        }
        product = *full;
    } else {
        product.units = {unit.unit};
    }
    m_edit->clear();
    Q_EMIT productChosen(product, unit.unit.id);
}

void ProductPicker::choose(const QString &search)
{
    ProductChooserDialog chooser(m_catalogue, m_db, search, this);
    if (chooser.exec() != QDialog::Accepted) {
        m_edit->setFocus();
        return;
    }
    if (const auto product = chooser.chosenProduct()) {
        m_edit->clear();
        m_edit->setFocus();
        Q_EMIT productChosen(*product, 0);
    }
}
