package org.civicgrid.open311;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Open311 文字 — the key admin page and the status notes sent to outside clients ({@code messages/open311_zh.properties}). */
@MessageBundle(value = "o311")
public interface Open311Messages {
    @Message String title();
    @Message String intro();
    @Message String name();
    @Message String prefix();
    @Message String state();
    @Message String createdAt();
    @Message String lastUsed();
    @Message String issue();
    @Message String revoke();
    @Message String revoked();
    @Message String demoKey();
    @Message String issuedTitle();
    @Message String issuedHint();
    @Message String none();
    @Message String revokedDone();
    @Message String endpoint();
    @Message String mergedInto(String number);
}
