package org.civicgrid.camera;

import java.time.Duration;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.camera.onvif.PullPointSession;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;

/**
 * 事件订阅线程 — the thread of one camera in the {@link CameraEventPump}: long-polls its PullPoint subscription, hands
 * the notifications on, backs off when the camera fails (logged at WARN when the failure changes), and always
 * unsubscribes when it ends: a stop interrupts the long poll, which the session takes for our stop, not the camera's
 * failure, so the subscription is still freed.
 */
final class EventWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventWorker.class);

    private final CameraEventPump pump;
    private final long cameraId;
    private final String fingerprint;
    private final Thread thread;
    private volatile boolean stopped;

    EventWorker(CameraEventPump pump, long cameraId, String fingerprint) {
        this.pump = pump;
        this.cameraId = cameraId;
        this.fingerprint = fingerprint;
        this.thread = new Thread(this, "camera-events-" + cameraId);
        thread.setDaemon(true);
    }

    long cameraId() {
        return cameraId;
    }

    /** The camera's address and credentials it was started for; a change restarts it. */
    String fingerprint() {
        return fingerprint;
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    void awaitEnd(Duration limit) {
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofSeconds(2);
        String lastProblem = null;
        PullPointSession session = null;
        try {
            while (!stopped) {
                try {
                    if (session == null) {
                        session = pump.session(cameraId);
                    }
                    long started = System.nanoTime();
                    int raised = pump.events().accept(cameraId, session.pull());
                    pump.report(this, link -> link.pulled(pump.now(), raised));
                    if (lastProblem != null) {
                        LOG.infof("camera %d events: subscribed again", cameraId);
                        lastProblem = null;
                    }
                    backoff = Duration.ofSeconds(2);
                    if (raised == 0 && System.nanoTime() - started < 500_000_000L) {
                        Thread.sleep(500); // a camera that answers at once instead of long-polling
                    }
                } catch (OnvifException | Problem e) {
                    if (stopped) {
                        break;
                    }
                    String problem = e.getMessage();
                    pump.report(this, link -> link.failed(pump.now(), problem));
                    if (!problem.equals(lastProblem)) {
                        LOG.warnf("camera %d events failing: %s; retrying with back-off (now %s)", cameraId, problem, backoff);
                        lastProblem = problem;
                    }
                    Thread.sleep(backoff.toMillis());
                    Duration max = pump.config().maxBackoff();
                    backoff = backoff.multipliedBy(2).compareTo(max) > 0 ? max : backoff.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warnf(e, "camera %d events stopped", cameraId);
                pump.report(this, link -> link.failed(pump.now(), "stopped: " + e.getMessage()));
            }
        } finally {
            if (session != null) {
                Thread.interrupted(); // clear, so the Unsubscribe can go out
                session.close();
            }
        }
    }
}
