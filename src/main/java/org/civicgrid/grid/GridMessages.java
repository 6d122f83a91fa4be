package org.civicgrid.grid;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 网格管理文字 — texts of the unit grid admin page ({@code messages/grid_zh.properties}). */
@MessageBundle(value = "grid")
public interface GridMessages {
    @Message String title();
    @Message String summary(int grids, double areaKm2);
    @Message String boundarySet();
    @Message String boundaryMissing();
    @Message String street();
    @Message String community();
    @Message String grids();
    @Message String areaHa();
    @Message String workGrids();
    @Message String inspectors();
    @Message String unassigned();
    @Message String assign();
    @Message String importTitle();
    @Message String importHint();
    @Message String file();
    @Message String replace();
    @Message String importButton();
    @Message String export();
    @Message String boundaryTitle();
    @Message String boundaryHint();
    @Message String boundaryButton();
    @Message String check();
    @Message String checkTitle();
    @Message String checkClean(int grids);
    @Message String importResult();
    @Message String importCounts(int imported, int rejected);
    @Message String index();
    @Message String code();
    @Message String reason();
    @Message String overlaps();
    @Message String overlap(String first, String second, double areaM2);
    @Message String gaps();
    @Message String gap(double areaM2, double lat, double lon);
    @Message String saved(String what);
}
