#include "models/db/sqlitefilelocks.h"

#include <QLoggingCategory>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <mutex>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace {

using Fcntl = int (*)(int, int, ...);
using Close = int (*)(int);

Fcntl s_systemFcntl = nullptr;
Close s_systemClose = nullptr;
std::atomic<bool> s_installed{false};

/*!
 * One descriptor per locked file (device and inode), opened again through /proc from the
 * descriptor SQLite locks with. It stays open until SQLite itself closes a descriptor of
 * that file: with POSIX locks that close would have dropped the process's locks, and
 * SQLite only closes when it means to (it defers closing a database descriptor while the
 * file is locked, and closes the -shm file when the last connection lets go). Closes
 * anywhere else in the process do not reach this table. An open descriptor also keeps the
 * inode alive, so a deleted file's number cannot be reused while the map still names it.
 */
class LockDescriptors
{
public:
    int descriptorFor(int fd)
    {
        struct stat st
        {};
        if (::fstat(fd, &st) != 0) {
            return -1;
        }
        const std::pair<dev_t, ino_t> key{st.st_dev, st.st_ino};
        std::lock_guard lock(m_mutex);
        const auto it = m_descriptors.find(key);
        if (it != m_descriptors.end()) {
            return it->second;
        }
        char path[64];
        std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        int own = ::open(path, O_RDWR | O_CLOEXEC);
        if (own < 0) {
            own = ::open(path, O_RDONLY | O_CLOEXEC);
        }
        if (own < 0) {
            return -1;
        }
        m_descriptors.emplace(key, own);
        return own;
    }

    //! SQLite closes a descriptor of the file: its locks go, as they would with POSIX locks.
    void forget(int fd)
    {
        struct stat st
        {};
        if (::fstat(fd, &st) != 0) {
            return;
        }
        std::lock_guard lock(m_mutex);
        const auto it = m_descriptors.find({st.st_dev, st.st_ino});
        if (it != m_descriptors.end()) {
            ::close(it->second);
            m_descriptors.erase(it);
        }
    }

private:
    std::mutex m_mutex;
    std::map<std::pair<dev_t, ino_t>, int> m_descriptors;
};

LockDescriptors &lockDescriptors()
{
    static LockDescriptors descriptors;
    return descriptors;
}

int ofdCommand(int cmd)
{
    switch (cmd) {
    case F_SETLK:
        return F_OFD_SETLK;
    case F_SETLKW:
        return F_OFD_SETLKW;
    case F_GETLK:
        return F_OFD_GETLK;
    default:
        return -1;
    }
}

// SQLite calls fcntl() through its system-call table for locks and for descriptor flags.
// Every variadic argument it passes fits in a pointer-sized register.
int lockingFcntl(int fd, int cmd, ...)
{
    va_list args;
    va_start(args, cmd);
    void *arg = va_arg(args, void *);
    va_end(args);

    const int ofd = ofdCommand(cmd);
    if (ofd < 0 || arg == nullptr) {
        return s_systemFcntl(fd, cmd, arg);
    }
    const int own = lockDescriptors().descriptorFor(fd);
    if (own < 0) {
        return s_systemFcntl(fd, cmd, arg);
    }
    auto *request = static_cast<struct flock *>(arg);
    struct flock lock = *request;
    lock.l_pid = 0; // required by the OFD commands; SQLite leaves it unset
    const int result = ::fcntl(own, ofd, &lock);
    if (result == 0 && cmd == F_GETLK) {
        *request = lock;
    }
    return result;
}

int lockingClose(int fd)
{
    lockDescriptors().forget(fd);
    return s_systemClose(fd);
}

bool kernelHasOfdLocks()
{
    char name[] = "/tmp/till-ofd-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) {
        return false;
    }
    ::unlink(name);
    struct flock lock
    {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0;
    lock.l_len = 1;
    const bool ok = ::fcntl(fd, F_OFD_SETLK, &lock) == 0;
    ::close(fd);
    return ok;
}

} // namespace

namespace SqliteFileLocks {

bool install()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (!kernelHasOfdLocks()) {
            qCWarning(lcDatabase) << "this kernel has no open-file-description locks; SQLite "
                                     "keeps its process-wide locks";
            return;
        }
        sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
        if (vfs == nullptr || vfs->iVersion < 3 || vfs->xSetSystemCall == nullptr
            || vfs->xGetSystemCall == nullptr) {
            qCWarning(lcDatabase) << "SQLite's VFS cannot take another fcntl()";
            return;
        }
        s_systemFcntl = reinterpret_cast<Fcntl>(vfs->xGetSystemCall(vfs, "fcntl"));
        s_systemClose = reinterpret_cast<Close>(vfs->xGetSystemCall(vfs, "close"));
        if (s_systemFcntl == nullptr || s_systemClose == nullptr) {
            qCWarning(lcDatabase) << "SQLite's VFS has no fcntl() or close() to replace";
            return;
        }
        // close() first: a lock taken through the new fcntl() must be let go by SQLite's close.
        if (vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(&lockingClose))
                    != SQLITE_OK
            || vfs->xSetSystemCall(vfs, "fcntl",
                                   reinterpret_cast<sqlite3_syscall_ptr>(&lockingFcntl))
                       != SQLITE_OK) {
            vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(s_systemClose));
            qCWarning(lcDatabase) << "SQLite refused the locking fcntl()";
            return;
        }
        s_installed.store(true, std::memory_order_release);
    });
    return isInstalled();
}

bool isInstalled()
{
    return s_installed.load(std::memory_order_acquire);
}

} // namespace SqliteFileLocks
