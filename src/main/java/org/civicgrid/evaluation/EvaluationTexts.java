package org.civicgrid.evaluation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 考核文字 — texts of the evaluation pages and exports ({@code messages/eval_zh.properties}, {@code eval_en.properties}). */
@MessageBundle(value = "eval")
public interface EvaluationTexts {
    @Message String title();
    @Message String rank();
    @Message String object();
    @Message String score();
    @Message String grade();
    @Message String adjustment();
    @Message String adjustedScore();
    @Message String sheetRanking();
    @Message String sheetDefinitions();
    @Message String indicator();
    @Message String definition();
    @Message String periodLabel();
    @Message String objectDepartment();
    @Message String objectStreet();
    @Message String objectCommunity();
    @Message String objectGrid();
    @Message String objectPost();
    @Message String objectCounty();
    @Message String show();
    @Message String exportXlsx();
    @Message String exportCsv();
    @Message String definitions();
    @Message String weights();
    @Message String grades();
    @Message String chart();
    @Message String casesTitle();
    @Message String casesOf(String indicator, String object, String period);
    @Message String noCases();
    @Message String number();
    @Message String stage();
    @Message String caseClass();
    @Message String address();
    @Message String reportedAt();
    @Message String truncated(int shown);
    @Message String back();
    @Message String print();
    @Message String nav();
    @Message String countedIn();
    @Message String kf_title();
    @Message String reportDay();
    @Message String reportWeek();
    @Message String reportMonth();
    @Message String comparedWith(String previous);
    @Message String countyFigures();
    @Message String kf_todayIntake();
    @Message String kf_monthIntake();
    @Message String kf_overdue();
    @Message String kf_urged();
    @Message String kf_onTimeCloseRate();
    @Message String kf_closeRate();
    @Message String kf_reworkRate();
}
