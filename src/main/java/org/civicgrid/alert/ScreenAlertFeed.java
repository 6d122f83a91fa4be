package org.civicgrid.alert;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.civicgrid.screen.RecentAlerts;

/**
 * 大屏最新告警 — the command screen's "recent alerts" panel: the newest alerts received, with the device, what was
 * seen and the case number they raised or joined (none for alerts waiting in the review queue or rejected).
 */
@ApplicationScoped
class ScreenAlertFeed implements RecentAlerts {

    private final EntityManager em;

    ScreenAlertFeed(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<Line> recent(int limit, Locale locale) {
        AlertMessages text = MessageBundles.get(AlertMessages.class, Localized.Literal.of(locale.getLanguage()));
        List<Object[]> rows = em.createQuery("""
                select a.receivedAt, a.source, a.device, a.label, a.outcome, c.number
                from AlertMessage a left join CaseFile c on c.id = a.caseId
                order by a.id desc""", Object[].class).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> line(r, text)).toList();
    }

    private static Line line(Object[] r, AlertMessages text) {
        String source = text.sourceName((AlertSource) r[1]) + (r[2] == null ? "" : " · " + r[2]);
        String outcome = text.outcomeName((AlertOutcome) r[4]);
        String label = r[3] == null ? outcome : r[3] + " · " + outcome;
        return new Line((Instant) r[0], source, label, (String) r[5]);
    }
}
