/* Findings as data: the per-rule display limit, which hides findings but
 * keeps them, and memory that grows linearly with the help lines and fix
 * edits of one finding. */
#include "test_util.h"

#include "diag.h"

/* Enough to tell n from n * n: copying the array on every addition would put
 * MANY * MANY / 2 elements in the arena (32 MB of edits), doubling it at most
 * 2 * MANY. */
#define MANY 2000

struct fixture {
    struct source *src;
    struct arena *arena;
    struct diag_list list;
};

static void open_fixture(struct fixture *f)
{
    f->src = source_from_bytes("t.reg", (const unsigned char *)"abcdefgh", 8);
    assert_non_null(f->src);
    f->arena = arena_new();
    diag_list_init(&f->list, f->arena);
}

static void close_fixture(struct fixture *f)
{
    diag_list_release(&f->list);
    arena_free(f->arena);
    source_free(f->src);
}

/* A finding with MANY edits in one fix (RL2001 on a value set MANY + 1 times
 * removes MANY lines) costs memory in proportion to MANY. */
static void test_fix_edits_grow_linearly(void **state)
{
    (void)state;
    struct fixture f;
    open_fixture(&f);
    struct diag *d = diag_add(&f.list, RULE_DUPLICATE_VALUE, f.src, (struct span){0, 1}, "x");
    struct fix *fix = diag_fix(&f.list, d, FIX_SAFE, "y");
    size_t before = arena_used(f.arena);
    for (uint32_t i = 0; i < MANY; i++)
        diag_fix_edit(&f.list, fix, (struct span){i % 8, i % 8}, "");
    size_t used = arena_used(f.arena) - before;
    assert_int_equal(fix->nedits, MANY);
    for (uint32_t i = 0; i < MANY; i++) {
        assert_int_equal(fix->edits[i].at.start, i % 8);
        assert_string_equal(fix->edits[i].text, "");
    }
    /* Each edit is a span, a pointer and its empty text: at most twice that
     * for the doubling, with room for the arena's alignment. */
    assert_true(used <= MANY * (2 * sizeof *fix->edits + 16));
    close_fixture(&f);
}

static void test_help_lines_grow_linearly(void **state)
{
    (void)state;
    struct fixture f;
    open_fixture(&f);
    struct diag *d = diag_add(&f.list, RULE_DUPLICATE_VALUE, f.src, (struct span){0, 1}, "x");
    size_t before = arena_used(f.arena);
    for (int i = 0; i < MANY; i++)
        diag_help(&f.list, d, "%d", i % 10);
    size_t used = arena_used(f.arena) - before;
    assert_int_equal(d->nhelp, MANY);
    char expect[2] = {0};
    for (int i = 0; i < MANY; i++) {
        expect[0] = (char)('0' + i % 10);
        assert_string_equal(d->help[i], expect);
    }
    assert_true(used <= MANY * (2 * sizeof *d->help + 16));
    close_fixture(&f);
}

/* Past DIAG_PER_RULE_LIMIT findings of one rule are hidden, not shown; a
 * finding of another rule is still shown. */
static void test_per_rule_limit_hides(void **state)
{
    (void)state;
    struct fixture f;
    open_fixture(&f);
    for (uint32_t i = 0; i < DIAG_PER_RULE_LIMIT + 5; i++)
        diag_add(&f.list, RULE_DUPLICATE_VALUE, f.src, (struct span){i, i + 1}, "x");
    diag_add(&f.list, RULE_ENABLED_NOT_CANONICAL, f.src, (struct span){0, 1}, "y");
    assert_int_equal(f.list.n, DIAG_PER_RULE_LIMIT + 1);
    assert_int_equal(f.list.kept[RULE_DUPLICATE_VALUE], DIAG_PER_RULE_LIMIT);
    assert_int_equal(f.list.dropped[RULE_DUPLICATE_VALUE], 5);
    assert_int_equal(f.list.nhidden, 5);
    /* All of them, shown then hidden. */
    assert_int_equal(diag_list_any(&f.list, 0)->at.start, 0);
    assert_int_equal(diag_list_any(&f.list, DIAG_PER_RULE_LIMIT)->rule, RULE_ENABLED_NOT_CANONICAL);
    assert_int_equal(diag_list_any(&f.list, DIAG_PER_RULE_LIMIT + 1)->at.start, DIAG_PER_RULE_LIMIT);
    close_fixture(&f);
}

/* Drops the findings that start at an odd offset. */
static bool even(struct diag *d, void *calls)
{
    ++*(size_t *)calls;
    return d->at.start % 2 == 0;
}

/* A filter goes through hidden findings too, and counts them again. */
static void test_filter_counts_hidden_again(void **state)
{
    (void)state;
    struct fixture f;
    open_fixture(&f);
    for (uint32_t i = 0; i < DIAG_PER_RULE_LIMIT + 5; i++)
        diag_add(&f.list, RULE_DUPLICATE_VALUE, f.src, (struct span){i, i + 1}, "x");
    size_t calls = 0;
    diag_list_filter(&f.list, even, &calls);
    assert_int_equal(calls, DIAG_PER_RULE_LIMIT + 5);
    assert_int_equal(f.list.n, DIAG_PER_RULE_LIMIT / 2);
    /* Hidden were 1000 to 1004: 1000, 1002 and 1004 stay. */
    assert_int_equal(f.list.nhidden, 3);
    assert_int_equal(f.list.dropped[RULE_DUPLICATE_VALUE], 3);
    assert_int_equal(f.list.hidden[2]->at.start, DIAG_PER_RULE_LIMIT + 4);
    close_fixture(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fix_edits_grow_linearly),
        cmocka_unit_test(test_help_lines_grow_linearly),
        cmocka_unit_test(test_per_rule_limit_hides),
        cmocka_unit_test(test_filter_counts_hidden_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
