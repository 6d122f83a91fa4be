package org.civicgrid.alert;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CasesConfig;

/**
 * 查重索引缓存 — the one {@link DedupIndex} of the appliance, shared by the alert writer and the review queue: re-read
 * from the open cases of the duplicate window when older than {@code civicgrid.alerts.dedup-refresh}, forgotten after a
 * failed batch; offers the nearest case that is still open (a case closed, discarded or merged since the read is dropped).
 */
@ApplicationScoped
public class DedupCache {

    private final AlertConfig config;
    private final CasesConfig cases;
    private final AgroalDataSource dataSource;
    private final DedupIndex index;
    private volatile Instant indexLoadedAt = Instant.EPOCH;

    DedupCache(AlertConfig config, CasesConfig cases, AgroalDataSource dataSource) {
        this.config = config;
        this.cases = cases;
        this.dataSource = dataSource;
        this.index = new DedupIndex(cases.duplicateRadiusMeters(), cases.duplicateWindow());
    }

    /** Forget the in-memory duplicate index (after a failed batch, or when cases change outside the alert store). */
    void stale() {
        indexLoadedAt = Instant.EPOCH;
    }

    /** Re-reads the open cases of the duplicate window when the last read is older than the configured refresh. */
    void refresh(Instant now) {
        if (indexLoadedAt.plus(config.dedupRefresh()).isAfter(now)) {
            return;
        }
        List<DedupIndex.OpenCase> open = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("SELECT id, class_code, lat, lon, created_at FROM case_file"
                        + " WHERE created_at >= ? AND duplicate_of_id IS NULL AND class_code IS NOT NULL AND lat IS NOT NULL"
                        + " AND stage NOT IN ('CLOSED', 'DISCARDED')")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(cases.duplicateWindow())));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(new DedupIndex.OpenCase(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read open cases for the duplicate index", e);
        }
        synchronized (index) {
            index.replaceAll(open);
        }
        indexLoadedAt = now;
    }

    /** The index's open case of this class near the point, not checked against the store. */
    DedupIndex.OpenCase near(String classCode, double lat, double lon, Instant now) {
        synchronized (index) {
            return index.near(classCode, lat, lon, now);
        }
    }

    /** The index's open case of any class near the point, not checked against the store. */
    DedupIndex.OpenCase nearAny(double lat, double lon, Instant now) {
        synchronized (index) {
            return index.nearAny(lat, lon, now);
        }
    }

    /** The open case of this class near the point that is still open; {@code open} remembers the cases checked. */
    DedupIndex.OpenCase nearOpen(String classCode, double lat, double lon, Instant now, Map<Long, Boolean> open) {
        DedupIndex.OpenCase near = near(classCode, lat, lon, now);
        while (near != null && !stillOpen(near.id(), open)) {
            synchronized (index) {
                index.remove(near.id());
                near = index.near(classCode, lat, lon, now);
            }
        }
        return near;
    }

    /** The open case of any class near the point that is still open; {@code open} remembers the cases checked. */
    DedupIndex.OpenCase nearAnyOpen(double lat, double lon, Instant now, Map<Long, Boolean> open) {
        DedupIndex.OpenCase near = nearAny(lat, lon, now);
        while (near != null && !stillOpen(near.id(), open)) {
            synchronized (index) {
                index.remove(near.id());
                near = index.nearAny(lat, lon, now);
            }
        }
        return near;
    }

    /** A case raised now joins the index. */
    void add(DedupIndex.OpenCase c) {
        synchronized (index) {
            index.add(c);
        }
    }

    private static boolean stillOpen(long caseId, Map<Long, Boolean> open) {
        return open.computeIfAbsent(caseId, id -> {
            CaseFile c = CaseFile.findById(id);
            return c != null && c.stage.isOpen() && c.duplicateOfId == null;
        });
    }

    /**
     * Whether these candidate cases are still open (closed, discarded or merged by someone since the index was read),
     * into {@code open}: one query per 400 cases instead of one per alert.
     */
    void checkOpen(Collection<Long> candidates, Map<Long, Boolean> open) {
        if (candidates.isEmpty()) {
            return;
        }
        List<Long> all = new ArrayList<>(candidates);
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += 400) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 400));
                String sql = "SELECT id, stage, duplicate_of_id FROM case_file WHERE id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    chunk.forEach(id -> open.put(id, false));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String stage = rs.getString(2);
                            rs.getLong(3);
                            boolean merged = !rs.wasNull();
                            open.put(rs.getLong(1), !merged && !"CLOSED".equals(stage) && !"DISCARDED".equals(stage));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check open cases", e);
        }
    }
}
