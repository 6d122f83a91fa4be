package org.civicgrid.cases;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 案卷登记文字 — texts of the staff report form {@code /cases/new} ({@code messages/rep_zh.properties}). */
@MessageBundle(value = "rep")
public interface CaseReportMessages {
    @Message String title();
    @Message String what();
    @Message String where();
    @Message String who();
    @Message String classNone();
    @Message String mapHint();
    @Message String reporterName();
    @Message String reporterPhone();
    @Message String submit();
    @Message String failed();
    @Message String phase(CasePageViews.Phase phase);
}
