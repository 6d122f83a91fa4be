package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 19 §3: the alert reasons triage writes read in Chinese on the zh-CN pages; an unknown text stays as it is. */
class AlertReasonsTest {

    @Test
    void triageReasonsReadInChinese() {
        assertEquals("没有匹配的告警规则", AlertReasons.zh("no rule matches"));
        assertEquals("未登记的摄像机 ghost_cam，告警中也无位置", AlertReasons.zh("unknown camera ghost_cam and no position in the alert"));
        assertEquals("分类 incident:09009 无有效立案条件，交受理员处理",
                AlertReasons.zh("no active 立案条件 for incident:09009: left for the acceptor"));
        assertEquals("置信度 0.4 低于规则“违停”要求的 0.6", AlertReasons.zh("confidence 0.4 below 0.6 of rule 违停"));
        assertEquals("其他原因", AlertReasons.zh("其他原因"));
        assertEquals("", AlertReasons.zh(null));
    }
}
