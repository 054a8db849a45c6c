/*
 * SARIF from a build given the address it is published at (make
 * REGLINT_HOMEPAGE=URL): render.c is compiled into this test with the
 * address defined, in place of the library's copy, whose build has none
 * (tests/sarif/github-upload.sh checks that SARIF then names none).
 */
#define REGLINT_HOMEPAGE "https://example.org/reglint"
#include "../../src/render.c"

#include "test_util.h"

/* The whole SARIF of a run with no findings. */
static char *empty_run(void)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    render_end(render_begin(f, FORMAT_SARIF, false));
    long size = ftell(f);
    assert_true(size > 0);
    rewind(f);
    char *text = calloc((size_t)size + 1, 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    return text;
}

static void test_tool_and_rules_link_the_release(void **state)
{
    (void)state;
    char *sarif = empty_run();
    assert_non_null(strstr(sarif, "\"informationUri\":\"https://example.org/reglint\""));
    assert_non_null(strstr(sarif, "\"helpUri\":\"https://example.org/reglint/blob/v" REGLINT_VERSION
                                  "/docs/rules/RL0001.md\""));
    assert_non_null(strstr(sarif, "The rule's page: [docs/rules/RL4001.md](https://example.org/reglint/blob/v" REGLINT_VERSION
                                  "/docs/rules/RL4001.md)"));
    free(sarif);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tool_and_rules_link_the_release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
