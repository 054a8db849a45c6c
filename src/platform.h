/*
 * platform: the few operating-system calls that differ between POSIX systems
 * and Windows (MinGW). Everything else in reglint is ISO C.
 *
 * reglint never touches a registry: nothing here (or anywhere) calls the
 * Windows registry API.
 */
#ifndef REGLINT_PLATFORM_H
#define REGLINT_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Puts a standard stream into binary mode (no CRLF translation on Windows). */
void platform_set_binary(FILE *f);
/* NULL when `f` can be read as a file (regular file, pipe, terminal);
 * otherwise a message such as "is a directory". Sets *size for regular files
 * (0 otherwise). */
const char *platform_check_regular(FILE *f, long long *size);
/* Whether the stream is a terminal (for colour). */
bool platform_isatty(FILE *f);

/* Replaces `path` with `data` atomically: a temporary file in the same
 * directory, flushed to disk, then renamed over `path`; an existing file's
 * permissions are kept. On failure `path` is untouched, the temporary file is
 * removed, and the return is a message (strerror text); NULL on success. */
const char *platform_write_atomic(const char *path, const void *data, size_t n);

/* What identifies one state of a file: which file it is, its size and when
 * it was last written. */
struct file_stamp {
    bool exists;
    bool regular; /* a regular file (not a device, pipe or directory) */
    unsigned long long device, inode;
    long long size;
    long long mtime_sec;
    long mtime_nsec;
};

/* Stamps `path` as it is now (exists is false when it cannot be stat'ed). */
void platform_file_stamp(const char *path, struct file_stamp *stamp);
/* platform_write_atomic(), but refuses to replace `path` (and says why) when
 * its stamp no longer matches `read`, the stamp taken before it was read:
 * someone changed it in between. The check is made after the temporary file
 * is complete, just before the rename. Only a regular file is replaced; a
 * symbolic link is followed, so that the file it names is replaced. */
const char *platform_write_atomic_unchanged(const char *path, const void *data, size_t n,
                                            const struct file_stamp *read);

#endif
