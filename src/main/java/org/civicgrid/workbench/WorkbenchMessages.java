package org.civicgrid.workbench;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.civicgrid.cases.list.CaseQueue;

/** 工作台文字 — texts of the role workbenches ({@code messages/wb_zh.properties}, {@code wb_en.properties}). */
@MessageBundle(value = "wb")
public interface WorkbenchMessages {
    @Message String queueName(CaseQueue queue);
    @Message String queueHint(CaseQueue queue);
    @Message String queues();
    @Message String count(long count);
    @Message String red(long red);
    @Message String yellow(long yellow);
    @Message String all();
    @Message String empty();
    @Message String suggested(String department);
    @Message String refreshed();
    @Message String noQueues();
    @Message String newReport();
    @Message String screen();
    @Message String system();
    @Message String openCases(long open);
    @Message String callBacks();
    @Message String callBacksHint();
}
