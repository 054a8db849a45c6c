/* POSIX and Windows implementations of platform.h. */
#define _XOPEN_SOURCE 700
#if defined(__APPLE__)
#define _DARWIN_C_SOURCE /* st_mtimespec */
#endif
#include "platform.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

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
#include <unistd.h>
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

/* The directory part of `path` ("." when there is none), with a separator. */
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
#if defined(__APPLE__)
    stamp->mtime_nsec = st.st_mtimespec.tv_nsec;
#elif !defined(_WIN32)
    stamp->mtime_nsec = st.st_mtim.tv_nsec;
#else
    /* The C library gives no inode on Windows: the volume and the file's
     * index on it say which file it is, through links too. */
    HANDLE h = CreateFileA(path, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    BY_HANDLE_FILE_INFORMATION info;
    if (h != INVALID_HANDLE_VALUE) {
        if (GetFileInformationByHandle(h, &info)) {
            stamp->device = info.dwVolumeSerialNumber;
            stamp->inode = (unsigned long long)info.nFileIndexHigh << 32 | info.nFileIndexLow;
        }
        CloseHandle(h);
    }
#endif
}

static bool unchanged_since(const char *path, const struct file_stamp *read)
{
    struct file_stamp now;
    platform_file_stamp(path, &now);
    return now.exists == read->exists && now.device == read->device && now.inode == read->inode &&
           now.size == read->size && now.mtime_sec == read->mtime_sec &&
           now.mtime_nsec == read->mtime_nsec;
}

/* `read` NULL: replace whatever is there. */
/* Writes straight into a device or pipe such as /dev/null or /dev/stdout:
 * renaming a file over it would replace it for everyone. */
static const char *write_in_place(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return strerror(errno);
    const char *error = NULL;
    if (fwrite(data, 1, n, f) != n || fflush(f) != 0)
        error = strerror(errno ? errno : EIO);
    if (fclose(f) != 0 && !error)
        error = strerror(errno);
    return error;
}

static const char *write_atomic(const char *path, const void *data, size_t n,
                                const struct file_stamp *read)
{
    struct stat st;
    bool had_mode = stat(path, &st) == 0;
    if (had_mode && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return write_in_place(path, data, n);
#ifdef _WIN32
    /* stat() fails for NUL, CON and the like; opening one tells. */
    if (!had_mode) {
        int dev = _open(path, _O_WRONLY | _O_BINARY);
        if (dev >= 0) {
            DWORD type = GetFileType((HANDLE)_get_osfhandle(dev));
            _close(dev);
            if (type == FILE_TYPE_CHAR || type == FILE_TYPE_PIPE)
                return write_in_place(path, data, n);
        }
    }
#endif
    struct buf tmp = BUF_INIT;
    dir_of(path, &tmp);
    buf_puts(&tmp, ".reglint-XXXXXX");
    const char *error = NULL;
#ifdef _WIN32
    if (!_mktemp(tmp.data)) {
        error = strerror(errno);
        buf_free(&tmp);
        return error;
    }
    int fd = _open(tmp.data, _O_WRONLY | _O_CREAT | _O_EXCL | _O_BINARY, _S_IREAD | _S_IWRITE);
#else
    int fd = mkstemp(tmp.data);
#endif
    if (fd < 0) {
        error = strerror(errno);
        buf_free(&tmp);
        return error;
    }
    const char *p = data;
    size_t left = n;
    while (left > 0 && !error) {
#ifdef _WIN32
        int w = _write(fd, p, left > 0x40000000 ? 0x40000000u : (unsigned)left);
#else
        ssize_t w = write(fd, p, left);
#endif
        if (w < 0) {
            if (errno != EINTR)
                error = strerror(errno);
            continue;
        }
        p += w;
        left -= (size_t)w;
    }
#ifdef _WIN32
    if (!error && _commit(fd) != 0)
        error = strerror(errno);
    if (_close(fd) != 0 && !error)
        error = strerror(errno);
    if (!error && had_mode)
        _chmod(tmp.data, st.st_mode & (_S_IREAD | _S_IWRITE));
    if (!error && read && !unchanged_since(path, read))
        error = "the file changed since it was read";
    if (!error && !MoveFileExA(tmp.data, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        error = "cannot replace the file";
#else
    if (!error && fsync(fd) != 0)
        error = strerror(errno);
    if (!error && had_mode && fchmod(fd, st.st_mode & 07777) != 0)
        error = strerror(errno);
    if (close(fd) != 0 && !error)
        error = strerror(errno);
    if (!error && read && !unchanged_since(path, read))
        error = "the file changed since it was read";
    if (!error && rename(tmp.data, path) != 0)
        error = strerror(errno);
#endif
    if (error)
        remove(tmp.data);
    buf_free(&tmp);
    return error;
}

const char *platform_write_atomic(const char *path, const void *data, size_t n)
{
    return write_atomic(path, data, n, NULL);
}

const char *platform_write_atomic_unchanged(const char *path, const void *data, size_t n,
                                            const struct file_stamp *read)
{
    if (!read->exists || !read->regular)
        return "not a regular file";
#ifdef _WIN32
    return write_atomic(path, data, n, read);
#else
    /* Through a symbolic link, the file it names is replaced, not the link. */
    char *real = realpath(path, NULL);
    if (!real)
        return strerror(errno);
    const char *error = write_atomic(real, data, n, read);
    free(real);
    return error;
#endif
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
