package org.civicgrid.hotline;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 热线页文字 — texts of the hotline desk and the call log ({@code messages/hotline_zh.properties}). */
@MessageBundle(value = "hotline")
public interface HotlineMessages {
    @Message String title();
    @Message String caller();
    @Message String callerPhone();
    @Message String callerName();
    @Message String where();
    @Message String addressSearch();
    @Message String addressSearchHint();
    @Message String find();
    @Message String noPlaces();
    @Message String address();
    @Message String lat();
    @Message String lon();
    @Message String mapHint();
    @Message String what();
    @Message String classSearch();
    @Message String classPick();
    @Message String description();
    @Message String note();
    @Message String create();
    @Message String infoOnly();
    @Message String suggestions();
    @Message String suggestionsHint();
    @Message String noSuggestions(long radius);
    @Message String mergeInto();
    @Message String meters(long meters);
    @Message String outside();
    @Message String inArea(String grid, String community, String street);
    @Message String takenCreated(String number);
    @Message String takenMerged(String number);
    @Message String takenInfo();
    @Message String failed();
    @Message String callLog();
    @Message String logTitle();
    @Message String from();
    @Message String to();
    @Message String outcome();
    @Message String outcomeName(CallOutcome outcome);
    @Message String any();
    @Message String q();
    @Message String search();
    @Message String takenAt();
    @Message String taker();
    @Message String caseLink();
    @Message String noCalls();
    @Message String total(long total, int page, int pages);
    @Message String previous();
    @Message String next();
    @Message String backToDesk();
}
