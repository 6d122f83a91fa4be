package org.civicgrid.hub;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 跨镇评价文字 — texts of the hub's evaluation across towns ({@code messages/hubeval_zh.properties}, {@code hubeval_en.properties}). */
@MessageBundle(value = "hubeval")
public interface HubEvaluationTexts {
    @Message String title();
    @Message String intro();
    @Message String site();
    @Message String siteId();
    @Message String noSites();
    @Message String thisMonth();
    @Message String lastMonth();
    @Message String thisWeek();
    @Message String lastWeek();
    @Message String unknown();
    @Message String unknownCalendar();
    @Message String unknownOther();
    @Message String weightLeftOut();
    @Message String casesTitle();
    @Message String back();
    @Message String toHub();
    @Message String toEvaluation();
    @Message String edgeCase();
}
