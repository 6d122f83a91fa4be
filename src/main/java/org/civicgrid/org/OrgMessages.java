package org.civicgrid.org;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 组织管理文字 — texts of the organisation admin pages ({@code messages/org_zh.properties}). */
@MessageBundle(value = "org")
public interface OrgMessages {
    @Message String departmentsTitle();
    @Message String departmentNew();
    @Message String departmentEdit(String name);
    @Message String code();
    @Message String codeHint();
    @Message String name();
    @Message String kind();
    @Message String kindName(DepartmentKind kind);
    @Message String phone();
    @Message String classCodes();
    @Message String classCodesHint();
    @Message String area();
    @Message String areaHint();
    @Message String wholeCounty();
    @Message String status();
    @Message String staffTitle();
    @Message String staffNew();
    @Message String staffEdit(String name);
    @Message String username();
    @Message String displayName();
    @Message String department();
    @Message String noDepartment();
    @Message String roles();
    @Message String password();
    @Message String passwordHint(int min);
    @Message String resetPassword();
    @Message String resetDone();
    @Message String demoAccount();
    @Message String regionsTitle();
    @Message String regionNew();
    @Message String regionCodeHint();
    @Message String levelName(RegionLevel level);
    @Message String count(int n);
}
