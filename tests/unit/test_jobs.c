/* The ordered parallel runner: every task runs once, results come back in
 * order, and workers never run too far ahead of the caller. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "jobs.h"

#define TASKS 2000

struct record {
    unsigned threads;
    atomic_size_t finished;  /* written by finish(), read by workers */
    atomic_size_t max_ahead; /* the furthest a task ran past the last finished one */
    atomic_int runs[TASKS];  /* how often work(i) ran */
    size_t squares[TASKS];   /* work(i)'s result, read by finish(i) */
    size_t next_finish;      /* finish()'s own count, to check the order */
    bool in_order;
};

static void work(void *ctx, size_t i)
{
    struct record *r = ctx;
    atomic_fetch_add(&r->runs[i], 1);
    size_t ahead = i - atomic_load(&r->finished);
    size_t seen = atomic_load(&r->max_ahead);
    while (ahead > seen && !atomic_compare_exchange_weak(&r->max_ahead, &seen, ahead)) {
    }
    r->squares[i] = i * i;
}

static void finish(void *ctx, size_t i)
{
    struct record *r = ctx;
    if (i != r->next_finish || r->squares[i] != i * i)
        r->in_order = false;
    r->next_finish++;
    atomic_store(&r->finished, i + 1);
}

static struct record *run(size_t n, unsigned threads)
{
    struct record *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->threads = threads;
    r->in_order = true;
    jobs_run(n, threads, work, finish, r);
    return r;
}

static void check(size_t n, unsigned threads)
{
    struct record *r = run(n, threads);
    assert_true(r->in_order);
    assert_int_equal(r->next_finish, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(atomic_load(&r->runs[i]), 1);
    /* A worker takes task i only while i < finished + threads * ahead. */
    size_t bound = threads > 1 ? (size_t)threads * JOBS_AHEAD_PER_THREAD : 1;
    assert_true(atomic_load(&r->max_ahead) < bound);
    free(r);
}

static void test_one_thread_runs_in_turn(void **state)
{
    (void)state;
    check(TASKS, 1);
}

static void test_threads_finish_in_order(void **state)
{
    (void)state;
    check(TASKS, 2);
    check(TASKS, 4);
    check(TASKS, 16);
}

static void test_more_threads_than_tasks(void **state)
{
    (void)state;
    check(3, 8);
    check(1, 4);
}

static void test_no_tasks(void **state)
{
    (void)state;
    check(0, 1);
    check(0, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_thread_runs_in_turn),
        cmocka_unit_test(test_threads_finish_in_order),
        cmocka_unit_test(test_more_threads_than_tasks),
        cmocka_unit_test(test_no_tasks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
