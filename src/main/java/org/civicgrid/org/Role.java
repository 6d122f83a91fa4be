package org.civicgrid.org;

/**
 * 岗位角色 — the roles of a 数字城管 centre (DOMAIN.md §1). One person may hold several (small centres).
 * The enum name is also the security role name used in {@code @RolesAllowed}.
 */
public enum Role {
    /** 监督员 — patrols work grids, reports, 核实 and 核查 on site, 自处理. */
    INSPECTOR,
    /** 受理员 — takes reports from every source, sends 核实/核查 tasks. */
    ACCEPTOR,
    /** 值班长 — 立案, approves 作废, 结案. */
    SHIFT_LEAD,
    /** 派遣员 — 派遣, approves 回退/延期/挂账. */
    DISPATCHER,
    /** 专业部门 — handles cases of its own department and reports back. */
    DEPARTMENT,
    /** 领导 — 督办 and overview. */
    LEADER,
    /** 管理员 — organisation, users, catalogs, calendar, limits, devices. */
    ADMIN;

    /** Role names as compile-time constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String INSPECTOR = "INSPECTOR";
        public static final String ACCEPTOR = "ACCEPTOR";
        public static final String SHIFT_LEAD = "SHIFT_LEAD";
        public static final String DISPATCHER = "DISPATCHER";
        public static final String DEPARTMENT = "DEPARTMENT";
        public static final String LEADER = "LEADER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
