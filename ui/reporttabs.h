#pragma once

#include <QFont>

class QPushButton;
class QWidget;
class ReportView;

//! What the Reports area's tabs do alike.
namespace ReportTabs {

//! The font of a tab's title: larger and bold.
QFont titleFont(QFont font);
//! The PDF and print buttons of view, disabled until its first figures are in.
void wireExport(ReportView *view, QPushButton *pdf, QPushButton *print);
//! "Updating…" shows in the room the row has to spare and never widens the screen.
void letBusySignGiveWay(QWidget *label, QWidget *bar);

} // namespace ReportTabs
