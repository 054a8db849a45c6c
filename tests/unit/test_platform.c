/* Writing files: what a replaced file keeps (owner, group, mode, extended
 * attributes, links), what is refused, the mode of a new file, the check
 * that a file is unchanged since it was read, and the temporary files a
 * signal leaves behind. Owner tests need root and say so when skipped. */
#define _GNU_SOURCE
#include "test_util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"

#define NOBODY 65534

struct scratch {
    char dir[64];
    char path[96];
};

static void scratch_init(struct scratch *s, const char *text)
{
    /* cppcheck-suppress ctuuninitvar ; scratch_init is what fills *s */
    snprintf(s->dir, sizeof s->dir, "/tmp/reglint-platform-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
    snprintf(s->path, sizeof s->path, "%s/t.reg", s->dir);
    if (text) {
        FILE *f = fopen(s->path, "wb");
        assert_non_null(f);
        fputs(text, f);
        assert_int_equal(fclose(f), 0);
    }
}

/* The names in the scratch directory, for a test to see what was left. */
static size_t entries(const struct scratch *s)
{
    DIR *d = opendir(s->dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void scratch_free(struct scratch *s)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
    assert_int_equal(system(cmd), 0);
}

static void assert_content(const char *path, const char *want)
{
    char got[64] = {0};
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(got, 1, sizeof got - 1, f);
    fclose(f);
    assert_int_equal(n, strlen(want));
    assert_string_equal(got, want);
}

static bool running_as_root(void)
{
    if (geteuid() == 0)
        return true;
    print_message("skipped: needs root (tests run as root in CI)\n");
    return false;
}

/* A new file gets what the umask gives, not mkstemp's 0600. */
static void test_new_file_mode(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, NULL);
    mode_t old = umask(022);
    assert_null(platform_write_atomic(s.path, "x", 1));
    struct stat st;
    assert_int_equal(stat(s.path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    remove(s.path);
    umask(027);
    assert_null(platform_write_atomic(s.path, "x", 1));
    assert_int_equal(stat(s.path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    umask(old);
    scratch_free(&s);
}

/* An edit of the same size that sets the modification time back still
 * changes the change time: the file is not replaced. */
static void test_change_time_checked(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, "old");
    struct stat before;
    assert_int_equal(stat(s.path, &before), 0);
    struct file_stamp read;
    platform_file_stamp(s.path, &read);
    /* Past the clock's tick, which may be coarse. */
    nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    FILE *f = fopen(s.path, "r+b");
    assert_non_null(f);
    fputs("new", f);
    assert_int_equal(fclose(f), 0);
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    assert_int_equal(utimensat(AT_FDCWD, s.path, times, 0), 0);
    assert_string_equal(platform_write_atomic_unchanged(s.path, "fixed", 5, &read),
                        "the file changed since it was read");
    assert_content(s.path, "new");
    assert_int_equal(entries(&s), 1);
    scratch_free(&s);
}

/* Replacing a file keeps its owner, group, mode and extended attributes. */
static void test_keeps_metadata(void **state)
{
    (void)state;
    if (!running_as_root())
        return;
    struct scratch s;
    scratch_init(&s, "old");
    assert_int_equal(chown(s.path, NOBODY, NOBODY), 0);
    assert_int_equal(chmod(s.path, 0640), 0);
    bool xattrs = setxattr(s.path, "user.reglint", "kept", 4, 0) == 0;
    if (!xattrs)
        print_message("extended attributes not checked: %s\n", strerror(errno));
    struct file_stamp read;
    platform_file_stamp(s.path, &read);
    assert_null(platform_write_atomic_unchanged(s.path, "new", 3, &read));
    struct stat st;
    assert_int_equal(stat(s.path, &st), 0);
    assert_int_equal(st.st_uid, NOBODY);
    assert_int_equal(st.st_gid, NOBODY);
    assert_int_equal(st.st_mode & 07777, 0640);
    if (xattrs) {
        char value[8] = {0};
        assert_int_equal(getxattr(s.path, "user.reglint", value, sizeof value), 4);
        assert_string_equal(value, "kept");
    }
    assert_content(s.path, "new");
    scratch_free(&s);
}

/* Someone who may write a file but not give a file its owner is refused:
 * the new file would be theirs. One who may not write the file is refused
 * although the directory would let them replace it. */
static void test_owner_cannot_be_kept(void **state)
{
    (void)state;
    if (!running_as_root())
        return;
    struct scratch s;
    scratch_init(&s, "old");
    assert_int_equal(chmod(s.dir, 0777), 0);
    assert_int_equal(chmod(s.path, 0666), 0);
    char theirs[128];
    snprintf(theirs, sizeof theirs, "%s/theirs.reg", s.dir);
    FILE *f = fopen(theirs, "wb");
    assert_non_null(f);
    fputs("old", f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(theirs, 0644), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        if (setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
            _exit(10);
        const char *error = platform_write_atomic(s.path, "new", 3);
        if (!error || strcmp(error, "its owner and group cannot be kept") != 0)
            _exit(11);
        error = platform_write_atomic(theirs, "new", 3);
        _exit(error && strcmp(error, strerror(EACCES)) == 0 ? 0 : 12);
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_content(s.path, "old");
    assert_content(theirs, "old");
    assert_int_equal(entries(&s), 2);
    scratch_free(&s);
}

/* A read-only file, and one with other names, are left alone. */
static void test_refused(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, "old");
    assert_int_equal(chmod(s.path, 0444), 0);
    assert_string_equal(platform_write_atomic(s.path, "new", 3), "read-only file");
    assert_content(s.path, "old");
    assert_int_equal(chmod(s.path, 0644), 0);
    char other[128];
    snprintf(other, sizeof other, "%s/other.reg", s.dir);
    assert_int_equal(link(s.path, other), 0);
    assert_string_equal(platform_write_atomic(s.path, "new", 3),
                        "the file has other names (hard links), which would keep the old content");
    assert_content(s.path, "old");
    assert_int_equal(entries(&s), 2);
    assert_string_equal(platform_write_atomic(s.dir, "new", 3), "is a directory");
    struct file_stamp read;
    platform_file_stamp(s.dir, &read);
    assert_string_equal(platform_write_atomic_unchanged(s.dir, "new", 3, &read), "not a regular file");
    scratch_free(&s);
}

/* Through a symbolic link the file it leads to is written; the link stays. */
static void test_links_followed(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, "old");
    char link_path[128], dangling[128];
    snprintf(link_path, sizeof link_path, "%s/link.reg", s.dir);
    snprintf(dangling, sizeof dangling, "%s/dangling.reg", s.dir);
    assert_int_equal(symlink("t.reg", link_path), 0);
    assert_int_equal(symlink("missing.reg", dangling), 0);
    assert_null(platform_write_atomic(link_path, "new", 3));
    struct stat st;
    assert_int_equal(lstat(link_path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_content(s.path, "new");
    assert_string_equal(platform_write_atomic(dangling, "new", 3),
                        "a symbolic link to a file that does not exist");
    assert_int_equal(entries(&s), 3);
    scratch_free(&s);
}

static void test_same_file(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, "old");
    char name[128], other[128];
    snprintf(name, sizeof name, "%s/link.reg", s.dir);
    assert_int_equal(symlink("t.reg", name), 0);
    assert_true(platform_same_file(s.path, name));
    snprintf(name, sizeof name, "%s/hard.reg", s.dir);
    assert_int_equal(link(s.path, name), 0);
    assert_true(platform_same_file(name, s.path));
    /* Files that do not exist yet: the same name in the same directory. */
    snprintf(name, sizeof name, "%s/new.reg", s.dir);
    snprintf(other, sizeof other, "%s/./new.reg", s.dir);
    assert_true(platform_same_file(name, other));
    snprintf(other, sizeof other, "%s/new2.reg", s.dir);
    assert_false(platform_same_file(name, other));
    assert_false(platform_same_file(name, s.path));
    /* A device may take several writers. */
    assert_false(platform_same_file("/dev/null", "/dev/null"));
    scratch_free(&s);
}

/* A run stopped by SIGTERM while writing leaves no temporary file; a signal
 * the process ignores stays ignored. */
static void test_signal_removes_temporary(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, "old");
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        signal(SIGHUP, SIG_IGN);
        struct platform_output *o;
        if (platform_output_begin(s.path, NULL, &o) != NULL)
            _exit(10);
        fputs("half of it", platform_output_stream(o));
        fflush(platform_output_stream(o));
        /* The temporary file names its writer, for a later run to tell. */
        char prefix[64];
        snprintf(prefix, sizeof prefix, ".reglint-%ld-", (long)getpid());
        DIR *d = opendir(s.dir);
        bool named = false;
        for (struct dirent *e; d && (e = readdir(d)) != NULL;)
            named |= strncmp(e->d_name, prefix, strlen(prefix)) == 0;
        if (d)
            closedir(d);
        if (!named)
            _exit(11);
        /* kill() to itself delivers the signal before it returns. */
        kill(getpid(), SIGHUP); /* ignored here: nohup's case */
        kill(getpid(), SIGTERM);
        _exit(12);
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGTERM);
    assert_content(s.path, "old");
    assert_int_equal(entries(&s), 1);
    scratch_free(&s);
}

/* An abandoned output leaves the old file and nothing else. */
static void test_abandon(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, "old");
    struct platform_output *o;
    assert_null(platform_output_begin(s.path, NULL, &o));
    fputs("new", platform_output_stream(o));
    platform_output_abandon(o);
    assert_content(s.path, "old");
    assert_int_equal(entries(&s), 1);
    scratch_free(&s);
}

static void exit_42(int sig)
{
    (void)sig;
    _exit(42);
}

/* The bytes of a file of three pages of 'x', mapped. */
static unsigned char *map_pages(const struct scratch *s, size_t size, FILE **f)
{
    *f = fopen(s->path, "wb");
    assert_non_null(*f);
    for (size_t i = 0; i < size; i++)
        fputc('x', *f);
    assert_int_equal(fclose(*f), 0);
    *f = fopen(s->path, "rb");
    assert_non_null(*f);
    unsigned char *bytes = platform_map_file(*f, size);
    assert_non_null(bytes);
    return bytes;
}

/* A mapped file that another process truncates reads as zeros past its new
 * end, where reading it would raise SIGBUS; any other SIGBUS gets the
 * action it had before. */
static void test_mapped_file_truncated(void **state)
{
    (void)state;
    struct scratch s;
    scratch_init(&s, NULL);
    size_t page = (size_t)sysconf(_SC_PAGESIZE), size = 3 * page;
    FILE *f;
    /* First in a child, which maps a file after choosing its own action. */
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        signal(SIGBUS, exit_42);
        map_pages(&s, size, &f);
        raise(SIGBUS);
        /* Reached only if the action chosen was not taken: the test fails.
         * cppcheck-suppress unreachableCode ; raise() returns after a handler */
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 42);

    unsigned char *bytes = map_pages(&s, size, &f);
    assert_int_equal(bytes[size - 1], 'x');
    assert_int_equal(truncate(s.path, (off_t)page), 0);
    assert_int_equal(bytes[page - 1], 'x');
    assert_int_equal(bytes[page], 0);
    assert_int_equal(bytes[size - 1], 0);
    platform_unmap_file(bytes, size);
    assert_int_equal(fclose(f), 0);
    scratch_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_file_mode),
        cmocka_unit_test(test_change_time_checked),
        cmocka_unit_test(test_keeps_metadata),
        cmocka_unit_test(test_owner_cannot_be_kept),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_links_followed),
        cmocka_unit_test(test_same_file),
        cmocka_unit_test(test_signal_removes_temporary),
        cmocka_unit_test(test_abandon),
        cmocka_unit_test(test_mapped_file_truncated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
