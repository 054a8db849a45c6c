/* POSIX and Windows implementations of platform.h. */
#define _XOPEN_SOURCE 700
#if defined(__APPLE__)
#define _DARWIN_C_SOURCE /* st_mtimespec */
#endif
#include "platform.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "buf.h"
#include "xalloc.h"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>
#if defined(__linux__) || defined(__APPLE__)
#include <sys/xattr.h>
#endif
#endif

void platform_set_binary(FILE *f)
{
#ifdef _WIN32
    _setmode(_fileno(f), _O_BINARY);
#else
    (void)f;
#endif
}

const char *platform_check_regular(FILE *f, long long *size)
{
    struct stat st;
    *size = 0;
    if (fstat(fileno(f), &st) != 0)
        return strerror(errno);
    if (S_ISDIR(st.st_mode))
        return "is a directory";
    if (S_ISREG(st.st_mode))
        *size = (long long)st.st_size;
    return NULL;
}

bool platform_isatty(FILE *f)
{
#ifdef _WIN32
    return _isatty(_fileno(f)) != 0;
#else
    return isatty(fileno(f)) != 0;
#endif
}

/* A mapped file raises SIGBUS where it is read past its end, and its end
 * moves if another process truncates it meanwhile. The mappings in use are
 * listed for the handler, a fixed table as a handler may neither allocate
 * nor lock (start is claimed first, end set after: a slot whose end is 0
 * matches nothing). The handler puts a page of zeros in place of such a
 * page, so that the reader sees the file end in zeros rather than the
 * run stop; any other SIGBUS gets the action it had before. */
#ifndef _WIN32
#define MAP_SLOTS 64

static struct {
    atomic_uintptr_t start, end;
} map_slots[MAP_SLOTS];
static pthread_once_t map_once = PTHREAD_ONCE_INIT;
static struct sigaction map_previous;
static uintptr_t map_page_size;
/* /dev/zero: mapping it privately gives pages of zeros, as
 * MAP_ANONYMOUS does where it exists. -1 when files are not mapped. */
static int map_zero_fd = -1;

/* Async-signal-safe: atomic loads, mmap(), sigaction() and raise() only. */
static void zero_past_end(int sig, siginfo_t *info, void *context)
{
    (void)context;
    uintptr_t at = (uintptr_t)info->si_addr;
    /* Only a fault has an address (kill() sends none). */
    bool fault = info->si_code == BUS_ADRERR || info->si_code == BUS_OBJERR;
    for (size_t i = 0; i < MAP_SLOTS && fault; i++) {
        uintptr_t start = atomic_load(&map_slots[i].start);
        if (start == 0 || at < start || at >= atomic_load(&map_slots[i].end))
            continue;
        void *page = (void *)(at & ~(map_page_size - 1));
        if (mmap(page, map_page_size, PROT_READ, MAP_PRIVATE | MAP_FIXED, map_zero_fd, 0) !=
            MAP_FAILED)
            return;
        break;
    }
    sigaction(sig, &map_previous, NULL);
    /* Delivered under that action once this returns (SIGBUS is blocked
     * meanwhile), whether the kernel sent it or kill() did. */
    raise(sig);
}

static void install_zero_past_end(void)
{
    long page = sysconf(_SC_PAGESIZE);
    int fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    if (page <= 0 || fd < 0) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = zero_past_end;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGBUS, &sa, &map_previous) != 0) {
        close(fd);
        return;
    }
    map_page_size = (uintptr_t)page;
    map_zero_fd = fd;
}
#endif

unsigned char *platform_map_file(FILE *f, size_t size)
{
#ifdef _WIN32
    (void)f;
    (void)size;
    return NULL;
#else
    if (size == 0 || pthread_once(&map_once, install_zero_past_end) != 0 || map_zero_fd < 0)
        return NULL;
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fileno(f), 0);
    if (p == MAP_FAILED)
        return NULL;
    for (size_t i = 0; i < MAP_SLOTS; i++) {
        uintptr_t expected = 0;
        if (atomic_compare_exchange_strong(&map_slots[i].start, &expected, (uintptr_t)p)) {
            atomic_store(&map_slots[i].end, (uintptr_t)p + size);
            return p;
        }
    }
    /* Every slot taken: the caller reads the file instead. */
    munmap(p, size);
    return NULL;
#endif
}

void platform_unmap_file(unsigned char *bytes, size_t size)
{
#ifdef _WIN32
    (void)bytes;
    (void)size;
#else
    for (size_t i = 0; i < MAP_SLOTS; i++) {
        if (atomic_load(&map_slots[i].start) == (uintptr_t)bytes) {
            atomic_store(&map_slots[i].end, 0);
            atomic_store(&map_slots[i].start, 0);
            break;
        }
    }
    munmap(bytes, size);
#endif
}

