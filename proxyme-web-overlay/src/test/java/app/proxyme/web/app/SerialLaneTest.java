package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialLaneTest {
    @Test
    void tasks_of_one_lane_run_in_submission_order_even_from_many_threads() throws Exception {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            var lane = new SerialLane(workers);
            var seen = Collections.synchronizedList(new ArrayList<Integer>());
            var done = new CountDownLatch(10_000);
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                lane.execute(() -> {
                    seen.add(n);
                    done.countDown();
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS));
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i));
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
}
