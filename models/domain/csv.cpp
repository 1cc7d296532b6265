#include "models/domain/csv.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

bool startsFormula(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

//! "-2.50", "-3", "12,5": a spreadsheet reads these as the numbers they are.
bool isPlainNumber(const QString &field)
{
    static const QRegularExpression number(u"^-?[0-9]+([.,][0-9]+)?$"_s);
    return number.match(field).hasMatch();
}

} // namespace

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
        escaped.append(escape(neutralised(field)));
    }
    return escaped.join(u',');
}

QString neutralised(const QString &field)
{
    if (field.isEmpty()) {
        return field;
    }
    // A cell that already starts with ' before such a character gets one more, so that
    // unneutralised() can always take exactly one off.
    const bool formula = startsFormula(field.at(0)) && !isPlainNumber(field);
    const bool quoted = field.size() > 1 && field.at(0) == u'\''
                        && (startsFormula(field.at(1)) || field.at(1) == u'\'');
    return formula || quoted ? u'\'' + field : field;
}

QString unneutralised(const QString &field)
{
    if (field.size() > 1 && field.at(0) == u'\''
        && (startsFormula(field.at(1)) || field.at(1) == u'\'')) {
        return field.mid(1);
    }
    return field;
}

} // namespace Csv
