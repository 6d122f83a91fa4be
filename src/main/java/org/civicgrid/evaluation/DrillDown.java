package org.civicgrid.evaluation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseSource;

/**
 * 下钻 — the cases behind one figure: the same {@link Indicator} conditions as the counts, on the same rows (the period's
 * history rows for an event count, the cases that fell due for a due count), for one object key.
 */
final class DrillDown {

    private DrillDown() {
    }

    /** The ids of the cases behind one figure (at most {@code limit}); {@code to} already capped at now. */
    static List<Long> caseIds(EvaluationObject object, String key, Indicator indicator, Instant from, Instant to, int limit) {
        EntityManager em = CaseFile.getEntityManager();
        Indicator rule = indicator == Indicator.HANDLING_MINUTES ? Indicator.HANDLED : indicator;
        TypedQuery<Long> q;
        if (rule.basis() == Indicator.Basis.DUE && object.dueKey() != null) {
            TreeSet<Long> ids = new TreeSet<>();
            for (String perCase : DueCounts.PER_CASE) {
                ids.addAll(em.createQuery("select x.cid from " + perCase + DueCounts.JOINS + DueCounts.DUE_WHERE + " and " + rule.condition()
                                + " and str(" + object.dueKey() + ") = :key order by x.cid", Long.class)
                        .setParameter("from", from).setParameter("to", to).setParameter("key", key).setMaxResults(limit).getResultList());
            }
            return ids.stream().limit(limit).toList();
        } else if (rule.basis() == Indicator.Basis.EVENT) {
            q = em.createQuery("select distinct t.caseId from CaseTransition t join CaseFile c on c.id = t.caseId where t.at >= :from and t.at < :to and "
                    + rule.condition() + " and str(" + object.eventKey() + ") = :key order by t.caseId", Long.class);
            if (rule.condition().contains(":publicSources")) {
                q.setParameter("publicSources", List.of(CaseSource.PUBLIC, CaseSource.HOTLINE));
            }
        } else {
            return List.of();
        }
        return q.setParameter("from", from).setParameter("to", to).setParameter("key", key).setMaxResults(limit).getResultList();
    }
}
