package org.civicgrid.sync;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 上报文字 — texts of the sync status page, the header badge and the hub pages ({@code messages/sync_zh.properties}). */
@MessageBundle(value = "sync")
public interface SyncMessages {
    @Message String title();
    @Message String intro();
    @Message String state(String state);
    @Message String badge(String state, long backlog);
    @Message String hub();
    @Message String notSet();
    @Message String backlog();
    @Message String oldestPending();
    @Message String lag();
    @Message String lagSeconds(long seconds);
    @Message String ackedSeq();
    @Message String lastSuccess();
    @Message String lastError();
    @Message String failures();
    @Message String nextAttempt();
    @Message String never();
    @Message String setHub();
    @Message String url();
    @Message String token();
    @Message String save();
    @Message String saved();
    @Message String hubTitle();
    @Message String sites();
    @Message String site();
    @Message String siteName();
    @Message String lastContact();
    @Message String events();
    @Message String cases();
    @Message String caseNumber();
    @Message String source();
    @Message String stage();
    @Message String description();
    @Message String updated();
    @Message String assignments();
    @Message String dueAt();
    @Message String noSites();
    @Message String mapTitle();
    @Message String mapLoading();
    @Message String mapLoadFailed();
    @Message String mapSummary();
    @Message String mapOpen();
    @Message String mapClosed();
    @Message String cert();
    @Message String certNone();
    @Message String certTitle();
    @Message String certIntro();
    @Message String certValue();
    @Message String certSaved();
}
