package org.civicgrid.evaluation.desk;

import io.vertx.ext.web.RoutingContext;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;

/** 表单读取 — what the desk pages read from a form: numbers, case numbers, the object type, the viewer's language. */
final class DeskForms {

    private DeskForms() {
    }

    static boolean english(RoutingContext http) {
        return "en".equals(PageContext.locale(http).getLanguage());
    }

    /** The object type of the request; 专业部门 when none is named, 400 for an unknown one. */
    static EvaluationObject object(String name) {
        if (name == null || name.isBlank()) {
            return EvaluationObject.DEPARTMENT;
        }
        return EvaluationObject.of(name).orElseThrow(() -> Problem.badRequest("object", "department, street, community, grid, post or county"));
    }

    /** A number typed by a person (full-width minus and comma decimal tolerated); null when blank. */
    static Double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim().replace('－', '-').replace('−', '-').replace('，', '.').replace(',', '.'));
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "write a number like 5 or 2.5");
        }
    }

    /** The id of the case with this number (案卷编号), or with this id when digits only name no number. */
    static long caseId(String number) {
        String n = number.trim();
        CaseFile c = CaseFile.<CaseFile>find("number", n).firstResult();
        if (c == null && n.matches("\\d{1,12}")) {
            c = CaseFile.findById(Long.parseLong(n));
        }
        if (c == null) {
            throw Problem.badRequest("caseId", "no case numbered " + n);
        }
        return c.id;
    }

    static String caseNumber(Long caseId) {
        if (caseId == null) {
            return null;
        }
        CaseFile c = CaseFile.findById(caseId);
        return c == null ? String.valueOf(caseId) : c.number;
    }
}
