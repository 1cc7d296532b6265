#include "ui/reporttabs.h"

#include "ui/reportview.h"

#include <QPushButton>

namespace ReportTabs {

QFont titleFont(QFont font)
{
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * 1.3);
    }
    font.setBold(true);
    return font;
}

void wireExport(ReportView *view, QPushButton *pdf, QPushButton *print)
{
    QObject::connect(pdf, &QPushButton::clicked, view, &ReportView::exportPdf);
    QObject::connect(print, &QPushButton::clicked, view, &ReportView::printReport);
    // Nothing to export until the first figures are in.
    pdf->setEnabled(false);
    print->setEnabled(false);
}

void letBusySignGiveWay(QWidget *label, QWidget *bar)
{
    for (QWidget *busy : {label, bar}) {
        busy->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        busy->setMinimumWidth(0);
    }
}

} // namespace ReportTabs
