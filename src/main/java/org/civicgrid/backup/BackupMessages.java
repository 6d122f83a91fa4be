package org.civicgrid.backup;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 备份文字 — texts of the backup page ({@code messages/bak_zh.properties}). */
@MessageBundle(value = "bak")
public interface BackupMessages {
    @Message String intro(String dir);
    @Message String last();
    @Message String none();
    @Message String name();
    @Message String taken();
    @Message String size();
    @Message String runNow();
    @Message String done(String name);
    @Message String failed();
    @Message String restoreHint();
}
