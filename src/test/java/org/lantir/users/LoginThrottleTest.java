package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lantir.sync.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"),
            ZoneOffset.UTC);
    final LoginThrottle throttle = new LoginThrottle(clock);

    /** One attempt whose password check failed, as UserDirectory.login reports it. */
    private void fail(String username, String address) {
        if (throttle.begin(username, address).isEmpty()) {
            throttle.failed(username, address);
        }
    }

    @Test
    void attemptsInFlightCountSoParallelOnesCannotPassTheLimit() throws Exception {
        int threads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                admitted.add(pool.submit(() -> {
                    go.await();
                    return throttle.begin("admin", "10.0.0.66").isEmpty();
                }));
            }
            go.countDown();
            int checks = 0;
            for (Future<Boolean> f : admitted) {
                checks += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(checks).isEqualTo(LoginThrottle.FREE_FAILURES);
        } finally {
            pool.shutdownNow();
        }
        throttle.succeeded("admin", "10.0.0.66");
        assertThat(throttle.begin("admin", "10.0.0.66")).as("a success clears them").isEmpty();
    }

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            fail("admin", "10.0.0.66");
            assertThat(throttle.waitBefore("admin", "10.0.0.66")).isEmpty();
        }
        fail("admin", "10.0.0.66");
        assertThat(throttle.waitBefore("admin", "10.0.0.66")).contains(Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.waitBefore("admin", "10.0.0.66")).contains(Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.waitBefore("admin", "10.0.0.66")).isEmpty();

        Duration expected = Duration.ofSeconds(5);
        for (int i = 0; i < 12; i++) {
            fail("admin", "10.0.0.66");
            expected = expected.multipliedBy(2).compareTo(LoginThrottle.MAX_DELAY) > 0
                    ? LoginThrottle.MAX_DELAY : expected.multipliedBy(2);
            assertThat(throttle.waitBefore("admin", "10.0.0.66")).contains(expected);
            clock.advance(expected);
        }
        assertThat(expected).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delaysGrowAndAreCapped() {
        assertThat(LoginThrottle.delay(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(LoginThrottle.delay(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(LoginThrottle.delay(8)).isEqualTo(Duration.ofSeconds(40));
        assertThat(LoginThrottle.delay(12)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoginThrottle.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failuresForOneUsernameFromManyAddressesThrottleThatUsername() {
        for (int i = 1; i <= 5; i++) {
            fail("Admin", "10.0.0." + i);
        }

        assertThat(throttle.waitBefore("admin", "10.0.0.99")).isPresent();
        assertThat(throttle.waitBefore("mri.tech", "10.0.0.99")).isEmpty();
    }

    @Test
    void failuresFromOneAddressThrottleEveryUsernameFromThere() {
        for (int i = 1; i <= 5; i++) {
            fail("guess" + i, "10.0.0.66");
        }

        assertThat(throttle.waitBefore("mri.tech", "10.0.0.66")).isPresent();
        assertThat(throttle.waitBefore("mri.tech", "10.0.0.7")).isEmpty();
    }

    @Test
    void successClearsTheCounts() {
        for (int i = 0; i < 4; i++) {
            fail("admin", "10.0.0.5");
        }
        throttle.succeeded("admin", "10.0.0.5");
        fail("admin", "10.0.0.5");

        assertThat(throttle.waitBefore("admin", "10.0.0.5")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 5; i++) {
            fail("admin", "10.0.0.66");
        }
        clock.advance(LoginThrottle.WINDOW);
        fail("admin", "10.0.0.66");

        assertThat(throttle.waitBefore("admin", "10.0.0.66")).isEmpty();
    }

    @Test
    void anAttackerCannotLockTheAdminOutOfAnAddressItUsedBefore() {
        throttle.succeeded("admin", "10.0.0.5");
        for (int i = 0; i < 50; i++) {
            fail("admin", "203.0.113." + (i % 7));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(throttle.waitBefore("admin", "10.0.0.8")).isPresent();
        assertThat(throttle.waitBefore("admin", "10.0.0.5")).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfNames() {
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES * 2; i++) {
            fail("user" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
        for (int i = 0; i < 5; i++) {
            fail("latest", "10.9.9.9");
        }
        assertThat(throttle.waitBefore("latest", "10.9.9.9")).isPresent();
    }
}
