#include "models/domain/csv.h"

using namespace Qt::StringLiterals;

namespace Csv {

ParseResult parse(QStringView text)
{
    ParseResult result;
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int rowLine = 1;
    const qsizetype n = text.size();

    auto endField = [&] {
        row.append(field);
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        result.rows.append(row);
        result.lines.append(rowLine);
        row.clear();
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n') {
                    ++line;
                }
                field += c;
            }
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            if (!field.isEmpty() || fieldWasQuoted) {
                result.error = u"a quote in the middle of an unquoted field"_s;
                result.errorLine = line;
                return result;
            }
            inQuotes = true;
            fieldWasQuoted = true;
            break;
        case u',':
            endField();
            break;
        case u'\r':
            if (i + 1 < n && text.at(i + 1) == u'\n') {
                ++i;
            }
            endRow();
            rowLine = ++line;
            break;
        case u'\n':
            endRow();
            rowLine = ++line;
            break;
        default:
            if (fieldWasQuoted) {
                result.error = u"text after a closing quote"_s;
                result.errorLine = line;
                return result;
            }
            field += c;
        }
    }
    if (inQuotes) {
        result.error = u"a quoted field is not closed"_s;
        result.errorLine = line;
        return result;
    }
    if (!field.isEmpty() || !row.isEmpty() || fieldWasQuoted) {
        endRow();
    }
    return result;
}

QString escape(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n')
        && !field.contains(u'\r')) {
        return field;
    }
    QString quoted = field;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString line(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &field : fields) {
        escaped.append(escape(field));
    }
    return escaped.join(u',');
}

} // namespace Csv
