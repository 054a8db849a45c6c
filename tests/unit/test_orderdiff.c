/* Unit tests for orderdiff: added, removed and moved names, and the two
 * forms of a list in the registry. */
#include "test_util.h"

#include "orderdiff.h"

/* The diff as one line: "+A -B ^C vD" in item order. */
static char *describe(const char *const *old, size_t nold, const char *const *new_list, size_t nnew,
                      bool *first_changed)
{
    struct order_diff d;
    order_compare(old, nold, new_list, nnew, &d);
    static char line[256];
    line[0] = '\0';
    static const char marks[] = {[ORDER_ADDED] = '+', [ORDER_REMOVED] = '-',
                                 [ORDER_MOVED_UP] = '^', [ORDER_MOVED_DOWN] = 'v'};
    for (size_t i = 0; i < d.n; i++) {
        size_t len = strlen(line);
        snprintf(line + len, sizeof line - len, "%s%c%s", i ? " " : "", marks[d.items[i].change],
                 d.items[i].name);
    }
    if (first_changed)
        *first_changed = d.first_changed;
    order_diff_free(&d);
    return line;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_same_and_case(void **state)
{
    (void)state;
    const char *a[] = {"TLS_A", "TLS_B"};
    const char *b[] = {"tls_a", "TLS_B"};
    bool first = true;
    assert_string_equal(describe(a, N(a), b, N(b), &first), "");
    assert_false(first);
}

static void test_added_at_top_moves_nothing(void **state)
{
    (void)state;
    const char *old[] = {"A", "B", "C"};
    const char *new_list[] = {"X", "A", "B", "C"};
    bool first = false;
    assert_string_equal(describe(old, N(old), new_list, N(new_list), &first), "+X");
    assert_true(first);
}

static void test_swap_moves_one(void **state)
{
    (void)state;
    const char *old[] = {"A", "B", "C", "D"};
    const char *new_list[] = {"A", "C", "B", "D"};
    /* One move either way; of two runs as long, the one found first (A, C,
     * D) stays. */
    assert_string_equal(describe(old, N(old), new_list, N(new_list), NULL), "vB");
}

static void test_last_to_first(void **state)
{
    (void)state;
    const char *old[] = {"A", "B", "C", "D"};
    const char *new_list[] = {"D", "A", "B", "C"};
    bool first = false;
    assert_string_equal(describe(old, N(old), new_list, N(new_list), &first), "^D");
    assert_true(first);
}

static void test_removed_and_added(void **state)
{
    (void)state;
    const char *old[] = {"A", "B", "C"};
    const char *new_list[] = {"C", "D", "A"};
    /* A and C swap: C stays, A moved down; B removed, D added. */
    assert_string_equal(describe(old, N(old), new_list, N(new_list), NULL), "+D vA -B");
}

static void test_empty_lists(void **state)
{
    (void)state;
    const char *a[] = {"A"};
    bool first = false;
    assert_string_equal(describe(NULL, 0, a, 1, &first), "+A");
    assert_true(first);
    assert_string_equal(describe(a, 1, NULL, 0, &first), "-A");
    assert_true(first);
    assert_string_equal(describe(NULL, 0, NULL, 0, &first), "");
    assert_false(first);
}

static void test_duplicates_count_once(void **state)
{
    (void)state;
    const char *old[] = {"A", "B", "A"};
    const char *new_list[] = {"A", "B"};
    assert_string_equal(describe(old, N(old), new_list, N(new_list), NULL), "");
}

static void test_split_commas(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    size_t n;
    const char *s = " TLS_A ,TLS_B,, \tTLS_C,";
    const char **names = order_split_commas(arena, s, strlen(s), &n);
    assert_int_equal(n, 3);
    assert_string_equal(names[0], "TLS_A");
    assert_string_equal(names[1], "TLS_B");
    assert_string_equal(names[2], "TLS_C");
    order_split_commas(arena, "", 0, &n);
    assert_int_equal(n, 0);
    arena_free(arena);
}

static void test_split_multi_sz(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    /* "ab", "c", "", "ignored" in UTF-16LE. */
    static const unsigned char data[] = {'a', 0, 'b', 0, 0, 0, 'c', 0, 0, 0, 0, 0, 'x', 0, 0, 0};
    size_t n;
    const char **names = order_split_multi_sz(arena, data, sizeof data, &n);
    assert_int_equal(n, 2);
    assert_string_equal(names[0], "ab");
    assert_string_equal(names[1], "c");
    order_split_multi_sz(arena, data, 1, &n);
    assert_int_equal(n, 0);
    arena_free(arena);
}

static void test_ordinal(void **state)
{
    (void)state;
    char b[24];
    assert_string_equal(order_ordinal(0, b), "1st");
    assert_string_equal(order_ordinal(1, b), "2nd");
    assert_string_equal(order_ordinal(2, b), "3rd");
    assert_string_equal(order_ordinal(3, b), "4th");
    assert_string_equal(order_ordinal(10, b), "11th");
    assert_string_equal(order_ordinal(11, b), "12th");
    assert_string_equal(order_ordinal(20, b), "21st");
    assert_string_equal(order_ordinal(111, b), "112th");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_and_case),
        cmocka_unit_test(test_added_at_top_moves_nothing),
        cmocka_unit_test(test_swap_moves_one),
        cmocka_unit_test(test_last_to_first),
        cmocka_unit_test(test_removed_and_added),
        cmocka_unit_test(test_empty_lists),
        cmocka_unit_test(test_duplicates_count_once),
        cmocka_unit_test(test_split_commas),
        cmocka_unit_test(test_split_multi_sz),
        cmocka_unit_test(test_ordinal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
