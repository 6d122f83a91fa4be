package org.civicgrid.cases;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 案卷页文字 — texts of the case list and detail pages ({@code messages/cases_zh.properties}). */
@MessageBundle(value = "cases")
public interface CaseMessages {
    @Message String title();
    @Message String stageName(CaseStage stage);
    @Message String sourceName(CaseSource source);
    @Message String lightName(Light light);
    @Message String actionName(String action);
    @Message String any();
    @Message String stage();
    @Message String source();
    @Message String classCode();
    @Message String gridCode();
    @Message String light();
    @Message String q();
    @Message String search();
    @Message String number();
    @Message String description();
    @Message String deadline();
    @Message String urged();
    @Message String none();
    @Message String total(long total, int page, int pages);
    @Message String previous();
    @Message String next();
    @Message String facts();
    @Message String filingCondition();
    @Message String address();
    @Message String area();
    @Message String reporter();
    @Message String department();
    @Message String handlingDeadline();
    @Message String createdAt();
    @Message String photos();
    @Message String noPhotos();
    @Message String history();
    @Message String fromTo();
    @Message String action();
    @Message String actor();
    @Message String role();
    @Message String at();
    @Message String note();
    @Message String actionsTitle();
    @Message String noActions();
    @Message String done(String action);
    @Message String failed();
    @Message String submit();
    @Message String departmentPick();
    @Message String suggested();
    @Message String conditionPick();
    @Message String inspectorPick();
    @Message String inspectorDefault();
    @Message String extension();
    @Message String extensionHint();
    @Message String duplicateOf();
    @Message String lat();
    @Message String lon();
    @Message String backToList();
    @Message String print();
    @Message String printTitle();
    @Message String street();
    @Message String from();
    @Message String to();
}
