package org.civicgrid.cases.list;

import static org.civicgrid.cases.CaseAction.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseWorkflow;
import org.civicgrid.cases.Transition;
import org.civicgrid.org.Role;

/**
 * 工作队列 — the work queues of the role workbenches. A queue is a role and the actions it waits for; its stages
 * are read from {@link CaseWorkflow#TABLE} (the stages from which that role may take those actions), never listed
 * here again. The {@link Scope} narrows it further: the user's own department, their own 核实/核查 tasks, lights,
 * 督办 or possible duplicates.
 */
public enum CaseQueue {
    /** 受理员 — 新上报: reports to accept or send for 核实. */
    NEW_REPORTS(Role.ACCEPTOR, Scope.ALL, ACCEPT, SEND_TO_CONFIRM),
    /** 受理员 — 核实不属实待定: the inspector found nothing; 不予立案, 受理 or 核实 again. */
    NOT_CONFIRMED(Role.ACCEPTOR, Scope.ALL, DECLINE),
    /** 受理员 — 待发核查: handled cases to send an inspector to check. */
    TO_CHECK(Role.ACCEPTOR, Scope.ALL, SEND_TO_CHECK),
    /** 受理员 — 疑似重复: reports with an open case of the same class nearby, to merge. */
    DUPLICATES(Role.ACCEPTOR, Scope.POSSIBLE_DUPLICATE, MERGE_DUPLICATE),
    /** 值班长 — 待立案. */
    TO_FILE(Role.SHIFT_LEAD, Scope.ALL, FILE),
    /** 值班长 — 待结案. */
    TO_CLOSE(Role.SHIFT_LEAD, Scope.ALL, CLOSE),
    /** 值班长 — 核实不属实待定: 不予立案 or leave it to the acceptor. */
    TO_DECIDE(Role.SHIFT_LEAD, Scope.ALL, DECLINE),
    /** 值班长 — 督办中: cases with a 督办单 waiting for the department's reply. */
    CENTRE_URGED(Role.SHIFT_LEAD, Scope.URGED, URGE),
    /** 值班长 — 作废审批: reports that look like duplicates, to 作废 or merge. */
    TO_DISCARD(Role.SHIFT_LEAD, Scope.POSSIBLE_DUPLICATE, DISCARD),
    /** 派遣员 — 待派遣 (with the routing suggestion). */
    TO_DISPATCH(Role.DISPATCHER, Scope.ALL, DISPATCH),
    /** 派遣员 — 回退/延期/挂账申请. */
    REQUESTS(Role.DISPATCHER, Scope.ALL, APPROVE_RETURN, APPROVE_EXTENSION, APPROVE_SUSPEND),
    /** 派遣员 — 挂账中, to resume. */
    SUSPENDED(Role.DISPATCHER, Scope.ALL, RESUME),
    /** 专业部门 — 待签收. */
    TO_SIGN(Role.DEPARTMENT, Scope.OWN_DEPARTMENT, SIGN_FOR),
    /** 专业部门 — 处置中. */
    IN_PROGRESS(Role.DEPARTMENT, Scope.OWN_DEPARTMENT, REPORT_HANDLED),
    /** 专业部门 — 待督办回复: the department's cases with an open 督办单. */
    TO_REPLY(Role.DEPARTMENT, Scope.OWN_DEPARTMENT_URGED, REPLY_URGE),
    /** 专业部门 — 临期/超期: yellow or red among the department's cases. */
    DUE_SOON(Role.DEPARTMENT, Scope.OWN_DEPARTMENT_LIT, SIGN_FOR, REPORT_HANDLED),
    /** 监督员 — 我的核实/核查任务. */
    TASKS(Role.INSPECTOR, Scope.ASSIGNED_TO_ME, CONFIRM, VERIFY),
    /** 领导 — 超期案卷: red, in any open stage. */
    OVERDUE(Role.LEADER, Scope.OVERDUE, URGE),
    /** 领导 — 督办中: a 督办单 waits for the department's reply. */
    URGED(Role.LEADER, Scope.URGED, URGE),
    /** 领导 — 升级督办: a second 督办 of an overdue case, for 领导 to follow. */
    ESCALATED(Role.LEADER, Scope.ESCALATED, URGE),
    /** 领导 — 延期审批: 延期 requests past the threshold. */
    EXTENSIONS(Role.LEADER, Scope.EXTENSION_FOR_LEADER, APPROVE_EXTENSION);

    /** How a queue narrows the cases in its stages. */
    public enum Scope {
        ALL, OWN_DEPARTMENT, OWN_DEPARTMENT_LIT, OWN_DEPARTMENT_URGED, ASSIGNED_TO_ME, OVERDUE, URGED, ESCALATED,
        EXTENSION_FOR_LEADER, POSSIBLE_DUPLICATE
    }

    private final Role role;
    private final Scope scope;
    private final Set<CaseAction> actions;
    private final List<CaseStage> stages;

    CaseQueue(Role role, Scope scope, CaseAction first, CaseAction... more) {
        this.role = role;
        this.scope = scope;
        this.actions = EnumSet.of(first, more);
        this.stages = CaseWorkflow.TABLE.stream()
                .filter(t -> actions.contains(t.action()) && t.actors().contains(role))
                .map(Transition::from).distinct().sorted().toList();
    }

    public Role role() {
        return role;
    }

    public Scope scope() {
        return scope;
    }

    public Set<CaseAction> actions() {
        return actions;
    }

    /** The stages the workflow table lets {@link #role()} take one of {@link #actions()} from. */
    public List<CaseStage> stages() {
        return stages;
    }

    /** The queues of someone holding these roles, in workbench order. */
    public static List<CaseQueue> of(Set<Role> held) {
        return Arrays.stream(values()).filter(q -> held.contains(q.role)).toList();
    }
}
