package org.civicgrid.catalog;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 分类管理文字 — texts of the class catalog and filing standards page ({@code messages/cat_zh.properties}). */
@MessageBundle(value = "cat")
public interface CatalogMessages {
    @Message String title();
    @Message String systemName(ClassSystem system);
    @Message String kindName(ClassKind kind);
    @Message String system();
    @Message String kind();
    @Message String code();
    @Message String name();
    @Message String majorCode();
    @Message String majorName();
    @Message String majorNameHint();
    @Message String standards();
    @Message String closing();
    @Message String noStandards();
    @Message String unitName(String unit);
    @Message String local();
    @Message String localNew();
    @Message String localHint();
    @Message String added(String ref);
    @Message String counts(int classes, int standards);
    @Message String csvTitle();
    @Message String csvHint();
    @Message String exportCsv();
    @Message String importCsv();
    @Message String file();
    @Message String importResult();
    @Message String importCounts(int imported, int updated, int unchanged, int rejected);
    @Message String line();
    @Message String reason();
    @Message String activeSystem();
    @Message String activeSystemHint();
    @Message String activeSystemSaved();
    @Message String viaMapping(String ref);
    @Message String defaultStandard();
}
