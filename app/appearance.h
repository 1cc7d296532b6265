#pragma once

class QApplication;

/*!
 * The look of a till: one style on every desktop, type large enough to read at arm's
 * length, and the small style sheet in resources/style/till.qss.
 */
void applyCounterAppearance(QApplication &app);
