package org.civicgrid.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.catalog.FilingStandard;
import org.civicgrid.web.Problem;

/** 告警规则维护 — the admin creates, changes and deletes triage rules; every field is checked and named when wrong. */
@ApplicationScoped
public class AlertRules {

    /** A rule as sent by the admin (API and form). */
    public record RuleForm(String name, Integer priority, String source, String label, String zone, String classCode, Long standardId,
            Double minConfidence, String activeFrom, String activeTo, Boolean autoFile, Boolean enabled) {
    }

    private final AlertStore store;
    private final Clock clock;

    AlertRules(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public AlertRule create(RuleForm form, String by) {
        AlertRule rule = new AlertRule();
        apply(rule, form, by);
        rule.persist();
        store.rulesChanged();
        return rule;
    }

    @Transactional
    public AlertRule update(long id, RuleForm form, String by) {
        AlertRule rule = AlertRule.<AlertRule>findByIdOptional(id).orElseThrow(() -> Problem.notFound("alert rule " + id));
        apply(rule, form, by);
        store.rulesChanged();
        return rule;
    }

    @Transactional
    public void delete(long id) {
        if (!AlertRule.deleteById(id)) {
            throw Problem.notFound("alert rule " + id);
        }
        store.rulesChanged();
    }

    private void apply(AlertRule rule, RuleForm form, String by) {
        if (form == null) {
            throw Problem.badRequest(null, "send {name, priority, source?, label?, zone?, classCode?, standardId?, minConfidence, activeFrom?, activeTo?, autoFile, enabled}");
        }
        if (form.name() == null || form.name().isBlank() || form.name().length() > 100) {
            throw Problem.badRequest("name", "name the rule (at most 100 characters)");
        }
        AlertSource source = null;
        if (form.source() != null && !form.source().isBlank()) {
            try {
                source = AlertSource.valueOf(form.source().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("source", "source must be one of FRIGATE, FRIGATE_EVENT, DJI, GENERIC, ONVIF");
            }
        }
        String classCode = blank(form.classCode());
        if (classCode != null) {
            CaseClasses.require(classCode);
        }
        Long standardId = form.standardId();
        if (standardId != null) {
            FilingStandard standard = FilingStandard.<FilingStandard>findByIdOptional(standardId)
                    .orElseThrow(() -> Problem.badRequest("standardId", "no 立案条件 " + standardId));
            if (classCode == null || !classCode.equals(standard.classRef)) {
                throw Problem.badRequest("standardId", "立案条件 " + standardId + " belongs to " + standard.classRef + ", not " + classCode);
            }
        }
        double min = form.minConfidence() == null ? 0 : form.minConfidence();
        if (!(min >= 0 && min <= 1)) { // also NaN, which compares false with everything
            throw Problem.badRequest("minConfidence", "between 0 and 1");
        }
        String from = blank(form.activeFrom());
        String to = blank(form.activeTo());
        if ((from == null) != (to == null)) {
            throw Problem.badRequest(from == null ? "activeFrom" : "activeTo", "give both ends of the active hours, or neither");
        }
        try {
            TriageRule.time(from);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("activeFrom", e.getMessage());
        }
        try {
            TriageRule.time(to);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("activeTo", e.getMessage());
        }
        rule.name = form.name().trim();
        rule.priority = form.priority() == null ? 100 : form.priority();
        rule.source = source;
        rule.label = limit(blank(form.label()), "label");
        rule.zone = limit(blank(form.zone()), "zone");
        rule.classCode = classCode;
        rule.standardId = standardId;
        rule.minConfidence = min;
        rule.activeFrom = from;
        rule.activeTo = to;
        rule.autoFile = Boolean.TRUE.equals(form.autoFile());
        rule.enabled = form.enabled() == null || form.enabled();
        rule.updatedAt = clock.instant();
        rule.updatedBy = by;
    }

    private static String limit(String value, String field) {
        if (value != null && value.length() > 100) {
            throw Problem.badRequest(field, "at most 100 characters");
        }
        return value;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
