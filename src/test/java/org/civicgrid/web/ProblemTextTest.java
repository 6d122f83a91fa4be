package org.civicgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** 错误提示的中文 — the API's {@code field: message} on Chinese pages, word for word as the table says. */
class ProblemTextTest {

    @Test
    void knownMessagesReadInChineseWithTheFieldName() {
        assertEquals("立案条件：必填", ProblemText.zh("conditionId: required"));
        assertEquals("立案条件：此操作必填", ProblemText.zh("conditionId: required for this action"));
        assertEquals("意见：请填写原因", ProblemText.zh("note: give the reason"));
        assertEquals("纬度：不是数字：35,6", ProblemText.zh("lat: not a number: 35,6"));
        assertEquals("立案条件：没有编号为 77 的有效立案条件", ProblemText.zh("conditionId: no active 立案条件 with id 77 for incident:09009"));
        assertEquals("附件：附件大小须在 1 字节至 10 MB 之间，实际 0 字节", ProblemText.zh("file: attachments must be 1 byte to 10 MB, got 0"));
    }

    @Test
    void unknownMessagesKeepTheirWordsBehindAChineseLead() {
        assertEquals("分类：输入有误（something odd）", ProblemText.zh("classCode: something odd"));
        assertEquals("延期：延期 refused: at most 2", ProblemText.zh("extension: 延期 refused: at most 2"));
        assertEquals("输入有误（plain words）", ProblemText.zh("plain words"));
    }

    @Test
    void englishPagesShowTheMessageAsItIs() {
        assertEquals("conditionId: required", ProblemText.text("conditionId: required", Locale.ENGLISH));
        assertEquals("立案条件：必填", ProblemText.text("conditionId: required", Locale.forLanguageTag("zh")));
        assertEquals("", ProblemText.text(null, Locale.ENGLISH));
    }
}
