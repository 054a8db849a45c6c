/* .reglint files: globs of per-path ignores, paths from a directory, and
 * what a file's mistakes say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"

static void test_globs(void **state)
{
    (void)state;
    assert_true(config_glob_match("legacy/*.reg", "legacy/a.reg"));
    assert_false(config_glob_match("legacy/*.reg", "legacy/sub/a.reg"));
    assert_true(config_glob_match("legacy/**/*.reg", "legacy/sub/deep/a.reg"));
    assert_true(config_glob_match("legacy/**/*.reg", "legacy/a.reg"));
    assert_true(config_glob_match("**/pasted.reg", "pasted.reg"));
    assert_true(config_glob_match("**/pasted.reg", "a/b/pasted.reg"));
    assert_false(config_glob_match("**/pasted.reg", "a/b/unpasted.reg"));
    assert_true(config_glob_match("a?c.reg", "abc.reg"));
    assert_false(config_glob_match("a?c.reg", "a/c.reg"));
    assert_false(config_glob_match("*.reg", "dir/x.reg"));
    assert_true(config_glob_match("**", "any/thing"));
}

static void expect_path(const char *dir, const char *file, const char *want)
{
    char *got = config_path_from(dir, file);
    assert_string_equal(got, want);
    free(got);
}

static void test_paths_from(void **state)
{
    (void)state;
    expect_path("/t/base/", "/t/x.reg", "../x.reg");
    expect_path("/t/", "/t/x.reg", "x.reg");
    expect_path("/t/a/b/", "/t/a/c/d.reg", "../c/d.reg");
    expect_path("/t/", "/t/./sub/../x.reg", "x.reg");
    char *abs = config_absolute_path("/work", "a/./b/../c.reg");
    assert_string_equal(abs, "/work/a/c.reg");
    free(abs);
}

static void expect_error(const char *text, const char *want)
{
    FILE *f = fopen("test-config.reglint", "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    struct lint_config c;
    char *error = NULL;
    bool ok = config_load("test-config.reglint", &c, &error);
    remove("test-config.reglint");
    if (!want) {
        assert_true(ok);
        config_free(&c);
        return;
    }
    assert_false(ok);
    assert_non_null(error);
    assert_non_null(strstr(error, want));
    free(error);
}

static void test_mistakes(void **state)
{
    (void)state;
    expect_error("# fine\nselect = RL4\nseverity RL3009 = error\nper-path-ignore a/*.reg = RL4001\n", NULL);
    expect_error("selct = RL4\n", ":1: unknown setting 'selct'; did you mean 'select'?");
    expect_error("\nselect = RL9\n", ":2: no rule matches 'RL9'");
    expect_error("severity = error\n", "needs a word before '='");
    expect_error("fail-on = sometimes\n", "unknown level 'sometimes'");
    expect_error("target = windows-12\n", "unknown target 'windows-12'");
    expect_error("select RL4\n", "expected 'key = value'");
    expect_error("ignore =\n", "'ignore' needs a value");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_globs),
        cmocka_unit_test(test_paths_from),
        cmocka_unit_test(test_mistakes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
