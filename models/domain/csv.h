#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/*!
 * Comma-separated values as RFC 4180 writes them: fields may be quoted, a quote inside a
 * quoted field is doubled, quoted fields may hold commas and line breaks, lines end in
 * CRLF or LF. Used for the catalogue import and export, the reports' tables and the demo
 * store's data.
 *
 * Every cell written goes through line(), which keeps a spreadsheet from running a cell as a
 * formula (CSV injection, as OWASP describes it): a cell that starts with =, +, -, @, a tab
 * or a carriage return, and is not a plain number such as "-2.50", gets a leading '. A reader
 * of such files takes it off again with unneutralised().
 */
namespace Csv {

struct ParseResult
{
    QList<QStringList> rows;
    QList<int> lines;  //!< the 1-based line each row starts on (a quoted line break spans two)
    QString error;     //!< empty when the text parsed; otherwise what is wrong (untranslated)
    int errorLine = 0; //!< 1-based line of the error
    bool ok() const { return error.isEmpty(); }
};

//! Parses the whole text; a trailing line break does not make an empty row.
ParseResult parse(QStringView text);
//! One field as it must be written: quoted only when it holds a comma, quote or line break.
QString escape(const QString &field);
//! One line of fields, neutralised, escaped and joined, without the line end.
QString line(const QStringList &fields);
//! The cell as a spreadsheet must see it: a leading ' where it would start a formula.
QString neutralised(const QString &field);
//! The exact reverse of neutralised(), for a file Till wrote itself.
QString unneutralised(const QString &field);

} // namespace Csv
