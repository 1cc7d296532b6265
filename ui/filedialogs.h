#pragma once

#include <QString>

class QWidget;

/*!
 * Every file dialog of Till that exports, imports or saves: it opens in the folder the
 * person used last (remembered in QSettings, one folder for all of them), and the first
 * time in their Documents folder, never in the folder the till happened to start in.
 */
namespace FileDialogs {

//! The folder used last, while it still exists; else the Documents folder.
QString startFolder();
//! Remembers the folder of a file just chosen (a path of a file, not of a folder).
void rememberFolder(const QString &filePath);

//! Asks where to save, suggesting fileName in startFolder(); empty when cancelled.
QString saveFileName(QWidget *parent, const QString &caption, const QString &fileName,
                     const QString &filter);
//! Asks for a file to read, starting in startFolder(); empty when cancelled.
QString openFileName(QWidget *parent, const QString &caption, const QString &filter);

} // namespace FileDialogs
