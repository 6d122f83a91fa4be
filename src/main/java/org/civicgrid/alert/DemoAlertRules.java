package org.civicgrid.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.appliance.ApplianceConfig;
import org.jboss.logging.Logger;

/**
 * 演示告警规则 — in demo mode, on an empty rule table, the example rules that make the fixtures work out of the box:
 * a Frigate alert review with a car (front_cam is a placed demo camera) → 机动车乱停放 for the acceptor's 受理; our JSON
 * alert naming a {@code classCode} → that class, auto-filed with the class's first 立案条件; an ONVIF intrusion
 * ({@code ObjectsInside}) → review.
 */
@ApplicationScoped
public class DemoAlertRules {

    private static final Logger LOG = Logger.getLogger(DemoAlertRules.class);

    private final ApplianceConfig appliance;
    private final AlertConfig config;
    private final AlertRules rules;

    DemoAlertRules(ApplianceConfig appliance, AlertConfig config, AlertRules rules) {
        this.appliance = appliance;
        this.config = config;
        this.rules = rules;
    }

    /** Writes the demo rules when no rule exists (called by the demo preparation, demo.DemoPreparation). */
    public void loadIfEmpty() {
        if (!appliance.demo() || !config.demoRules()) {
            return;
        }
        boolean empty = QuarkusTransaction.requiringNew().call(() -> AlertRule.count() == 0);
        if (!empty) {
            return;
        }
        rules.create(new AlertRules.RuleForm("Frigate 违停抓拍 → 机动车乱停放", 10, "FRIGATE", "car", null, "incident:09009", null, 0.0,
                null, null, false, true), "demo");
        rules.create(new AlertRules.RuleForm("Frigate 目标 car（事件）→ 机动车乱停放", 20, "FRIGATE_EVENT", "car", null, "incident:09009", null,
                0.7, null, null, false, false), "demo");
        rules.create(new AlertRules.RuleForm("通用告警：按 classCode 自动立案", 30, "GENERIC", null, null, null, null, 0.5, null, null, true, true),
                "demo");
        LOG.info("demo alert rules loaded: 3");
    }
}
