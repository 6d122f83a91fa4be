package org.civicgrid.web;

import io.quarkus.qute.TemplateExtension;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 错误提示的中文 — {@code {problem:text(page.error)}}: a {@link Problem}'s message ({@code field: message}, as the API
 * answers it) in the page's language — on Chinese pages the field's name and the message in Chinese
 * ({@code conditionId: required} → {@code 立案条件：必填}), on English pages as it is. One table for every page.
 */
@TemplateExtension(namespace = "problem")
public final class ProblemText {

    private static final Pattern FIELD = Pattern.compile("([a-zA-Z]+): (.*)", Pattern.DOTALL);

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("conditionId", "立案条件"), Map.entry("classCode", "分类"), Map.entry("classRef", "分类"), Map.entry("lat", "纬度"),
            Map.entry("lon", "经度"), Map.entry("note", "意见"), Map.entry("description", "问题描述"), Map.entry("file", "附件"),
            Map.entry("photo", "照片"), Map.entry("afterPhoto", "处置后照片"), Map.entry("phase", "照片阶段"), Map.entry("departmentId", "处置部门"),
            Map.entry("inspectorId", "监督员"), Map.entry("extension", "延期"), Map.entry("reason", "原因"), Map.entry("address", "地址"),
            Map.entry("duplicateOfId", "重复案卷"), Map.entry("componentId", "部件"), Map.entry("replyLimit", "回复时限"), Map.entry("version", "版本"),
            Map.entry("source", "来源"), Map.entry("crs", "坐标系"), Map.entry("q", "查询"), Map.entry("limit", "条数"),
            Map.entry("certificate", "客户端证书"), Map.entry("period", "考核期"), Map.entry("from", "起始日期"), Map.entry("to", "截止日期"),
            Map.entry("indicator", "指标"), Map.entry("site", "站点"), Map.entry("siteId", "站点编号"), Map.entry("name", "名称"),
            Map.entry("dueAt", "办理期限"), Map.entry("confirm", "确认"));

    private record Rule(Pattern english, String chinese) {
    }

    /** English message → Chinese ($1 … are the captured values); the first match wins. */
    private static final List<Rule> MESSAGES = List.of(
            rule("required", "必填"),
            rule("required for this action", "此操作必填"),
            rule("give the reason", "请填写原因"),
            rule("describe what was done", "请说明处置情况"),
            rule("describe the problem", "请描述问题"),
            rule("choose one or more photos", "请选择一张或多张照片"),
            rule("not a number: (.*)", "不是数字：$1"),
            rule("give lat and lon in decimal degrees", "请用十进制度数填写经纬度"),
            rule("only photos .* are accepted", "只接受照片（JPEG、PNG、WebP、HEIC）和语音（MP3、M4A、OGG、AMR、WAV、WebM）"),
            rule("attachments must be 1 byte to (\\d+) MB, got (\\d+)", "附件大小须在 1 字节至 $1 MB 之间，实际 $2 字节"),
            rule("this file starts like a (\\S+) photo but is not one.*", "文件看似 $1 照片，但无法作为图片打开"),
            rule("no active 立案条件 with id (\\S+).*", "没有编号为 $1 的有效立案条件"),
            rule("no department with id (\\S+)", "没有编号为 $1 的部门"),
            rule("no staff with id (\\S+)", "没有编号为 $1 的人员"),
            rule("no case (\\S+).*", "没有案卷 $1"),
            rule("unknown class '([^']*)'.*", "分类“$1”不存在"),
            rule("write the extra time like .*", "请按“2工作日”或“4工作时”的格式填写延长时间"),
            rule("write the time to reply like .*", "请按“1工作日”或“4工作时”的格式填写回复时限"),
            rule("自处理 needs the photo after the fix.*", "自处理须先上传处置后照片"),
            rule("only 处置反馈 and 自处理 take photos", "只有处置反馈和自处理可附照片"),
            rule("give the certificate as PEM or its SHA-256 fingerprint.*", "请填写证书（PEM 格式）或其 SHA-256 指纹（64 位十六进制，可带冒号）"),
            rule("the PEM has no END CERTIFICATE line", "PEM 缺少 END CERTIFICATE 行"),
            rule("not a readable X.509 certificate: (.*)", "无法读取的 X.509 证书：$1"),
            rule("this certificate is already registered for site (\\S+):.*", "该证书已登记给站点 $1，每个站点须使用自己的证书"),
            rule("site (\\S+) not found", "站点 $1 不存在"),
            rule("write a month like 2026-11, a week like 2026-W48 or days like 2026-11-01", "请按月（如 2026-11）、周（如 2026-W48）或日（如 2026-11-01）填写考核期"),
            rule("the period ends before it starts", "截止日期早于起始日期"),
            rule("no indicator (.*)", "没有指标 $1"),
            rule("the hub has no figure for (\\S+)", "汇聚平台没有指标 $1 的数据（见指标说明）"),
            rule("1–64 letters, digits, dot, dash or underscore \\(the edge's civicgrid.site-id\\)",
                    "须为 1–64 位字母、数字、点、连字符或下划线（即镇级平台的 civicgrid.site-id）"),
            rule("at most (\\d+) characters", "最多 $1 个字符"),
            rule("site (\\S+) is already registered: re-issue its token instead", "站点 $1 已登记；如需新令牌，请重新签发"),
            rule("tick the box: the site's old token stops working at once", "请勾选确认：原令牌将立即作废"),
            rule("a site registered on this hub", "请选择本平台已登记的站点"),
            rule("describe the problem \\(at most (\\d+) characters\\)", "请描述问题（最多 $1 个字符）"),
            rule("the position \\(WGS84 lat, lon\\) is required", "须填写位置（WGS84 纬度、经度）"),
            rule("the deadline, in the future", "须填写晚于现在的期限"),
            rule("write the date and time like (\\S+)", "请按 $1 的格式填写日期和时间"),
            rule("case (\\S+) of site (\\S+) not found", "站点 $2 没有案卷 $1"));

    private ProblemText() {
    }

    private static Rule rule(String english, String chinese) {
        return new Rule(Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    /** The message for a page in {@code locale}: unchanged in English, in Chinese otherwise. */
    static String text(String message, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (message == null) {
            return "";
        }
        boolean english = locale instanceof Locale l ? "en".equals(l.getLanguage()) : locale != null && locale.toString().startsWith("en");
        return english ? message : zh(message);
    }

    /** {@code field: message} → {@code 字段：中文说明}; a message with no rule keeps its words after a Chinese lead. */
    public static String zh(String message) {
        Matcher m = FIELD.matcher(message.trim());
        String field = m.matches() ? FIELDS.getOrDefault(m.group(1), m.group(1)) : null;
        String rest = m.matches() ? m.group(2) : message.trim();
        for (Rule rule : MESSAGES) {
            Matcher r = rule.english().matcher(rest);
            if (r.matches()) {
                return (field == null ? "" : field + "：") + r.replaceFirst(rule.chinese());
            }
        }
        boolean chinese = rest.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return (field == null ? "" : field + "：") + (chinese ? rest : "输入有误（" + rest + "）");
    }
}
