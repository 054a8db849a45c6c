/*
 * jobs: runs numbered tasks on several threads and hands them back to the
 * calling thread in number order, so that what the caller prints does not
 * depend on how many threads ran or how they were scheduled.
 *
 * jobs_run(): work(ctx, i) runs once for each i in [0, n), on one of
 * `threads` threads, in any order and several at a time; finish(ctx, i) runs
 * on the calling thread, in the order 0, 1, ..., n-1, each after work(ctx, i)
 * has returned. The calling thread is one of the `threads`: it takes tasks
 * too while the one it must finish next is not done, so that with one thread
 * no thread is started and work(i), finish(i) run in turn. Tasks are taken
 * at most JOBS_AHEAD_PER_THREAD per thread past the last finished one, which
 * bounds how many results wait at once. When threads cannot be started, the
 * run goes on with those that could, or with the calling thread alone.
 *
 * It does not make anything thread-safe: what work() touches must be its own
 * task's, or left unchanged by everyone while the run lasts; finish() may
 * touch anything. Each hand-over goes through a lock, so that everything
 * work(ctx, i) wrote is visible to finish(ctx, i).
 *
 * Ownership: nothing outlives jobs_run().
 */
#ifndef REGLINT_JOBS_H
#define REGLINT_JOBS_H

#include <stddef.h>

#define JOBS_AHEAD_PER_THREAD 4

void jobs_run(size_t n, unsigned threads, void (*work)(void *ctx, size_t i),
              void (*finish)(void *ctx, size_t i), void *ctx);

#endif
