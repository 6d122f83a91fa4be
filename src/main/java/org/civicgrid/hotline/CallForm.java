package org.civicgrid.hotline;

import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 来电表单 — what the acceptor typed while on the phone; {@code outcome} comes from the button pressed (create, info
 * only), {@code mergeInto} from a duplicate suggestion's "merge into" button.
 */
public class CallForm {
    @RestForm public String callerPhone;
    @RestForm public String callerName;
    @RestForm public String address;
    @RestForm public String lat;
    @RestForm public String lon;
    @RestForm public String classCode;
    @RestForm public String description;
    @RestForm public String note;
    @RestForm public String outcome;
    @RestForm public String mergeInto;

    CallOutcome chosen() {
        if (mergeInto != null && !mergeInto.isBlank()) {
            return CallOutcome.MERGED;
        }
        return "INFO_ONLY".equals(outcome) ? CallOutcome.INFO_ONLY : CallOutcome.CREATED;
    }

    /** A decimal form field; blank is null, anything else not a number is a 400 naming the field. */
    static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "'" + value + "' is not a number");
        }
    }
}
