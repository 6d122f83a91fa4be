package org.civicgrid.alert;

import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 告警原因 — {@code {reason:zh(text)}} in templates: an alert's stored reason (written in English by triage, for logs and
 * the API) in Chinese for the zh-CN pages. One table of the reasons triage writes; an unknown text is shown as it is.
 */
@TemplateExtension(namespace = "reason")
public final class AlertReasons {

    private record Rule(Pattern english, String chinese) {
    }

    /** English pattern → Chinese template ($1, $2 … are the captured values). */
    private static final List<Rule> TABLE = List.of(
            new Rule(Pattern.compile("no rule matches"), "没有匹配的告警规则"),
            new Rule(Pattern.compile("confidence (\\S+) below (\\S+) of rule (.+)"), "置信度 $1 低于规则“$3”要求的 $2"),
            new Rule(Pattern.compile("outside the active hours (\\S+) of rule (.+)"), "不在规则“$2”的生效时段 $1 内"),
            new Rule(Pattern.compile("rule (.+) gives no class"), "规则“$1”未指定分类"),
            new Rule(Pattern.compile("no position and no device"), "告警既无位置也无设备"),
            new Rule(Pattern.compile("unknown camera (\\S+) and no position in the alert"), "未登记的摄像机 $1，告警中也无位置"),
            new Rule(Pattern.compile("camera (\\S+) is not placed on the map"), "摄像机 $1 尚未在地图上标注位置"),
            new Rule(Pattern.compile("the position (\\S+) is outside the county this centre serves"), "位置 $1 不在本中心辖区内"),
            new Rule(Pattern.compile("unknown or inactive class (\\S+)"), "分类 $1 不存在或已停用"),
            new Rule(Pattern.compile("no active 立案条件 for (\\S+): left for the acceptor"), "分类 $1 无有效立案条件，交受理员处理"),
            new Rule(Pattern.compile("could not be processed: (.*)"), "无法处理：$1"));

    private AlertReasons() {
    }

    static String zh(String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        for (Rule rule : TABLE) {
            Matcher m = rule.english().matcher(reason.trim());
            if (m.matches()) {
                return m.replaceFirst(rule.chinese());
            }
        }
        return reason;
    }
}
