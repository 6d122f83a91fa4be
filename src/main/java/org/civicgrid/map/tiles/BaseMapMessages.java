package org.civicgrid.map.tiles;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 底图设置文字 — texts of {@code /admin/basemap} ({@code messages/bm_zh.properties}, {@code bm_en.properties}). */
@MessageBundle(value = "bm")
public interface BaseMapMessages {
    @Message String title();
    @Message String intro();
    @Message String online();
    @Message String tileUrl();
    @Message String tileUrlHint();
    @Message String labelUrl();
    @Message String labelUrlHint();
    @Message String subdomains();
    @Message String crs();
    @Message String crsWgs84();
    @Message String crsGcj02();
    @Message String crsHint();
    @Message String attribution();
    @Message String saved();
    @Message String offline();
    @Message String offlineIntro(String dir);
    @Message String inUse(String file, String format, int minZoom, int maxZoom);
    @Message String none();
    @Message String own();
    @Message String rebuild();
    @Message String rebuilt(int features);
    @Message String rebuildFailed();
    @Message String error_tileUrl();
    @Message String error_labelUrl();
    @Message String error_subdomains();
    @Message String error_crs();
    @Message String error_attribution();
}
