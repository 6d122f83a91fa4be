package org.civicgrid.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import org.civicgrid.camera.Camera;
import org.civicgrid.camera.CamerasChanged;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.jboss.logging.Logger;

/**
 * 演示摄像机 (demo cameras) — on start-up in demo mode, after the demo grids, places a few cameras at crossings of the
 * demo county seat so the Frigate fixtures work out of the box: {@code front_cam} (the camera of Frigate's review
 * messages) and {@code front_door} (of its event messages) watch streets in 泗河街道. Positions are illustrative.
 */
@ApplicationScoped
public class DemoCameras {

    private static final Logger LOG = Logger.getLogger(DemoCameras.class);

    /** name, Frigate camera name, lat, lon, heading. */
    record Placement(String name, String frigateName, double lat, double lon, double heading) {
    }

    static final List<Placement> PLACEMENTS = List.of(
            new Placement("泉林路与圣水路口东北角", "front_cam", 35.6600, 117.2600, 225),
            new Placement("泗河街道办事处门前", "front_door", 35.6640, 117.2620, 180),
            new Placement("县人民广场北侧", "plaza_north", 35.6580, 117.2700, 160),
            new Placement("济河路农贸市场入口", "market_gate", 35.6680, 117.2800, 90));

    private final Geocoder geocoder;
    private final Event<CamerasChanged> changed;

    DemoCameras(Geocoder geocoder, Event<CamerasChanged> changed) {
        this.geocoder = geocoder;
        this.changed = changed;
    }

    /** Places the demo cameras when no camera exists. */
    void placeIfEmpty() {
        QuarkusTransaction.requiringNew().run(this::placeInEmptyStore);
    }

    private void placeInEmptyStore() {
        if (Camera.count() > 0) {
            return;
        }
        for (Placement placement : PLACEMENTS) {
            GeoLocation location = geocoder.locate(placement.lat(), placement.lon());
            if (!location.inGrid()) {
                throw new IllegalStateException("demo camera " + placement.name() + " lies outside the demo grids");
            }
            Camera camera = new Camera();
            camera.name = placement.name();
            camera.frigateName = placement.frigateName();
            camera.lat = placement.lat();
            camera.lon = placement.lon();
            camera.heading = placement.heading();
            camera.gridCode = location.gridCode();
            camera.createdAt = Instant.now();
            camera.persist();
        }
        changed.fire(new CamerasChanged());
        LOG.infof("demo cameras placed: %d", PLACEMENTS.size());
    }
}
