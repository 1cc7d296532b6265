#include "models/services/demolaunch.h"

#include "models/db/database.h"
#include "models/db/databaseurl.h"
#include "models/services/demostore.h"

using namespace Qt::StringLiterals;

namespace DemoLaunch {

QString filePath(const Database &store)
{
    return DemoStore::separateFilePath(store.url());
}

QStringList tillArguments(const QString &path)
{
    return {u"--database"_s, DatabaseUrl::sqliteFile(path).toString()};
}

} // namespace DemoLaunch
