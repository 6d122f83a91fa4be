package org.civicgrid.org;

import java.util.Set;

/** 部门表单 — what an admin submits to create or change a department (API body and page form alike). */
public record DepartmentForm(String code, String name, DepartmentKind kind, String phone, Set<String> classCodes,
        Set<String> areaCodes, Boolean active) {
}