/* The directory part of `path` ("./" when there is none), with its
 * separator. */
static void dir_of(const char *path, struct buf *out)
{
    const char *slash = strrchr(path, '/');
#ifdef _WIN32
    const char *back = strrchr(path, '\\');
    if (back && (!slash || back > slash))
        slash = back;
#endif
    if (slash)
        buf_append(out, path, (size_t)(slash - path) + 1);
    else
        buf_puts(out, "./");
}

/* The name of `path` without its directory. */
static const char *base_of(const char *path)
{
    const char *name = path;
    for (const char *p = path; *p; p++)
        if (platform_is_separator(*p))
            name = p + 1;
    return name;
}

#ifdef _WIN32
/* The system's information on the file `path` names, through links. */
static bool windows_file_info(const char *path, BY_HANDLE_FILE_INFORMATION *info)
{
    HANDLE h = CreateFileA(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return false;
    bool ok = GetFileInformationByHandle(h, info) != 0;
    CloseHandle(h);
    return ok;
}
#endif

void platform_file_stamp(const char *path, struct file_stamp *stamp)
{
    memset(stamp, 0, sizeof *stamp);
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    stamp->exists = true;
    stamp->regular = S_ISREG(st.st_mode);
    stamp->device = (unsigned long long)st.st_dev;
    stamp->inode = (unsigned long long)st.st_ino;
    stamp->size = (long long)st.st_size;
    stamp->mtime_sec = (long long)st.st_mtime;
    stamp->ctime_sec = (long long)st.st_ctime;
#if defined(__APPLE__)
    stamp->mtime_nsec = st.st_mtimespec.tv_nsec;
    stamp->ctime_nsec = st.st_ctimespec.tv_nsec;
#elif !defined(_WIN32)
    stamp->mtime_nsec = st.st_mtim.tv_nsec;
    stamp->ctime_nsec = st.st_ctim.tv_nsec;
#else
    /* The C library gives no inode on Windows: the volume and the file's
     * index on it say which file it is, through links too. */
    BY_HANDLE_FILE_INFORMATION info;
    if (windows_file_info(path, &info)) {
        stamp->device = info.dwVolumeSerialNumber;
        stamp->inode = (unsigned long long)info.nFileIndexHigh << 32 | info.nFileIndexLow;
    }
#endif
}

static bool same_identity(const struct file_stamp *a, const struct file_stamp *b)
{
    return a->device == b->device && a->inode == b->inode;
}

#ifdef _WIN32
/* Whether `path` names one of Windows' devices (NUL, CON, PRN, AUX, COM1-9,
 * LPT1-9), in any directory and with any extension, as Windows reads it:
 * such a name is no file, and two of them never clash. */
static bool windows_device_name(const char *path)
{
    static const char *const devices[] = {"NUL", "CON", "PRN", "AUX"};
    const char *name = base_of(path);
    size_t len = strcspn(name, ".");
    for (size_t i = 0; i < sizeof devices / sizeof *devices; i++)
        if (len == 3 && _strnicmp(name, devices[i], 3) == 0)
            return true;
    return len == 4 && (_strnicmp(name, "COM", 3) == 0 || _strnicmp(name, "LPT", 3) == 0) && name[3] >= '1' &&
           name[3] <= '9';
}
#endif

bool platform_same_file(const char *a, const char *b)
{
#ifdef _WIN32
    if (windows_device_name(a) || windows_device_name(b))
        return false;
#endif
    struct file_stamp sa, sb;
    platform_file_stamp(a, &sa);
    platform_file_stamp(b, &sb);
    if (sa.exists != sb.exists)
        return false;
    if (sa.exists) {
        if (!sa.regular || !sb.regular)
            return false;
        return sa.inode != 0 ? same_identity(&sa, &sb) : strcmp(a, b) == 0;
    }
    if (strcmp(base_of(a), base_of(b)) != 0)
        return false;
    struct buf da = BUF_INIT, db = BUF_INIT;
    dir_of(a, &da);
    dir_of(b, &db);
    platform_file_stamp(da.data, &sa);
    platform_file_stamp(db.data, &sb);
    bool same = sa.exists && sb.exists && sa.inode != 0 ? same_identity(&sa, &sb)
                                                        : strcmp(da.data, db.data) == 0;
    buf_free(&da);
    buf_free(&db);
    return same;
}

static bool unchanged_since(const char *path, const struct file_stamp *read)
{
    struct file_stamp now;
    platform_file_stamp(path, &now);
    return now.exists == read->exists && same_identity(&now, read) && now.size == read->size &&
           now.mtime_sec == read->mtime_sec && now.mtime_nsec == read->mtime_nsec &&
           now.ctime_sec == read->ctime_sec && now.ctime_nsec == read->ctime_nsec;
}

/* ------------------------------------------------------- writing files */

/* The temporary files in progress, for a signal handler to remove: a fixed
 * table, since a handler may neither allocate nor lock. A slot is claimed
 * (FILLING), given its path, then ARMED; only ARMED paths are removed. */
#define TEMP_SLOTS 256
#define TEMP_PATH_MAX 4096
enum { SLOT_FREE, SLOT_FILLING, SLOT_ARMED };

static struct {
    atomic_int state;
    char path[TEMP_PATH_MAX];
} temp_slots[TEMP_SLOTS];
/* 0: no cleanup yet; 1: being installed; 2: installed. */
static atomic_int cleanup_installed;

/* The signals that remove the temporary files before they stop the run. */
#ifdef _WIN32
static const int cleanup_signals[] = {SIGINT, SIGTERM};
#else
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
#endif
#define CLEANUP_SIGNALS (sizeof cleanup_signals / sizeof *cleanup_signals)

static void remove_armed_temps(void)
{
    for (size_t i = 0; i < TEMP_SLOTS; i++)
        if (atomic_load(&temp_slots[i].state) == SLOT_ARMED)
#ifdef _WIN32
            _unlink(temp_slots[i].path);
#else
            unlink(temp_slots[i].path);
#endif
}

/* Async-signal-safe: unlink(), signal() and raise() only. */
static void remove_temps_and_stop(int sig)
{
    remove_armed_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs the cleanup once, before the first temporary file; a signal
 * the process ignores (nohup's SIGHUP) stays ignored. Another thread waits
 * until it is in place. */
static void install_cleanup(void)
{
    int expected = 0;
    if (!atomic_compare_exchange_strong(&cleanup_installed, &expected, 1)) {
        while (atomic_load(&cleanup_installed) != 2) {
            /* The installing thread is a few calls from done. */
        }
        return;
    }
    atexit(remove_armed_temps);
    for (size_t i = 0; i < CLEANUP_SIGNALS; i++) {
#ifdef _WIN32
        if (signal(cleanup_signals[i], remove_temps_and_stop) == SIG_IGN)
            signal(cleanup_signals[i], SIG_IGN);
#else
        struct sigaction old, sa;
        if (sigaction(cleanup_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = remove_temps_and_stop;
        sigemptyset(&sa.sa_mask);
        sigaction(cleanup_signals[i], &sa, NULL);
#endif
    }
    atomic_store(&cleanup_installed, 2);
}

/* Arms `path` for removal on a signal; returns its slot, or -1 when it
 * cannot be tracked (a path longer than the table holds, every slot taken):
 * then only a signal during its writing leaves it behind. */
static int track_temp(const char *path)
{
    size_t len = strlen(path);
    if (len >= TEMP_PATH_MAX)
        return -1;
    for (int i = 0; i < TEMP_SLOTS; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&temp_slots[i].state, &expected, SLOT_FILLING)) {
            memcpy(temp_slots[i].path, path, len + 1);
            atomic_store(&temp_slots[i].state, SLOT_ARMED);
            return i;
        }
    }
    return -1;
}

static void untrack_temp(int slot)
{
    if (slot >= 0)
        atomic_store(&temp_slots[slot].state, SLOT_FREE);
}

struct platform_output {
    FILE *stream;
    char *target;  /* the file written: the path, or where its links lead */
    char *temp;    /* NULL when writing straight into a device or pipe */
    int slot;      /* the temporary file's slot in temp_slots, or -1 */
    bool replaces; /* the target exists and is replaced */
    bool check;    /* replace only if the target still matches `read` */
    struct file_stamp read;
};

#define TEMP_PREFIX ".reglint-"
#define TEMP_SUFFIX_LEN 6
/* A temporary file left by a killed run is removed once it is this old
 * (seconds) and its writer has gone: no write takes that long. */
#define STALE_AGE (60 * 60)

#ifndef _WIN32
/* The process ID in a temporary file's name ".reglint-PID-XXXXXX"; 0 when
 * `name` is no such name. */
static pid_t temp_writer(const char *name)
{
    size_t prefix = strlen(TEMP_PREFIX);
    if (strncmp(name, TEMP_PREFIX, prefix) != 0 || name[prefix] < '1' || name[prefix] > '9')
        return 0;
    char *end;
    errno = 0;
    unsigned long pid = strtoul(name + prefix, &end, 10);
    if (errno || *end != '-' || strlen(end + 1) != TEMP_SUFFIX_LEN || pid != (unsigned long)(pid_t)pid)
        return 0;
    for (const char *c = end + 1; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
            return 0;
    return (pid_t)pid;
}

/* The directories whose stale temporary files this run has removed. */
static pthread_mutex_t cleaned_lock = PTHREAD_MUTEX_INITIALIZER;
static struct file_stamp *cleaned;
static size_t ncleaned, cleaned_cap;

/* Whether `dir` is yet to be cleaned; it is marked as cleaned. */
static bool first_visit(const struct file_stamp *dir)
{
    pthread_mutex_lock(&cleaned_lock);
    bool first = true;
    for (size_t i = 0; i < ncleaned && first; i++)
        first = !same_identity(&cleaned[i], dir);
    if (first) {
        cleaned = xgrow(cleaned, &cleaned_cap, ncleaned + 1, sizeof *cleaned);
        cleaned[ncleaned++] = *dir;
    }
    pthread_mutex_unlock(&cleaned_lock);
    return first;
}

/* Removes, once per directory and run, the temporary files a run stopped by
 * SIGKILL (or a crash) left in `dir`: named by a process that no longer
 * runs, this user's (any user's for root: a replaced file's temporary file
 * has that file's owner), untouched for STALE_AGE. */
static void remove_stale_temps(const char *dir)
{
    struct file_stamp stamp;
    platform_file_stamp(dir, &stamp);
    if (!stamp.exists || !first_visit(&stamp))
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct buf path = BUF_INIT;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        pid_t pid = temp_writer(e->d_name);
        if (pid == 0 || pid == getpid())
            continue;
        buf_clear(&path);
        buf_printf(&path, "%s%s", dir, e->d_name);
        struct stat st;
        if (lstat(path.data, &st) == 0 && S_ISREG(st.st_mode) && (st.st_uid == geteuid() || geteuid() == 0) &&
            time(NULL) - st.st_mtime > STALE_AGE && kill(pid, 0) != 0 && errno == ESRCH)
            unlink(path.data);
    }
    closedir(d);
    buf_free(&path);
}
#endif

/* Creates the temporary file beside `target`, with the mode the umask
 * gives: ".reglint-PID-" and six characters, new (O_EXCL); sets *slot
 * (track_temp()). */
static int create_temp(const char *target, struct buf *temp, int *slot)
{
    install_cleanup();
#ifndef _WIN32
    /* A signal between the file's creation and its entry in the table
     * would leave it behind: it waits until then. */
    sigset_t handled, old;
    sigemptyset(&handled);
    for (size_t i = 0; i < CLEANUP_SIGNALS; i++)
        sigaddset(&handled, cleanup_signals[i]);
    pthread_sigmask(SIG_BLOCK, &handled, &old);
#endif
    static atomic_uint counter;
    static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
#ifdef _WIN32
    unsigned long pid = (unsigned long)_getpid();
#else
    unsigned long pid = (unsigned long)getpid();
#endif
    uint64_t seed = (uint64_t)time(NULL) ^ (uint64_t)clock() << 20 ^ (uint64_t)pid << 40 ^
                    (uint64_t)(uintptr_t)temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100; attempt++) {
        uint64_t x = seed + (uint64_t)atomic_fetch_add(&counter, 1u) * 0x9E3779B97F4A7C15u;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9u;
        x ^= x >> 29;
        buf_clear(temp);
        dir_of(target, temp);
#ifndef _WIN32
        if (attempt == 0)
            remove_stale_temps(temp->data);
#endif
        buf_printf(temp, TEMP_PREFIX "%lu-", pid);
        for (int i = 0; i < TEMP_SUFFIX_LEN; i++, x /= 36)
            buf_putc(temp, chars[x % 36]);
#ifdef _WIN32
        fd = _open(temp->data, _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY, _S_IREAD | _S_IWRITE);
#else
        fd = open(temp->data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
#endif
        if (fd >= 0)
            *slot = track_temp(temp->data);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
#ifndef _WIN32
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = saved;
#endif
    return fd;
}

#if defined(__linux__) || defined(__APPLE__)
/* Extended attributes, in Linux's calls; macOS's take a position and
 * options besides. */
static ssize_t list_xattrs(const char *path, char *names, size_t size)
{
#ifdef __APPLE__
    return listxattr(path, names, size, 0);
#else
    return listxattr(path, names, size);
#endif
}

static ssize_t get_xattr(const char *path, const char *name, void *value, size_t size)
{
#ifdef __APPLE__
    return getxattr(path, name, value, size, 0, 0);
#else
    return getxattr(path, name, value, size);
#endif
}

static ssize_t fget_xattr(int fd, const char *name, void *value, size_t size)
{
#ifdef __APPLE__
    return fgetxattr(fd, name, value, size, 0, 0);
#else
    return fgetxattr(fd, name, value, size);
#endif
}

static int fset_xattr(int fd, const char *name, const void *value, size_t size)
{
#ifdef __APPLE__
    return fsetxattr(fd, name, value, size, 0, 0);
#else
    return fsetxattr(fd, name, value, size, 0);
#endif
}

/* Gives the file open as `fd` every extended attribute of `from`. One the
 * new file already has with the same value (a security label the system
 * gave it) is not set again, which might need privileges. */
static const char *copy_xattrs(const char *from, int fd)
{
    ssize_t n = list_xattrs(from, NULL, 0);
    if (n < 0)
        return errno == ENOTSUP ? NULL : "its extended attributes cannot be read";
    if (n == 0)
        return NULL;
    char *names = xmalloc((size_t)n);
    n = list_xattrs(from, names, (size_t)n);
    const char *error = n < 0 ? "its extended attributes cannot be read" : NULL;
    for (ssize_t at = 0; !error && at < n; at += (ssize_t)strlen(names + at) + 1) {
        const char *name = names + at;
        ssize_t size = get_xattr(from, name, NULL, 0);
        char *value = xmalloc(size > 0 ? (size_t)size * 2 : 1);
        if (size < 0 || (size = get_xattr(from, name, value, (size_t)size)) < 0) {
            error = "its extended attributes cannot be read";
        } else {
            char *have = value + size;
            bool same = fget_xattr(fd, name, NULL, 0) == size &&
                        fget_xattr(fd, name, have, (size_t)size) == size &&
                        memcmp(have, value, (size_t)size) == 0;
            if (!same && fset_xattr(fd, name, value, (size_t)size) != 0)
                error = "its extended attributes cannot be kept";
        }
        free(value);
    }
    free(names);
    return error;
}
#endif

/* Whether the existing file `target` may be replaced; NULL when it may. */
static const char *check_replaceable(const char *target, const struct stat *st)
{
#ifdef _WIN32
    if (!(st->st_mode & _S_IWRITE))
        return "read-only file";
    BY_HANDLE_FILE_INFORMATION info;
    if (windows_file_info(target, &info) && info.nNumberOfLinks > 1)
        return "the file has other names (hard links), which would keep the old content";
#else
    if (!(st->st_mode & 0222))
        return "read-only file";
    /* A system that cannot tell (EINVAL, ENOSYS) lets the rename decide. */
    if (faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0 && (errno == EACCES || errno == EROFS))
        return strerror(errno);
    if (st->st_nlink > 1)
        return "the file has other names (hard links), which would keep the old content";
#endif
    return NULL;
}

/* Gives the new file open as `fd` the owner, group, extended attributes and
 * mode of `target` (on Windows ReplaceFile does, at the rename). The mode
 * comes last: a change of owner clears the set-user-ID bits. */
static const char *keep_metadata(int fd, const char *target, const struct stat *st)
{
#ifdef _WIN32
    (void)fd;
    (void)target;
    (void)st;
    return NULL;
#else
    struct stat now;
    if (fstat(fd, &now) != 0)
        return strerror(errno);
    if ((now.st_uid != st->st_uid || now.st_gid != st->st_gid) && fchown(fd, st->st_uid, st->st_gid) != 0)
        return "its owner and group cannot be kept";
#if defined(__linux__) || defined(__APPLE__)
    const char *error = copy_xattrs(target, fd);
    if (error)
        return error;
#endif
    if (fchmod(fd, st->st_mode & 07777) != 0)
        return "its permissions cannot be kept";
    return NULL;
#endif
}

/* Where writing `path` goes: the path itself, or the file its symbolic links
 * lead to. NULL and *error set when the links lead nowhere. */
static char *resolve_target(const char *path, const char **error)
{
#ifndef _WIN32
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (!real)
            *error = errno == ENOENT ? "a symbolic link to a file that does not exist" : strerror(errno);
        return real;
    }
#endif
    *error = NULL;
    return xstrdup(path);
}

/* A device or pipe such as /dev/null, /dev/stdout or a FIFO is written
 * straight into: renaming a file over it would replace it for everyone. */
static bool is_device(const char *target, const struct stat *st, bool exists)
{
    if (exists)
        return !S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode);
#ifdef _WIN32
    /* stat() fails for NUL, CON and the like; opening one tells. */
    int dev = _open(target, _O_WRONLY | _O_BINARY);
    if (dev >= 0) {
        DWORD type = GetFileType((HANDLE)_get_osfhandle(dev));
        _close(dev);
        return type == FILE_TYPE_CHAR || type == FILE_TYPE_PIPE;
    }
#else
    (void)target;
#endif
    return false;
}

static void free_output(struct platform_output *o)
{
    free(o->target);
    free(o->temp);
    free(o);
}

const char *platform_output_begin(const char *path, const struct file_stamp *read,
                                  struct platform_output **out)
{
    *out = NULL;
    if (read && (!read->exists || !read->regular))
        return "not a regular file";
    size_t len = strlen(path);
    if (len == 0)
        return strerror(ENOENT);
    if (platform_is_separator(path[len - 1]))
        return "is a directory";
    const char *error;
    char *target = resolve_target(path, &error);
    if (!target)
        return error;
    struct stat st;
    bool exists = stat(target, &st) == 0;
    struct platform_output *o = xcalloc(1, sizeof *o);
    o->target = target;
    o->slot = -1;
    if (exists && S_ISDIR(st.st_mode)) {
        free_output(o);
        return "is a directory";
    }
    if (is_device(target, &st, exists)) {
        if (read) {
            free_output(o);
            return "not a regular file";
        }
        o->stream = fopen(target, "wb");
        if (!o->stream) {
            error = strerror(errno);
            free_output(o);
            return error;
        }
        *out = o;
        return NULL;
    }
    if (exists && (error = check_replaceable(target, &st)) != NULL) {
        free_output(o);
        return error;
    }
    struct buf temp = BUF_INIT;
    int fd = create_temp(target, &temp, &o->slot);
    if (fd < 0) {
        error = strerror(errno);
        buf_free(&temp);
        free_output(o);
        return error;
    }
    o->temp = buf_steal(&temp);
    o->replaces = exists;
    if (read) {
        o->check = true;
        o->read = *read;
    }
    error = exists ? keep_metadata(fd, target, &st) : NULL;
#ifdef _WIN32
    o->stream = error ? NULL : _fdopen(fd, "wb");
#else
    o->stream = error ? NULL : fdopen(fd, "wb");
#endif
    if (!o->stream) {
        if (!error)
            error = strerror(errno);
#ifdef _WIN32
        _close(fd);
#else
        close(fd);
#endif
        remove(o->temp);
        untrack_temp(o->slot);
        free_output(o);
        return error;
    }
    *out = o;
    return NULL;
}

FILE *platform_output_stream(struct platform_output *o)
{
    return o->stream;
}

/* Renames the complete temporary file over the target. */
static const char *move_into_place(const struct platform_output *o)
{
#ifdef _WIN32
    /* ReplaceFile keeps the old file's attributes, security and streams.
     * It is given full paths: Wine's refuses relative ones (ERROR_DIRECTORY). */
    char target[MAX_PATH], temp[MAX_PATH];
    DWORD target_len = GetFullPathNameA(o->target, sizeof target, target, NULL);
    DWORD temp_len = GetFullPathNameA(o->temp, sizeof temp, temp, NULL);
    if (o->replaces && target_len > 0 && target_len < sizeof target && temp_len > 0 && temp_len < sizeof temp &&
        ReplaceFileA(target, temp, NULL, REPLACEFILE_IGNORE_MERGE_ERRORS, NULL, NULL))
        return NULL;
    if (!o->replaces && MoveFileExA(o->temp, o->target, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return NULL;
    return "cannot replace the file";
#else
    return rename(o->temp, o->target) == 0 ? NULL : strerror(errno);
#endif
}

const char *platform_output_commit(struct platform_output *o)
{
    const char *error = NULL;
    errno = 0;
    if (fflush(o->stream) != 0 || ferror(o->stream))
        error = strerror(errno ? errno : EIO);
#ifdef _WIN32
    if (!error && o->temp && _commit(_fileno(o->stream)) != 0)
#else
    if (!error && o->temp && fsync(fileno(o->stream)) != 0)
#endif
        error = strerror(errno);
    if (fclose(o->stream) != 0 && !error)
        error = strerror(errno);
    if (o->temp) {
        if (!error && o->check && !unchanged_since(o->target, &o->read))
            error = "the file changed since it was read";
        if (!error)
            error = move_into_place(o);
        if (error)
            remove(o->temp);
        /* Only now: until the rename, a signal is to remove it. */
        untrack_temp(o->slot);
    }
    free_output(o);
    return error;
}

void platform_output_abandon(struct platform_output *o)
{
    fclose(o->stream);
    if (o->temp) {
        remove(o->temp);
        untrack_temp(o->slot);
    }
    free_output(o);
}

static const char *write_whole(const char *path, const void *data, size_t n, const struct file_stamp *read)
{
    struct platform_output *o;
    const char *error = platform_output_begin(path, read, &o);
    if (error)
        return error;
    if (fwrite(data, 1, n, o->stream) != n) {
        error = strerror(errno ? errno : EIO);
        platform_output_abandon(o);
        return error;
    }
    return platform_output_commit(o);
}

const char *platform_write_atomic(const char *path, const void *data, size_t n)
{
    return write_whole(path, data, n, NULL);
}

const char *platform_write_atomic_unchanged(const char *path, const void *data, size_t n,
                                            const struct file_stamp *read)
{
    return write_whole(path, data, n, read);
}

/* --------------------------------------------------------- directories */

bool platform_is_separator(char c)
{
#ifdef _WIN32
    if (c == '\\')
        return true;
#endif
    return c == '/';
}

const char *platform_join_separator(const char *dir)
{
    size_t len = strlen(dir);
    if (len > 0 && platform_is_separator(dir[len - 1]))
        return "";
#ifdef _WIN32
    if (strchr(dir, '\\'))
        return "\\";
#endif
    return "/";
}

bool platform_is_dir(const char *path)
{
#ifdef _WIN32
    /* The C library's stat() fails on "dir\" and "dir/"; this does not. */
    DWORD attr = GetFileAttributesA(path);
    return attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY) != 0;
#else
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
#endif
}

void platform_free_dir(struct platform_dir_entry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(entries[i].name);
    free(entries);
}

static void add_entry(struct platform_dir_entry **entries, size_t *n, size_t *cap, const char *name,
                      enum platform_entry_kind kind)
{
    *entries = xgrow(*entries, cap, *n + 1, sizeof **entries);
    (*entries)[*n].name = xstrdup(name);
    (*entries)[(*n)++].kind = kind;
}

#ifdef _WIN32
const char *platform_list_dir(const char *path, struct platform_dir_entry **entries, size_t *n)
{
    struct buf pattern = BUF_INIT;
    buf_puts(&pattern, path);
    if (pattern.len && !strchr("/\\", pattern.data[pattern.len - 1]))
        buf_putc(&pattern, '\\');
    buf_putc(&pattern, '*');
    WIN32_FIND_DATAA found;
    HANDLE h = FindFirstFileA(pattern.data, &found);
    buf_free(&pattern);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        if (code == ERROR_FILE_NOT_FOUND) { /* an empty drive root */
            *entries = NULL;
            *n = 0;
            return NULL;
        }
        return code == ERROR_ACCESS_DENIED ? strerror(EACCES)
               : code == ERROR_PATH_NOT_FOUND ? strerror(ENOENT)
                                              : "cannot read the directory";
    }
    struct platform_dir_entry *list = NULL;
    size_t count = 0, cap = 0;
    do {
        const char *name = found.cFileName;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        DWORD attr = found.dwFileAttributes;
        /* A reparse point on a directory is a symbolic link or a junction. */
        enum platform_entry_kind kind = !(attr & FILE_ATTRIBUTE_DIRECTORY)     ? PLATFORM_ENTRY_FILE
                                        : (attr & FILE_ATTRIBUTE_REPARSE_POINT) ? PLATFORM_ENTRY_LINK_TO_DIR
                                                                                : PLATFORM_ENTRY_DIR;
        add_entry(&list, &count, &cap, name, kind);
    } while (FindNextFileA(h, &found));
    FindClose(h);
    *entries = list;
    *n = count;
    return NULL;
}
#else
static enum platform_entry_kind entry_kind(const char *dir, const char *name)
{
    struct buf path = BUF_INIT;
    buf_printf(&path, "%s/%s", dir, name);
    struct stat st;
    enum platform_entry_kind kind = PLATFORM_ENTRY_FILE;
    if (lstat(path.data, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            kind = PLATFORM_ENTRY_DIR;
        else if (S_ISLNK(st.st_mode))
            kind = platform_is_dir(path.data) ? PLATFORM_ENTRY_LINK_TO_DIR : PLATFORM_ENTRY_FILE;
        else if (!S_ISREG(st.st_mode))
            kind = PLATFORM_ENTRY_OTHER;
    }
    buf_free(&path);
    return kind;
}

const char *platform_list_dir(const char *path, struct platform_dir_entry **entries, size_t *n)
{
    DIR *d = opendir(path);
    if (!d)
        return strerror(errno);
    struct platform_dir_entry *list = NULL;
    size_t count = 0, cap = 0;
    const char *error = NULL;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno)
                error = strerror(errno);
            break;
        }
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        add_entry(&list, &count, &cap, e->d_name, entry_kind(path, e->d_name));
    }
    closedir(d);
    if (error) {
        platform_free_dir(list, count);
        return error;
    }
    *entries = list;
    *n = count;
    return NULL;
}
#endif

