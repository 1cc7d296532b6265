#include "ui/emptycataloguepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EmptyCataloguePanel::EmptyCataloguePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"emptyCataloguePanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    auto *title = new QLabel(tr("The catalogue has no products yet."), this);
    title->setObjectName(u"emptyCatalogueTitle"_s);
    QFont bigger = title->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.3);
    bigger.setBold(true);
    title->setFont(bigger);
    auto *text
            = new QLabel(tr("Bring your products in from a spreadsheet, type them in one by one, "
                            "or look around a demo shop first. The demo opens in a file of its "
                            "own, so this store stays as it is."),
                         this);
    text->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(text);

    auto button = [this](const QString &name, const QString &label, const QString &tip) {
        auto *b = new QPushButton(label, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        return b;
    };
    m_importButton = button(u"emptyImportButton"_s, tr("&Import a Catalogue CSV…"),
                            tr("Create products from a CSV file, e.g. saved from a "
                               "spreadsheet"));
    m_templateButton = button(u"emptyTemplateButton"_s, tr("Save a &Template CSV…"),
                              tr("A CSV file with the columns the import reads and two "
                                 "example products, to fill in a spreadsheet"));
    m_newButton = button(u"emptyNewButton"_s, tr("Add a &Product…"),
                         tr("Type in a product with its units, prices and barcodes"));
    m_demoButton = button(u"emptyDemoButton"_s, tr("Open the &Demo Store…"),
                          tr("A shop with products, sales and users in a separate "
                             "database file, opened in a second window"));
    connect(m_importButton, &QPushButton::clicked, this, &EmptyCataloguePanel::importRequested);
    connect(m_templateButton, &QPushButton::clicked, this, &EmptyCataloguePanel::templateRequested);
    connect(m_newButton, &QPushButton::clicked, this, &EmptyCataloguePanel::newProductRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &EmptyCataloguePanel::demoRequested);
    auto *row = new QHBoxLayout;
    for (QPushButton *b : {m_importButton, m_templateButton, m_newButton, m_demoButton}) {
        row->addWidget(b);
    }
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(1);
}

void EmptyCataloguePanel::setAllowed(const Allowed &allowed)
{
    m_importButton->setEnabled(allowed.import);
    m_templateButton->setEnabled(allowed.saveTemplate);
    m_newButton->setEnabled(allowed.newProduct);
    m_demoButton->setEnabled(allowed.demo);
}
