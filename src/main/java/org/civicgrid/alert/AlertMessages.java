package org.civicgrid.alert;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 告警页文字 — texts of the alert list, the review queue and the rule admin page ({@code messages/alert_zh.properties}). */
@MessageBundle(value = "alert")
public interface AlertMessages {
    @Message String title();
    @Message String intro();
    @Message String link(boolean connected);
    @Message String backlog(int backlog);
    @Message String brokerFinding(String code, String detail);
    @Message String queue();
    @Message String queueHint();
    @Message String queueEmpty();
    @Message String outcome();
    @Message String outcomeName(AlertOutcome outcome);
    @Message String source();
    @Message String sourceName(AlertSource source);
    @Message String any();
    @Message String filter();
    @Message String receivedAt();
    @Message String device();
    @Message String label();
    @Message String reason();
    @Message String caseLink();
    @Message String position();
    @Message String classCode();
    @Message String lat();
    @Message String lon();
    @Message String raise();
    @Message String ignore();
    @Message String ignoreNote();
    @Message String raw();
    @Message String none();
    @Message String total(long total, int page, int pages);
    @Message String previous();
    @Message String next();
    @Message String detail();
    @Message String payload(int bytes);
    @Message String back();
    @Message String done(String outcome);
    @Message String rules();
    @Message String rulesIntro();
    @Message String ruleName();
    @Message String priority();
    @Message String zone();
    @Message String standardId();
    @Message String minConfidence();
    @Message String activeHours();
    @Message String autoFile();
    @Message String review();
    @Message String enabled();
    @Message String addRule();
    @Message String delete();
    @Message String fromPayload();
    @Message String allDay();
    @Message String classPickHint();
    @Message String reviewTitle();
    @Message String reviewHint();
    @Message String mapPickHint();
}
