#pragma once

class QCoreApplication;

//! Loads Qt's own translations and Till's (embedded under :/i18n) for the system locale.
void installTranslators(QCoreApplication &app);
