package org.civicgrid.hub;

import java.util.List;
import java.util.Optional;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.catalog.CodeSystems;
import org.civicgrid.web.Problem;

/**
 * The model of {@code /hub} for one request: the sites, cases and assignments, and what just happened — a notice, a
 * token issued (shown this once), or the problem of one form with the values it was sent, to show them again.
 */
public final class HubOverview {

    /** A site's token as issued now, with the hub's address the town box calls. */
    public record Issued(String siteId, String token, boolean reissued, String hubUrl) {
    }

    public final List<HubApi.SiteView> sites;
    public final List<HubApi.CaseView> cases;
    public final List<HubAssignment> assignments;
    /** The site the lists are narrowed to, or null. */
    public final String site;
    public final List<CaseStage> stages;
    public final Optional<String> tileUrl;
    public final Optional<String> tileAttribution;
    /** Admins register sites, issue tokens and bind certificates. */
    public final boolean admin;
    public final List<CodeSystems.PickGroup> classGroups;

    public String notice;
    public Long assigned;
    public Issued issued;
    public String failedForm;
    public String error;
    public String errorField;
    public HubAssignmentForm form = new HubAssignmentForm();
    public String newSiteId;
    public String newSiteName;

    HubOverview(List<HubApi.SiteView> sites, List<HubApi.CaseView> cases, List<HubAssignment> assignments, String site, Optional<String> tileUrl,
            Optional<String> tileAttribution, boolean admin, List<CodeSystems.PickGroup> classGroups) {
        this.sites = sites;
        this.cases = cases;
        this.assignments = assignments;
        this.site = site;
        this.stages = List.of(CaseStage.values());
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
        this.admin = admin;
        this.classGroups = classGroups;
        this.form.siteId = site;
    }

    /** True when this form's input was refused (its problem shows next to it). */
    public boolean failed(String name) {
        return name.equals(failedForm);
    }

    /** The field the 上级交办 form was refused for ("" when it was not). */
    public String assignErrorField() {
        return failed("assign") && errorField != null ? errorField : "";
    }

    HubOverview notice(String key) {
        this.notice = key;
        return this;
    }

    HubOverview assigned(Long id) {
        this.assigned = id;
        return this;
    }

    HubOverview issued(Issued token) {
        this.issued = token;
        return this;
    }

    HubOverview failed(String name, Problem problem) {
        this.failedForm = name;
        this.error = problem.getMessage();
        this.errorField = problem.field();
        return this;
    }

    HubOverview assigning(HubAssignmentForm values) {
        this.form = values;
        return this;
    }

    HubOverview registering(String siteId, String name) {
        this.newSiteId = siteId;
        this.newSiteName = name;
        return this;
    }
}