/* ------------------------------------------------------------- threads */

#ifdef _WIN32
struct platform_thread {
    HANDLE handle;
    void (*fn)(void *arg);
    void *arg;
};

struct platform_lock {
    CRITICAL_SECTION cs;
};

struct platform_cond {
    CONDITION_VARIABLE cv;
};

char *platform_cwd(void)
{
    DWORD n = GetCurrentDirectoryA(0, NULL);
    if (n == 0)
        return NULL;
    char *dir = xmalloc(n);
    if (GetCurrentDirectoryA(n, dir) == 0 || GetCurrentDirectoryA(n, dir) >= n) {
        free(dir);
        return NULL;
    }
    return dir;
}

unsigned platform_cpu_count(void)
{
    SYSTEM_INFO info;
    GetSystemInfo(&info);
    return info.dwNumberOfProcessors > 0 ? (unsigned)info.dwNumberOfProcessors : 1;
}

/* _beginthreadex() rather than CreateThread(), so that the C library's
 * per-thread state is set up for the new thread. */
static unsigned __stdcall thread_main(void *p)
{
    struct platform_thread *t = p;
    t->fn(t->arg);
    return 0;
}

struct platform_thread *platform_thread_start(void (*fn)(void *arg), void *arg)
{
    struct platform_thread *t = xmalloc(sizeof *t);
    t->fn = fn;
    t->arg = arg;
    uintptr_t h = _beginthreadex(NULL, 0, thread_main, t, 0, NULL);
    if (h == 0) {
        free(t);
        return NULL;
    }
    t->handle = (HANDLE)h;
    return t;
}

