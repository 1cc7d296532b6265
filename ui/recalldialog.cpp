#include "ui/recalldialog.h"
#include "ui_recalldialog.h"

#include "models/items/parkedcartmodel.h"

#include <QHeaderView>
#include <QPushButton>

using namespace Qt::StringLiterals;

RecallDialog::RecallDialog(const QList<ParkedCart> &parked, const QString &currencySymbol,
                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RecallDialog>())
    , m_model(new ParkedCartModel(this))
{
    m_ui->setupUi(this);
    m_model->setCurrencySymbol(currencySymbol);
    m_model->setParked(parked);
    m_ui->parkedView->setModel(m_model);
    m_ui->parkedView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->parkedView->horizontalHeader()->setSectionResizeMode(ParkedCartModel::LabelColumn,
                                                               QHeaderView::Stretch);

    m_recallButton = m_ui->buttonBox->addButton(tr("&Recall"), QDialogButtonBox::AcceptRole);
    m_recallButton->setObjectName(u"recallButton"_s);
    m_recallButton->setDefault(true);
    m_recallButton->setEnabled(!parked.isEmpty());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter already reaches the default button; a double click is the mouse's way.
    connect(m_ui->parkedView, &QTableView::doubleClicked, this, &QDialog::accept);

    m_ui->emptyLabel->setVisible(parked.isEmpty());
    m_ui->parkedView->setVisible(!parked.isEmpty());
    if (!parked.isEmpty()) {
        m_ui->parkedView->selectRow(0);
        m_ui->parkedView->setFocus(Qt::OtherFocusReason);
    }
}

RecallDialog::~RecallDialog() = default;

std::optional<qint64> RecallDialog::chosenId() const
{
    const QModelIndex current = m_ui->parkedView->currentIndex();
    if (!current.isValid()) {
        return std::nullopt;
    }
    return current.data(ParkedCartModel::ParkedIdRole).toLongLong();
}

std::optional<qint64> RecallDialog::choose(QWidget *parent, const QList<ParkedCart> &parked,
                                           const QString &currencySymbol)
{
    RecallDialog dialog(parked, currencySymbol, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.chosenId();
}
