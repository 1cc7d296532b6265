#pragma once

#include <QString>
#include <QStringList>

class Database;

/*!
 * Opening the demo store from a running Till, as the Products area offers a new store: the
 * demo goes into an SQLite file of its own (DemoStore::separateFilePath()) and a second Till
 * is started on it, so the store's own database is never touched.
 */
namespace DemoLaunch {

//! The demo's file for the store open on store.
QString filePath(const Database &store);
//! The command-line arguments that start Till on the SQLite file at path.
QStringList tillArguments(const QString &path);

} // namespace DemoLaunch
