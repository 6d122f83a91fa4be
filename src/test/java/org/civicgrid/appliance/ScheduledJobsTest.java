package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.civicgrid.testsupport.Await;
import org.junit.jupiter.api.Test;

/**
 * Every scheduled job of the appliance first runs within seconds of the start, not minutes: {@code @Scheduled(delay = 20)}
 * is read in minutes (the annotation's default unit), so a camera that died after a restart stayed 在线 for 20 minutes
 * and the automatic 督办 waited half an hour. The longest first delay is 30 s; the wait allows three minutes for a
 * loaded machine, far below the 5 to 30 minutes of the defect.
 */
@QuarkusTest
class ScheduledJobsTest {

    @Inject
    Scheduler scheduler;

    @Test
    void everyJobHasRunWithinMinutesOfTheStart() {
        List<Trigger> ours = scheduler.getScheduledJobs().stream().filter(t -> t.getMethodDescription().startsWith("org.civicgrid")).toList();
        assertTrue(ours.size() >= 4, "the health check, the event pump, the overdue scan and the evidence fetcher: " + ours);
        Await.until("a first run of every job", Duration.ofMinutes(3), () -> ours.stream().allMatch(t -> t.getPreviousFireTime() != null));
    }
}