void platform_thread_join(struct platform_thread *t)
{
    WaitForSingleObject(t->handle, INFINITE);
    CloseHandle(t->handle);
    free(t);
}

struct platform_lock *platform_lock_new(void)
{
    struct platform_lock *l = xmalloc(sizeof *l);
    InitializeCriticalSection(&l->cs);
    return l;
}

void platform_lock_free(struct platform_lock *l)
{
    DeleteCriticalSection(&l->cs);
    free(l);
}

void platform_lock(struct platform_lock *l)
{
    EnterCriticalSection(&l->cs);
}

void platform_unlock(struct platform_lock *l)
{
    LeaveCriticalSection(&l->cs);
}

struct platform_cond *platform_cond_new(void)
{
    struct platform_cond *c = xmalloc(sizeof *c);
    InitializeConditionVariable(&c->cv);
    return c;
}

void platform_cond_free(struct platform_cond *c)
{
    free(c); /* a Windows condition variable holds no resource */
}

void platform_cond_wait(struct platform_cond *c, struct platform_lock *l)
{
    SleepConditionVariableCS(&c->cv, &l->cs, INFINITE);
}

void platform_cond_wake_all(struct platform_cond *c)
{
    WakeAllConditionVariable(&c->cv);
}
#else
struct platform_thread {
    pthread_t id;
    void (*fn)(void *arg);
    void *arg;
};

