package org.civicgrid.map;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 地图文字 — texts of the map page ({@code messages/map_zh.properties}, {@code map_en.properties}). */
@MessageBundle(value = "map")
public interface MapMessages {
    @Message String title();
    @Message String loading();
    @Message String loadFailed();
    @Message String legend();
    @Message String openCases();
    @Message String noOpenCases();
    @Message String grid();
    @Message String gridCode();
    @Message String community();
    @Message String street();
    @Message String area();
    @Message String casesInGrid();
    @Message String more();
    @Message String lightGreen();
    @Message String lightYellow();
    @Message String lightRed();
    @Message String lightNone();
    @Message String markersHint();
    @Message String panelHint();
    @Message String boundary();
    @Message String summary();
    @Message String components();
    @Message String faulty();
}
