package org.civicgrid.hub;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * 一张网页面文字 — texts of the hub's own forms and case page: registering a site and its token, 上级交办, the hub case
 * ({@code messages/hub_zh.properties}, {@code hub_en.properties}); the older hub texts are in the sync bundle.
 */
@MessageBundle(value = "hub")
public interface HubTexts {
    @Message String caseTitle();
    @Message String siteCases(String name);
    @Message String backToHub();
    @Message String edgeCaseId();
    @Message String position();
    @Message String grid();
    @Message String stageDeadline();
    @Message String evaluationDue();
    @Message String closedAt();
    @Message String notReceived();
    @Message String photoAlt(String number);
    @Message String download();
    @Message String afterFix();
    @Message String openCase();
    @Message String assigned(Long id);
    @Message String issuedTitle(String site);
    @Message String reissuedTitle(String site);
    @Message String onceWarning();
    @Message String tokenLabel();
    @Message String oldTokenDead();
    @Message String howTitle();
    @Message String howStep1();
    @Message String howStep2();
    @Message String howStep3();
    @Message String howStep4();
    @Message String howNote();
    @Message String registerTitle();
    @Message String registerIntro();
    @Message String siteId();
    @Message String siteIdHint();
    @Message String siteNameHint();
    @Message String register();
    @Message String reissueTitle();
    @Message String reissueIntro();
    @Message String reissueFor();
    @Message String reissueConfirm();
    @Message String reissue();
    @Message String assignTitle();
    @Message String assignIntro();
    @Message String chooseSite();
    @Message String lat();
    @Message String lon();
    @Message String assign();
    @Message String assignmentState();
    @Message String waitingForSite();
    @Message String assignmentTaken();
    @Message String assignmentClosed();
}
