package org.civicgrid.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * 案卷操作 — every action of the loop, with its API name ({@code POST /api/cases/{id}/actions/{apiName}}) and the
 * input it requires. Which stage and role may take it is defined only in {@link CaseWorkflow#TABLE}.
 */
public enum CaseAction {
    /** 发送核实 — acceptor sends an inspector to confirm the report on site. */
    SEND_TO_CONFIRM("sendToConfirm", Needs.INSPECTOR),
    /** 核实属实 */
    CONFIRM("confirm", Needs.NOTHING),
    /** 核实不属实 — the inspector found nothing on site: the acceptor or shift lead decides (不予立案 or not). */
    CONFIRM_NOT_FOUND("confirmNotFound", Needs.REASON),
    /** 受理 — acceptor accepts a report without 核实 (e.g. an inspector's own report). */
    ACCEPT("accept", Needs.NOTHING),
    /** 立案 — with its 立案条件, which sets the handling time limit. */
    FILE("file", Needs.CONDITION),
    /** 不予立案 — after 核实不属实, the acceptor or shift lead decides not to file the report. */
    DECLINE("decline", Needs.REASON),
    /** 作废 — with the reason, before 派遣. */
    DISCARD("discard", Needs.REASON),
    /** 改类 — the shift lead corrects the class before 立案 (the 立案条件 is chosen again); old and new class in history. */
    RECLASSIFY("reclassify", Needs.CLASS),
    /** 退回重审 — the dispatcher returns a wrongly filed case to the shift lead, with the reason. */
    SEND_BACK("sendBack", Needs.REASON),
    /**
     * 重复上报合并 — the report is a second report of a still-open case: merged into it (counted in its
     * {@code repeat_count}, as alert merges are) and kept visible on it.
     */
    MERGE_DUPLICATE("mergeDuplicate", Needs.DUPLICATE_OF),
    /** 派遣 */
    DISPATCH("dispatch", Needs.DEPARTMENT),
    /** 签收 */
    SIGN_FOR("signFor", Needs.NOTHING),
    /** 申请回退 */
    REQUEST_RETURN("requestReturn", Needs.REASON),
    /** 同意回退 — back to the dispatcher for another department. */
    APPROVE_RETURN("approveReturn", Needs.NOTHING),
    /** 驳回回退 — the department keeps the case and handles it. */
    REJECT_RETURN("rejectReturn", Needs.REASON),
    /** 申请延期 — with the extra time asked for. */
    REQUEST_EXTENSION("requestExtension", Needs.EXTENSION),
    /** 同意延期 — the handling deadline moves by the time asked for. */
    APPROVE_EXTENSION("approveExtension", Needs.NOTHING),
    /** 驳回延期 */
    REJECT_EXTENSION("rejectExtension", Needs.REASON),
    /** 申请挂账 */
    REQUEST_SUSPEND("requestSuspend", Needs.REASON),
    /** 同意挂账 — the handling clock pauses. */
    APPROVE_SUSPEND("approveSuspend", Needs.NOTHING),
    /** 驳回挂账 */
    REJECT_SUSPEND("rejectSuspend", Needs.REASON),
    /** 恢复处置 — the handling clock resumes with the time that was left. */
    RESUME("resume", Needs.NOTHING),
    /** 处置反馈 — the department reports the problem handled (with photos). */
    REPORT_HANDLED("reportHandled", Needs.NOTE),
    /** 发送核查 — acceptor sends an inspector to check the handling on site. */
    SEND_TO_CHECK("sendToCheck", Needs.INSPECTOR),
    /** 核查通过 */
    VERIFY("verify", Needs.NOTHING),
    /** 核查不通过，返工 — back to the same department. */
    REWORK("rework", Needs.REASON),
    /** 结案 */
    CLOSE("close", Needs.NOTHING),
    /**
     * 督办 — issues a 督办单 (who, why, reply deadline) to the case's department; the stage does not change. A second
     * 督办 of an overdue case goes to 领导 (escalated).
     */
    URGE("urge", Needs.URGE),
    /** 督办回复 — the department answers the open 督办单 of its case. */
    REPLY_URGE("replyUrge", Needs.NOTE),
    /** 重新开启 — a closed case goes back to its department's handling with the reason (bad 回访, complaint). */
    REOPEN("reopen", Needs.REASON),
    /**
     * 自处理 — an inspector fixed a minor problem on the spot: straight to 待结案, only once the after-photo (an
     * attachment of phase AFTER) is on the case.
     */
    SELF_HANDLE("selfHandle", Needs.NOTE),
    /** 位置更正 — the case's position is corrected before dispatch; grid, community and street follow; the stage stays. */
    RELOCATE("relocate", Needs.LOCATION);

    /** The input an action cannot do without. */
    public enum Needs {
        NOTHING, NOTE, REASON, INSPECTOR, CONDITION, DEPARTMENT, EXTENSION, DUPLICATE_OF, LOCATION, CLASS, URGE
    }

    private final String apiName;
    private final Needs needs;

    CaseAction(String apiName, Needs needs) {
        this.apiName = apiName;
        this.needs = needs;
    }

    public String apiName() {
        return apiName;
    }

    public Needs needs() {
        return needs;
    }

    public static Optional<CaseAction> ofApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }
}
