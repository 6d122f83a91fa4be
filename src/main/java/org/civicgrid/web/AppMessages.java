package org.civicgrid.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.civicgrid.org.Role;

/**
 * 界面文字 — texts shared by every page (layout, navigation, roles, errors). Chinese originals in
 * {@code messages/msg_zh.properties}, English in {@code msg_en.properties}.
 */
@MessageBundle(value = "msg")
public interface AppMessages {
    @Message String appName();
    @Message String appTagline();
    @Message String htmlLang();
    @Message String logout();
    @Message String account();
    @Message String demoBanner();
    @Message String demoHistory(int done, int total);
    @Message String footer();
    @Message String nav_home();
    @Message String nav_adminGroup();
    @Message String nav_cases();
    @Message String nav_departments();
    @Message String nav_staff();
    @Message String nav_regions();
    @Message String nav_calendar();
    @Message String nav_signins();
    @Message String nav_catalog();
    @Message String nav_grids();
    @Message String nav_basemap();
    @Message String nav_components();
    @Message String nav_map();
    @Message String nav_hotline();
    @Message String nav_open311();
    @Message String nav_screen();
    @Message String nav_routing();
    @Message String nav_alerts();
    @Message String nav_alertRules();
    @Message String nav_collector();
    @Message String nav_tracks();
    @Message String nav_moderation();
    @Message String nav_public();
    @Message String nav_cameras();
    @Message String nav_backups();
    @Message String nav_sync();
    @Message String nav_hub();
    @Message String nav_hubEvaluation();
    @Message String nav_callbacks();
    @Message String nav_appeals();
    @Message String nav_evaluation();
    @Message String roleName(Role role);
    @Message String roleDuty(Role role);
    @Message String errorTitle(int status);
    /** What kind of error an {@link ApiError} code is (the JSON error's {@code zh}/{@code en}). */
    @Message String apiError(String code);
    @Message String technicalDetail();
    @Message String error403Hint();
    @Message String error403Roles();
    @Message String error404Hint();
    @Message String errorBack();
    @Message String save();
    @Message String cancel();
    @Message String edit();
    @Message String create();
    @Message String yes();
    @Message String no();
    @Message String active();
    @Message String inactive();
    @Message String actions();
    @Message String saved();
    @Message String homeTitle();
    @Message String homeWelcome(String name);
    @Message String homeRolesIntro();
    @Message String homeCounty();
    @Message String homeNoCounty();
    @Message String homeFacts(long streets, long communities, long departments, long staff);
}
