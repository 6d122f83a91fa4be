package org.civicgrid.portal;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.grid.GridOutlines;
import org.civicgrid.grid.gazetteer.Candidate;
import org.civicgrid.grid.gazetteer.Gazetteer;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 公众接口 — {@code /api/public/*}, open without sign-in (the one open part of {@code /api/}): the problem list, a
 * challenge, reports (multipart), a case's progress by number, the reporter's rating, published recent cases,
 * department results and an address search for the pin.
 */
@Path("/api/public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PortalApi {

    record ProblemOption(String key, String label, String classRef) {
    }

    record Rating(String key, Integer score, String comment) {
    }

    record Place(String name, String address, double lat, double lon) {
    }

    private final PortalIntake intake;
    private final PortalQueries queries;
    private final Challenge challenge;
    private final AddressRateLimit rate;
    private final Gazetteer gazetteer;
    private final GridOutlines grids;

    PortalApi(PortalIntake intake, PortalQueries queries, Challenge challenge, AddressRateLimit rate, Gazetteer gazetteer,
            GridOutlines grids) {
        this.grids = grids;
        this.intake = intake;
        this.queries = queries;
        this.challenge = challenge;
        this.rate = rate;
        this.gazetteer = gazetteer;
    }

    @GET
    @Path("problems")
    public List<ProblemOption> problems(@RestQuery String lang) {
        boolean english = "en".equals(lang);
        return Arrays.stream(PlainProblem.values()).map(p -> new ProblemOption(p.name(), p.label(english), org.civicgrid.catalog.CodeSystems.inActiveSystem(p.classRef))).toList();
    }

    @GET
    @Path("challenge")
    public Challenge.Question challenge(@RestQuery String lang) {
        return challenge.next("en".equals(lang));
    }

    /** 举报: multipart ({@link PortalForm}) → 201 {@code {number, key, follow}}. */
    @POST
    @Path("reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response report(@BeanParam PortalForm form, @Context HttpServerRequest request) {
        PortalIntake.Filed filed = intake.report(form, rate.addressOf(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", filed.file().number);
        body.put("key", filed.key());
        body.put("follow", "/public/cases?number=" + filed.file().number + "&key=" + filed.key());
        return Response.created(URI.create("/api/public/cases/" + filed.file().number)).entity(body).build();
    }

    @GET
    @Path("cases/{number}")
    public PortalQueries.Progress progress(@PathParam("number") String number, @RestQuery String lang) {
        return queries.progress(number, "en".equals(lang));
    }

    @POST
    @Path("cases/{number}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public PortalQueries.Progress rate(@PathParam("number") String number, Rating rating, @Context HttpServerRequest request) {
        if (rating == null) {
            throw Problem.badRequest(null, "send {key, score, comment}");
        }
        rate.acquire(rate.addressOf(request));
        return queries.rate(number, rating.key(), rating.score(), rating.comment(), false);
    }

    @GET
    @Path("recent")
    public List<PortalQueries.Progress> recent(@RestQuery String lang) {
        return queries.recent("en".equals(lang));
    }

    @GET
    @Path("results")
    public PortalQueries.Results results() {
        return queries.results();
    }

    /** The unit grids in force (shape and name) for the pin map. */
    @GET
    @Path("grids")
    @Produces("application/geo+json")
    public Response grids() {
        return Response.ok(grids.inForce(), "application/geo+json").header("Cache-Control", "public, max-age=3600").build();
    }

    /** Address search for the pin: the gazetteer's best places (roads, landmarks, door numbers). */
    @GET
    @Path("places")
    public List<Place> places(@RestQuery String q) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw Problem.badRequest("q", "type a place or address (up to 100 characters)");
        }
        List<Candidate> found = gazetteer.search(q, 12);
        // each place once: a stored door and the same door placed on its road, or a name found by its alias, answer once
        List<Place> places = new java.util.ArrayList<>();
        for (Candidate c : found) {
            boolean seen = places.stream().anyMatch(p -> p.name().equals(c.name())
                    && (java.util.Objects.equals(p.address(), c.address()) || Math.abs(p.lat() - c.lat()) + Math.abs(p.lon() - c.lon()) < 0.0005));
            if (!seen && places.size() < 6) {
                places.add(new Place(c.name(), c.address(), c.lat(), c.lon()));
            }
        }
        return places;
    }
}
