#include "jobs.h"

#include <stdbool.h>
#include <stdlib.h>

#include "platform.h"
#include "xalloc.h"

/* What the workers and the calling thread share; every field but the
 * constants is read and written under `lock`. */
struct run {
    size_t n;
    size_t ahead;
    void (*work)(void *ctx, size_t i);
    void *ctx;
    struct platform_lock *lock;
    struct platform_cond *changed; /* a task was taken, done or finished */
    size_t next;                   /* the next task to take */
    size_t finished;               /* tasks finished so far: 0 .. finished-1 */
    bool *done;                    /* done[i]: work(ctx, i) has returned */
};

static void worker(void *p)
{
    struct run *r = p;
    platform_lock(r->lock);
    for (;;) {
        while (r->next < r->n && r->next >= r->finished + r->ahead)
            platform_cond_wait(r->changed, r->lock);
        if (r->next >= r->n)
            break;
        size_t i = r->next++;
        platform_unlock(r->lock);
        r->work(r->ctx, i);
        platform_lock(r->lock);
        r->done[i] = true;
        platform_cond_wake_all(r->changed);
    }
    platform_unlock(r->lock);
}

void jobs_run(size_t n, unsigned threads, void (*work)(void *ctx, size_t i),
              void (*finish)(void *ctx, size_t i), void *ctx)
{
    if (threads > n)
        threads = (unsigned)n;
    struct run r = {n, (size_t)threads * JOBS_AHEAD_PER_THREAD, work, ctx, NULL, NULL, 0, 0, NULL};
    struct platform_thread **started = NULL;
    unsigned nstarted = 0;
    if (threads > 1) {
        r.lock = platform_lock_new();
        r.changed = platform_cond_new();
        r.done = xcalloc(n, sizeof *r.done);
        started = xcalloc(threads, sizeof *started);
        for (unsigned t = 0; t < threads; t++)
            if ((started[nstarted] = platform_thread_start(worker, &r)) != NULL)
                nstarted++;
    }
    for (size_t i = 0; i < n; i++) {
        if (nstarted == 0) {
            work(ctx, i);
            finish(ctx, i);
            continue;
        }
        platform_lock(r.lock);
        while (!r.done[i])
            platform_cond_wait(r.changed, r.lock);
        platform_unlock(r.lock);
        finish(ctx, i);
        platform_lock(r.lock);
        r.finished = i + 1;
        platform_cond_wake_all(r.changed);
        platform_unlock(r.lock);
    }
    for (unsigned t = 0; t < nstarted; t++)
        platform_thread_join(started[t]);
    free(started);
    free(r.done);
    if (r.lock) {
        platform_cond_free(r.changed);
        platform_lock_free(r.lock);
    }
}
