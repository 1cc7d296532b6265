#include "ui/filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

const QString kLastFolderKey = u"files/lastFolder"_s;

} // namespace

namespace FileDialogs {

QString startFolder()
{
    const QString remembered = QSettings().value(kLastFolderKey).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir()) {
        return remembered;
    }
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void rememberFolder(const QString &filePath)
{
    if (!filePath.isEmpty()) {
        QSettings().setValue(kLastFolderKey, QFileInfo(filePath).absolutePath());
    }
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &fileName,
                     const QString &filter)
{
    const QString path = QFileDialog::getSaveFileName(
            parent, caption, QDir(startFolder()).filePath(fileName), filter);
    rememberFolder(path);
    return path;
}

QString openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    const QString path = QFileDialog::getOpenFileName(parent, caption, startFolder(), filter);
    rememberFolder(path);
    return path;
}

} // namespace FileDialogs
