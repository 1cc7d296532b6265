#include "models/db/jsonrows.h"

#include "models/db/dialect.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {
void appendEscaped(QString &out, QStringView text)
{
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20) {
                out += u"\\u%1"_s.arg(static_cast<int>(c.unicode()), 4, 16, QChar(u'0'));
            } else {
                out += c;
            }
        }
    }
    out += u'"';
}
} // namespace

void JsonRows::beginRow()
{
    if (m_rows > 0) {
        m_text += u"},"_s;
    }
    m_text += u'{';
    ++m_rows;
    m_firstInRow = true;
}

void JsonRows::key(QStringView name)
{
    Q_ASSERT_X(m_rows > 0, "JsonRows", "beginRow() first");
    if (!m_firstInRow) {
        m_text += u',';
    }
    m_firstInRow = false;
    appendEscaped(m_text, name);
    m_text += u':';
}

void JsonRows::add(QStringView name, qint64 value)
{
    key(name);
    m_text += QString::number(value);
}

void JsonRows::add(QStringView name, const QString &value)
{
    key(name);
    if (value.isNull()) {
        m_text += u"null"_s;
    } else {
        appendEscaped(m_text, value);
    }
}

void JsonRows::add(QStringView name, bool value)
{
    key(name);
    m_text += value ? u"true"_s : u"false"_s;
}

void JsonRows::add(QStringView name, const QDateTime &instant)
{
    if (!instant.isValid()) {
        addNull(name);
        return;
    }
    key(name);
    appendEscaped(m_text, Dialect::timestampText(instant));
}

void JsonRows::addNull(QStringView name)
{
    key(name);
    m_text += u"null"_s;
}

QString JsonRows::toString() const
{
    if (m_rows == 0) {
        return u"[]"_s;
    }
    return u'[' + m_text + u"}]"_s;
}

void JsonRows::clear()
{
    m_text.clear();
    m_rows = 0;
    m_firstInRow = true;
}
