package org.civicgrid.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * 案卷阶段 — where a case stands in the loop. Names are part of the public API and stay stable once released;
 * {@code REPORTED}, {@code CLOSED} and {@code DISCARDED} are fixed by API.md. Each open stage runs on one clock
 * ({@link StageClock}) that gives its time limit and light.
 */
public enum CaseStage {
    /** 待受理 — reported from any source, waiting for the acceptor. */
    REPORTED(StageClock.ACCEPT),
    /** 核实中 — an inspector confirms the report on site. */
    CONFIRMING(StageClock.CONFIRM),
    /**
     * 核实不属实待定 — the inspector found nothing on site; the acceptor or the shift lead decides (不予立案, 受理
     * anyway, or 核实 again).
     */
    NOT_CONFIRMED(StageClock.ACCEPT),
    /** 待立案 — accepted, waiting for the shift lead to file it. */
    PENDING_FILING(StageClock.FILE),
    /** 待派遣 — filed, waiting for the dispatcher. */
    FILED(StageClock.DISPATCH),
    /** 待签收 — dispatched, waiting for the department to sign for it. */
    DISPATCHED(StageClock.HANDLE),
    /** 处置中 — the department is handling it. */
    HANDLING(StageClock.HANDLE),
    /** 回退申请中 — the department asked to return it; the dispatcher decides. */
    RETURN_REQUESTED(StageClock.HANDLE),
    /** 延期申请中 — the department asked for more time; the dispatcher decides. */
    EXTENSION_REQUESTED(StageClock.HANDLE),
    /** 挂账申请中 — the department asked to suspend it; the dispatcher decides. */
    SUSPEND_REQUESTED(StageClock.HANDLE),
    /** 挂账 — suspended: the handling clock is paused. */
    SUSPENDED(StageClock.NONE),
    /** 待核查 — handled and reported back, waiting for the acceptor to send 核查. */
    PENDING_CHECK(StageClock.CHECK),
    /** 核查中 — an inspector checks the handling on site. */
    CHECKING(StageClock.CHECK),
    /** 待结案 — checked, waiting for the shift lead to close it. */
    PENDING_CLOSE(StageClock.CLOSE),
    /** 结案 — closed. */
    CLOSED(StageClock.NONE),
    /** 作废 — discarded (作废, 不予立案 after 核实不属实, or merged as a 重复上报). */
    DISCARDED(StageClock.NONE);

    private static final Set<CaseStage> TERMINAL = EnumSet.of(CLOSED, DISCARDED);

    private final StageClock clock;

    CaseStage(StageClock clock) {
        this.clock = clock;
    }

    /** Only a closed case can come back (重新开启); a discarded one stays discarded. */
    public boolean isOpen() {
        return !TERMINAL.contains(this);
    }

    public StageClock clock() {
        return clock;
    }

    /** The clocks of the loop: each stage limit is configurable; HANDLE comes from the 立案条件. */
    public enum StageClock {
        ACCEPT, CONFIRM, FILE, DISPATCH, HANDLE, CHECK, CLOSE, NONE
    }
}
