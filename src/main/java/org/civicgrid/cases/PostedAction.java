package org.civicgrid.cases;

import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 操作表单参数 — an action form as the browser posts it: every field text (an empty select or input sends ""),
 * turned into the {@link ActionInput} of the API; a number that is not one is a 400 naming its field.
 */
public class PostedAction {

    @RestForm public String note;
    @RestForm public String departmentId;
    @RestForm public String conditionId;
    @RestForm public String inspectorId;
    @RestForm public String extension;
    @RestForm public String duplicateOfId;
    @RestForm public String version;
    @RestForm public String lat;
    @RestForm public String lon;
    @RestForm public String address;
    @RestForm public String classCode;
    @RestForm public String replyLimit;

    ActionInput input() {
        Long ver = number("version", version);
        return new ActionInput(text(note), number("departmentId", departmentId), number("conditionId", conditionId), text(classCode),
                number("inspectorId", inspectorId), text(extension), number("duplicateOfId", duplicateOfId),
                ver == null ? null : ver.intValue(), decimal("lat", lat), decimal("lon", lon), null, text(address),
                text(replyLimit));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long number(String field, String s) {
        try {
            return text(s) == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "not a number: " + s);
        }
    }

    private static Double decimal(String field, String s) {
        try {
            return text(s) == null ? null : Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "not a number: " + s);
        }
    }
}
