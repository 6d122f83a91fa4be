package org.civicgrid.hotline;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.catalog.CodeSystems;
import org.civicgrid.hotline.HotlineViews.ClassGroup;
import org.civicgrid.hotline.HotlineViews.ClassOption;
import org.civicgrid.hotline.HotlineViews.DeskPage;
import org.civicgrid.hotline.HotlineViews.LogQuery;
import org.civicgrid.hotline.HotlineViews.Taken;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 热线受理页 — {@code /hotline}: the desk (caller, address search and map pick, class picker, description), the
 * {@code suggestions} fragment htmx reloads as class or point change (open cases of the class nearby, each with a
 * "merge into" button), the call posted to {@code /hotline} → 303 back with what came of it; {@code /hotline/calls}:
 * the call log with filters. Acceptors and shift leads only: caller details are staff data.
 */
@Path("/hotline")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD})
@Blocking
public class HotlinePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(DeskPage page);

        static native TemplateInstance suggestions(HotlineViews.Suggestions suggestions);

        static native TemplateInstance calls(HotlineViews.LogPage page);
    }

    private final HotlineDesk desk;
    private final CallLog log;
    private final DuplicateSuggestions suggestions;
    private final CurrentUser user;

    HotlinePages(HotlineDesk desk, CallLog log, DuplicateSuggestions suggestions, CurrentUser user) {
        this.desk = desk;
        this.log = log;
        this.suggestions = suggestions;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance desk(@RestQuery Long call) {
        Taken taken = call == null ? null : HotlineCall.<HotlineCall>findByIdOptional(call).map(HotlinePages::taken).orElse(null);
        return page(new CallForm(), taken, null);
    }

    /** The duplicate suggestions for a class at a point (the desk's htmx fragment). */
    @GET
    @Path("suggestions")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance suggestions(@RestQuery String classCode, @RestQuery String lat, @RestQuery String lon) {
        return Templates.suggestions(suggestions.around(classCode, number(lat), number(lon)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response take(@BeanParam CallForm form) {
        try {
            HotlineCall call = desk.take(form, Actor.of(user));
            return Response.seeOther(URI.create("/hotline?call=" + call.id)).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(form, null, problem)).build();
        } catch (OptimisticLockException stale) {
            return Response.status(409).entity(page(form, null, Problem.conflict("conflict", "the case changed meanwhile: try again"))).build();
        }
    }

    @GET
    @Path("calls")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance calls(@RestQuery String from, @RestQuery String to, @RestQuery CallOutcome outcome, @RestQuery String q,
            @RestQuery Integer page) {
        return Templates.calls(log.page(new LogQuery(blankToNull(from), blankToNull(to), outcome, blankToNull(q)),
                page == null ? 0 : Math.max(0, page)));
    }

    private TemplateInstance page(CallForm form, Taken taken, Problem problem) {
        return Templates.desk(new DeskPage(form, classes(), taken, problem == null ? null : problem.getMessage(),
                problem == null ? null : problem.field()));
    }

    private static Taken taken(HotlineCall call) {
        String number = call.caseId == null ? null : CaseFile.<CaseFile>findByIdOptional(call.caseId).map(c -> c.number).orElse(null);
        String kept = call.mergedIntoId == null ? null : CaseFile.<CaseFile>findByIdOptional(call.mergedIntoId).map(c -> c.number).orElse(null);
        return new Taken(call.outcome, call.caseId, number, call.mergedIntoId, kept);
    }

    /** The active code system's classes, one group per kind and major, each once with its alias. */
    private static List<ClassGroup> classes() {
        Map<String, List<ClassOption>> groups = new LinkedHashMap<>();
        for (CodeSystems.PickOption c : CodeSystems.options()) {
            groups.computeIfAbsent(c.majorName(), k -> new java.util.ArrayList<>()).add(new ClassOption(c.ref(), c.code(), c.name(), c.alias()));
        }
        return groups.entrySet().stream().map(e -> new ClassGroup(e.getKey(), e.getValue())).toList();
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
