#include "jobs.h"

#include <stdbool.h>
#include <stdlib.h>

#include "platform.h"
#include "xalloc.h"

/* What the threads share; every field but the constants is read and written
 * under `lock`. Threads sleep only when they cannot go on, and are woken only
 * when someone sleeps: with small files the work of one is a few tens of
 * microseconds, no more than waking a thread costs. */
struct run {
    size_t n;
    size_t ahead;
    void (*work)(void *ctx, size_t i);
    void *ctx;
    struct platform_lock *lock;
    size_t next;     /* the next task to take */
    size_t finished; /* tasks finished so far: 0 .. finished-1 */
    bool *done;      /* done[i]: work(ctx, i) has returned */
    /* The calling thread sleeps here until task `finished` is done. */
    struct platform_cond *task_done;
    bool caller_asleep;
    /* Workers sleep here while they are `ahead` tasks past `finished`. */
    struct platform_cond *finish_moved;
    unsigned workers_asleep;
};

/* Whether a task may be taken now. Under the lock. */
static bool can_take(const struct run *r)
{
    return r->next < r->n && r->next < r->finished + r->ahead;
}

/* Takes the next task and does it. Under the lock, which it releases while
 * the task runs. */
static void take_one(struct run *r)
{
    size_t i = r->next++;
    platform_unlock(r->lock);
    r->work(r->ctx, i);
    platform_lock(r->lock);
    r->done[i] = true;
    if (i == r->finished && r->caller_asleep)
        platform_cond_wake_all(r->task_done);
}

static void worker(void *p)
{
    struct run *r = p;
    platform_lock(r->lock);
    while (r->next < r->n) {
        if (can_take(r)) {
            take_one(r);
        } else {
            r->workers_asleep++;
            platform_cond_wait(r->finish_moved, r->lock);
            r->workers_asleep--;
        }
    }
    platform_unlock(r->lock);
}

void jobs_run(size_t n, unsigned threads, void (*work)(void *ctx, size_t i),
              void (*finish)(void *ctx, size_t i), void *ctx)
{
    struct run r = {0};
    r.n = n;
    r.ahead = (size_t)(threads > 0 ? threads : 1) * JOBS_AHEAD_PER_THREAD;
    r.work = work;
    r.ctx = ctx;
    r.lock = platform_lock_new();
    r.task_done = platform_cond_new();
    r.finish_moved = platform_cond_new();
    r.done = xcalloc(n ? n : 1, sizeof *r.done);
    /* The calling thread is one of the `threads`: it works too while the
     * task it must finish next is not done. */
    unsigned total = threads > 0 ? threads : 1;
    if (total > n)
        total = n > 0 ? (unsigned)n : 1;
    unsigned nworkers = total - 1;
    struct platform_thread **started = xcalloc(nworkers ? nworkers : 1, sizeof *started);
    unsigned nstarted = 0;
    for (unsigned t = 0; t < nworkers; t++)
        if ((started[nstarted] = platform_thread_start(worker, &r)) != NULL)
            nstarted++;
    platform_lock(r.lock);
    for (size_t i = 0; i < n; i++) {
        while (!r.done[i]) {
            if (can_take(&r)) {
                take_one(&r);
            } else {
                r.caller_asleep = true;
                platform_cond_wait(r.task_done, r.lock);
                /* Workers read the flag during the wait (cppcheck sees no use). */
                /* cppcheck-suppress redundantAssignment */
                r.caller_asleep = false;
            }
        }
        platform_unlock(r.lock);
        finish(ctx, i);
        platform_lock(r.lock);
        r.finished = i + 1;
        if (r.workers_asleep > 0)
            platform_cond_wake_all(r.finish_moved);
    }
    platform_unlock(r.lock);
    for (unsigned t = 0; t < nstarted; t++)
        platform_thread_join(started[t]);
    free(started);
    free(r.done);
    platform_cond_free(r.finish_moved);
    platform_cond_free(r.task_done);
    platform_lock_free(r.lock);
}
