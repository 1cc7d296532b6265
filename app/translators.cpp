#include "app/translators.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
void install(QCoreApplication &app, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), name, u"_"_s, folder)) {
        QCoreApplication::installTranslator(translator);
    } else {
        // English needs no file; any other language simply falls back to it.
        delete translator;
    }
}
} // namespace

void installTranslators(QCoreApplication &app)
{
    install(app, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(app, u"till"_s, u":/i18n"_s);
}
