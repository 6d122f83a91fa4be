package org.civicgrid.component;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 部件管理文字 — texts of the component admin page ({@code messages/comp_zh.properties}). */
@MessageBundle(value = "comp")
public interface ComponentMessages {
    @Message String title();
    @Message String total(long total);
    @Message String state();
    @Message String stateName(String state);
    @Message String className();
    @Message String count();
    @Message String importTitle();
    @Message String importHint();
    @Message String file();
    @Message String crs();
    @Message String replace();
    @Message String importButton();
    @Message String importResult();
    @Message String importCounts(int imported, int rejected);
    @Message String index();
    @Message String id();
    @Message String reason();
    @Message String exportGeojson();
    @Message String exportCsv();
}
