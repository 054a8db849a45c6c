/* POSIX and Windows implementations of platform.h. */
#define _XOPEN_SOURCE 700
#include "platform.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "buf.h"
#include "xalloc.h"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#else
#include <fcntl.h>
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
#ifndef _WIN32
    stamp->mtime_nsec = st.st_mtim.tv_nsec;
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
static const char *write_atomic(const char *path, const void *data, size_t n,
                                const struct file_stamp *read)
{
    struct buf tmp = BUF_INIT;
    dir_of(path, &tmp);
    buf_puts(&tmp, ".reglint-XXXXXX");
    const char *error = NULL;
    struct stat st;
    bool had_mode = stat(path, &st) == 0;
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
