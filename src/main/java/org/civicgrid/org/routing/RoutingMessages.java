package org.civicgrid.org.routing;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 派遣规则页文字 — texts of {@code /admin/routing} ({@code messages/routing_zh.properties}). */
@MessageBundle(value = "routing")
public interface RoutingMessages {
    @Message String title();
    @Message String intro();
    @Message String classRef();
    @Message String classHint();
    @Message String area();
    @Message String areaHint();
    @Message String anyArea();
    @Message String department();
    @Message String note();
    @Message String add();
    @Message String delete();
    @Message String everything();
    @Message String none();
    @Message String added();
    @Message String deleted();
    @Message String failed();
}
