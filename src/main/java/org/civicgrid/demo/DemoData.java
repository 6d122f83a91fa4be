package org.civicgrid.demo;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.DepartmentKind;
import org.civicgrid.org.Role;

/** 演示数据 — the shape of {@code demo/sishui-county.json}. */
@RegisterForReflection
record DemoData(String note, Area county, List<Street> streets, List<Dept> departments, List<Account> accounts, List<Rule> routingRules) {

    @RegisterForReflection
    record Area(String code, String name) {
    }

    @RegisterForReflection
    record Street(String code, String name, List<Area> communities) {
    }

    @RegisterForReflection
    record Dept(String code, String name, DepartmentKind kind, String phone, Set<String> classCodes, Set<String> areaCodes) {
    }

    /** A routing-table row; {@code department} is a department code. */
    @RegisterForReflection
    record Rule(String classRef, String areaCode, String department, String note) {
    }

    @RegisterForReflection
    record Account(String username, String displayName, Set<Role> roles, String department) {
    }
}
