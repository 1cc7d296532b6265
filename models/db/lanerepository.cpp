#include "models/db/lanerepository.h"

#include "models/db/database.h"
#include "models/db/sqlquery.h"

using namespace Qt::StringLiterals;

DbStatus LaneRepository::ensure(const QString &name) const
{
    SqlQuery q(m_db, u"INSERT INTO lanes (name) VALUES (:name) ON CONFLICT (name) DO NOTHING"_s);
    q.bind(u"name"_s, name);
    if (!q.exec()) {
        return q.error();
    }
    return Done{};
}
