package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialLaneTest {
    @Test
    void tasks_of_one_lane_run_in_submission_order_even_from_many_threads() throws Exception {
        int lanes = 4;
        int submitters = 8;
        int perLane = 500;
        try (var workers = Executors.newVirtualThreadPerTaskExecutor();
                var threads = Executors.newFixedThreadPool(submitters)) {
            List<SerialLane> lane = new ArrayList<>();
            List<List<int[]>> seen = new ArrayList<>();
            List<AtomicInteger> inside = new ArrayList<>();
            for (int l = 0; l < lanes; l++) {
                lane.add(new SerialLane(workers));
                seen.add(Collections.synchronizedList(new ArrayList<>()));
                inside.add(new AtomicInteger());
            }
            var overlaps = new AtomicInteger();
            var start = new CountDownLatch(1);
            var done = new CountDownLatch(lanes * submitters * perLane);
            var submitted = new ArrayList<Future<?>>();
            for (int t = 0; t < submitters; t++) {
                int thread = t;
                submitted.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perLane; i++) {
                        for (int l = 0; l < lanes; l++) {
                            int n = i;
                            var in = inside.get(l);
                            var log = seen.get(l);
                            lane.get(l).execute(() -> {
                                if (in.incrementAndGet() > 1) {
                                    overlaps.incrementAndGet();
                                }
                                log.add(new int[] {thread, n});
                                Thread.yield(); // widen the window in which an overlapping task would be seen
                                in.decrementAndGet();
                                done.countDown();
                            });
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : submitted) {
                f.get(20, TimeUnit.SECONDS);
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get(), "two tasks of one lane ran at once");
            for (int l = 0; l < lanes; l++) {
                var next = new int[submitters];
                for (int[] e : seen.get(l)) {
                    assertEquals(next[e[0]]++, e[1], "lane " + l + ", thread " + e[0] + ": out of its order");
                }
                for (int t = 0; t < submitters; t++) {
                    assertEquals(perLane, next[t], "lane " + l + ", thread " + t + ": every task ran once");
                }
            }
        }
    }

    @Test
    void never_two_tasks_of_a_lane_at_once() throws Exception {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor();
                var submitters = Executors.newFixedThreadPool(4)) {
            var lane = new SerialLane(workers);
            var inside = new java.util.concurrent.atomic.AtomicInteger();
            var overlaps = new java.util.concurrent.atomic.AtomicInteger();
            var done = new CountDownLatch(4_000);
            for (int s = 0; s < 4; s++) {
                submitters.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        lane.execute(() -> {
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            inside.decrementAndGet();
                            done.countDown();
                        });
                    }
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            assertEquals(0, overlaps.get());
        }
    }

    @Test
    void a_blocked_lane_never_delays_another_lane() throws Exception {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var slow = new SerialLane(workers);
            var fast = new SerialLane(workers);
            var release = new CountDownLatch(1);
            slow.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            var fastDone = new CountDownLatch(100);
            for (int i = 0; i < 100; i++) {
                fast.execute(fastDone::countDown);
            }
            assertTrue(fastDone.await(10, TimeUnit.SECONDS), "the other lane ran while the first was blocked");
            release.countDown();
        }
    }

    @Test
    void a_failing_task_does_not_stop_its_lane() throws Exception {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var lane = new SerialLane(workers);
            var after = new CountDownLatch(1);
            lane.execute(() -> {
                throw new IllegalStateException("boom");
            });
            lane.execute(after::countDown);
            assertTrue(after.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void lanes_of_many_meetings_progress_concurrently() throws Exception {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<SerialLane> lanes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                lanes.add(new SerialLane(workers));
            }
            var allStarted = new CountDownLatch(200);
            var release = new CountDownLatch(1);
            for (SerialLane lane : lanes) {
                lane.execute(() -> {
                    allStarted.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertTrue(allStarted.await(10, TimeUnit.SECONDS), "200 meetings each got a thread at once");
            release.countDown();
        }
    }

    @Test
    void a_full_lane_refuses_and_every_accepted_task_runs_after_its_hook() throws Exception {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var lane = new SerialLane(workers, 3);
            var release = new CountDownLatch(1);
            var started = new CountDownLatch(1);
            assertTrue(lane.offer(
                    () -> {
                        started.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    () -> {}));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            var ran = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                int n = i;
                assertTrue(
                        lane.offer(
                                () -> {
                                    log.add("task " + n);
                                    ran.countDown();
                                },
                                () -> log.add("accepted " + n)),
                        "task " + n + " has a place");
            }
            var refusedHook = new AtomicInteger();
            assertEquals(false, lane.offer(() -> log.add("refused"), refusedHook::incrementAndGet));
            assertEquals(0, refusedHook.get(), "a refused task's hook does not run");
            assertEquals(3, lane.waiting());
            release.countDown();
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertEquals(
                    List.of("accepted 0", "accepted 1", "accepted 2", "task 0", "task 1", "task 2"), List.copyOf(log));
            assertTrue(lane.offer(() -> {}, () -> {}), "room again once the lane drained");
        }
    }
}