struct platform_lock {
    pthread_mutex_t mutex;
};

struct platform_cond {
    pthread_cond_t cond;
};

char *platform_cwd(void)
{
    for (size_t size = 256; size <= ((size_t)1 << 20); size *= 2) {
        char *dir = xmalloc(size);
        if (getcwd(dir, size))
            return dir;
        free(dir);
        if (errno != ERANGE)
            return NULL;
    }
    return NULL;
}

unsigned platform_cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static void *thread_main(void *p)
{
    struct platform_thread *t = p;
    t->fn(t->arg);
    return NULL;
}

struct platform_thread *platform_thread_start(void (*fn)(void *arg), void *arg)
{
    struct platform_thread *t = xmalloc(sizeof *t);
    t->fn = fn;
    t->arg = arg;
    if (pthread_create(&t->id, NULL, thread_main, t) != 0) {
        free(t);
        return NULL;
    }
    return t;
}

void platform_thread_join(struct platform_thread *t)
{
    pthread_join(t->id, NULL);
    free(t);
}

/* Failures of the calls below mean misuse (or no memory at creation), which
 * reglint does not recover from. */
struct platform_lock *platform_lock_new(void)
{
    struct platform_lock *l = xmalloc(sizeof *l);
    if (pthread_mutex_init(&l->mutex, NULL) != 0)
        xalloc_die();
    return l;
}

void platform_lock_free(struct platform_lock *l)
{
    pthread_mutex_destroy(&l->mutex);
    free(l);
}

void platform_lock(struct platform_lock *l)
{
    pthread_mutex_lock(&l->mutex);
}

void platform_unlock(struct platform_lock *l)
{
    pthread_mutex_unlock(&l->mutex);
}

struct platform_cond *platform_cond_new(void)
{
    struct platform_cond *c = xmalloc(sizeof *c);
    if (pthread_cond_init(&c->cond, NULL) != 0)
        xalloc_die();
    return c;
}

void platform_cond_free(struct platform_cond *c)
{
    pthread_cond_destroy(&c->cond);
    free(c);
}

void platform_cond_wait(struct platform_cond *c, struct platform_lock *l)
{
    pthread_cond_wait(&c->cond, &l->mutex);
}

void platform_cond_wake_all(struct platform_cond *c)
{
    pthread_cond_broadcast(&c->cond);
}
#endif
