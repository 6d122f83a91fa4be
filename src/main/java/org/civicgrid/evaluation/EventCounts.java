package org.civicgrid.evaluation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;

/**
 * 事件类指标 — the counts of {@link Indicator.Basis#EVENT} over a period: the period's history rows with the actions the
 * conditions name, grouped by every object column at once (department and actor of the row, the case's street,
 * community, unit grid and site), each indicator a sum of its {@link Indicator} condition. Read as plain SQL on the
 * session's connection ({@link NativeSql}: the conditions translated by name, the rows read with JDBC);
 * {@link #byConditions} is the same count through Hibernate, one query per indicator, for comparing the two.
 */
final class EventCounts {

    static final List<Indicator> EVENTS = Indicator.counts(Indicator.Basis.EVENT);
    /** The actions the event conditions name: the scan reads only those rows. */
    private static final String ACTIONS = actions();
    private static final List<CaseSource> PUBLIC_SOURCES = List.of(CaseSource.PUBLIC, CaseSource.HOTLINE);
    private static final String SQL = sql();

    private EventCounts() {
    }

    /** Adds the period's event counts into the pass, for every object type (on the session's connection). */
    static void count(Instant from, Instant to, EvaluationPass pass) {
        CaseFile.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> count(connection, from, to, pass));
    }

    /** Adds the period's event counts into the pass, for every object type, read on this connection. */
    static void count(java.sql.Connection connection, Instant from, Instant to, EvaluationPass pass) throws java.sql.SQLException {
        int keys = EvaluationPass.EVENT_KEYS.size();
        NativeSql.rows(connection, SQL, Map.of("from", from, "to", to, "publicSources", PUBLIC_SOURCES), rs -> {
            Object[] row = new Object[keys];
            for (int k = 0; k < keys; k++) {
                row[k] = NativeSql.key(rs, k + 1);
            }
            for (int i = 0; i < EVENTS.size(); i++) {
                long n = rs.getLong(keys + 1 + i);
                if (n != 0) {
                    pass.addEvent(row, 0, EVENTS.get(i), n);
                }
            }
        });
    }

    private static String sql() {
        String keys = String.join(", ", EvaluationPass.EVENT_KEYS);
        StringBuilder select = new StringBuilder("select " + keys);
        EVENTS.forEach(i -> select.append(", sum(case when ").append(i.condition()).append(" then 1 else 0 end)"));
        return NativeSql.of(select + " from CaseTransition t join CaseFile c on c.id = t.caseId"
                + " where t.at >= :from and t.at < :to and t.action in " + ACTIONS + " group by " + keys);
    }

    /**
     * The same counts the plain way, for tests: one Hibernate query per indicator and object type over the period's history
     * rows with the indicator's condition, grouped by the object's key. Object type → key → indicator → count (no zeros).
     */
    static Map<EvaluationObject, Map<String, Map<Indicator, Long>>> byConditions(Instant from, Instant to) {
        Map<EvaluationObject, Map<String, Map<Indicator, Long>>> out = new java.util.EnumMap<>(EvaluationObject.class);
        for (EvaluationObject object : EvaluationObject.values()) {
            Map<String, Map<Indicator, Long>> byKey = new java.util.TreeMap<>();
            for (Indicator indicator : EVENTS) {
                var q = CaseFile.getEntityManager().createQuery("select " + object.eventKey() + ", count(t) from CaseTransition t join CaseFile c"
                        + " on c.id = t.caseId where t.at >= :from and t.at < :to and " + indicator.condition() + " and " + object.eventKey()
                        + " is not null group by " + object.eventKey(), Object[].class).setParameter("from", from).setParameter("to", to);
                if (indicator.condition().contains(":publicSources")) {
                    q.setParameter("publicSources", PUBLIC_SOURCES);
                }
                q.getResultList().forEach(row -> byKey.computeIfAbsent(String.valueOf(row[0]), k -> new java.util.EnumMap<>(Indicator.class))
                        .put(indicator, ((Number) row[1]).longValue()));
            }
            out.put(object, byKey);
        }
        return out;
    }

    /** The quoted actions of the event conditions ({@code t.action = 'x'}, {@code t.action in ('x', 'y')}), as a list. */
    private static String actions() {
        Set<String> actions = new LinkedHashSet<>();
        Pattern clause = Pattern.compile("t\\.action (?:= '([^']+)'|in \\(([^)]*)\\))");
        for (Indicator i : EVENTS) {
            Matcher m = clause.matcher(i.condition());
            if (!m.find()) {
                throw new IllegalStateException(i + ": an event condition names its action");
            }
            if (m.group(1) != null) {
                actions.add(m.group(1));
            } else {
                for (String a : m.group(2).split(",")) {
                    actions.add(a.trim().replace("'", ""));
                }
            }
        }
        return "('" + String.join("', '", actions) + "')";
    }
}
