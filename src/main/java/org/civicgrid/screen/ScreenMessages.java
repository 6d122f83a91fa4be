package org.civicgrid.screen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 大屏文字 — texts of the command screen ({@code messages/screen_zh.properties}, {@code screen_en.properties}). */
@MessageBundle(value = "screen")
public interface ScreenMessages {
    @Message String title();
    @Message String today();
    @Message String month();
    @Message String reported();
    @Message String closed();
    @Message String open();
    @Message String overdue();
    @Message String cameras();
    @Message String bySource();
    @Message String byStage();
    @Message String trend();
    @Message String topClasses();
    @Message String departments();
    @Message String rate();
    @Message String closeRate();
    @Message String reworkRate();
    @Message String streets();
    @Message String map();
    @Message String alerts();
    @Message String noAlerts();
    @Message String updated();
    @Message String back();
    @Message String loadFailed();
}
