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
        assertEquals("站点编号：须为 1–64 位字母、数字、点、连字符或下划线（即镇级平台的 civicgrid.site-id）",
                ProblemText.zh("siteId: 1–64 letters, digits, dot, dash or underscore (the edge's civicgrid.site-id)"));
        assertEquals("站点 370831-sishui 已登记；如需新令牌，请重新签发",
                ProblemText.zh("site 370831-sishui is already registered: re-issue its token instead"));
        assertEquals("问题描述：请描述问题（最多 4000 个字符）", ProblemText.zh("description: describe the problem (at most 4000 characters)"));
        assertEquals("站点 s1 没有案卷 9", ProblemText.zh("case 9 of site s1 not found"));
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
