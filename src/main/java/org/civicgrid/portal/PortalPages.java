package org.civicgrid.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 公众门户页面 — {@code /public/}: the report form (problem in plain words, pin, photo, challenge), the case follow
 * page with the rating form after closure, the published recent cases and the department results. No sign-in.
 */
@Path("/public")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    /** A problem choice of the form. */
    record Choice(String key, String label, boolean selected) {
    }

    /** What the report form shows, including what was typed when it comes back with an error. */
    record ReportPage(List<Choice> problems, Challenge.Question question, PortalForm form, String error, String errorField) {
    }

    record FollowPage(String number, String key, boolean justReported, PortalQueries.Progress progress, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(ReportPage page);

        static native TemplateInstance follow(FollowPage page);

        static native TemplateInstance recent(List<PortalQueries.Progress> cases);

        static native TemplateInstance results(PortalQueries.Results results);
    }

    private final PortalIntake intake;
    private final PortalQueries queries;
    private final Challenge challenge;
    private final AddressRateLimit rate;

    PortalPages(PortalIntake intake, PortalQueries queries, Challenge challenge, AddressRateLimit rate) {
        this.intake = intake;
        this.queries = queries;
        this.challenge = challenge;
        this.rate = rate;
    }

    @GET
    @Path("/")
    public TemplateInstance home(@Context HttpServerRequest request) {
        return reportPage(new PortalForm(), null, request);
    }

    @POST
    @Path("report")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response report(@BeanParam PortalForm form, @Context HttpServerRequest request) {
        try {
            PortalIntake.Filed filed = intake.report(form, rate.addressOf(request));
            return Response.seeOther(URI.create("/public/cases?new=1&number=" + filed.file().number + "&key=" + encode(filed.key()))).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(reportPage(form, problem, request)).build();
        }
    }

    @GET
    @Path("cases")
    public TemplateInstance follow(@RestQuery String number, @RestQuery String key, @RestQuery("new") String justReported,
            @Context HttpServerRequest request) {
        PortalQueries.Progress progress = null;
        String error = null;
        if (number != null && !number.isBlank()) {
            try {
                progress = queries.progress(number, english(request));
            } catch (Problem notFound) {
                error = notFound.getMessage();
            }
        }
        return Templates.follow(new FollowPage(number == null ? "" : number.trim(), key, justReported != null, progress, error));
    }

    @POST
    @Path("cases/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@RestForm String number, @RestForm String key, @RestForm Integer score, @RestForm String comment,
            @Context HttpServerRequest request) {
        try {
            rate.acquire(rate.addressOf(request));
            queries.rate(number, key, score, comment, english(request));
            return Response.seeOther(URI.create("/public/cases?number=" + encode(number) + "&key=" + encode(key))).build();
        } catch (Problem problem) {
            PortalQueries.Progress progress = null;
            try {
                progress = queries.progress(number, english(request));
            } catch (Problem notFound) {
                // shown as the error below
            }
            return Response.status(problem.status())
                    .entity(Templates.follow(new FollowPage(number, key, false, progress, problem.getMessage()))).build();
        }
    }

    @GET
    @Path("recent")
    public TemplateInstance recent(@Context HttpServerRequest request) {
        return Templates.recent(queries.recent(english(request)));
    }

    @GET
    @Path("results")
    public TemplateInstance results() {
        return Templates.results(queries.results());
    }

    private TemplateInstance reportPage(PortalForm form, Problem problem, HttpServerRequest request) {
        boolean english = english(request);
        List<Choice> problems = Arrays.stream(PlainProblem.values())
                .map(p -> new Choice(p.name(), p.label(english), p.name().equals(form.problem))).toList();
        return Templates.report(new ReportPage(problems, challenge.next(english), form, problem == null ? null : problem.getMessage(),
                problem == null ? null : problem.field()));
    }

    private static boolean english(HttpServerRequest request) {
        var cookie = request.getCookie(PageContext.LANG_COOKIE);
        return cookie != null && "en".equals(cookie.getValue());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
