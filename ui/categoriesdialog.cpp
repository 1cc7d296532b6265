#include "ui/categoriesdialog.h"
#include "ui_categoriesdialog.h"

#include "models/services/catalogueservice.h"
#include "ui/errorbanner.h"

#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

CategoriesDialog::CategoriesDialog(CatalogueService &catalogue, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CategoriesDialog>())
    , m_catalogue(catalogue)
{
    m_ui->setupUi(this);
    connect(m_ui->categoriesList, &QListWidget::currentRowChanged, this,
            &CategoriesDialog::handleCurrentRowChanged);
    connect(m_ui->newButton, &QPushButton::clicked, this, &CategoriesDialog::startNew);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &CategoriesDialog::save);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &CategoriesDialog::remove);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &CategoriesDialog::updateButtons);
    connect(m_ui->nameEdit, &QLineEdit::returnPressed, this, &CategoriesDialog::save);
    reload(0);
    startNew();
}

CategoriesDialog::~CategoriesDialog() = default;

void CategoriesDialog::reload(qint64 selectId)
{
    const auto categories = m_catalogue.categories();
    if (!categories) {
        m_ui->errorBanner->showError(categories.error());
        return;
    }
    m_categories = *categories;
    const QSignalBlocker blocker(m_ui->categoriesList);
    m_ui->categoriesList->clear();
    int select = -1;
    for (qsizetype i = 0; i < m_categories.size(); ++i) {
        m_ui->categoriesList->addItem(m_categories.at(i).name);
        if (m_categories.at(i).id == selectId) {
            select = static_cast<int>(i);
        }
    }
    m_ui->categoriesList->setCurrentRow(select);
    updateButtons();
}

const Category *CategoriesDialog::current() const
{
    const int row = m_ui->categoriesList->currentRow();
    return row >= 0 && row < m_categories.size() ? &m_categories.at(row) : nullptr;
}

void CategoriesDialog::handleCurrentRowChanged(int row)
{
    Q_UNUSED(row);
    m_ui->errorBanner->clear();
    if (const Category *category = current()) {
        m_ui->nameEdit->setText(category->name);
    }
    updateButtons();
}

void CategoriesDialog::startNew()
{
    m_ui->categoriesList->setCurrentRow(-1);
    m_ui->nameEdit->clear();
    m_ui->nameEdit->setFocus();
    m_ui->errorBanner->clear();
    updateButtons();
}

void CategoriesDialog::save()
{
    Category category;
    if (const Category *selected = current()) {
        category = *selected;
    } else {
        // New categories go to the end of the list.
        for (const Category &other : std::as_const(m_categories)) {
            category.sortOrder = std::max(category.sortOrder, other.sortOrder + 1);
        }
    }
    category.name = m_ui->nameEdit->text().trimmed();
    const auto id = m_catalogue.saveCategory(category);
    if (!id) {
        m_ui->errorBanner->showError(id.error());
        m_ui->nameEdit->setFocus();
        return;
    }
    m_ui->errorBanner->clear();
    reload(*id);
}

void CategoriesDialog::remove()
{
    const Category *category = current();
    if (!category) {
        return;
    }
    const QString name = category->name;
    const qint64 id = category->id;
    const auto answer
            = QMessageBox::question(this, tr("Remove Category"),
                                    tr("Remove the category \"%1\"? Its products stay in the "
                                       "catalogue, without a category.")
                                            .arg(name),
                                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
        return;
    }
    if (const auto removed = m_catalogue.removeCategory(id); !removed) {
        m_ui->errorBanner->showError(removed.error());
        return;
    }
    reload(0);
    startNew();
}

void CategoriesDialog::updateButtons()
{
    const bool selected = current() != nullptr;
    m_ui->saveButton->setText(selected ? tr("&Rename") : tr("&Add"));
    m_ui->saveButton->setEnabled(!m_ui->nameEdit->text().trimmed().isEmpty());
    m_ui->removeButton->setEnabled(selected);
}
