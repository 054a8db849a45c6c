/* Walking directories for lint: which files, in which order, links. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "filelist.h"

/* A fresh directory to build trees in; the working directory moves there so
 * that paths stay short. */
static char root[64];
static char home[4096];

static int make_root(void **state)
{
    (void)state;
    strcpy(root, "/tmp/reglint-filelist-XXXXXX");
    if (!mkdtemp(root) || !getcwd(home, sizeof home) || chdir(root) != 0)
        return -1;
    return 0;
}

static int remove_root(void **state)
{
    (void)state;
    struct buf cmd = BUF_INIT;
    buf_printf(&cmd, "rm -rf '%s'", root);
    int rc = chdir(home) == 0 && system(cmd.data) == 0 ? 0 : -1;
    buf_free(&cmd);
    return rc;
}

static void touch(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
}

/* The list's paths, one a line; errors as "path: !". */
static char *listed(const char *const *args, size_t n)
{
    struct file_list list = FILE_LIST_INIT;
    for (size_t i = 0; i < n; i++)
        file_list_add(&list, args[i]);
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < list.n; i++)
        buf_printf(&b, "%s%s\n", list.items[i].path, list.items[i].error ? ": !" : "");
    file_list_free(&list);
    return b.data ? buf_steal(&b) : calloc(1, 1);
}

static void expect_list(const char *const *args, size_t n, const char *want)
{
    char *got = listed(args, n);
    assert_string_equal(got, want);
    free(got);
}

static void test_reg_names(void **state)
{
    (void)state;
    assert_true(file_name_is_reg("a.reg"));
    assert_true(file_name_is_reg("A.REG"));
    assert_true(file_name_is_reg("x.Reg"));
    assert_true(file_name_is_reg(".reg"));
    assert_false(file_name_is_reg("reg"));
    assert_false(file_name_is_reg("a.reg.txt"));
    assert_false(file_name_is_reg("a.regx"));
    assert_false(file_name_is_reg("areg"));
}

static void test_walk_order_and_names(void **state)
{
    (void)state;
    assert_int_equal(mkdir("t", 0755), 0);
    assert_int_equal(mkdir("t/sub", 0755), 0);
    assert_int_equal(mkdir("t/sub/deeper", 0755), 0);
    touch("t/b.reg");
    touch("t/A.REG");
    touch("t/notes.txt");
    touch("t/c.reg.bak");
    touch("t/sub/z.reg");
    touch("t/sub/deeper/y.Reg");
    touch("t/subway.reg");
    /* Bytewise order: "A.REG" < "b.reg" < "sub" < "subway.reg"; a
     * subdirectory's files come at its place. */
    const char *args[] = {"t"};
    expect_list(args, 1, "t/A.REG\nt/b.reg\nt/sub/deeper/y.Reg\nt/sub/z.reg\nt/subway.reg\n");
    const char *slash[] = {"t/sub/"};
    expect_list(slash, 1, "t/sub/deeper/y.Reg\nt/sub/z.reg\n");
}

static void test_arguments_keep_their_order(void **state)
{
    (void)state;
    assert_int_equal(mkdir("u", 0755), 0);
    touch("u/one.reg");
    touch("u/readme.md");
    /* A file named explicitly is taken whatever its name, even missing. */
    const char *args[] = {"u/readme.md", "u", "-", "missing.txt"};
    expect_list(args, 4, "u/readme.md\nu/one.reg\n-\nmissing.txt\n");
}

static void test_counts(void **state)
{
    (void)state;
    assert_int_equal(mkdir("x", 0755), 0);
    assert_int_equal(mkdir("x/empty", 0755), 0);
    touch("x/empty/notes.txt");
    touch("x/one.reg");
    struct file_list list = FILE_LIST_INIT;
    assert_int_equal(file_list_add(&list, "x/empty"), 0);
    assert_int_equal(file_list_add(&list, "x"), 1);
    assert_int_equal(file_list_add(&list, "x/empty/notes.txt"), 1);
    assert_int_equal(list.n, 2);
    file_list_free(&list);
}

static void test_links(void **state)
{
    (void)state;
    assert_int_equal(mkdir("v", 0755), 0);
    assert_int_equal(mkdir("v/real", 0755), 0);
    touch("v/real/in.reg");
    touch("v/target.txt");
    assert_int_equal(symlink("real", "v/link-to-dir"), 0);
    assert_int_equal(symlink("..", "v/real/loop"), 0);
    assert_int_equal(symlink("target.txt", "v/link-to-file.reg"), 0);
    assert_int_equal(symlink("nowhere", "v/dangling.reg"), 0);
    /* Links to directories are not followed; links to files, even dangling
     * ones, are files for the reader to read or report. */
    const char *args[] = {"v"};
    expect_list(args, 1, "v/dangling.reg\nv/link-to-file.reg\nv/real/in.reg\n");
    /* A link to a directory named explicitly is walked. */
    const char *link[] = {"v/link-to-dir"};
    expect_list(link, 1, "v/link-to-dir/in.reg\n");
}

static void test_unreadable_directory(void **state)
{
    (void)state;
    assert_int_equal(mkdir("w", 0755), 0);
    assert_int_equal(mkdir("w/locked", 0755), 0);
    touch("w/locked/hidden.reg");
    touch("w/z.reg");
    assert_int_equal(chmod("w/locked", 0), 0);
    /* Permissions do not stop the superuser: nothing to check then. */
    if (access("w/locked", R_OK) == 0) {
        assert_int_equal(chmod("w/locked", 0755), 0);
        skip();
    }
    const char *args[] = {"w"};
    expect_list(args, 1, "w/locked: !\nw/z.reg\n");
    assert_int_equal(chmod("w/locked", 0755), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reg_names),
        cmocka_unit_test(test_walk_order_and_names),
        cmocka_unit_test(test_arguments_keep_their_order),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_unreadable_directory),
    };
    return cmocka_run_group_tests(tests, make_root, remove_root);
}
