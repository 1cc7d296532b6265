#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/*!
 * Comma-separated values as RFC 4180 writes them: fields may be quoted, a quote inside a
 * quoted field is doubled, quoted fields may hold commas and line breaks, lines end in
 * CRLF or LF. Used for the catalogue import and export and for the demo store's data.
 */
namespace Csv {

struct ParseResult
{
    QList<QStringList> rows;
    QList<int> lines;  //!< the 1-based line each row starts on (a quoted line break spans two)
    QString error;   //!< empty when the text parsed; otherwise what is wrong (untranslated)
    int errorLine = 0; //!< 1-based line of the error
    bool ok() const { return error.isEmpty(); }
};

//! Parses the whole text; a trailing line break does not make an empty row.
ParseResult parse(QStringView text);
//! One field as it must be written: quoted only when it holds a comma, quote or line break.
QString escape(const QString &field);
//! One line of fields, escaped and joined, without the line end.
QString line(const QStringList &fields);

} // namespace Csv
