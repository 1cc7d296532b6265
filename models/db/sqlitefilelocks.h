#pragma once

/*!
 * Makes SQLite's file locks immune to the rest of the process.
 *
 * SQLite's unix VFS locks the database and its -shm file with POSIX advisory locks, which
 * belong to the process: when any code in the process opens and closes the database file
 * (a file dialog sniffing its type, a thumbnailer, a backup copy), every lock the process
 * holds on it is dropped. Another process may then take the file as unused, check the WAL
 * into it and delete the -wal and -shm files while Till still writes into them: those
 * sales are confirmed on screen and gone after a restart.
 *
 * install() replaces the VFS's fcntl() with one that takes the same locks as
 * open-file-description locks (F_OFD_SETLK, Linux 3.15+) on one descriptor per file that
 * is opened for the purpose and never closed. Such locks belong to that descriptor alone,
 * so closing any other descriptor of the file leaves them in place; they conflict with
 * other processes' POSIX locks exactly as SQLite's own do, and as there is one lock
 * descriptor per file, the process still holds its locks as one owner, which is what
 * SQLite's in-process lock bookkeeping expects.
 */
namespace SqliteFileLocks {

//! Installs the locking once per process, before the first SQLite connection opens.
//! False when SQLite or the kernel cannot do it (the POSIX locks then stay as they are).
bool install();

//! Whether install() succeeded.
bool isInstalled();

} // namespace SqliteFileLocks
