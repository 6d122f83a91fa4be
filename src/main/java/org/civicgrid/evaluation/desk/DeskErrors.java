package org.civicgrid.evaluation.desk;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.ext.web.RoutingContext;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;

/**
 * 考核台错误 — a refused form as the user reads it: the services' problems (stable code, field) in the viewer's
 * language; an unknown one keeps the service's own message.
 */
public final class DeskErrors {

    private DeskErrors() {
    }

    static DeskTexts texts(RoutingContext http) {
        return MessageBundles.get(DeskTexts.class, Localized.Literal.of(PageContext.locale(http).getLanguage()));
    }

    public static String text(Problem problem, RoutingContext http) {
        DeskTexts t = texts(http);
        String byCode = switch (problem.code()) {
            case "not_own_case" -> t.errNotOwnCase();
            case "appeal_closed" -> t.errAppealClosed();
            case "appeal_pending" -> t.errAppealPending();
            case "decided" -> t.errDecided();
            case "forbidden" -> t.errForbidden();
            case "frozen" -> t.errFrozen();
            case "stored" -> t.errStored();
            case "period_open" -> t.errPeriodOpen();
            case "not_closed" -> t.errNotClosed();
            case "not_found" -> t.errNotFound();
            default -> null;
        };
        if (byCode != null) {
            return byCode;
        }
        String field = problem.field() == null ? "" : problem.field();
        return switch (field) {
            case "reason" -> t.errReason();
            case "points" -> t.errPoints();
            case "period", "from" -> t.errPeriod();
            case "key" -> t.errKey();
            case "caseId" -> t.errCase();
            case "approve" -> t.errApprove();
            case "satisfied" -> t.errSatisfied();
            case "note" -> t.errNote();
            case "reopen" -> t.errReopen();
            default -> problem.getMessage();
        };
    }
}
