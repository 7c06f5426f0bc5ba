package app.proxyme.web.app;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one after another, in submission order, on a shared executor: chunks of one user in one meeting
 * are decided in order, while other lanes run in parallel. At most {@code capacity} tasks wait; a task offered
 * beyond that is refused, never queued without bound.
 */
final class SerialLane implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialLane.class.getName());

    private final Executor executor;
    private final int capacity;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();

    /** A lane without a bound. */
    SerialLane(Executor executor) {
        this(executor, Integer.MAX_VALUE);
    }

    SerialLane(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /** Runs {@code task} after the tasks before it; throws {@link RejectedExecutionException} when the lane is full. */
    @Override
    public void execute(Runnable task) {
        if (!offer(task, () -> {})) {
            throw new RejectedExecutionException("the lane is full (" + capacity + " tasks wait)");
        }
    }

    /**
     * Queues {@code task} unless {@code capacity} tasks wait already; {@code accepted} runs once the task has its
     * place and before it can start.
     *
     * @return whether the task was queued
     */
    boolean offer(Runnable task, Runnable accepted) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            accepted.run();
        } catch (RuntimeException e) {
            waiting.decrementAndGet();
            throw e;
        }
        tasks.add(task);
        schedule();
        return true;
    }

    /** Tasks queued and not started yet. */
    int waiting() {
        return waiting.get();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                waiting.decrementAndGet();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "a lane task failed", e);
                }
            }
        } finally {
            running.set(false);
            schedule();
        }
    }
}
